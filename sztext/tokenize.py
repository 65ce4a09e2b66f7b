"""Stage 4 — tokenize: the lines of one document into typed blocks.

A block is a line, or part of a line when a chapter or article starts mid-line (decrees whose
articles run together, samples/004 l.2735). Blocks tile the document: each block runs to the
start of the next. A heading block records its marker style, marker text and number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import regex

from .budget import CHECK_MASK, check_budget
from .grammar import Grammar, Rule, literal_finder
from .normalize import TextView
from .numerals import marker_number
from .sections import ContentsTunables, typed_table
from .segment import DocumentRange, Line, LineKind, LineTable, classify, logical_lines
from .segment.rules import segment_rules, may

__all__ = ["Block", "tokenize", "numeral_value", "heading_rules"]

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True, slots=True)
class Block:
    """A typed piece of a document (view offsets). ``end`` is the next block's start."""

    start: int
    end: int
    kind: LineKind
    style: str | None = None  # heading marker style (rule id without ``_midline``)
    node_kind: str | None = None
    marker_start: int = 0
    marker_end: int = 0
    number: int | None = None


def numeral_value(token: str, numeral: str) -> int | None:
    """The integer of a marker number: 一 → 1, 十二 → 12, 12 → 12, ③ → 3.

    >>> numeral_value("二十八", "cn"), numeral_value("⑫", "circled"), numeral_value("7", "arabic")
    (28, 12, 7)
    """
    if numeral == "arabic":
        return int(token) if token.isdigit() else None
    if numeral == "circled":
        return _CIRCLED.index(token) + 1 if token in _CIRCLED else None
    return marker_number(token)


def heading_rules(grammar: Grammar) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """The heading rules split into line-start rules and mid-line rules (:attr:`Grammar.headings`)."""
    h = grammar.headings
    return h.line, h.mid


def _is_toc_entry(text: str, start: int, end: int, leaders: tuple[str, ...]) -> bool:
    """A line that ends in a leader of dots and a page number: a table of contents entry
    (grammars/headings.toml ``toc_leader``).

    ``start`` is the end of the heading's marker.

    >>> _is_toc_entry("一、总体要求..........1", 2, 19, ("....",)), _is_toc_entry("一、总体要求。", 2, 7, ("....",))
    (True, False)
    >>> _is_toc_entry("2.……", 2, 4, ("……",))
    False
    """
    tail = text[start:end].rstrip(" \u3000\t\r").rstrip("0123456789").rstrip(" \u3000\t")
    if not tail.endswith(leaders):
        return False
    # the entry names a heading before its leader (2.…… alone is a placeholder item, not a contents line)
    return bool(tail.rstrip("".join(set("".join(leaders)))).strip(" \u3000\t"))


_SPACE = " \u3000\t\r"


def _squash(text: str) -> str:
    # str.replace per space character: ten times faster than a per-character join on every line
    for c in _SPACE:
        text = text.replace(c, "")
    return text


def _repeated_run(
    text: str, lines: Sequence[Line], heads: list[bool], stops: tuple[str, ...] = ("。",), min_run: int = 3, labels: tuple[str, ...] = (),
    leaders: tuple[str, ...] = (),
) -> set[int]:
    """The indexes of lines in a table of contents written without dot leaders: a run of
    heading lines in a row (blank lines between allowed) of which at least
    ``min_run`` (headings.toml ``[table.contents]``) and two in three repeat, word for word (spaces aside), as later lines of the
    document after the run. A line that repeats one of its run starts a new run (the body right
    after the contents, 国家粮食应急预案 目录 ``7　附则`` then ``1　总则``). A line holding one of ``stops`` (headings.toml ``toc_entry_stops``:
    。；…) is a sentence, and ends a run.

    国家智能制造标准体系建设指南（2015年版）: ``　　目录`` then ``　　一、 总体要求 `` …
    ``　　四、 组织实施 ``, and later ``一、总体要求`` opens the body.

    >>> t = "目录\\n一、甲\\n二、乙\\n三、丙\\n前言\\n一、甲\\n正文\\n二、乙\\n三、丙\\n"
    >>> from types import SimpleNamespace as L
    >>> spans, pos = [], 0
    >>> for piece in t.splitlines(keepends=True):
    ...     spans.append(L(start=pos, end=pos + len(piece.rstrip("\\n")))); pos += len(piece)
    >>> sorted(_repeated_run(t, spans, [False, True, True, True, False, True, False, True, True]))
    [1, 2, 3]
    """
    if sum(heads) < min_run:
        return set()  # a run is made of heading lines: fewer than min_run in all, none repeats enough
    keys = [_squash(text[ln.start : ln.end]) for ln in lines]
    later: dict[str, int] = {}  # key → its last line index
    for i, k in enumerate(keys):
        if k:
            later[k] = i
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        # a heading the body words differently (（二） 智能制造标准体系结构图 in the 目录, no such
        # heading in the body) stays in its run when most of the run repeats
        repeats = sum(1 for j in run if later[keys[j]] > run[-1])
        if repeats >= min_run and 3 * repeats >= 2 * len(run):
            out.update(run)
        run.clear()

    for i, k in enumerate(keys):
        if not k:
            continue  # blank lines do not break a run
        if heads[i] and not any(c in k for c in stops):
            if any(keys[j] == k for j in run):
                close()  # the body starts where a line repeats the run (国办函〔2005〕57号: 7　附则 then 1　总则)
            run.append(i)
        else:
            close()
    close()
    return out | _labelled_run(keys, heads, labels, stops, min_run, leaders)


def _before_leader(key: str, leaders: tuple[str, ...]) -> str:
    """``key`` up to its first dot leader (一、甲......1 → 一、甲)."""
    for leader in leaders:
        at = key.find(leader)
        if at > 0:
            key = key[:at]
    return key


def _labelled_run(
    keys: list[str], heads: list[bool], labels: tuple[str, ...], stops: tuple[str, ...], min_run: int, leaders: tuple[str, ...] = (),
) -> set[int]:
    """The lines of a table of contents under its own label (headings.toml ``toc_label``: a line that
    is only 目录 or 目次): the lines after the label up to the first that repeats one of them (the
    body's first heading), a sentence (a line holding one of ``stops``) or the next label, when
    ``min_run`` of them are heading lines. The body need not repeat the entries, so an excerpt that
    ends right after the contents keeps them out of its headings (齐齐哈尔市人民政府办公室, tests/devcorpus/
    extra e112: ``目 录`` / ``1  总则`` / ``1.1编制目的`` … / ``8.3预案生效时间`` then ``1 总则``).

    >>> keys = ["目录", "第一章总则", "第二章公文种类", "第三章公文格式", "第一章总则", "第一条为使…。"]
    >>> sorted(_labelled_run(keys, [False, True, True, True, True, True], ("目录",), ("。",), 3))
    [1, 2, 3]
    >>> sorted(_labelled_run(keys, [False, True, True, True, True, True], (), ("。",), 3))
    []
    >>> dotted = ["目录", "一、甲......1", "二、乙......2", "三、丙......3", "一、甲", "一段正文"]
    >>> sorted(_labelled_run(dotted, [False, True, True, True, True, False], ("目录",), ("。",), 3, ("....",)))
    [1, 2, 3]
    """
    out: set[int] = set()
    if not labels:
        return out
    # an entry with its dot leader (headings.toml toc_leader) and page number (一、智能制造系统架构……1,
    # devcorpus 0094) is repeated by the body's bare heading
    keys = [_before_leader(k, leaders) for k in keys]
    i, n = 0, len(keys)
    while i < n:
        if keys[i] not in labels:
            i += 1
            continue
        run: list[int] = []
        seen: set[str] = set()
        j = i + 1
        while j < n:
            k = keys[j]
            if k and (k in seen or k in labels or any(c in k for c in stops)):
                break
            if k:
                run.append(j)
                seen.add(k)
            j += 1
        if sum(heads[r] for r in run) >= min_run:
            out.update(run)
        i = j
    return out


def _in_sequence(
    found: tuple[Rule, regex.Match[str]], styles: Mapping[str, tuple[str, str, str]], last: dict[str, int],
) -> bool:
    """Whether a line-start marker of an ``in_sequence`` rule is 1 or the next number of its style."""
    style, _, numeral = styles[found[0].id]
    number = numeral_value(found[1].group("num"), numeral)
    return number == 1 or (number is not None and last.get(style) == number - 1)


def _count(rule: Rule, m: regex.Match[str], styles: Mapping[str, tuple[str, str, str]], last: dict[str, int]) -> None:
    style, _, numeral = styles[rule.id]
    number = numeral_value(m.group("num"), numeral)
    if number is not None:
        last[style] = number


def _with_sequels(
    text: str, start: int, end: int, piece: str, cuts: list[tuple[int, Rule, regex.Match[str]]],
    sequels: tuple[Rule, ...], styles: Mapping[str, tuple[str, str, str]], last: dict[str, int],
) -> list[tuple[int, Rule, regex.Match[str]]]:
    """The cuts of one line in order, with the ``sequel`` markers that continue their style's
    numbering (四、 right after 三、's measures, 2、 after 1、) added; ``last`` is kept up to date."""
    found = [(c, rule, m, False) for c, rule, m in cuts]
    floor = cuts[0][2].end() if cuts and cuts[0][0] == start else start
    taken = {m.start("marker") for _, _, m in cuts}
    for rule in sequels:
        if not may(rule, piece):
            continue
        for m in rule.pattern.finditer(text, start, end):
            if m.start("marker") >= floor and m.start("marker") not in taken:
                found.append((m.start(), rule, m, True))
    if len(found) == len(cuts):
        for _, rule, m in cuts:
            _count(rule, m, styles, last)
        return cuts
    found.sort(key=lambda c: c[0])
    kept: list[tuple[int, Rule, regex.Match[str]]] = []
    for c, rule, m, sequel in found:
        style, _, numeral = styles[rule.id]
        number = numeral_value(m.group("num"), numeral)
        if sequel and (number is None or last.get(style) != number - 1 or (kept and c < kept[-1][2].end())):
            continue
        kept.append((c, rule, m))
        if number is not None:
            last[style] = number
    return kept


def _attachment_text_start(text: str, start: int, end: int, attached: tuple[Rule, ...]) -> int | None:
    """In an attachment line (附件:… run on with the attachment itself, one-line OCR), where the
    attachment's own text starts: at its first heading after its label and title (headings.toml
    ``attached`` rules: …日附件报告提纲1.…); None when there is none, so a list of attachments
    (附件:1.…2.…) and a 回执's numbered notes stay text."""
    found = [m.start("marker") for rule in attached for m in (rule.pattern.search(text, start, end),) if m is not None]
    return min(found) if found else None


def _with_attached(
    text: str, start: int, end: int, piece: str, cuts: list[tuple[int, Rule, regex.Match[str]]],
    attached: tuple[Rule, ...], line_start_cut: bool,
) -> list[tuple[int, Rule, regex.Match[str]]]:
    """The cuts of one line with the first headings of run-on attachments (``attached`` rules)
    added, in text order. Added after the other mid-line rules, so that such a heading late in the
    line never hides the line's earlier headings."""
    added = list(cuts)
    taken = {m.start("marker") for _, _, m in cuts}
    floor = cuts[0][2].end() if line_start_cut else start
    for rule in attached:
        if not may(rule, piece):
            continue
        for m in rule.pattern.finditer(text, start, end):
            if m.start("marker") >= floor and m.start("marker") not in taken:
                added.append((m.start(), rule, m))
    if len(added) == len(cuts):
        return cuts
    added.sort(key=lambda c: c[0])
    return added


@dataclass(frozen=True)
class _MidRules:
    """The mid-line heading rules, split, and one scan for an anchor of any of them."""

    plain: tuple[Rule, ...]
    sequels: tuple[Rule, ...]
    attached: tuple[Rule, ...]
    # None when a rule has no anchor (it may match any line): then every line is tried
    any_anchor: regex.Pattern[str] | None


def _mid_rules(grammar: Grammar) -> _MidRules:
    mid = grammar.headings.mid
    anchored = bool(mid) and all(r.anchors for r in mid)
    return _MidRules(
        tuple(r for r in mid if not r.tags.get("sequel") and not r.tags.get("attached")),
        tuple(r for r in mid if r.tags.get("sequel")),
        tuple(r for r in mid if r.tags.get("attached")),
        literal_finder({a for r in mid for a in r.anchors}) if anchored else None,
    )


_LINE_HEADING_KINDS = (LineKind.HEADING, LineKind.TEXT)
# DECREE_NOTE: 深圳市…规定（…令第328 号发布…）第一章总则第一条 … runs on in one line (samples/004 l.2735)
_MID_HEADING_KINDS = (LineKind.HEADING, LineKind.TEXT, LineKind.TITLE, LineKind.ENCLOSED_TITLE, LineKind.DECREE_NOTE)


def tokenize(view: TextView, doc: DocumentRange, grammar: Grammar, table: LineTable | None = None) -> list[Block]:
    """Cut one document into blocks that tile ``[doc.start, doc.end)``.

    ``table``: the view's line table (:func:`~sztext.segment.line_table`, the ``lines`` stage),
    whose lines and kinds are reused; without it the document's lines are classified here (the
    result is the same: a line's kind depends on the text, the line and the grammar).

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> from sztext.segment import DocumentRange
    >>> v = normalize("一、总体要求\\n（一）指导思想。\\n", load_grammar())
    >>> [(b.kind.value, b.style, b.number) for b in tokenize(v, DocumentRange(0, len(v)), load_grammar())]
    [('heading', 'headings.cn_comma', 1), ('heading', 'headings.cn_paren', 1)]
    """
    text = view.text
    h = grammar.headings
    mids = grammar.derived(_mid_rules)
    mid_rules, sequels, attached_rules, any_anchor = mids.plain, mids.sequels, mids.attached, mids.any_anchor
    last: dict[str, int] = {}  # style → the number of its last heading so far (for the sequel rules)
    leaders = tuple(grammar.word_list("headings", "toc_leader"))
    # what a line-start heading style starts with (read from headings.toml at load): a line
    # that starts with another character opens no heading, without a pattern call
    heading_first = segment_rules(grammar).heading_first
    lines: Sequence[Line]
    if table is not None:
        table.belongs_to(view, grammar)
        lines, kinds = table.document_lines(text, grammar, doc.start, doc.end)
    else:
        lines = logical_lines(text, grammar, doc.start, doc.end)
        kinds = [classify(text, line, grammar)[0] for line in lines]
    founds: list[tuple[Rule, regex.Match[str]] | None] = []
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if not i & CHECK_MASK:
            check_budget("tokenize")
        start, end = line.start, line.end
        if kind in _LINE_HEADING_KINDS and (heading_first is None or text[start : start + 1] in heading_first):
            founds.append(h.at_line_start(text, start, end))
        else:
            founds.append(None)
    stops = tuple(grammar.word_list("headings", "toc_entry_stops"))
    # headings.toml [table.contents] (checked by sections.ContentsTunables at load)
    min_run = typed_table(grammar.table("headings", "contents"), ContentsTunables).min_run
    labels = tuple(grammar.word_list("headings", "toc_label"))
    contents = _repeated_run(text, lines, [f is not None for f in founds], stops, min_run, labels, leaders)
    blocks: list[Block] = []
    append = blocks.append
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        start, end = line.start, line.end
        found = founds[i]
        if i in contents:
            append(Block(start, line.stop, kind))  # 一、 总体要求 in a 目录 that the body repeats
            continue
        if found is not None and found[0].tags.get("in_sequence") and not _in_sequence(found, h.styles, last):
            found = None  # 2 智能制造标准体系结构图 after no 1: a figure label, not a heading
        if found is not None and _is_toc_entry(text, found[1].end(), end, leaders):
            append(Block(start, line.stop, kind))  # 一、总体要求......1: a contents entry, not a heading
            continue
        cuts: list[tuple[int, Rule, regex.Match[str]]] = []
        if found is not None:
            cuts.append((start, *found))
        if any_anchor is not None and any_anchor.search(text, start, end) is None:
            # one anchor scan for all mid-line rules: without one on the line every ``may`` below
            # fails, so they would add nothing and only ``found`` is counted (most lines of a page)
            mid_from = None
        else:
            mid_from = start if kind in _MID_HEADING_KINDS else _attachment_text_start(text, start, end, attached_rules)
        if mid_from is not None:
            piece = text[start:end]
            for rule in mid_rules:
                # the anchor prefilter (G6), then a search: most lines have no mid-line heading
                if not may(rule, piece) or rule.pattern.search(text, mid_from, end) is None:
                    continue
                for m in rule.pattern.finditer(text, mid_from, end):
                    if not cuts or m.start("marker") > cuts[0][2].end():
                        cuts.append((m.start(), rule, m))
            cuts = _with_attached(text, mid_from, end, piece, cuts, attached_rules, found is not None)
            cuts = _with_sequels(text, mid_from, end, text[mid_from:end], cuts, sequels, h.styles, last)
        elif found is not None:
            _count(cuts[0][1], cuts[0][2], h.styles, last)
        if not cuts:
            if kind is LineKind.BLANK and blocks and blocks[-1].kind is LineKind.BLANK and blocks[-1].end == start:
                blocks[-1] = Block(blocks[-1].start, line.stop, kind)  # a run of blank lines is one block
            else:
                append(Block(start, line.stop, kind))
            continue
        cuts.sort(key=lambda c: c[0])
        if cuts[0][0] > start:
            append(Block(start, cuts[0][0], kind))
        for n, (cut, rule, m) in enumerate(cuts):
            stop = cuts[n + 1][0] if n + 1 < len(cuts) else line.stop
            style, node_kind, numeral = h.styles[rule.id]
            append(
                Block(
                    cut, stop, LineKind.HEADING, style, node_kind,
                    m.start("marker"), m.end("marker"), numeral_value(m.group("num"), numeral),
                )
            )
    return blocks
