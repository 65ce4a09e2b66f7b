"""Issuers of a document with no signature: its decree header, adoption note, the title's
bodies, the metadata, a byline — tried in one order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..grammar import Grammar
from ..normalize import TextView
from ..segment import LineKind
from ..tokenize import Block
from ..values import split_bodies as _bodies
from ..values import strip_value as _strip_value
from .fields import Header
from .fields import first_date as _first_date
from .fields import search as _search
from .fields import spaced_signers



@dataclass(frozen=True)
class IssuerClues:
    """What the header lines told about the issuer before the signature was read."""

    first_title: Block | None  # the first title block
    decree_body: str  # the body of a promulgation note (2008年8月3日 国务院令第529号公布)
    decree_body_span: tuple[int, int] | None  # where a promulgation or publication note prints its body
    meta: dict[str, tuple[int, int]]  # metadata key → value span (标题, 发文机关, 成文日期)
    meetings: list[tuple[int, int]]  # the bodies of the meeting notes under the title (view spans)


def fill_issuers(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header, clues: IssuerClues) -> None:
    """The issuers of a document the signature reader left without one, in this order (the first
    that the document states wins): a decree's header (when a person signed), an adoption note,
    the title's body when the promulgating decree is its own, the promulgating body when the title
    names none, the bodies of the meeting notes, the bodies a title names before 关于, the metadata's 发文机关, a byline under the
    title. The metadata also fills the title and the signed date the text does not show."""
    first = clues.first_title
    if h.signer is not None and not h.issuers and first is not None:
        _decree_issuer(view, grammar, first, h)
    if not h.issuers:
        _read_adoption_note(view, blocks, grammar, h)
    if not h.issuers and clues.decree_body and first is not None:
        _title_issuer(view, first, clues.decree_body, h)
    title_names_body = first is not None and view.text[first.start : first.end].find("关于") > 0
    if not h.issuers and clues.decree_body_span is not None and not title_names_body:
        # no signature and a title that names no body (…关于 would, and when it names another body
        # than the decree's the document does not say who issued it): the body whose decree promulgated the
        # text, as the note prints it (2000年3月20日 中华人民共和国国务院令第285号发布 → 中华人民共和国国务院;
        # 1999年6月18日 国家药品监督管理局令第10号公布 → 国家药品监督管理局)
        body = _strip_value(view, *clues.decree_body_span)
        if body is not None:
            h.issuers = [body]
            h.issuer = body
    if not h.issuers and clues.meetings:
        # 2008年7月17日 经人力资源和社会保障部第6次部务会议通过: the body whose meeting adopted it, when
        # no 令 line under it names the promulgating body (国务院第64次常务会议通过 / 中华人民共和国国务院令
        # 第421号公布: the 令's body, as printed, is the issuer — docs/evaluation.md, a 令's issuer)
        for span in clues.meetings:
            body = _strip_value(view, *span)
            if body is not None and body.clean not in [i.clean for i in h.issuers]:
                h.issuers.append(body)
        h.issuer = h.issuers[0] if h.issuers else None
    if not h.issuers and h.title is not None and first is not None and not clues.decree_body:
        # (a title naming another body than the promulgating decree's says nobody: # 国务院关于…的规定
        # over a 国家安全部令 note, tests/unit/assemble/test_promulgation.py)
        _issuers_named_in_title(view, grammar, h, first)
    _fill_from_metadata(view, grammar, h, clues.meta)
    if not h.issuers and h.title is not None:
        _read_byline(view, blocks, grammar, h)


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
        h.issuers.extend(spaced_signers(view, grammar, lo, hi))
        h.issuer = h.issuers[0] if h.issuers else None
        if h.issuers and h.signed_date is None:
            m, off = when
            h.signed_date = _first_date(view, grammar, off + m.start("date"), off + m.end("date"), "signed")
        return


def _issuers_named_in_title(view: TextView, grammar: Grammar, h: Header, first: Block) -> None:
    """No signature, no decree, no adoption note: the bodies the title names before 关于 issue
    the document (商务部关于…的通知; 教育部、财政部关于… gives both). The document states it.
    Read on the first title block's view offsets: the title's span is a source span, and a
    Markdown title (# 最高人民法院、最高人民检察院关于…, devcorpus 0359, 0360) is longer in the source."""
    found = _search("header.title_issuer", grammar, view.text, first.start, first.end)
    if found:
        m, off = found
        lo, hi = off + m.start("bodies"), off + m.end("bodies")
        if "、" in m.group("bodies") or " " not in m.group("bodies").strip():
            h.issuers = _bodies(view, grammar, lo, hi)
        else:  # 中共中央 国务院关于…: the bodies separated by spaces, as a joint signature line
            h.issuers = [v for v in (_strip_value(view, a, b) for a, b in _space_separated(view.text, lo, hi)) if v is not None]
        h.issuer = h.issuers[0] if h.issuers else None


def _space_separated(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of the space-separated words of ``text[lo:hi]``."""
    out = []
    start = None
    for pos in range(lo, hi + 1):
        space = pos == hi or text[pos] in " \u3000"
        if space and start is not None:
            out.append((start, pos))
            start = None
        elif not space and start is None:
            start = pos
    return out


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


def _decree_issuer(view: TextView, grammar: Grammar, first: Block, h: Header) -> None:
    """The issuer of a decree signed by a person: the body its header names, without 令
    (中华人民共和国国务院令 → 中华人民共和国国务院, corpus 0004; 广州市人民政府令 → 广州市人民政府,
    corpus 0023; 深圳市人民政府令, samples/004)."""
    line = view.text[first.start : first.end]
    stripped = line.rstrip(" \r\n")
    line_end = line.find("\n")
    if line_end >= 0:
        stripped = line[:line_end].rstrip(" \r")
    serial = grammar.rule("header.title_decree").pattern.search(stripped)  # 深圳市人民政府令（第310号）, samples/004
    if serial:
        stripped = stripped[: serial.start() + 1]
    if not stripped.endswith("令") or len(stripped.strip()) < 3:
        return
    v = _strip_value(view, first.start, first.start + len(stripped) - 1)
    if v is not None:
        h.issuers.append(v)
        h.issuer = v

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
