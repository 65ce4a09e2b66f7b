"""Stage 5b — header: the header and footer fields of one document, read from its typed blocks.

Metadata lines, title (consecutive title lines are one title), document number, decree header
and serial, addressees; the signature and date under the cover notice (or, for a decree, the
person who signs and the body its header names; for a regulation without a signature, its
adoption note); 抄送; the document type from the title. The outline is built in ``assemble``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import regex

from .grammar import Grammar
from .models import DateValue, DocNumber, DocType, JurisdictionRef, ParagraphRole, TextValue
from .normalize import TextView, view_table
from .segment import DocumentRange, LineKind, strip_trailing_debris, title_kind
from .tokenize import Block
from .values import LINE_BREAK as _LINE_BREAK
from .values import split_bodies as _bodies
from .values import strip_value as _strip_value

__all__ = ["Header", "read_header"]

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
    signer: TextValue | None = None  # the person who signs a decree (省长 马兴瑞)
    addressees: list[TextValue] = field(default_factory=list)
    cc: list[TextValue] = field(default_factory=list)
    signed_date: DateValue | None = None
    published_date: DateValue | None = None
    effective_date: DateValue | None = None  # a 实施日期 of the metadata (extract_effective ``stated``)
    urgency: TextValue | None = None  # 紧急程度: 特急, 加急
    note: TextValue | None = None  # 附注: （此件公开发布）
    printed_by: TextValue | None = None  # 版记: 印发机关 (…办公厅 2024年3月1日印发)
    printed_date: DateValue | None = None  # 版记: 印发日期
    roles: dict[int, ParagraphRole] = field(default_factory=dict)  # block index → role
    jurisdiction: JurisdictionRef | None = None  # the document's place (extract.jurisdiction)



def _search(rule_id: str, grammar: Grammar, text: str, start: int, end: int) -> tuple[regex.Match[str], int] | None:
    """Search one block with a ``^``-anchored header rule: on the block's own substring, so that
    a block cut out of a longer line (run-on OCR text) still starts a line. Returns the match
    and the offset to add to its positions."""
    m = grammar.rule(rule_id).pattern.search(text[start:end])
    return (m, start) if m else None


def _first_date(view: TextView, grammar: Grammar, start: int, end: int, kind: str) -> DateValue | None:
    from .extract import extract_dates

    for d in extract_dates(view, grammar, start, end):
        if d.value is not None and d.precision == "day":
            return d.model_copy(update={"kind": kind})
    return None


_PAREN_END = regex.compile(r"[ ]*[（(][^（）()]{1,80}[）)][ ]*$")


def _doc_type(title: str | None, grammar: Grammar) -> DocType | None:
    if not title:
        return None
    if _DECREE_IN_TITLE.search(title.replace("（", "(").replace("）", ")")) or title.rstrip().endswith("令"):
        return "令"
    return _type_by_ending(title, grammar, "title_suffix")


def _regulation_type(title: str, grammar: Grammar) -> DocType | None:
    """条例 / 规定 / 办法 / 细则 / 规则 from a regulation's own title (no 公文 ending)."""
    return _type_by_ending(title, grammar, "regulation_suffix")


def _type_by_ending(title: str, grammar: Grammar, table_name: str) -> DocType | None:
    """The type a ``doctypes`` table gives the title's ending (longest ending first); letter-spaced
    titles (…的 通 知, corpus 0007) read without their spaces, a bracketed tail (（试行）) is ignored."""
    bare = _PAREN_END.sub("", "".join(title.split()))
    table = grammar.table("doctypes", table_name)
    for suffix in sorted(table, key=len, reverse=True):
        if bare.endswith(suffix):
            return table[suffix]  # type: ignore[return-value]
    return None


_TITLE_KINDS = (LineKind.TITLE, LineKind.ENCLOSED_TITLE, LineKind.DECREE_HEAD)


def read_header(view: TextView, doc: DocumentRange, blocks: Sequence[Block], grammar: Grammar) -> Header:
    """Read the header and footer fields of one document from its blocks.

    Header blocks come first: metadata, title (consecutive title lines are one title), 文号,
    decree header and serial, addressees. Then the signature with the date under it, and the
    title of the text the notice issues. Metadata fields (标题, 发文机关, 成文日期) fill what
    the text itself does not show.
    """
    from .extract import extract_doc_numbers

    h = Header()
    text = view.text
    decree_body = ""  # the body of a promulgation note (2008年8月3日 国务院令第529号公布)
    decree_body_span: tuple[int, int] | None = None  # where that body is printed
    numbers: list[DocNumber] = []
    meta: dict[str, tuple[int, int]] = {}
    title_blocks: list[int] = []
    for i, b in enumerate(blocks):
        kind = b.kind
        if kind is LineKind.BLANK:
            continue
        if i == 0 and kind is LineKind.TEXT:
            kind = title_kind(text[b.start : b.end].strip(), grammar) or kind
        if kind is LineKind.METADATA:
            h.roles[i] = "metadata"
            found = _search("header.published", grammar, text, b.start, b.end)
            if found and h.published_date is None:
                m, off = found
                h.published_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "published")
            found = _search("header.effective_meta", grammar, text, b.start, b.end)
            if found and h.effective_date is None:
                m, off = found
                h.effective_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "effective")
            field_match = _search("header.meta_field", grammar, text, b.start, b.end)
            if field_match:
                m, off = field_match
                key = m.group("key").replace(" ", "")
                meta.setdefault(key, (off + m.start("value"), off + m.end("value")))
            numbers.extend(extract_doc_numbers(view, grammar, b.start, b.end))
            continue
        if kind in _TITLE_KINDS:
            h.roles[i] = "title"
            # consecutive title lines are one title; a title repeated after the metadata line
            # (samples/004 l.999/1001) or a decree header under it is not read again
            if not title_blocks or title_blocks[-1] == _previous_nonblank(blocks, i):
                last = blocks[title_blocks[-1]] if title_blocks else None
                # a title printed twice, line after line (北大法宝 exports), is one title
                if last is None or text[last.start : last.end].strip() != text[b.start : b.end].strip():
                    title_blocks.append(i)
            numbers.extend(extract_doc_numbers(view, grammar, b.start, b.end))
            continue
        if kind is LineKind.DOC_NUMBER:
            h.roles[i] = "doc_number"
            found_numbers = extract_doc_numbers(view, grammar, b.start, b.end)
            if found_numbers:
                numbers.insert(0, found_numbers[0])
            else:
                serial = _search("docnumber.decree_serial_line", grammar, text, b.start, b.end)
                if serial and h.doc_number is None:
                    h.doc_number = _decree_number(view, blocks, i, serial[0], serial[1])
            continue
        if kind is LineKind.DECREE_NOTE and not title_blocks and h.title is None:
            titled = _search("segment.titled_decree_note", grammar, text, b.start, b.end)
            if titled:  # 深圳市…管理规定（2020 年…令第328 号发布…）第一章… (samples/004 l.2735)
                m, off = titled
                h.title = _strip_value(view, off + m.start("title"), off + m.end("title"))
        if kind is LineKind.DECREE_NOTE:
            found = _search("header.promulgation_note", grammar, text, b.start, b.end)
            if found:
                m, off = found
                decree_body = m.group("body")
                decree_body_span = (off + m.start("body"), off + m.end("body"))
                if h.published_date is None:
                    h.published_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "published")
        if kind is LineKind.TEXT and decree_body_span is None and i < 8:
            found = _search("header.publication_note", grammar, text, b.start, b.end)
            if found:  # 1966年4月19日 交通部发布 (or 国务院批准) under the title
                m, off = found
                h.roles[i] = "metadata"
                if m.group("verb") == "批准":
                    continue  # the approving body is no issuer
                decree_body_span = (off + m.start("body"), off + m.end("body"))
                if h.published_date is None:
                    h.published_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "published")
                continue
        if kind in (LineKind.DECREE_NOTE, LineKind.PUBLIC_NOTE, LineKind.DEBRIS):
            h.roles[i] = "metadata"
            numbers.extend(extract_doc_numbers(view, grammar, b.start, b.end))
            continue
        if kind is LineKind.TEXT and not title_blocks and h.title is None and _beside_number(blocks, i):
            # before the title, a line next to the 文号 is the header's furniture: a 版头 without
            # 文件, a telegram's 发电 header (…等级特急·明电) or its second number (鲁机发号)
            h.roles[i] = "metadata"
            continue
        if kind is LineKind.ADDRESSEE:
            h.roles[i] = "addressee"
            found = _search("header.addressee", grammar, text, b.start, b.end)
            if found:
                m, off = found
                h.addressees.extend(_bodies(view, grammar, off + m.start("body"), off + m.end("body")))
            continue
        break
    if title_blocks:
        first, last = blocks[title_blocks[0]], blocks[title_blocks[-1]]
        stop = first.start + len(strip_trailing_debris(text[first.start : last.end].rstrip(), grammar))
        decree = _DECREE_IN_TITLE.search(text, first.start, stop)
        if decree and decree.end() < stop - 2:
            # 深圳市人民政府令（第310号）深圳市…规定 — the decree, then the text it issues
            h.title = _strip_value(view, first.start, decree.end())
            h.main_title = _strip_value(view, decree.end(), stop)
        else:
            h.title = _strip_value(view, first.start, stop)
    if h.doc_number is None and numbers:
        h.doc_number = numbers[0]
    _read_signature(view, blocks, grammar, h)
    if h.signer is not None and not h.issuers and title_blocks:
        _decree_issuer(view, blocks[title_blocks[0]], h)
    if not h.issuers:
        _read_adoption_note(view, blocks, grammar, h)
    if not h.issuers and decree_body and title_blocks:
        _title_issuer(view, blocks[title_blocks[0]], decree_body, h)
    title_names_body = bool(title_blocks) and view.text[blocks[title_blocks[0]].start : blocks[title_blocks[0]].end].find("关于") > 0
    if not h.issuers and decree_body_span is not None and not title_names_body:
        # no signature and a title that names no body (…关于 would, and when it names another body
        # than the decree's the document does not say who issued it): the body whose decree promulgated the
        # text, as the note prints it (2000年3月20日 中华人民共和国国务院令第285号发布 → 中华人民共和国国务院;
        # 1999年6月18日 国家药品监督管理局令第10号公布 → 国家药品监督管理局)
        body = _strip_value(view, *decree_body_span)
        if body is not None:
            h.issuers = [body]
            h.issuer = body
    if not h.issuers and h.title is not None:
        _issuers_named_in_title(view, grammar, h)
    _read_printed(view, blocks, grammar, h)
    _read_marks(view, doc, blocks, grammar, h)
    for b in blocks:
        if b.kind is LineKind.CC:  # 抄送：市委办公厅，市人大常委会办公厅。
            found = _search("header.cc", grammar, text, b.start, b.end)
            if found:
                m, off = found
                h.cc.extend(_bodies(view, grammar, off + m.start("body"), off + m.end("body")))
    _fill_from_metadata(view, grammar, h, meta)
    if not h.issuers and h.title is not None:
        _read_byline(view, blocks, grammar, h)
    # on the view form, so that a Traditional title (…的決定) reads like a Simplified one
    h.doc_type = _doc_type(h.title.clean.translate(view_table(grammar)) if h.title else None, grammar)
    if h.doc_type is None and h.doc_number is not None and (h.doc_number.agency or "").endswith("令"):
        h.doc_type = "令"  # a regulation issued by a decree (…令第328号发布), samples/004 docs 28, 29
    if h.doc_type is None and h.title is not None:
        h.doc_type = _regulation_type(h.title.clean.translate(view_table(grammar)), grammar)
    if h.doc_type is None and h.title is None and h.main_title is None:
        h.doc_type = _self_reference(view, blocks, grammar)
    if h.doc_type is None and h.title is None and h.main_title is not None:
        h.doc_type = "通知"  # a cover notice that issues a text is a 通知
    return h


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


def _read_adoption_note(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header) -> None:
    """A regulation with no signature: the first adoption note among its first lines gives the
    issuer (the congress or standing committee, its 届 ordinal left out of ``clean``) and, when no
    date was signed, the adoption date as the signed date."""
    text = view.text
    seen = 0
    for b in blocks:
        if b.kind is LineKind.BLANK:
            continue
        seen += 1
        if seen > 8:
            return
        found = _search("header.adoption_note", grammar, text, b.start, b.end)
        if not found:
            continue
        m, off = found
        body = _strip_value(view, off + m.start("body"), off + m.end("body"))
        if body is None:
            return
        if m.group("session"):
            body = body.model_copy(update={"clean": body.clean.replace(m.group("session"), "", 1)})
        h.issuers = [body]
        h.issuer = body
        if h.signed_date is None:
            h.signed_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "signed")
        return


def _read_byline(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header) -> None:
    """A document with no signature that prints its issuers under its title, and the date under
    them (a 统计公报: 宜春市2022年国民经济和社会发展统计公报 / 宜春市统计局  国家统计局宜春调查队 /
    （2023年4月12日）): the issuers and the signed date."""
    assert h.title is not None
    text = view.text
    title = "".join(h.title.clean.split())
    nonblank = [b for b in blocks[:40] if b.kind is not LineKind.BLANK][:15]
    for n, b in enumerate(nonblank[:-2]):
        if not "".join(text[b.start : b.end].split()).startswith(title):
            continue
        names, date = nonblank[n + 1], nonblank[n + 2]
        sig = _search("header.signature", grammar, text, names.start, names.end)
        when = _search("header.byline_date", grammar, text, date.start, date.end)
        if not sig or not when:
            continue  # the title printed again further down (a page's 基本信息 block, then the text)
        sm, off = sig
        lo, hi = off + sm.start("body"), off + sm.end("body")
        for signer in grammar.rule("header.signer").pattern.finditer(text, lo, hi):
            v = _strip_value(view, signer.start("body"), signer.end("body"))
            if v is not None:
                h.issuers.append(v)
        h.issuer = h.issuers[0] if h.issuers else None
        if h.issuers and h.signed_date is None:
            m, off = when
            h.signed_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "signed")
        return


def _issuers_named_in_title(view: TextView, grammar: Grammar, h: Header) -> None:
    """No signature, no decree, no adoption note: the bodies the title names before 关于 issue
    the document (商务部关于…的通知; 教育部、财政部关于… gives both). The document states it."""
    assert h.title is not None
    found = _search("header.title_issuer", grammar, view.text, h.title.span[0], h.title.span[1])
    if found:
        m, off = found
        h.issuers = _bodies(view, grammar, off + m.start("bodies"), off + m.end("bodies"))
        h.issuer = h.issuers[0] if h.issuers else None


def _title_issuer(view: TextView, first: Block, decree_body: str, h: Header) -> None:
    """A promulgated regulation without a signature: its issuer is the body its title starts with
    (国务院关于经营者集中申报标准的规定) when the decree that promulgated it is that body's
    (国务院令, 中华人民共和国国务院令)."""
    line = view.text[first.start : first.end]
    cut = line.find("关于")
    prefix = line[:cut].strip(" \r\n") if cut > 0 else ""
    if len(prefix) >= 2 and decree_body.endswith(prefix):
        start = first.start + line.index(prefix)
        v = _strip_value(view, start, start + len(prefix))
        if v is not None:
            h.issuers = [v]
            h.issuer = v


def _decree_issuer(view: TextView, first: Block, h: Header) -> None:
    """The issuer of a decree signed by a person: the body its header names, without 令
    (中华人民共和国国务院令 → 中华人民共和国国务院, corpus 0004; 广州市人民政府令 → 广州市人民政府,
    corpus 0023; 深圳市人民政府令, samples/004)."""
    line = view.text[first.start : first.end]
    stripped = line.rstrip(" \r\n")
    line_end = line.find("\n")
    if line_end >= 0:
        stripped = line[:line_end].rstrip(" \r")
    serial = _DECREE_IN_TITLE.search(stripped)  # 深圳市人民政府令（第310号）, samples/004
    if serial:
        stripped = stripped[: serial.start() + 1]
    if not stripped.endswith("令") or len(stripped.strip()) < 3:
        return
    v = _strip_value(view, first.start, first.start + len(stripped) - 1)
    if v is not None:
        h.issuers.append(v)
        h.issuer = v


def _self_reference(view: TextView, blocks: Sequence[Block], grammar: Grammar) -> DocType | None:
    """The type a document without a title names itself by (制定本实施意见), before its first heading."""
    first_heading = next((b.start for b in blocks if b.kind is LineKind.HEADING and b.style is not None), None)
    if not blocks:
        return None
    stop = first_heading if first_heading is not None else blocks[-1].end
    m = grammar.rule("doctypes.self_reference").pattern.search(view.text, blocks[0].start, stop)
    if m is None:
        return None
    table = grammar.table("doctypes", "title_suffix")
    found = table.get(m.group("type"))
    return found if isinstance(found, str) else None  # type: ignore[return-value]


def _beside_number(blocks: Sequence[Block], i: int) -> bool:
    """The next non-blank block is a 文号, or the one before is and a title follows."""
    after = [b.kind for b in blocks[i + 1 : i + 4] if b.kind is not LineKind.BLANK]
    before = _previous_nonblank(blocks, i)
    if after and after[0] is LineKind.DOC_NUMBER:
        return True
    return before >= 0 and blocks[before].kind is LineKind.DOC_NUMBER and bool(after) and after[0] in _TITLE_KINDS


def _previous_nonblank(blocks: Sequence[Block], i: int) -> int:
    j = i - 1
    while j >= 0 and blocks[j].kind is LineKind.BLANK:
        j -= 1
    return j


def _fill_from_metadata(view: TextView, grammar: Grammar, h: Header, meta: dict[str, tuple[int, int]]) -> None:
    """标题 / 发文机关 / 成文日期 of a metadata table, where the text does not show them."""
    if h.title is None:
        span = meta.get("标题") or meta.get("ArticleTitle")
        if span:
            h.title = _strip_value(view, *span)
    if h.issuer is None and "发文机关" in meta:
        h.issuer = _strip_value(view, *meta["发文机关"])
        if h.issuer is not None:
            h.issuers = [h.issuer]
    if h.signed_date is None and "成文日期" in meta:
        h.signed_date = _first_date(view, grammar, *meta["成文日期"], "signed")


def _decree_number(view: TextView, blocks: Sequence[Block], i: int, serial: regex.Match[str], offset: int) -> DocNumber | None:
    """A decree number written over two lines: 深圳市人民政府令 / 第310号 (samples/004 l.3042),
    中华人民共和国国务院令 / 第707号 (corpus 0004): one value from the header line to the serial."""
    end = offset + serial.end()
    start = offset + serial.start()
    agency = None
    for b in reversed(blocks[:i]):
        if b.kind is LineKind.DECREE_HEAD or (b.kind in _TITLE_KINDS and view.text[b.start : b.end].strip().endswith("令")):
            head = _strip_value(view, b.start, b.end)
            if head is not None:
                agency = _LINE_BREAK.sub("", head.clean)
                start = b.start
            break
    value = _strip_value(view, start, end)
    if value is None:
        return None
    return DocNumber.model_construct(
        text=value.text, clean=regex.sub(r"\s+", "", value.clean), span=value.span, agency=agency, year=None,
        serial=int(serial.group("serial")), rule_id="docnumber.decree_serial_line",
    )


def _read_signers(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, run: list[int]) -> None:
    """The bodies (or the person) of a run of signature blocks, in order, into ``issuers``."""
    text = view.text
    for j in run:
        h.roles[j] = "signature"
        b = blocks[j]
        person = _search("header.person_signature", grammar, text, b.start, b.end)
        if person:
            pm, off = person
            v = _strip_value(view, off + pm.start("body"), off + pm.end("body"))
            if v is not None and h.signer is None:
                h.signer = v  # a decree's signer; its issuer is the body of its header
            continue
        sig = _search("header.signature", grammar, text, b.start, b.end)
        if not sig:
            continue
        sm, off = sig
        lo, hi = off + sm.start("body"), off + sm.end("body")
        signers = list(grammar.rule("header.signer").pattern.finditer(text, lo, hi))
        if len(signers) > 1:
            for signer in signers:
                v = _strip_value(view, signer.start("body"), signer.end("body"))
                if v is not None:
                    h.issuers.append(v)
        else:
            h.issuers.extend(_run_together(view, grammar, lo, hi))
    h.issuer = h.issuers[0] if h.issuers else None


def _run_together(view: TextView, grammar: Grammar, lo: int, hi: int) -> list[TextValue]:
    """The bodies of a signature written without spaces: cut where the place it starts with
    (``header.signer_place``) starts again right after a body's name (中共山东省委山东省人民政府 →
    中共山东省委 / 山东省人民政府); one value when it does not."""
    text = view.text
    while lo < hi and text[lo] in " \r\n":
        lo += 1
    m = grammar.rule("header.signer_place").pattern.match(text[lo:hi])  # ^-anchored: on the substring
    cuts = [lo]
    if m is not None:
        place = m.group("place")
        body = grammar.rule("header.signature").pattern  # a line that is one body's name
        at = text.find(place, lo + m.end(), hi)
        while at > 0:
            if at - cuts[-1] >= 4 and body.match(text[cuts[-1] : at]) is not None:
                cuts.append(at)
            at = text.find(place, at + len(place), hi)
    out = []
    for a, b in zip(cuts, [*cuts[1:], hi]):
        v = _strip_value(view, a, b)
        if v is not None:
            out.append(v)
    return out


def _read_run_on_signature(view: TextView, last: Block, grammar: Grammar, h: Header) -> None:
    """A signature and date run into the end of the last line (single-line OCR text): the date
    is the signing date, and the issuer is the body the title starts with (…关于…), when the
    text right before the date ends with it or with its first four or more characters."""
    text = view.text
    found = _search("header.trailing_date", grammar, text, last.start, last.end)
    if not found or last.kind not in (LineKind.TEXT, LineKind.HEADING, LineKind.ATTACHMENT, LineKind.PRINTED):
        return
    m, off = found
    date_start = off + m.start("date")
    if date_start == last.start:
        return  # a date line on its own is read elsewhere
    h.signed_date = _first_date(view, grammar, date_start, off + m.end("date"), "signed")
    if h.title is None or h.issuers:
        return
    title_view = h.title.clean.translate(view_table(grammar))
    cut = title_view.find("关于")
    issuer = title_view[:cut] if cut >= 4 else ""
    end = date_start
    while end > last.start and text[end - 1] == " ":
        end -= 1
    for size in range(len(issuer), 3, -1):
        if text[max(last.start, end - size) : end] == issuer[:size]:
            h.issuers.extend(_run_together(view, grammar, end - size, end))
            h.issuer = h.issuers[0] if h.issuers else None
            return


def _read_signature(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header) -> None:
    """Find the signature block(s) and the date under them; mark the roles around them.

    A signature line may hold several bodies (joint documents): ``header.signer`` splits it.
    """
    nonblank = [i for i, b in enumerate(blocks) if b.kind is not LineKind.BLANK]
    text = view.text
    n = -1
    while n + 1 < len(nonblank):
        n += 1
        i = nonblank[n]
        if blocks[i].kind is not LineKind.SIGNATURE or i in h.roles:
            continue
        run = [i]
        m = n + 1
        while m < len(nonblank) and blocks[nonblank[m]].kind is LineKind.SIGNATURE:
            run.append(nonblank[m])
            m += 1
        if m >= len(nonblank) or blocks[nonblank[m]].kind is not LineKind.DATE:
            # every later start inside this run ends where it ends, with no date under it:
            # skip the run (linear; 6,000 agency-name lines took 7.5 s when each was rescanned)
            n = m - 1
            continue
        date_i = nonblank[m]
        _read_signers(view, blocks, grammar, h, run)
        h.issuer = h.issuers[0] if h.issuers else None
        h.roles[date_i] = "date"
        h.signed_date = _first_date(view, grammar, blocks[date_i].start, blocks[date_i].end, "signed")
        # what the cover notice issues: the title line(s) right after the date (and a 此件 note)
        main_start: int | None = None
        for k in nonblank[m + 1 : m + 4]:
            b = blocks[k]
            if b.kind is LineKind.PUBLIC_NOTE:
                h.roles[k] = "footer"
                continue
            if b.kind in (LineKind.TITLE, LineKind.ENCLOSED_TITLE) and h.main_title is None or main_start is not None and b.kind in (LineKind.TITLE, LineKind.ENCLOSED_TITLE):
                h.roles[k] = "main_title"
                main_start = b.start if main_start is None else main_start
                h.main_title = _strip_value(view, main_start, b.end)
                continue
            break
        return
    # No date under any signature: a signature that ends the document still names the issuer
    # (samples/004 document 36 ends at 深圳市人民政府办公厅, the archive cut off the date).
    tail = list(reversed(nonblank))
    run = []
    for i in tail:
        if blocks[i].kind is not LineKind.SIGNATURE or i in h.roles:
            break
        run.insert(0, i)
    if run and not h.issuers:
        _read_signers(view, blocks, grammar, h, run)
        return
    if h.signed_date is None and nonblank:
        _read_run_on_signature(view, blocks[nonblank[-1]], grammar, h)
        if h.signed_date is not None:
            return
        for i in nonblank:  # 使用说明 卫生部 一九九四年九月五日 inside a paragraph line (corpus 0041)
            b = blocks[i]
            found = _search("header.run_on_signature", grammar, view.text, b.start, b.end) if b.kind in (LineKind.TEXT, LineKind.HEADING, LineKind.ATTACHMENT) else None
            if found:
                m, off = found
                if not h.issuers:
                    h.issuers.extend(_run_together(view, grammar, off + m.start("body"), off + m.end("body")))
                    h.issuer = h.issuers[0] if h.issuers else None
                h.signed_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "signed")
                return
    # No signature at all: a date line right after the closing sentence is the 成文日期
    # (corpus 0041: …本通知自下发之日起执行。/ 二〇〇九年一月十九日).
    for n, i in enumerate(nonblank):
        if n == 0 or blocks[i].kind is not LineKind.DATE or i in h.roles:
            continue
        prev = blocks[nonblank[n - 1]]
        before = view.text[prev.start : prev.end].strip()
        if prev.kind in (LineKind.TEXT, LineKind.CLOSING, LineKind.HEADING) and before.endswith("。"):
            h.roles[i] = "date"
            h.signed_date = _first_date(view, grammar, blocks[i].start, blocks[i].end, "signed")
            return
        if prev.kind is LineKind.TEXT and n == len(nonblank) - 1 and 2 <= len(before) <= 30 and "。" not in before:
            # the last two lines are a signature the line rules do not know (OCR dropped a
            # character: 山东省财政 / 2021年2月25日, corpus 0033) and its date
            h.roles[nonblank[n - 1]] = "signature"
            h.roles[i] = "date"
            h.signed_date = _first_date(view, grammar, blocks[i].start, blocks[i].end, "signed")
            if not h.issuers:
                h.issuers.extend(_run_together(view, grammar, prev.start, prev.end))
                h.issuer = h.issuers[0] if h.issuers else None
            return
