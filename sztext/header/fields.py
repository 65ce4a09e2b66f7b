"""The header record one document's header fields are read into, and the small readers the
header modules share (one ``^``-anchored rule on one block, the first day-precise date)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Sequence

import regex

from ..grammar import Grammar
from ..models import DateValue, DocNumber, DocType, JurisdictionRef, ParagraphRole, Secrecy, TextValue, Warning
from ..normalize import TextView
from ..segment import LineKind
from ..tokenize import Block
from ..values import strip_value

TITLE_KINDS = (LineKind.TITLE, LineKind.ENCLOSED_TITLE, LineKind.DECREE_HEAD)


@dataclass
class Header:
    """Header fields of one document and the role of every non-heading block."""

    title: TextValue | None = None
    main_title: TextValue | None = None
    doc_type: DocType | None = None
    doc_number: DocNumber | None = None
    issuer: TextValue | None = None
    issuers: list[TextValue] = field(default_factory=list)
    signer: TextValue | None = None  # the person who signs a decree (省长 马兴瑞)
    addressees: list[TextValue] = field(default_factory=list)
    cc: list[TextValue] = field(default_factory=list)
    signed_date: DateValue | None = None
    published_date: DateValue | None = None
    effective_date: DateValue | None = None  # a 实施日期 of the metadata (extract_effective ``stated``)
    decree: bool = False  # the doc_number is the number of the 令 that promulgated the text (a law record's history)
    copy_number: TextValue | None = None  # 份号: 000001
    secrecy: Secrecy | None = None  # 密级 and 保密期限: 机密★1年
    urgency: TextValue | None = None  # 紧急程度: 特急, 加急
    note: TextValue | None = None  # 附注: （此件公开发布）
    printed_by: TextValue | None = None  # 版记: 印发机关 (…办公厅 2024年3月1日印发)
    printed_date: DateValue | None = None  # 版记: 印发日期
    roles: dict[int, ParagraphRole] = field(default_factory=dict)  # block index → role
    jurisdiction: JurisdictionRef | None = None  # the document's place (extract.jurisdiction)
    warnings: list[Warning] = field(default_factory=list)  # a field the document does not state


def search(rule_id: str, grammar: Grammar, text: str, start: int, end: int) -> tuple[regex.Match[str], int] | None:
    """Search one block with a ``^``-anchored header rule: on the block's own substring, so that
    a block cut out of a longer line (run-on OCR text) still starts a line. Returns the match
    and the offset to add to its positions."""
    m = grammar.rule(rule_id).pattern.search(text[start:end])
    return (m, start) if m else None


def spaced_signers(view: TextView, grammar: Grammar, lo: int, hi: int) -> list[TextValue]:
    """The bodies of a signature's names between view offsets ``lo`` and ``hi`` split where
    ``header.signer`` splits them (joint signers separated by spaces), each stripped; empty pieces left out."""
    out = []
    for m in grammar.rule("header.signer").pattern.finditer(view.text, lo, hi):
        v = strip_value(view, m.start("body"), m.end("body"))
        if v is not None:
            out.append(v)
    return out


def first_date(view: TextView, grammar: Grammar, start: int, end: int, kind: str) -> DateValue | None:
    from ..extract import extract_dates

    for d in extract_dates(view, grammar, start, end):
        if d.value is not None and d.precision == "day":
            return d.model_copy(update={"kind": kind})
    return None


def read_history_note(view: TextView, grammar: Grammar, h: Header, m: regex.Match[str], off: int) -> None:
    """The fields of the first entry of a law record's promulgation history (``header.history_note``):
    its Republic-era date is the published date, its 令's number the doc_number, and 自發布日施行 or
    自一百零三年一月一日施行 the effective date (read by ``extract_effective`` as the one stated)."""
    year_offset = grammar.rule("header.history_note").tags.get("year_offset", 0)
    offset = year_offset if isinstance(year_offset, int) else 0
    h.published_date = _era_date(view, m, off, ("y", "m", "d"), offset, "published", "date")
    if m.group("from"):
        h.effective_date = _era_date(view, m, off, ("fy", "fm", "fd"), offset, "effective", "from")
    elif m.group("issue") and h.published_date is not None:
        h.effective_date = h.published_date.model_copy(update={"kind": "effective"})
    value = view.value(off + m.start("number"), off + m.end("number"))
    h.doc_number = DocNumber(
        text=value.text, clean="".join(value.clean.split()), span=value.span, agency=view.clean[off + m.start("agency") : off + m.end("agency")],
        year=None, serial=int(m.group("serial")), rule_id="header.history_note",
    )
    h.decree = True


def _era_date(view: TextView, m: regex.Match[str], off: int, names: tuple[str, str, str], offset: int, kind: str, group: str) -> DateValue | None:
    from ..numerals import marker_number

    y, mo, d = (marker_number(m.group(n)) for n in names)
    if y is None or mo is None or d is None:
        return None
    try:
        day = _dt.date(y + offset, mo, d)
    except ValueError:
        return None
    value = view.value(off + m.start(group), off + m.end(group))
    return DateValue(value=day, precision="day", kind=kind, rule_id="header.history_note", text=value.text, span=value.span)


def previous_nonblank(blocks: Sequence[Block], i: int) -> int:
    j = i - 1
    while j >= 0 and blocks[j].kind is LineKind.BLANK:
        j -= 1
    return j
