"""GB/T 9704 marks of the 版头 and 版记: 紧急程度 (also glued to the title or 文号 by OCR), 附注,
印发机关 and 印发日期, 抄送."""

from __future__ import annotations

from typing import Sequence, cast

from ..grammar import Grammar
from ..models import Secrecy, SecrecyLevel
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


def strip_glued_urgency(view: TextView, grammar: Grammar, h: Header) -> None:
    """A 紧急程度 mark OCR ran into the 文号 (国家电网有限公司加急办值通(2020)638号) or into the title before its
    关于 (山东省发展和改革委员会特提关于…的函), ``header.glued_urgency``: the mark is the urgency; the 文号 starts
    after it, and the title's ``clean`` leaves it out (its ``text`` keeps the printed span)."""
    rule = grammar.rule("header.glued_urgency").pattern
    text = view.text
    number = h.doc_number
    if number is not None:
        start, end = view.to_view(number.span[0]), view.to_view(number.span[1])
        m = rule.match(text, start, end)
        rest = _strip_value(view, m.start("rest"), end) if m is not None and m.end() == end else None
        if m is not None and rest is not None:
            mark = m.group("urgency")
            agency = number.agency[len(mark) :] if number.agency and number.agency.startswith(mark) else number.agency
            h.doc_number = number.model_copy(update={"text": rest.text, "clean": "".join(rest.clean.split()), "span": rest.span, "agency": agency})
            h.urgency = h.urgency or _strip_value(view, m.start("urgency"), m.end("urgency"))
    title = h.title
    if title is not None:
        start, end = view.to_view(title.span[0]), view.to_view(title.span[1])
        m = next((m for m in rule.finditer(text, start, end) if m.group("about") is not None), None)
        before = _strip_value(view, start, m.start("urgency")) if m is not None else None
        after = _strip_value(view, m.end("urgency"), end) if m is not None else None
        if m is not None and before is not None and after is not None:
            h.title = title.model_copy(update={"clean": before.clean + after.clean})
            h.urgency = h.urgency or _strip_value(view, m.start("urgency"), m.end("urgency"))


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
    head[:0] = _marks_above(view, grammar, line_start)
    for start, end in head if h.urgency is None else ():
        found = _search("header.urgency", grammar, text, start, end)
        if found:
            m, off = found
            h.urgency = _strip_value(view, off + m.start("urgency"), off + m.end("urgency"))
            break
    _read_head_marks(view, grammar, h, head[:8], [(blocks[i].start, blocks[i].end) for i, role in sorted(h.roles.items()) if role == "doc_number"])
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


def _read_head_marks(view: TextView, grammar: Grammar, h: Header, head: list[tuple[int, int]], numbers: list[tuple[int, int]]) -> None:
    """份号 and 密级/保密期限 in the first lines above the title (GB/T 9704 7.2.1, 7.2.2), and the
    签发人 of an 上行文 on its 文号 line or above the title (7.2.6), into ``signer`` when no person
    signed a decree. The first of each; none when not printed."""
    text = view.text
    for start, end in head:
        if h.copy_number is None:
            found = _search("header.copy_number", grammar, text, start, end)
            if found:
                m, off = found
                h.copy_number = _strip_value(view, off + m.start("copy"), off + m.end("copy"))
        if h.secrecy is None:
            found = _search("header.secrecy", grammar, text, start, end)
            if found:
                m, off = found
                v = _strip_value(view, off + m.start("secrecy"), off + m.end("secrecy"))
                if v is not None:
                    period = "".join(m.group("period").split()) if m.group("period") else None
                    level = "".join(m.group("level").split())
                    h.secrecy = Secrecy.model_construct(text=v.text, clean=v.clean, span=v.span, level=cast(SecrecyLevel, level), period=period)
    if h.signer is not None:
        return
    for start, end in [*head, *numbers]:
        sign_off = grammar.rule("header.sign_off").pattern.search(text, start, end)
        if sign_off:
            h.signer = _strip_value(view, sign_off.start("names"), sign_off.end("names"))
            return


_HEAD_MARKS = ("header.copy_number", "header.secrecy", "header.urgency")


def _marks_above(view: TextView, grammar: Grammar, line_start: int) -> list[tuple[int, int]]:
    """The lines right above the document's first line that are each a 份号, 密级 or 紧急程度 mark
    (GB/T 9704 prints them above the 版头, where the document range starts): up to three, nearest
    last; none when the line above is anything else."""
    text = view.text
    found: list[tuple[int, int]] = []
    end = line_start - 1
    while end > 0 and len(found) < 3:
        start = text.rfind("\n", 0, end) + 1
        if not any(_search(rule, grammar, text, start, end) for rule in _HEAD_MARKS):
            break
        found.insert(0, (start, end))
        end = start - 1
    return found
