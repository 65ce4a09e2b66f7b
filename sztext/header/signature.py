"""The signature block and the date under it (成文日期), joint signers, run-on OCR signatures."""

from __future__ import annotations

from itertools import chain
from typing import Iterator, Sequence

import regex

from ..grammar import Grammar
from ..models import DateValue, TextValue, Warning
from ..normalize import TextView, view_table
from ..sections import HeaderTunables, typed_table
from ..segment import LineKind
from ..tokenize import Block
from ..values import strip_value as _strip_value
from .fields import Header
from .fields import first_date as _first_date
from .fields import search as _search
from .fields import spaced_signers


def _read_signers(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, run: list[int]) -> None:
    """The bodies (or the person) of a run of signature blocks, in order, into ``issuers``: at most
    ``max_issuers`` (header.toml [table.tunables]). The bodies past it stay signature lines of the
    text and outline, not issuers, and an ``issuers_capped`` warning spans them."""
    text = view.text
    cap = typed_table(grammar.table("header", "tunables"), HeaderTunables).max_issuers
    past: int | None = None  # view offset where the first body past the cap starts
    for j in run:
        h.roles[j] = "signature"
        b = blocks[j]
        if past is not None:
            continue
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
        room = cap - len(h.issuers)
        signers = grammar.rule("header.signer").pattern.finditer(text, lo, hi)
        first_two = [m for _, m in zip(range(2), signers)]
        if len(first_two) > 1:  # bodies separated by spaces; one past the room is enough to know
            found = []
            for m in chain(first_two, signers):
                v = _strip_value(view, m.start("body"), m.end("body"))
                if v is not None:
                    found.append(v)
                    if len(found) > room:
                        break
        else:
            found = _run_together(view, grammar, lo, hi)
        if len(found) > room:
            past = view.to_view(found[room].span[0])
        h.issuers.extend(found[:room])
    h.issuer = h.issuers[0] if h.issuers else None
    if past is not None:
        rest = _strip_value(view, past, blocks[run[-1]].end)
        h.warnings.append(Warning(
            code="issuers_capped",
            message=f"the signature names more than {cap} bodies, more than any joint document seen: the first {cap} are the issuers, the rest stay signature lines of the text",
            span=rest.span if rest is not None else None,
        ))


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
    line_start = text.rfind("\n", 0, date_start) + 1
    if last.kind is LineKind.PRINTED and not any(c in "。；：;:" for c in text[line_start:date_start]):
        # a 版记 line of its own (山东省人民政府办公厅2020年12月10日印发, devcorpus 0120 0169; 青岛市工业和信息化局办公室
        # 2020年9月22日印发, 0126) names the printing office and 印发日期, neither signature nor 成文日期
        # (GB/T 9704 7.4.3): they stay in printed_by / printed_date. Run into the text before it
        # (…检查表龙岩市工业和信息化局2022年3月4日印发, single-line OCR) it still stands for the lost signature.
        return
    h.signed_date = _first_date(view, grammar, date_start, off + m.end("date"), "signed")
    if not h.issuers:
        h.issuers.extend(_run_on_issuers(view, grammar, h, last.start, date_start))
        h.issuer = h.issuers[0] if h.issuers else None


def _run_on_issuers(view: TextView, grammar: Grammar, h: Header, lo: int, date_start: int) -> list[TextValue]:
    """The bodies run into a date at ``date_start`` (the line from ``lo``): the body the title
    starts with (…关于…), when the text right before the date ends with it or with its first four
    or more characters; else the run of names :func:`_run_on_body` finds; none when neither."""
    text = view.text
    end = date_start
    while end > lo and text[end - 1] == " ":
        end -= 1
    if h.title is not None:
        title_view = h.title.clean.translate(view_table(grammar))
        cut = title_view.find("关于")
        issuer = title_view[:cut] if cut >= 4 else ""
        for size in range(len(issuer), 3, -1):
            if text[max(lo, end - size) : end] == issuer[:size]:
                return _run_together(view, grammar, end - size, end)
    start = _run_on_body(view, grammar, lo, end)
    return _run_together(view, grammar, start, end) if start is not None else []


_RUN_ON_KINDS = (LineKind.TEXT, LineKind.HEADING, LineKind.ATTACHMENT)  # lines a run-on signature hides in


def _line_matches(view: TextView, blocks: Sequence[Block], nonblank: list[int], pattern: regex.Pattern[str], kinds: tuple[LineKind, ...]) -> Iterator[tuple[int, Block, regex.Match[str]]]:
    """Every match of ``pattern`` in the non-blank lines of the given kinds, in reading order, with
    the line's index and block (the scan the run-on signature readers share)."""
    text = view.text
    for i in nonblank:
        b = blocks[i]
        if b.kind in kinds:
            for m in pattern.finditer(text, b.start, b.end):
                yield i, b, m


def _sign(h: Header, date: DateValue, bodies: list[TextValue]) -> None:
    """A run-on signature found: its date is the signed date, its bodies the issuers unless a
    reader before it already named them."""
    h.signed_date = date
    if not h.issuers:
        h.issuers = bodies
        h.issuer = bodies[0] if bodies else None


def _read_dated_signature(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, nonblank: list[int]) -> bool:
    """No signature line has a date line under it: the first line (or the part of a run-on line after
    a sentence) that is the signature's bodies and the date together (``header.dated_signature``:
    国家医保局 财政部 2021年4月12日; …请遵照执行。 陕西省地方电力(集团)有限公司2021年8月3日     陕西省…计划…):
    the signed date and the issuers, joint ones split at spaces as a signature line's."""
    text = view.text
    signature = grammar.rule("header.signature").pattern
    kinds = (LineKind.TEXT, LineKind.HEADING, LineKind.SIGNATURE)
    for i, b, m in _line_matches(view, blocks, nonblank, grammar.rule("header.dated_signature").pattern, kinds):
        if i in h.roles or signature.match(m.group("body")) is None:
            continue
        date = _first_date(view, grammar, m.start("date"), m.end("date"), "signed")
        if date is None:
            continue
        lo, hi = m.start("body"), m.end("body")
        signers = spaced_signers(view, grammar, lo, hi)
        _sign(h, date, signers if len(signers) > 1 else _run_together(view, grammar, lo, hi))
        if not text[b.start : m.start("body")].strip(" ") and not text[m.end("date") : b.end].strip(" \r\n"):
            h.roles[i] = "signature"  # the whole line is the signature
        return True
    return False


def _read_noted_signature(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, nonblank: list[int]) -> bool:
    """A signature and date run into a line with the 附注 right after the date (``header.noted_signature``:
    single-line OCR of 国家电网 notices, where the attachment list, the signature, the date, the note and the
    attachments run on: …申报综述(模板)中共国家电网有限公司党组宣传部2020年12月30日(此件不公开发布,…)附件1…): the
    first such date is the signed date, the bodies right before it (:func:`_run_on_issuers`) the issuers."""
    for _, b, m in _line_matches(view, blocks, nonblank, grammar.rule("header.noted_signature").pattern, _RUN_ON_KINDS):
        bodies = _run_on_issuers(view, grammar, h, b.start, m.start("date"))
        date = _first_date(view, grammar, m.start("date"), m.end("date"), "signed")
        if not bodies or date is None:
            continue
        _sign(h, date, bodies)
        return True
    return False


def _run_on_body(view: TextView, grammar: Grammar, lo: int, end: int) -> int | None:
    """Where the bodies' names start in the run of Han characters (and brackets) that ends right
    before a run-on date (``header.run_on_body``): after the last attachment kind word in it, or at
    its 中共; None when that run does not read as a signature line."""
    text = view.text
    start = end
    while start > lo and _han_or_bracket(text[start - 1]) and end - start < 80:
        start -= 1
    run = text[start:end]
    party = run.find("中共")
    if party > 0:
        start, run = start + party, run[party:]
    else:
        cut = max((run.rfind(k) + len(k) for k in grammar.word_list("header", "attachment_kinds") if k in run), default=0)
        if 0 < cut < len(run) - 3:
            start, run = start + cut, run[cut:]
    while run.startswith("(") and ")" in run:  # the last attachment's bracketed tail: …清单（国网陕西电力）
        close = run.index(")") + 1
        start, run = start + close, run[close:]
    if len(run) < 4 or grammar.rule("header.run_on_body").pattern.fullmatch(run) is None:
        return None
    if grammar.rule("header.signature").pattern.match(run) is None:
        return None
    return start


def read_signature(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header) -> None:
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
    if _read_dated_signature(view, blocks, grammar, h, nonblank):
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
    if h.signed_date is None and _read_noted_signature(view, blocks, grammar, h, nonblank):
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
    if h.signed_date is None and _read_contact_signature(view, blocks, grammar, h, nonblank):
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


def _read_contact_signature(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, nonblank: list[int]) -> bool:
    """A signature and date run into a line right after the contact e-mail, the attachment
    following (single-line OCR, ``header.contact_signature``: …邮箱:XXX@cnea.gov.cn山东能源监管办2021年7月22日
    附件…, devcorpus 0182; …@shandong.cn省乡村振兴局2021年8月3日…, 0180): the issuer and the signed date."""
    signature = grammar.rule("header.signature").pattern
    for _, _, m in _line_matches(view, blocks, nonblank, grammar.rule("header.contact_signature").pattern, _RUN_ON_KINDS):
        body = _strip_value(view, m.start("body"), m.end("body"))
        if body is None or signature.match(m.group("body")) is None:
            continue
        date = _first_date(view, grammar, m.start("date"), m.end("date"), "signed")
        if date is None:
            continue
        _sign(h, date, [body])
        return True
    return False


def _han_or_bracket(ch: str) -> bool:
    """A CJK ideograph (basic block, extension A, compatibility) or a half-width bracket of the view."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch in "()"
