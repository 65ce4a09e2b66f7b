"""The document type (doc_type) from the title's ending, a decree number, or the type a text names itself by."""

from __future__ import annotations

from typing import Sequence

import regex

from ..grammar import Grammar
from ..models import DocType, Warning, warning
from ..normalize import TextView, view_table
from ..segment import LineKind
from ..tokenize import Block
from .fields import Header


def read_doc_type(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header) -> DocType | None:
    """The document type: the title's 公文 ending (on the view form, so that a Traditional title
    …的決定 reads like a Simplified one), a decree number, a regulation's ending, the type a
    text without a title names itself by; a cover notice that says it issues a text is a 通知."""
    doc_type = _doc_type(h.title.clean.translate(view_table(grammar)) if h.title else None, grammar)
    if doc_type is None and h.doc_number is not None and (h.decree or (h.doc_number.agency or "").endswith("令")):
        doc_type = "令"  # a regulation issued by a decree (…令第328号发布), samples/004 docs 28, 29
    if doc_type is None and h.title is not None:
        doc_type = _regulation_type(h.title.clean.translate(view_table(grammar)), grammar)
    if doc_type is None and h.title is None and h.main_title is None:
        doc_type = _self_reference(view, blocks, grammar)
    if doc_type is None and h.title is None and _issues_enclosed(view, blocks, grammar, h):
        doc_type = "通知"  # a cover notice that says it issues a text is a 通知 (条例 art. 8)
    if doc_type is None and h.title is None and h.main_title is None:
        doc_type = _self_named_rule(view, blocks, grammar)  # 第一条 …制定本办法 (not a cover notice: checked above)
    return doc_type


def _issues_enclosed(view: TextView, blocks: Sequence[Block], grammar: Grammar, h: Header) -> bool:
    """Whether the text before the enclosed title (or, when no enclosed title was read, before the
    first heading) says it issues a text (现将《…》印发给你们, 现予印发); a reply that only appends a
    list (具体要点附后) does not."""
    if not blocks:
        return False
    if h.main_title is not None:
        stop = view.to_view(h.main_title.span[0])
    else:
        first_heading = next((b.start for b in blocks if b.kind is LineKind.HEADING and b.style is not None), None)
        stop = first_heading if first_heading is not None else blocks[-1].end
    return grammar.rule("doctypes.cover_notice").pattern.search(view.text, blocks[0].start, stop) is not None


# what may follow the kind word at a title's end: a bracketed tail （试行）（2019年修正）, a 北大法宝 mark
# 【失效】/[失效], a closing quote or the stop a title line is printed with (…的暂行规定》, …的通知。)
_TAIL = regex.compile(r"(?:[（(][^（）()]{1,80}[）)]|【[^【】]{1,40}】|\[[^\[\]]{1,40}\]|[》”\"。．；;：:，,、])$")


def _bare(title: str) -> str:
    """The title without its spaces and without every tail _TAIL names, outermost last."""
    bare = "".join(title.split())
    while True:
        cut = _TAIL.sub("", bare)
        if cut == bare or not cut:
            return bare
        bare = cut


def _doc_type(title: str | None, grammar: Grammar) -> DocType | None:
    if not title:
        return None
    if grammar.rule("header.title_decree").pattern.search(title.replace("（", "(").replace("）", ")")) or title.rstrip().endswith("令"):
        return "令"
    return _type_by_ending(title, grammar, "title_suffix")


def _regulation_type(title: str, grammar: Grammar) -> DocType | None:
    """条例 / 规定 / 办法 / 细则 / 规则 from a regulation's own title (no 公文 ending)."""
    return _type_by_ending(title, grammar, "regulation_suffix")


def _type_by_ending(title: str, grammar: Grammar, table_name: str) -> DocType | None:
    """The type a ``doctypes`` table gives the title's ending (longest ending first); letter-spaced
    titles (…的 通 知, corpus 0007) read without their spaces, a bracketed tail (（试行）) is ignored."""
    bare = _bare(title)
    table = grammar.table("doctypes", table_name)
    for suffix in sorted(table, key=len, reverse=True):
        if bare.endswith(suffix):
            return table[suffix]  # type: ignore[return-value]
    return None


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


def _self_named_rule(view: TextView, blocks: Sequence[Block], grammar: Grammar) -> DocType | None:
    """The kind a rule without a title names itself by in its purpose clause (制定本办法): in the
    text before the first heading or, when the text opens with its articles (第一章 总则 / 第一条),
    in the first article. What opens a rule above its articles is read from headings.toml: a style
    ranked above the list styles (``[table.rank]``: 编 / 章 / 节) whose node kind is not ``article``."""
    if not blocks:
        return None
    rank = grammar.table("headings", "rank")
    list_from = rank.get("list_styles_from")
    stop = blocks[-1].end
    for k, b in enumerate(blocks):
        if b.kind is not LineKind.HEADING or b.style is None:
            continue
        own = rank.get(b.style)
        if b.node_kind != "article" and isinstance(own, int) and isinstance(list_from, int) and own < list_from:
            continue  # 第一章 总则 above the first article
        stop = b.start
        if b.node_kind == "article":
            after = next((c for c in blocks[k + 1 :] if c.kind is LineKind.HEADING and c.style is not None), None)
            stop = after.start if after is not None else blocks[-1].end
        break
    m = grammar.rule("doctypes.self_reference_rule").pattern.search(view.text, blocks[0].start, stop)
    return _type_by_ending(m.group("type"), grammar, "regulation_suffix") if m else None


def unknown_field_warnings(view: TextView, grammar: Grammar, h: Header) -> list[Warning]:
    """A warning for each header field the document does not state (null, never a guess):
    ``doc_type_unknown`` (no title, or a title whose kind word is not a DocType: …实施方案),
    ``issuer_unknown`` (no signature, decree header, adoption note, title body or metadata names
    the issuing body), ``signed_date_unknown`` (no date under a signature, no adoption date, no
    成文日期)."""
    out = []
    if h.doc_type is None:
        title = h.title or h.main_title
        if title is None:
            out.append(warning(code="doc_type_unknown", message="no title states the document type", span=None))
        else:
            bare = _bare(title.clean.translate(view_table(grammar)))
            kind = next((k for k in sorted(grammar.word_list("doctypes", "enclosed"), key=len, reverse=True) if bare.endswith(k)), None)
            said = f"the title ends in {kind}, which is not a document type of the contract" if kind else "the title names no document type"
            if h.title is None:  # only the text it encloses is titled, and the text does not say it issues it
                said = "no title states the document type; the text it encloses is not its title"
            out.append(warning(code="doc_type_unknown", message=said, span=title.span))
    if not h.issuers:
        out.append(warning(code="issuer_unknown", message="no signature, decree header, adoption note, title or metadata names the issuing body", span=None))
    if h.signed_date is None:
        out.append(warning(code="signed_date_unknown", message="no date under a signature, adoption date or 成文日期 states when it was signed", span=None))
    return out
