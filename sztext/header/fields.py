"""The header record one document's header fields are read into, and the small readers the
header modules share (one ``^``-anchored rule on one block, the first day-precise date)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import regex

from ..grammar import Grammar
from ..models import DateValue, DocNumber, DocType, JurisdictionRef, ParagraphRole, Secrecy, TextValue, Warning
from ..normalize import TextView
from ..segment import LineKind
from ..tokenize import Block

DECREE_IN_TITLE = regex.compile(r"令[ ]*\([ ]*第[ ]*[0-9]{1,5}[ ]*号[ ]*\)")
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


def first_date(view: TextView, grammar: Grammar, start: int, end: int, kind: str) -> DateValue | None:
    from ..extract import extract_dates

    for d in extract_dates(view, grammar, start, end):
        if d.value is not None and d.precision == "day":
            return d.model_copy(update={"kind": kind})
    return None


def previous_nonblank(blocks: Sequence[Block], i: int) -> int:
    j = i - 1
    while j >= 0 and blocks[j].kind is LineKind.BLANK:
        j -= 1
    return j
