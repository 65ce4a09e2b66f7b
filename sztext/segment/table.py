"""The ``lines`` stage: the logical lines of a whole view, each classified (:class:`LineTable`).

Computed once per text by :func:`line_table` and passed, as a value, to the archive state machine
(:func:`sztext.segment.segment_archive`) and to the tokenizer of each document: a line's kind is a
function of the text, the line and the grammar only, so a line classified here needs no second look.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

from ..budget import CHECK_MASK, check_budget
from ..errors import ArgumentError
from ..grammar import Grammar
from ..normalize import TextView
from .classify import classify
from .kinds import Line, LineKind, Lines, physical_lines
from .lines import join_at, join_lines, LineFacts

__all__ = ["LineTable", "line_table"]


@dataclass(frozen=True, slots=True)
class LineTable:
    """The logical lines of a whole view and their kinds, classified once.

    :func:`segment_archive` reads the archive from it and :func:`sztext.tokenize.tokenize` reuses
    it for each document: a line's kind is a function of the text, the line and the grammar only,
    so a line classified here needs no second look.
    """

    text: str  # the view's text (the table belongs to it and to the grammar of ``digest``)
    digest: str
    lines: Lines  # int arrays, not a Line object a line (issue 16: the memory of short-line texts)
    kinds: list[LineKind]
    physical: Lines  # split_lines of the whole text (``lines`` itself when no line is joined or cut)
    facts: LineFacts

    @property
    def starts(self) -> Sequence[int]:
        """``lines[k].start``, ascending."""
        return self.lines.starts

    @property
    def physical_starts(self) -> Sequence[int]:
        return self.physical.starts

    def belongs_to(self, view: TextView, grammar: Grammar) -> None:
        """Refuse a table computed for another text or grammar (``ArgumentError``)."""
        if self.text is not view.text or self.digest != grammar.digest:
            raise ArgumentError("this LineTable was computed for another text or grammar: pass line_table(view, grammar)")

    def kind_of(self, line: Line) -> LineKind | None:
        """The kind of ``line`` when it is one of the table's lines, else ``None``."""
        k = bisect.bisect_left(self.starts, line.start)
        return self.kinds[k] if k < len(self.lines) and self.lines[k] == line else None

    def lines_of(self, text: str, start: int, end: int) -> tuple[Lines, list[LineKind]] | None:
        """The logical lines of ``text[start:end]`` and their kinds, when the range starts and
        ends at whole lines of the table; else ``None``.

        Such a range has the same physical lines as the whole text, and a line's joins (a
        metadata value, a date one part per line) never reach past the next table line, so
        ``logical_lines(text, grammar, start, end)`` is exactly this slice of the table.
        """
        n = len(text)
        if not (0 <= start <= end <= n):
            return None
        i = bisect.bisect_left(self.starts, start)
        if start < n and (i >= len(self.starts) or self.starts[i] != start or (start > 0 and text[start - 1] != "\n")):
            return None
        j = bisect.bisect_left(self.starts, end)
        if end < n and (j >= len(self.starts) or self.starts[j] != end or text[end - 1] != "\n"):
            return None
        return self.lines[i:j], self.kinds[i:j]

    def document_lines(self, text: str, grammar: Grammar, start: int, end: int) -> tuple[Lines, list[LineKind]]:
        """``logical_lines(text, grammar, start, end)`` and the kind of each line, from the table
        where it has them and computed where it has not (at a range that starts or ends
        mid-line). ``text`` and ``grammar`` must be the table's."""
        known = self.lines_of(text, start, end)
        if known is not None:
            return known
        physical = self._physical_of(text, start, end)
        n = len(physical)
        lines = Lines(len(text))
        kinds: list[LineKind] = []
        done = 0  # lines[:done] have their kinds
        i = 0
        # A line group that starts at physical line i (i + 6 < n) reads lines i … i + 5 only, all
        # whole lines of the text: where the table also starts a group at line i, the two agree
        # from there until six lines before the end. Compute the edges, copy the middle.
        while i < n:
            if i + 6 < n and self._group_starts_at(text, physical[i].start):
                k = bisect.bisect_left(self.starts, physical[i].start)
                k2 = bisect.bisect_left(self.starts, physical[n - 6].start, k)
                resume = self.lines[k2 - 1].stop
                skip = bisect.bisect_left(self.physical_starts, resume) - bisect.bisect_left(self.physical_starts, physical[i].start)
                if k2 <= k or i + skip >= n or physical[i + skip].start != resume:  # cannot happen
                    lines = Lines(len(text))
                    join_lines(text, physical, grammar, self.facts, lines)
                    kinds.clear()
                    done = 0
                    break
                self._kinds_of(text, grammar, lines, kinds, done)
                lines.extend(self.lines[k:k2])
                kinds.extend(self.kinds[k:k2])
                done = len(lines)
                i += skip
                while i < n:
                    i = join_at(text, physical, i, grammar, self.facts, lines)
                break
            i = join_at(text, physical, i, grammar, self.facts, lines)
        self._kinds_of(text, grammar, lines, kinds, done)
        return lines, kinds

    def _group_starts_at(self, text: str, pos: int) -> bool:
        """A table line starts at ``pos``, the start of a physical line (not a cut of one)."""
        if pos > 0 and text[pos - 1] != "\n":
            return False
        k = bisect.bisect_left(self.starts, pos)
        return k < len(self.starts) and self.starts[k] == pos

    def _kinds_of(self, text: str, grammar: Grammar, lines: Lines, kinds: list[LineKind], done: int) -> None:
        for line in lines[done:]:
            kind = self.kind_of(line)
            kinds.append(kind if kind is not None else classify(text, line, grammar)[0])

    def _physical_of(self, text: str, start: int, end: int) -> Lines:
        """``split_lines(text, start, end)``, from the whole text's lines."""
        out = Lines(len(text))
        if start >= end:
            return out
        ps = self.physical_starts
        a = bisect.bisect_left(ps, start)
        if a >= len(ps) or ps[a] != start:  # the range starts mid-line
            nl = text.find("\n", start, end)
            if nl < 0:
                out.append(Line(start, end, end))
                return out
            out.append(Line(start, nl, nl + 1))  # and ps[a] == nl + 1
        b = bisect.bisect_left(ps, end)
        out.extend(self.physical[a:b])
        if out and out[-1].stop > end:
            last = out[-1]
            out[-1] = Line(last.start, end, end)  # the range ends mid-line (or right before its "\n")
        return out


def line_table(view: TextView, grammar: Grammar) -> LineTable:
    """The ``lines`` stage: the :class:`LineTable` of the whole view (its logical lines, each
    classified). The pipeline computes it once per text and passes it to
    :func:`~sztext.segment.segment_archive` and :func:`sztext.tokenize.tokenize`."""
    text = view.text
    physical = physical_lines(text)
    facts = LineFacts()
    lines = Lines(len(text))
    join_lines(text, physical, grammar, facts, lines)
    if lines == physical:
        lines = physical  # no line joined or cut: one copy
    kinds = []
    for i, ln in enumerate(lines):
        if not i & CHECK_MASK:
            check_budget("segment")
        kinds.append(classify(text, ln, grammar)[0])
    return LineTable(text, grammar.digest, lines, kinds, physical, facts)
