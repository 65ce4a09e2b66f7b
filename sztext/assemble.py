"""Stage 6 — assemble: the lossless outline tree, with values on their nodes, and the Notice.

The header fields come from :mod:`sztext.header` (re-exported here). The outline is built
from heading blocks. Depth comes from the order in which marker styles first appear in the
document, so 一、 → 1. works as well as 一、 → （一） → 1.; a style seen late goes in above the
styles it ranks over in the standard order (grammars/headings.toml ``table.rank``: 一、 /
1. / 二、 / （一） / 2. nests 2. under （一）). When the top-level numbering goes back (一、 after
八、 or after 第六章) from 2 or more, an appended part (a 说明, an attachment's own outline) begins: its paths get the prefix
``A1/``, ``A2/`` …, so every path is unique in the document. Every block belongs to exactly one
node, so node spans tile the document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence, cast

from .grammar import Grammar
from .models import (
    NO_ITEMS,
    Amount,
    Citation,
    DateValue,
    Effective,
    Node,
    NodeKind,
    Notice,
    ParagraphRole,
    Repeal,
    Source,
    Unit,
    Warning,
)
from .normalize import TextView, constructor
from .segment import DocumentRange, LineKind
from .tokenize import Block

from .header import Header, read_header

__all__ = ["Header", "Extracted", "read_header", "build_notice"]

@dataclass
class Extracted:
    """What the extractors found in one document (source spans)."""

    amounts: list[Amount] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    unit_groups: list[tuple[int, list[Unit]]] = field(default_factory=list)
    effective: Effective | None = None
    repeals: list[Repeal] = field(default_factory=list)


_ROLE_OF_KIND: dict[LineKind, ParagraphRole] = {
    LineKind.ATTACHMENT: "attachment",
    LineKind.CC: "cc",
    LineKind.PRINTED: "footer",
    LineKind.PUBLIC_NOTE: "footer",
    LineKind.METADATA: "metadata",
}


@dataclass(slots=True)
class _Open:
    block: Block
    depth: int
    start: int  # view
    end: int  # view (own text)
    children: list["_Open | _Para"] = field(default_factory=list)
    part: int = 0  # 0: the document; k: its k-th appended part (a 说明, an attachment's outline)
    implied: bool = False  # the unprinted 第一章 above the articles before 第二章 (see _unprinted_first)


@dataclass(slots=True)
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
    rank = grammar.table("headings", "rank")
    last_top = 0  # number of the last top-level heading (of a ranked style) in this part
    part = 0
    top_style: str | None = None  # the ranked style of the document's first top-level heading
    closed = False  # after a structural block, text is a top-level paragraph until a heading
    listing = False  # right after 附件：, numbered short lines are the list of attachments
    headed = False  # a heading node is in ``top`` (once placed, one stays: see the implied 第一章)
    for i, b in enumerate(blocks):
        role = header.roles.get(i)
        if listing and b.kind is LineKind.HEADING and role is None and _is_list_entry(view, b):
            role = "attachment"  # 附件：/ 1.任務分工和進度安排(略) / 2.名詞解釋(略) (samples/003)
        elif b.kind is not LineKind.BLANK:
            listing = b.kind is LineKind.ATTACHMENT
        if closed and not stack and role is None and _below_top(b.style, top_style, rank):
            role = "text"  # 1. notes of a 回执 after the signature, a glossary after 附件 (see _below_top)
        if b.kind is LineKind.HEADING and b.style is not None and role is None:
            if b.style not in styles:
                _place_style(styles, b.style, rank, stack[-1].block.style if stack else None)
            depth = styles.index(b.style)
            while stack and styles.index(cast(str, stack[-1].block.style)) >= depth:
                stack.pop()
            if not stack and _unprinted_first(b, top, rank, part):
                first = next(k for k, item in enumerate(top) if isinstance(item, _Open))
                mark = top[first].start
                implied = _Open(Block(mark, mark, b.kind, b.style, b.node_kind, mark, mark, 1), depth, mark, mark, top[first:], part, True)
                del top[first:]
                top.append(implied)
                last_top = 1  # 第二章 follows its unprinted 第一章: the same part
            if not stack and b.number is not None and b.style in rank:
                if last_top >= 2 and b.number <= last_top:
                    part += 1  # 一、 after 八、 or after 第六章: an appended part (its paths get A1/)
                last_top = b.number
                top_style = top_style or b.style
            node = _Open(b, depth, b.start, b.end, part=part)
            (stack[-1].children if stack else top).append(node)
            headed = True
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
            role = "text" if headed else "preamble"
        if top and isinstance(top[-1], _Para) and top[-1].role == role and role in ("preamble", "text", "metadata"):
            top[-1].end = b.end
        else:
            top.append(_Para(role, b.start, b.end))
    items: list[_Open | _Para] = []  # the outline in pre-order
    _collect(top, items)
    bounds = _boundaries(view, [doc.start, doc.end] + [item.start for item in items] + [item.end for item in items])
    pre_order = [(bounds[item.start], id(item)) for item in items]  # (source start, id) for attaching values
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
    body = [_freeze(item, view, bounds, attached, "", grammar) for item in top]
    s0, s1 = bounds[doc.start], _end_of(view, bounds, doc.end)
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
        signer=header.signer,
        addressees=header.addressees,
        cc=header.cc,
        signed_date=header.signed_date,
        published_date=header.published_date,
        effective=found.effective,
        copy_number=header.copy_number,
        secrecy=header.secrecy,
        urgency=header.urgency,
        note=header.note,
        printed_by=header.printed_by,
        printed_date=header.printed_date,
        repeals=found.repeals,
        body=body,
        amounts=found.amounts,
        dates=found.dates,
        citations=found.citations,
        noise=view.noise(s0, s1),
        warnings=list(warnings),
        duplicate_of=None,
        jurisdiction=header.jurisdiction,
    )
    # a view of a streamed file's chunk does not hold the whole text its spans index
    notice._source_text = view.source if view.offset == 0 else ""
    return notice


def _source_start(view: TextView, pos: int) -> int:
    """Source offset of a boundary. The start and end of the view are those of the source, so
    noise deleted at the very start or end of a text (a Markdown ``#``, a trailing control
    character) belongs to the first or last document."""
    if pos == 0:
        return view.offset
    return view.source_end if pos >= len(view.text) else view.to_source_start(pos)


def _source_end(view: TextView, pos: int) -> int:
    """Source offset of a boundary that ends a document or node (the end of the view is the
    end of the source, also when the whole text was noise)."""
    return view.source_end if pos >= len(view.text) else _source_start(view, pos)


def _boundaries(view: TextView, positions: list[int]) -> dict[int, int]:
    """:func:`_source_start` of each of ``positions`` (view offsets), in one walk of the edit table."""
    inside = sorted({pos for pos in positions if 0 < pos < len(view.text)})
    bounds = dict(zip(inside, view.to_source_starts(inside)))
    for pos in positions:
        if pos not in bounds:
            bounds[pos] = _source_start(view, pos)  # 0 or the end of the view: no edit lookup
    return bounds


def _end_of(view: TextView, bounds: Mapping[int, int], pos: int) -> int:
    """:func:`_source_end` of a position in ``bounds``."""
    return view.source_end if pos >= len(view.text) else bounds[pos]


def _place_style(styles: list[str], style: str, rank: Mapping[str, object], parent: str | None) -> None:
    """Put a style seen for the first time into the document's depth order: above the styles
    already seen that rank below it in the standard order (grammars/headings.toml
    ``table.rank``), else last, so 一、 / 1. / 二、 / （一） / 2. nests 2. under （一）. A list
    style that first appears under a heading ranking below it (（一） under 2. in a Q&A page)
    keeps the document's own order: it goes last.

    >>> order = ["headings.cn_comma", "headings.arabic_dot"]
    >>> ranks = {"headings.cn_comma": 4, "headings.cn_paren": 5, "headings.arabic_dot": 6}
    >>> _place_style(order, "headings.cn_paren", ranks, "headings.cn_comma")
    >>> order
    ['headings.cn_comma', 'headings.cn_paren', 'headings.arabic_dot']
    """
    own = rank.get(style)
    above = rank.get(parent) if parent is not None else None
    list_rank = rank.get("list_styles_from")
    if isinstance(own, int) and isinstance(above, int) and isinstance(list_rank, int) and above > own >= list_rank:
        styles.append(style)  # inverted nesting the document chose (2. / （一）…（六） / 3.)
        return
    if isinstance(own, int):
        for i, seen in enumerate(styles):
            other = rank.get(seen)
            if isinstance(other, int) and other > own:
                styles.insert(i, style)
                return
    styles.append(style)


def _is_list_entry(view: TextView, b: Block) -> bool:
    """A numbered line that names a document rather than starting a measure: short, no sentence,
    and a line of its own (a heading cut inside a run-on line, …(模板)一、申报单位基本情况(限500字)二、…
    in one-line OCR, devcorpus 0228, is the attachment's own text)."""
    if b.start > 0 and view.text[b.start - 1] != "\n" and view.text[view.text.rfind("\n", 0, b.start) + 1 : b.start].strip():
        return False
    line = view.text[b.start : b.end].strip()
    return len(line) <= 60 and "。" not in line


def _below_top(style: str | None, top_style: str | None, rank: Mapping[str, object]) -> bool:
    """A heading of a style ranking below the document's top-level style (1. in a document of 一、),
    met when no node is open any more (after the signature, after 附件), is a numbered note, not a
    top-level heading: 山东省人民政府办公厅's 会议报名回执 1.带车参会者… after the date (devcorpus 0212),
    工业和信息化部办公厅's 附件 名词解释 1．订阅式产品服务… (0072).
    Only inside the list styles (一、 > （一） > 1.): after 第X章 an attachment's own 一、 outline is an
    appended part (assemble's part prefix A1/)."""
    if style is None or top_style is None or style not in rank or top_style not in rank:
        return False
    top_rank = cast(int, rank[top_style])
    return top_rank >= cast(int, rank["list_styles_from"]) and cast(int, rank[style]) > top_rank


def _unprinted_first(b: Block, top: list[_Open | _Para], rank: Mapping[str, object], part: int) -> bool:
    """Whether ``b`` is a 第二章 whose 第一章 line is not printed: a regulation text that starts at
    第一条 and reaches 第二章 later (北大法宝 body cells and LawRefBook records that drop the first
    chapter's heading: 浙江省实施《中华人民共和国农业技术推广法》办法, devcorpus 0424; a 交通运输部 指南 whose
    一、建设目的 … 七、建设任务 come before 第二章　系统架构, 0038; docs/evaluation.md lists only printed
    markers, so what comes before it is the first chapter's, not top-level headings). ``b`` is
    numbered 2, of a regulation style (rank below ``list_styles_from``: 编 / 章 / 节), and every
    top-level heading before it is of a style ranking below it (articles, or 一、 sections)."""
    own = rank.get(b.style) if b.style is not None else None
    list_rank = rank.get("list_styles_from")
    if b.number != 2 or not isinstance(own, int) or not isinstance(list_rank, int) or own >= list_rank:
        return False
    heads = [item for item in top if isinstance(item, _Open)]
    if not heads or any(h.part != part or h.implied for h in heads):
        return False
    for h in heads:
        other = rank.get(h.block.style) if h.block.style is not None else None
        if not isinstance(other, int) or other <= own:
            return False
    return True


def _collect(items: list[_Open | _Para], out: list[_Open | _Para]) -> None:
    for item in items:
        out.append(item)
        if isinstance(item, _Open):
            _collect(item.children, out)


def _heading_text(view: TextView, b: Block) -> str | None:
    line_end = view.text.find("\n", b.marker_end, b.end)
    stop = b.end if line_end < 0 else line_end
    full_stop = view.text.find("。", b.marker_end, stop)
    end = full_stop if full_stop >= 0 else stop
    heading = view.clean[b.marker_end:end].strip(" \u3000\r\t")
    return heading if heading and len(heading) <= 120 else None


_NO_VALUES: Mapping[str, list[object]] = {}
_NODE = constructor(Node)  # Node.model_construct, without its per-field alias and default checks


def _freeze(
    item: _Open | _Para, view: TextView, bounds: Mapping[int, int], attached: dict[int, dict[str, list[object]]], parent_path: str, grammar: Grammar,
) -> Node:
    # Both ends map as starts, so that noise deleted at a boundary belongs to the next node
    # and node spans stay contiguous (the outline tiles the document).
    s, e = bounds[item.start], _end_of(view, bounds, item.end)
    extra = attached.get(id(item), _NO_VALUES)
    text = view.source_at(s, e)
    clean = view.clean[item.start : item.end]
    common: dict[str, Any] = dict(
        text=text,
        clean=text if clean == text else clean,  # one string where nothing was cleaned
        span=(s, e),
        unit_groups=extra.get("unit_groups", NO_ITEMS),  # the shared empty list (models.NO_ITEMS)
        amounts=extra.get("amounts", NO_ITEMS),
        dates=extra.get("dates", NO_ITEMS),
        citations=extra.get("citations", NO_ITEMS),
    )
    if isinstance(item, _Para):
        return _NODE(kind="paragraph", role=item.role, marker=None, number=None, path=None, heading=None, **common, children=NO_ITEMS)
    b = item.block
    number = b.number
    own = str(number if number is not None else "?")
    path = f"{parent_path}.{own}" if parent_path else (f"A{item.part}/{own}" if item.part else own)
    children = [_freeze(child, view, bounds, attached, path, grammar) for child in item.children]
    marker = None if item.implied else view.clean[b.marker_start : b.marker_end]
    return _NODE(
        kind=cast(NodeKind, b.node_kind or "paragraph"), role=None, marker=marker, number=number, path=path,
        heading=None if item.implied else _heading_text(view, b), **common, children=children or NO_ITEMS,
    )  # in Node's field order: _NODE then keeps the keywords' dict as it is
