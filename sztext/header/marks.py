"""GB/T 9704 marks of the 版头 and 版记: 紧急程度, 附注, 印发机关 and 印发日期, 抄送."""

from __future__ import annotations

from typing import Sequence

from ..grammar import Grammar
from ..normalize import TextView
from ..segment import DocumentRange, LineKind
from ..tokenize import Block
from ..values import split_bodies as _bodies
from ..values import strip_value as _strip_value
from .fields import Header
from .fields import first_date as _first_date
from .fields import search as _search


def read_marks(view: TextView, doc: DocumentRange, blocks: Sequence[Block], grammar: Grammar, h: Header) -> None:
    """The marks printed around the text: 版记 (印发机关, 印发日期), 紧急程度 and 附注, 抄送."""
    _read_printed(view, blocks, grammar, h)
    _read_marks(view, doc, blocks, grammar, h)
    for b in blocks:
        if b.kind is LineKind.CC:  # 抄送：市委办公厅，市人大常委会办公厅。
            found = _search("header.cc", grammar, view.text, b.start, b.end)
            if found:
                m, off = found
                h.cc.extend(_bodies(view, grammar, off + m.start("body"), off + m.end("body")))


def _read_marks(view: TextView, doc: DocumentRange, blocks: Sequence[Block], grammar: Grammar, h: Header) -> None:
    """紧急程度 in the lines above the title (特急 alone on its line, or a telegram's 等级特急 — also
    in the part of the document's first line before its start, a 发电 header the document range
    leaves out), and the 附注 under the signature (the first bracketed （此件公开发布） note)."""
    text = view.text
    first_title = next((i for i, role in sorted(h.roles.items()) if role == "title"), None)
    head = [(b.start, b.end) for b in (blocks[:first_title] if first_title is not None else blocks[:6])]
    line_start = text.rfind("\n", 0, doc.start) + 1
    if line_start < doc.start:
        head.insert(0, (line_start, doc.start))
    for start, end in head:
        found = _search("header.urgency", grammar, text, start, end)
        if found:
            m, off = found
            h.urgency = _strip_value(view, off + m.start("urgency"), off + m.end("urgency"))
            break
    for b in blocks:
        if b.kind is not LineKind.PUBLIC_NOTE:
            continue
        found = _search("header.note", grammar, text, b.start, b.end)
        if found:
            m, off = found
            h.note = _strip_value(view, off + m.start("note"), off + m.end("note"))
            return


def _read_printed(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header) -> None:
    """The 版记 line ``深圳市人民政府办公厅 2024年12月13日印发``: 印发机关 and 印发日期 (the first such line)."""
    for b in blocks:
        if b.kind is not LineKind.PRINTED:
            continue
        found = _search("header.printed", grammar, view.text, b.start, b.end)
        if not found:
            continue
        m, off = found
        h.printed_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "mention")
        if m.group("body").strip():
            h.printed_by = _strip_value(view, off + m.start("body"), off + m.end("body"))
        return
