"""Stage 3 — segment: split an archive into documents, and classify the lines that decide it.

An archive is many notices concatenated (samples/004): documents start with a metadata line,
a title (often glued onto the previous document's last line), a document number, a decree
header or an addressee line. A small state machine walks the classified lines; a notice that
issues an enclosed text (通知 + 办法) stays one document. Nothing is dropped: documents are
contiguous, and page debris between two documents ends the earlier one.

The lines of the whole archive are classified once, by the ``lines`` stage (:func:`line_table`,
a :class:`LineTable`); the pipeline passes that table to :func:`segment_archive` and to the
tokenizer of each document.

Modules: ``kinds`` (line types), ``rules`` (the grammar rules prepared per grammar), ``text``
(one line's text), ``lines`` (logical lines), ``classify`` (a line's kind), ``table`` (the
line table: the ``lines`` stage), ``archive`` (the document state machine).
"""

from __future__ import annotations

from .archive import glued_start, segment_archive
from .classify import classify
from .kinds import DocumentRange, Line, LineKind, split_lines
from .lines import logical_lines
from .table import LineTable, line_table
from .text import strip_trailing_debris, title_kind

__all__ = [
    "Line", "LineKind", "LineTable", "split_lines", "logical_lines", "classify", "title_kind", "line_table",
    "segment_archive", "DocumentRange", "glued_start", "strip_trailing_debris",
]
