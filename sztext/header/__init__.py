"""Stage 5b — header: the header and footer fields of one document, read from its typed blocks.

Metadata lines, title (consecutive title lines are one title), document number, decree header
and serial, addressees (this module); the signature and date under the cover notice
(:mod:`.signature`); the issuers of a document without a signature, tried in one order
(:mod:`.issuers`); the GB/T 9704 marks, 版记 and 抄送 (:mod:`.marks`); the document type
(:mod:`.doctype`). The outline is built in ``assemble``.
"""

from __future__ import annotations

from typing import Sequence, cast

import regex

from ..grammar import Grammar
from ..models import DocNumber
from ..normalize import TextView, view_table
from ..segment import DocumentRange, LineKind, strip_trailing_debris, title_kind
from ..tokenize import Block
from ..values import LINE_BREAK as _LINE_BREAK
from ..values import split_bodies as _bodies
from ..values import strip_value as _strip_value
from .doctype import read_doc_type, unknown_field_warnings
from .fields import TITLE_KINDS as _TITLE_KINDS
from .fields import Header
from .fields import first_date as _first_date
from .fields import previous_nonblank as _previous_nonblank
from .fields import read_history_note
from .fields import search as _search
from .issuers import IssuerClues, fill_issuers
from .marks import read_marks, strip_glued_urgency
from .signature import read_signature

__all__ = ["Header", "read_header"]


def read_header(view: TextView, doc: DocumentRange, blocks: Sequence[Block], grammar: Grammar) -> Header:
    """Read the header and footer fields of one document from its blocks.

    Header blocks come first: metadata, title (consecutive title lines are one title), 文号,
    decree header and serial, addressees. Then the signature with the date under it, and the
    title of the text the notice issues. Metadata fields (标题, 发文机关, 成文日期) fill what
    the text itself does not show.
    """
    from ..extract import extract_doc_numbers

    h = Header()
    text = view.text
    decree_body = ""  # the body of a promulgation note (2008年8月3日 国务院令第529号公布)
    decree_body_span: tuple[int, int] | None = None  # where that body is printed
    numbers: list[DocNumber] = []
    meta: dict[str, tuple[int, int]] = {}
    title_blocks: list[int] = []
    meetings: list[tuple[int, int]] = []  # the bodies of the meeting notes under the title
    record_organ: tuple[int, int] | None = None  # a law record's issuing-organ line between its title lines
    lead, reader_title = _reader_page(view, blocks, grammar, h, meta)  # a Markdown reader's page furniture
    for i, b in enumerate(blocks):
        kind = b.kind
        if kind is LineKind.BLANK:
            continue
        if i < lead or h.roles.get(i) == "addressee":
            continue  # the page's furniture; the second line of a broken addressee line
        if i == lead and reader_title:
            kind = LineKind.TITLE
        elif i == lead and kind is LineKind.TEXT:
            kind = title_kind(text[b.start : b.end].strip(), grammar) or kind
        n = i - lead  # the header's line rules count from its first line
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
            elif not decree_body and h.published_date is None:
                found = _search("header.history_note", grammar, text, b.start, b.end)
                if found:  # 1.中華民國九十九年九月七日國家安全局（099） 允恆字第 0044054 號令訂定發布… (a law record)
                    m, off = found
                    decree_body = m.group("body")
                    decree_body_span = (off + m.start("body"), off + m.end("body"))
                    read_history_note(view, grammar, h, m, off)
        if kind is LineKind.DATE and title_blocks and h.published_date is None and i == _next_nonblank(blocks, title_blocks[-1]):
            # a date alone on the line right under the title, before any signature (header.date_line, the
            # shape of a signature's date): # 国务院关于…的暂行规定 / 1955年12月29日, a law record's date, its published date
            found = _search("header.date_line", grammar, text, b.start, b.end)
            if found:
                m, off = found
                h.roles[i] = "metadata"
                h.published_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "published")
                continue
        if kind is LineKind.TEXT and title_blocks and n < 10 and _record_note(view, grammar, b, h, meetings):
            h.roles[i] = "metadata"  # 2018年7月30日 最高人民法院审判委员会第1745次会议 / 2018年12月1日 施行
            continue
        if kind is LineKind.TEXT and decree_body_span is None and n < 8:
            found = _search("header.publication_note", grammar, text, b.start, b.end)
            if found:  # 1966年4月19日 交通部发布 (or 国务院批准) under the title
                m, off = found
                h.roles[i] = "metadata"
                if m.group("verb") == "批准":
                    continue  # the approving body is no issuer
                if m.group("body") is None:  # 2012年12月12日 公布: a date and no body
                    if h.published_date is None:
                        h.published_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "published")
                    continue
                decree_body_span = (off + m.start("body"), off + m.end("body"))
                if h.published_date is None:
                    h.published_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "published")
                continue
        if kind in (LineKind.DECREE_NOTE, LineKind.PUBLIC_NOTE, LineKind.DEBRIS):
            h.roles[i] = "metadata"
            numbers.extend(extract_doc_numbers(view, grammar, b.start, b.end))
            continue
        if kind is LineKind.TEXT and title_blocks and h.published_date is None and _under_title(blocks, i, title_blocks[-1]):
            if _posting_stamp(view, grammar, h, i, b):  # a page dump's stamp under the title: 2018-09-29 16:45
                continue
        if kind is LineKind.TEXT and not title_blocks and h.title is None and _beside_number(blocks, i):
            # before the title, a line next to the 文号 is the header's furniture: a 版头 without
            # 文件, a telegram's 发电 header (…等级特急·明电) or its second number (鲁机发号)
            h.roles[i] = "metadata"
            continue
        if kind is LineKind.SIGNATURE and title_blocks and _record_organ_line(blocks, h, i):
            # a law site's record prints the issuing organ between two title lines (云南省临沧市人民政府,
            # tests/devcorpus/extra e140; 江西省吉安市人民政府办公室, e151): the issuer as printed, when no signature is
            h.roles[i] = "metadata"
            record_organ = record_organ or (b.start, b.end)
            continue
        if kind is LineKind.TEXT and title_blocks and not h.addressees and _broken_addressee(view, blocks, grammar, h, i):
            continue
        if kind is LineKind.TEXT and title_blocks and not h.addressees and _listed_addressee(view, blocks, grammar, h, i):
            continue
        if kind is LineKind.ADDRESSEE:
            h.roles[i] = "addressee"
            found = _search("header.addressee", grammar, text, b.start, b.end) or _search("header.addressee_single", grammar, text, b.start, b.end)
            if found:  # (header.addressee_single: one body's name the segmenter read over the text's opening)
                m, off = found
                h.addressees.extend(_bodies(view, grammar, off + m.start("body"), off + m.end("body")))
            elif title_blocks and not h.addressees:
                _listed_addressee(view, blocks, grammar, h, i)  # a run-on notice's 主送 list the segmenter cut
            continue
        if not h.addressees and (title_blocks or n < 8):
            _addressee_after_furniture(view, blocks, grammar, h, i, bool(title_blocks))
        if title_blocks and not numbers and h.doc_number is None:
            numbers.extend(_number_after_furniture(view, blocks, grammar, h, i))
        break
    if title_blocks:
        first, last = blocks[title_blocks[0]], blocks[title_blocks[-1]]
        stop = first.start + len(strip_trailing_debris(text[first.start : last.end].rstrip(), grammar))
        decree = grammar.rule("header.title_decree").pattern.search(text, first.start, stop)
        if decree and decree.end() < stop - 2:
            # 深圳市人民政府令（第310号）深圳市…规定 — the decree, then the text it issues
            h.title = _strip_value(view, first.start, decree.end())
            h.main_title = _strip_value(view, decree.end(), stop)
        else:
            start = _title_start(view, blocks, grammar, h, title_blocks[0])
            stop = _title_stop(view, grammar, start, stop)
            quoted = grammar.rule("segment.quoted_title").pattern.match(text[start:stop])
            if quoted:  # 《…的通知》: a reprint's title line, read without its 《》
                start, stop = start + quoted.start("title"), start + quoted.end("title")
            h.title = _strip_value(view, start, stop)
    if h.doc_number is None and numbers:
        h.doc_number = numbers[0]
    strip_glued_urgency(view, grammar, h)  # 特提 / 加急 that OCR ran into the title or the 文号
    if h.published_date is None and h.title is not None:
        _stamp_under_repeated_title(view, blocks, grammar, h)
    read_signature(view, blocks, grammar, h)
    if h.signed_date is None and title_blocks:
        _date_under_title(view, blocks, grammar, h, title_blocks[-1])
    read_marks(view, doc, blocks, grammar, h)
    if record_organ is not None and not h.issuers:
        organ = _strip_value(view, *record_organ)
        if organ is not None:
            h.issuers, h.issuer = [organ], organ
    first_title = blocks[title_blocks[0]] if title_blocks else None
    fill_issuers(view, blocks, grammar, h, IssuerClues(first_title, decree_body, decree_body_span, meta, meetings))
    h.doc_type = read_doc_type(view, blocks, grammar, h)
    h.warnings = [*h.warnings, *unknown_field_warnings(view, grammar, h)]
    return h



def _record_organ_line(blocks: Sequence[Block], h: Header, i: int) -> bool:
    """A signature-like line between two title lines, the issuing organ of a law site's record (title / organ /
    title): the line before it is a title the header read, the line after it a title."""
    before = _previous_nonblank(blocks, i)
    after = _next_nonblank(blocks, i)
    return before >= 0 and h.roles.get(before) == "title" and after is not None and blocks[after].kind in _TITLE_KINDS


def _broken_addressee(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, i: int) -> bool:
    """A 主送 line PDF text broke over two lines inside a name (``header.addressee_broken``: 各设区市…,
    广西电网公司、 广西电力交 / 易中心, 各 市场主体:, devcorpus 0242): block ``i`` and the next non-blank one
    read as one addressee line; both take the addressee role."""
    j = next((k for k in range(i + 1, min(len(blocks), i + 3)) if blocks[k].kind is not LineKind.BLANK), None)
    if j is None or blocks[j].kind not in (LineKind.TEXT, LineKind.ADDRESSEE):
        return False
    text = view.text
    start, end = blocks[i].start, blocks[j].end
    found = _search("header.addressee_broken", grammar, text, start, end)
    if not found:
        return False
    m, off = found
    h.roles[i] = h.roles[j] = "addressee"
    h.addressees.extend(_bodies(view, grammar, off + m.start("body"), off + m.end("body")))
    return True


def _listed_addressee(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, i: int) -> bool:
    """The first line under the title is a 主送 list of short names that header.addressee does not read
    (``header.addressee_listed``: 国网河北电力，国网冀北电力，…：, devcorpus 0226; …武警山东省总队，省消防救援总队，国网山东
    电力公司：, 0188), alone or broken over two lines (广州电力交易中心,广东、广西、海南电力交易中心,各有关发 / 电企业、…用户:,
    0241), and the first paragraph opens after it (``header.addressee_opening``: 你单位报来的…, 根据…, 为落实…):
    the addressees; the line(s) take the addressee role."""
    text = view.text
    following = [k for k in range(i + 1, min(len(blocks), i + 5)) if blocks[k].kind is not LineKind.BLANK]
    lines = [i] if text[blocks[i].start : blocks[i].end].rstrip(" \r\n").endswith(":") else [i, *following[:1]]
    after = following[len(lines) - 1] if len(following) >= len(lines) else None
    if after is None or any(blocks[k].kind not in (LineKind.TEXT, LineKind.ADDRESSEE) for k in lines):
        return False
    start, end = blocks[i].start, blocks[lines[-1]].end
    b = blocks[after]
    if not _search("header.addressee_opening", grammar, text, b.start, b.end):
        return False
    found = _search("header.addressee_listed", grammar, text, start, end)
    if not found or found[1] + found[0].start("body") >= blocks[i].end:
        return False  # (the rule's ^ also matches at the second line: a list on that line alone is its own)
    m, off = found
    for k in lines:
        h.roles[k] = "addressee"
    h.addressees.extend(_bodies(view, grammar, off + m.start("body"), off + m.end("body")))
    return True


def _reader_page(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, meta: dict[str, tuple[int, int]]) -> tuple[int, bool]:
    """A page a Markdown reader rendered (``header.reader_title`` over ``header.reader_source``:
    Title: … / URL Source: … / Markdown Content:, the page's menus, then its title; 广州市天河区 and
    www.gz.gov.cn pages, devcorpus 0276, 0278, 0279): the block where the header starts — the first
    line further down that prints the title, which is the title (``True``) — and the lines before it
    are the page's furniture. No such line: the Title: value is the metadata's 标题 and the header
    starts under the URL Source line (``False``). Any other text: ``(0, False)``."""
    text = view.text
    nonblank = [i for i, b in enumerate(blocks[:6]) if b.kind is not LineKind.BLANK]
    if len(nonblank) < 2:
        return 0, False
    first = blocks[nonblank[0]]
    found = _search("header.reader_title", grammar, text, first.start, first.end)
    source = next((i for i in nonblank[1:3] if _search("header.reader_source", grammar, text, blocks[i].start, blocks[i].end)), None)
    if not found or source is None:
        return 0, False
    m, off = found
    for i in nonblank:
        h.roles[i] = "metadata"
    title = "".join(m.group("title").split())
    for i in range(source + 1, min(len(blocks), 250)):
        b = blocks[i]
        if b.kind is not LineKind.BLANK and "".join(text[b.start : b.end].split()) == title:
            return i, True
    meta.setdefault("标题", (off + m.start("title"), off + m.end("title")))
    return source + 1, False


def _beside_number(blocks: Sequence[Block], i: int) -> bool:
    """The next non-blank block is a 文号, or the one before is and a title follows."""
    after = [b.kind for b in blocks[i + 1 : i + 4] if b.kind is not LineKind.BLANK]
    before = _previous_nonblank(blocks, i)
    if after and after[0] is LineKind.DOC_NUMBER:
        return True
    return before >= 0 and blocks[before].kind is LineKind.DOC_NUMBER and bool(after) and after[0] in _TITLE_KINDS



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


def _addressee_after_furniture(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, i: int, titled: bool) -> None:
    """The 主送 line of a titled document, past the page furniture between the title and it (a
    page dump's 来源 / Aa / 字体 / 小 / 中 / 大 lines: 江苏电力交易中心，各售电企业： under 国家能源局江苏监管办公室's
    title, devcorpus 0239): the first addressee line before the text starts (a sentence with 。, a
    heading, a signature); none when the text starts first. Before a title the header lines read
    (the header stopped at a line the line rules did not take for a title: the joint 版头
    广州市人力资源和社会保障局 广州市公安局 read as a signature, the title cut in two, 0272), the first six
    lines may also be signature-like or title lines."""
    text = view.text
    for j in range(i, min(len(blocks), i + 60)):
        b = blocks[j]
        if not titled and j < i + 6 and b.kind in (LineKind.SIGNATURE, LineKind.TITLE, LineKind.ENCLOSED_TITLE):
            continue
        if b.kind is LineKind.ADDRESSEE:
            before = blocks[_previous_nonblank(blocks, j)] if _previous_nonblank(blocks, j) >= i else None
            if before is not None and before.kind is LineKind.TEXT and any(c in text[before.start : before.end] for c in ",、;"):
                # the end of an addressee line broken over two (…广西电力交 / 易中心,各 市场主体:, 0242)
                _broken_addressee(view, blocks, grammar, h, _previous_nonblank(blocks, j))
                return
            found = _search("header.addressee", grammar, text, b.start, b.end)
            if found:
                m, off = found
                h.roles[j] = "addressee"
                h.addressees.extend(_bodies(view, grammar, off + m.start("body"), off + m.end("body")))
            return
        if b.kind in (LineKind.HEADING, LineKind.SIGNATURE, LineKind.DATE, LineKind.CLOSING) or "。" in text[b.start : b.end]:
            return


def _number_after_furniture(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, i: int) -> list[DocNumber]:
    """The 文号 line of a titled document past the page furniture the header stopped at
    (``header.number_after_furniture``): the first 文号 line before the 主送 line or the text's
    start (a sentence with 。, a heading, a date); none when the text starts first. A 版头 on the way
    reads like a signature (新疆维吾尔自治区人民政府 / 文件 / 新政发〔2020〕16号) and does not stop it."""
    from ..extract import extract_doc_numbers

    text = view.text
    stop = grammar.rule("header.number_after_furniture")
    limit = int(cast(int, stop.tags["lines"]))
    seen = 0
    for j in range(i, len(blocks)):
        b = blocks[j]
        if b.kind is LineKind.BLANK:
            continue
        seen += 1
        if seen > limit or b.kind in (LineKind.ADDRESSEE, LineKind.HEADING, LineKind.DATE, LineKind.CLOSING):
            return []
        if stop.pattern.search(text, b.start, b.end):
            return []
        if b.kind is LineKind.DOC_NUMBER:
            found = extract_doc_numbers(view, grammar, b.start, b.end)
            if found:
                h.roles[j] = "doc_number"
                return found[:1]
    return []


def _next_nonblank(blocks: Sequence[Block], i: int) -> int | None:
    """The index of the first non-blank block after block ``i``."""
    return next((j for j in range(i + 1, len(blocks)) if blocks[j].kind is not LineKind.BLANK), None)


def _record_note(view: TextView, grammar: Grammar, b: Block, h: Header, meetings: list[tuple[int, int]]) -> bool:
    """A line of a rule's history under its title: the meeting(s) that adopted it (their first
    date the signed date, their bodies into ``meetings``) or the date it takes effect."""
    text = view.text
    found = _search("header.in_force_note", grammar, text, b.start, b.end)
    if found:
        m, off = found
        if h.effective_date is None:
            h.effective_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "effective")
        return True
    if _search("header.adoption_note", grammar, text, b.start, b.end) or _search("header.approval_note", grammar, text, b.start, b.end):
        # a people's congress adopted (its issuer and date: issuers.fill_issuers) or approved it;
        # the record's 公布 and 施行 lines follow
        return True
    notes = list(grammar.rule("header.meeting_note").pattern.finditer(text, b.start, b.end))
    if not notes or text[b.start : notes[0].start()].strip(" \u3000\r\n"):
        return False
    for m in notes:
        meetings.append((m.start("body"), m.end("body")))
    if h.signed_date is None:
        h.signed_date = _first_date(view, grammar, notes[0].start("date"), notes[0].end("date"), "signed")
    return True


def _stamp_under_repeated_title(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header) -> None:
    """A page dump that prints its <title> first, then the site menu, then the title again with
    the posting stamp under it (华北能源监管局关于公示…的公告 / 2019-04-09 10:19, devcorpus 0246; a title
    broken over three lines, …基本规则（暂行）>的通知》的通知 / 2017-02-22 11:47, 0244): the stamp under the
    line that ends the title, in the first 80 blocks, is the published date."""
    assert h.title is not None
    text = view.text
    title = "".join(h.title.clean.translate(view_table(grammar)).split())
    previous = None
    for i, b in enumerate(blocks[:80]):
        if b.kind is LineKind.BLANK:
            continue
        if previous is not None and h.roles.get(i) is None:
            line = "".join(text[previous.start : previous.end].split())
            if len(line) >= 4 and title.endswith(line) and _posting_stamp(view, grammar, h, i, b):
                return
        previous = b


def _posting_stamp(view: TextView, grammar: Grammar, h: Header, i: int, b: Block) -> bool:
    """Block ``i`` is a page dump's posting stamp (``header.posted_time``): it becomes metadata and
    its date the published date."""
    found = _search("header.posted_time", grammar, view.text, b.start, b.end)
    if not found:
        return False
    m, off = found
    h.roles[i] = "metadata"
    h.published_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "published")
    return True


def _under_title(blocks: Sequence[Block], i: int, last_title: int) -> bool:
    """Block ``i`` is the first line under the title, or under the title's own 文号 that segment
    cut from the title line's end (…的通知(川发改价格〔2025〕480号), corpus 0045): a page dump's stamp
    then sits under the number (…意见的函（闽监能函〔2018〕148 号） / 2018-10-19 09:39, devcorpus 0245)."""
    j = _previous_nonblank(blocks, i)
    if j >= 0 and j != last_title and blocks[j].kind is LineKind.DOC_NUMBER:
        j = _previous_nonblank(blocks, j)
    return j == last_title


def _date_under_title(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, last_title: int) -> None:
    """No signature dated the document: a bracketed date on the line under the title is its
    成文日期 (中共中央 国务院关于…的意见 / （2018年1月2日）, ``header.title_date``)."""
    after = _next_nonblank(blocks, last_title)
    while after is not None and h.roles.get(after) == "title":  # the title printed again (法搜网 pages)
        after = _next_nonblank(blocks, after)
    if after is None or after in h.roles and h.roles[after] not in ("metadata", "doc_number"):
        return  # (a 文号 line may carry the date: (赣府字〔2010〕37号 2010年3月22日), header.title_date)
    b = blocks[after]
    found = _search("header.title_date", grammar, view.text, b.start, b.end)
    if found:
        m, off = found
        if h.roles.get(after) != "doc_number":
            h.roles[after] = "date"
        h.signed_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "signed")


def _title_start(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, first: int) -> int:
    """Where the title starts: a title that opens with 关于 takes the lines of body names printed
    right above it (国务院办公厅 / 关于湖北省…的函, gov.cn 0015; the five issuers of a joint 重庆 notice, one a
    line, corpus 0042: the issuer lines are part of the title); a
    title whose body is printed twice, the 版头 run into it by OCR (山东省住房和城乡建设厅山东省住房和城乡建设厅
    关于会签…的函, 0218; 山东省应急管理厅山东省应急管理厅关于…, 0174), starts at the second; a title line the
    版头 and 文号 run into starts after the 文号 (``header.title_after_number``, 0196, 0222)."""
    text = view.text
    b = blocks[first]
    before = _previous_nonblank(blocks, first)
    if text[b.start : b.end].lstrip(" ").startswith("关于"):
        start = b.start
        while before >= 0 and first - before <= 16:  # a joint document prints every issuer, one a line (corpus 0042)
            above = blocks[before]
            line = text[above.start : above.end]
            if h.roles.get(before) != "metadata" or ":" in line or not grammar.rule("header.signature").pattern.match(line):
                break
            h.roles[before] = "title"
            start = above.start
            before = _previous_nonblank(blocks, before)
        if start < b.start:
            return start
    found = _search("header.title_banner_repeat", grammar, text, b.start, b.end)
    if found:
        m, off = found
        return int(off + m.start("again"))
    found = _search("header.title_after_number", grammar, text, b.start, b.end)
    if found:  # 中国华电集团有限公司山东公司中国华电鲁函〔2021〕52号关于…的函 (OCR, 0222): after the 文号
        m, off = found
        return int(off + m.start("title"))
    return b.start


def _title_stop(view: TextView, grammar: Grammar, start: int, stop: int) -> int:
    """Where the title stops: before a 文号 in brackets appended to its line (…意见的函（闽监能函〔2018〕148 号）,
    福建能源监管办 0245)."""
    found = grammar.rule("header.title_number_tail").pattern.search(view.text, start, stop)
    return found.start() if found and found.start() > start + 4 else stop
