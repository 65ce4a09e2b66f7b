"""Stage 6 — assemble: header fields and the lossless outline tree, with values on their nodes.

The header is read from the typed blocks of ``tokenize``: metadata lines, title, document
number, addressees; the signature and date under the cover notice; the enclosed text's title.
The outline is built from heading blocks. Depth comes from the order in which marker styles
first appear in the document (not from a fixed table), so 一、 → 1. works as well as
一、 → （一） → 1. Every block belongs to exactly one node, so node spans tile the document.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass, field
from typing import Sequence

import regex

from .grammar import Grammar
from .models import (
    Amount,
    Citation,
    DateValue,
    DocNumber,
    DocType,
    Effective,
    Node,
    Notice,
    ParagraphRole,
    Repeal,
    Source,
    TextValue,
    Unit,
    Warning,
)
from .normalize import TextView
from .segment import DocumentRange, LineKind, title_kind
from .tokenize import Block

__all__ = ["Header", "Extracted", "read_header", "build_notice"]

_SPLIT_BODIES = regex.compile(r"[,、;]+")
_DECREE_IN_TITLE = regex.compile(r"令[ ]*\([ ]*第[ ]*[0-9]{1,5}[ ]*号[ ]*\)")


@dataclass
class Header:
    """Header fields of one document and the role of every non-heading block."""

    title: TextValue | None = None
    main_title: TextValue | None = None
    doc_type: DocType | None = None
    doc_number: DocNumber | None = None
    issuer: TextValue | None = None
    issuers: list[TextValue] = field(default_factory=list)
    addressees: list[TextValue] = field(default_factory=list)
    cc: list[TextValue] = field(default_factory=list)
    signed_date: DateValue | None = None
    published_date: DateValue | None = None
    roles: dict[int, ParagraphRole] = field(default_factory=dict)  # block index → role


@dataclass
class Extracted:
    """What the extractors found in one document (source spans)."""

    amounts: list[Amount] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    unit_groups: list[tuple[int, list[Unit]]] = field(default_factory=list)
    effective: Effective | None = None
    repeals: list[Repeal] = field(default_factory=list)


def _strip_value(view: TextView, start: int, end: int) -> TextValue | None:
    """A text value for ``[start, end)`` without surrounding spaces and line ends."""
    text = view.text
    while start < end and text[start] in " \r\n":
        start += 1
    while end > start and text[end - 1] in " \r\n":
        end -= 1
    return view.value(start, end) if end > start else None


def _first_date(view: TextView, grammar: Grammar, start: int, end: int, kind: str) -> DateValue | None:
    from .extract import extract_dates

    for d in extract_dates(view, grammar, start, end):
        if d.value is not None and d.precision == "day":
            return d.model_copy(update={"kind": kind})
    return None


def _bodies(view: TextView, start: int, end: int) -> list[TextValue]:
    """Split an addressee or 抄送 line into one value per body."""
    out = []
    pos = start
    for m in _SPLIT_BODIES.finditer(view.text, start, end):
        v = _strip_value(view, pos, m.start())
        if v is not None:
            out.append(v)
        pos = m.end()
    v = _strip_value(view, pos, end)
    if v is not None:
        out.append(v)
    return out


def _doc_type(title: str | None, grammar: Grammar) -> DocType | None:
    if not title:
        return None
    if _DECREE_IN_TITLE.search(title) or title.rstrip().endswith("令"):
        return "令"
    bare = regex.sub(r"[ ]*\([^()]{1,80}\)[ ]*$", "", title.strip())
    table = grammar.table("doctypes", "title_suffix")
    for suffix in sorted(table, key=len, reverse=True):
        if bare.endswith(suffix):
            return table[suffix]  # type: ignore[return-value]
    return None


def read_header(view: TextView, doc: DocumentRange, blocks: Sequence[Block], grammar: Grammar) -> Header:
    """Read the header and footer fields of one document from its blocks."""
    from .extract import extract_doc_numbers

    h = Header()
    text = view.text
    numbers: list[DocNumber] = []
    in_header = True
    for i, b in enumerate(blocks):
        kind = b.kind
        if kind is LineKind.BLANK:
            continue
        line = text[b.start : b.end]
        if in_header and i == 0 and kind is LineKind.TEXT and title_kind(line.strip(), grammar):
            kind = title_kind(line.strip(), grammar) or kind
        if in_header:
            if kind is LineKind.METADATA:
                h.roles[i] = "metadata"
                m = grammar.rule("header.published").pattern.search(text, b.start, b.end)
                if m and h.published_date is None:
                    h.published_date = _first_date(view, grammar, m.start("date"), m.end("date"), "published")
                numbers.extend(extract_doc_numbers(view, grammar, b.start, b.end))
                continue
            if kind in (LineKind.TITLE, LineKind.ENCLOSED_TITLE, LineKind.DECREE_HEAD):
                h.roles[i] = "title"
                value = _strip_value(view, b.start, b.end)
                m = _DECREE_IN_TITLE.search(text, b.start, b.end)
                if m and value is not None and m.end() < value.span[1] and h.main_title is None:
                    # 深圳市人民政府令（第310号）深圳市…规定 — the decree, then the text it issues
                    h.title = h.title or _strip_value(view, b.start, m.end())
                    h.main_title = _strip_value(view, m.end(), b.end)
                elif h.title is None:
                    h.title = value
                numbers.extend(extract_doc_numbers(view, grammar, b.start, b.end))
                continue
            if kind is LineKind.DOC_NUMBER:
                h.roles[i] = "doc_number"
                found = extract_doc_numbers(view, grammar, b.start, b.end)
                if found:
                    numbers.insert(0, found[0])
                else:
                    m = grammar.rule("docnumber.decree_serial_line").pattern.search(text, b.start, b.end)
                    if m and h.doc_number is None:
                        h.doc_number = _decree_number(view, blocks, i, m)
                continue
            if kind in (LineKind.DECREE_NOTE, LineKind.PUBLIC_NOTE):
                h.roles[i] = "metadata"
                numbers.extend(extract_doc_numbers(view, grammar, b.start, b.end))
                continue
            if kind is LineKind.ADDRESSEE:
                h.roles[i] = "addressee"
                m = grammar.rule("header.addressee").pattern.search(text, b.start, b.end)
                if m:
                    h.addressees.extend(_bodies(view, m.start("body"), m.end("body")))
                continue
            in_header = False
    if h.doc_number is None and numbers:
        h.doc_number = numbers[0]
    _read_signature(view, blocks, grammar, h)
    h.doc_type = _doc_type(h.title.clean if h.title else None, grammar)
    if h.doc_type is None and h.title is None and h.main_title is not None:
        h.doc_type = "通知"  # a cover notice that issues a text is a 通知
    return h


def _decree_number(view: TextView, blocks: Sequence[Block], i: int, serial: regex.Match[str]) -> DocNumber | None:
    """A decree number written over two lines: 深圳市人民政府令 / 第310号 (samples/004 l.3042)."""
    value = _strip_value(view, serial.start(), serial.end())
    if value is None:
        return None
    agency = None
    for b in reversed(blocks[:i]):
        if b.kind is LineKind.DECREE_HEAD:
            head = _strip_value(view, b.start, b.end)
            agency = head.clean if head else None
            break
    return DocNumber.model_construct(
        text=value.text, clean=value.clean, span=value.span, agency=agency, year=None,
        serial=int(serial.group("serial")), rule_id="docnumber.decree_serial_line",
    )


def _read_signature(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header) -> None:
    """Find the signature block(s) and the date under them; mark the roles around them."""
    nonblank = [i for i, b in enumerate(blocks) if b.kind is not LineKind.BLANK]
    for n, i in enumerate(nonblank):
        if blocks[i].kind is not LineKind.SIGNATURE or i in h.roles:
            continue
        run = [i]
        m = n + 1
        while m < len(nonblank) and blocks[nonblank[m]].kind is LineKind.SIGNATURE:
            run.append(nonblank[m])
            m += 1
        if m >= len(nonblank) or blocks[nonblank[m]].kind is not LineKind.DATE:
            continue
        date_i = nonblank[m]
        for j in run:
            h.roles[j] = "signature"
            b = blocks[j]
            pat = grammar.rule("header.person_signature").pattern.search(view.text, b.start, b.end) or grammar.rule(
                "header.signature"
            ).pattern.search(view.text, b.start, b.end)
            if pat:
                v = _strip_value(view, pat.start("body"), pat.end("body"))
                if v is not None:
                    h.issuers.append(v)
        h.issuer = h.issuers[0] if h.issuers else None
        h.roles[date_i] = "date"
        h.signed_date = _first_date(view, grammar, blocks[date_i].start, blocks[date_i].end, "signed")
        # what the cover notice issues: the title line right after the date (and a 此件 note)
        for k in nonblank[m + 1 : m + 3]:
            b = blocks[k]
            if b.kind is LineKind.PUBLIC_NOTE:
                h.roles[k] = "footer"
                continue
            if b.kind in (LineKind.TITLE, LineKind.ENCLOSED_TITLE) and h.main_title is None:
                h.roles[k] = "main_title"
                h.main_title = _strip_value(view, b.start, b.end)
            break
        return


_ROLE_OF_KIND: dict[LineKind, ParagraphRole] = {
    LineKind.ATTACHMENT: "attachment",
    LineKind.CC: "cc",
    LineKind.PRINTED: "footer",
    LineKind.PUBLIC_NOTE: "footer",
    LineKind.METADATA: "metadata",
}


@dataclass
class _Open:
    block: Block
    depth: int
    start: int  # view
    end: int  # view (own text)
    children: list["_Open | _Para"] = field(default_factory=list)


@dataclass
class _Para:
    role: ParagraphRole
    start: int
    end: int


def build_notice(
    view: TextView,
    doc: DocumentRange,
    blocks: Sequence[Block],
    header: Header,
    found: Extracted,
    grammar: Grammar,
    *,
    index: int,
    path: str | None,
    version: str,
    warnings: Sequence[Warning] = (),
) -> Notice:
    """Build the frozen :class:`Notice` of one document: outline, values on nodes, header."""
    top: list[_Open | _Para] = []
    stack: list[_Open] = []
    styles: list[str] = []
    closed = False  # after a structural block, text is a top-level paragraph until a heading
    for i, b in enumerate(blocks):
        role = header.roles.get(i)
        if b.kind is LineKind.HEADING and b.style is not None and role is None:
            if b.style not in styles:
                styles.append(b.style)
            depth = styles.index(b.style)
            while stack and stack[-1].depth >= depth:
                stack.pop()
            node = _Open(b, depth, b.start, b.end)
            (stack[-1].children if stack else top).append(node)
            stack.append(node)
            closed = False
            continue
        if role is None:
            role = _ROLE_OF_KIND.get(b.kind)
        if role is None and stack and not closed:
            stack[-1].end = b.end  # continuation of the open node's own text
            continue
        if role is not None and role not in ("text", "preamble"):
            closed = bool(stack) or closed
            stack.clear()
        if role is None:
            role = "preamble" if not _has_heading(top) else "text"
        if top and isinstance(top[-1], _Para) and top[-1].role == role and role in ("preamble", "text", "metadata"):
            top[-1].end = b.end
        else:
            top.append(_Para(role, b.start, b.end))
    pre_order: list[tuple[int, int]] = []  # (source start, id) for attaching values
    _collect(top, view, pre_order)
    starts = [s for s, _ in pre_order]
    attached: dict[int, dict[str, list[object]]] = {}

    def attach(source_start: int, key: str, value: object) -> None:
        k = bisect.bisect_right(starts, source_start) - 1
        if k < 0:
            k = 0
        attached.setdefault(pre_order[k][1], {}).setdefault(key, []).append(value)

    for a in found.amounts:
        attach(a.span[0], "amounts", a)
    for d in found.dates:
        attach(d.span[0], "dates", d)
    for c in found.citations:
        attach(c.span[0], "citations", c)
    for offset, group in found.unit_groups:
        attach(view.to_source_start(offset), "unit_groups", group)
    body = [_freeze(item, view, attached, "", grammar) for item in top]
    s0, s1 = view.to_source_start(doc.start), view.to_source_start(doc.end)
    notice = Notice.model_construct(
        source=Source.model_construct(path=path, index=index, span=(s0, s1)),
        sztext_version=version,
        grammar_digest=grammar.digest,
        title=header.title,
        main_title=header.main_title,
        doc_type=header.doc_type,
        doc_number=header.doc_number,
        issuer=header.issuer,
        issuers=header.issuers,
        addressees=header.addressees,
        cc=header.cc,
        signed_date=header.signed_date,
        published_date=header.published_date,
        effective=found.effective,
        repeals=found.repeals,
        body=body,
        amounts=found.amounts,
        dates=found.dates,
        citations=found.citations,
        noise=view.noise(s0, s1),
        warnings=list(warnings),
        duplicate_of=None,
    )
    notice._source_text = view.source
    return notice


def _has_heading(items: list[_Open | _Para]) -> bool:
    return any(isinstance(item, _Open) for item in items)


def _collect(items: list[_Open | _Para], view: TextView, out: list[tuple[int, int]]) -> None:
    for item in items:
        out.append((view.to_source_start(item.start), id(item)))
        if isinstance(item, _Open):
            _collect(item.children, view, out)


def _heading_text(view: TextView, b: Block) -> str | None:
    line_end = view.text.find("\n", b.marker_end, b.end)
    stop = b.end if line_end < 0 else line_end
    full_stop = view.text.find("。", b.marker_end, stop)
    end = full_stop if full_stop >= 0 else stop
    heading = view.clean[b.marker_end:end].strip(" \u3000\r\t")
    return heading if heading and len(heading) <= 120 else None


def _freeze(item: _Open | _Para, view: TextView, attached: dict[int, dict[str, list[object]]], parent_path: str, grammar: Grammar) -> Node:
    # Both ends map as starts, so that noise deleted at a boundary belongs to the next node
    # and node spans stay contiguous (the outline tiles the document).
    s, e = view.to_source_start(item.start), view.to_source_start(item.end)
    extra = attached.get(id(item), {})
    common = dict(
        text=view.source[s:e],
        clean=view.clean[item.start : item.end],
        span=(s, e),
        unit_groups=extra.get("unit_groups", []),
        amounts=extra.get("amounts", []),
        dates=extra.get("dates", []),
        citations=extra.get("citations", []),
    )
    if isinstance(item, _Para):
        return Node.model_construct(kind="paragraph", role=item.role, marker=None, number=None, path=None, heading=None, children=[], **common)
    b = item.block
    number = b.number
    path = f"{parent_path}.{number if number is not None else '?'}" if parent_path else str(number if number is not None else "?")
    children = [_freeze(child, view, attached, path, grammar) for child in item.children]
    marker = view.clean[b.marker_start : b.marker_end]
    return Node.model_construct(
        kind=b.node_kind or "paragraph", role=None, marker=marker, number=number, path=path,
        heading=_heading_text(view, b), children=children, **common,
    )
