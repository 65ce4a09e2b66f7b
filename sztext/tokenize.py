"""Stage 4 — tokenize: the lines of one document into typed blocks.

A block is a line, or part of a line when a chapter or article starts mid-line (decrees whose
articles run together, samples/004 l.2735). Blocks tile the document: each block runs to the
start of the next. A heading block records its marker style, marker text and number.
"""

from __future__ import annotations

from dataclasses import dataclass

import cn2an
import regex

from .grammar import Grammar, Rule
from .normalize import TextView
from .segment import DocumentRange, LineKind, classify, logical_lines

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
    try:
        value = cn2an.cn2an(token.replace("〇", "零"), "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return int(value) if value == int(value) else None


def heading_rules(grammar: Grammar) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """The heading rules split into line-start rules and mid-line rules."""
    rules = grammar.rules_of("headings")
    return (
        tuple(r for r in rules if not r.tags.get("midline")),
        tuple(r for r in rules if r.tags.get("midline")),
    )


def _style(rule: Rule) -> str:
    return rule.id.removesuffix("_midline")


def _heading_at(text: str, start: int, end: int, rules: tuple[Rule, ...]) -> tuple[Rule, regex.Match[str]] | None:
    for rule in rules:
        m = rule.pattern.match(text, start, end)
        if m:
            return rule, m
    return None


def tokenize(view: TextView, doc: DocumentRange, grammar: Grammar) -> list[Block]:
    """Cut one document into blocks that tile ``[doc.start, doc.end)``.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> from sztext.segment import DocumentRange
    >>> v = normalize("一、总体要求\\n（一）指导思想。\\n", load_grammar())
    >>> [(b.kind.value, b.style, b.number) for b in tokenize(v, DocumentRange(0, len(v)), load_grammar())]
    [('heading', 'headings.cn_comma', 1), ('heading', 'headings.cn_paren', 1)]
    """
    text = view.text
    line_rules, mid_rules = heading_rules(grammar)
    blocks: list[Block] = []
    for line in logical_lines(text, grammar, doc.start, doc.end):
        kind, _ = classify(text, line, grammar)
        found = _heading_at(text, line.start, line.end, line_rules) if kind in (LineKind.HEADING, LineKind.TEXT) else None
        cuts: list[tuple[int, Rule, regex.Match[str]]] = []
        if found is not None:
            cuts.append((line.start, *found))
        if kind in (LineKind.HEADING, LineKind.TEXT, LineKind.TITLE, LineKind.ENCLOSED_TITLE) and any(r.may_match(text[line.start:line.end]) for r in mid_rules):
            for rule in mid_rules:
                for m in rule.pattern.finditer(text, line.start, line.end):
                    if not cuts or m.start("marker") > cuts[0][2].end():
                        cuts.append((m.start(), rule, m))
        if not cuts:
            blocks.append(Block(line.start, line.stop, kind))
            continue
        cuts.sort(key=lambda c: c[0])
        if cuts[0][0] > line.start:
            blocks.append(Block(line.start, cuts[0][0], kind))
        for n, (cut, rule, m) in enumerate(cuts):
            stop = cuts[n + 1][0] if n + 1 < len(cuts) else line.stop
            blocks.append(
                Block(
                    cut, stop, LineKind.HEADING, _style(rule), str(rule.tags["kind"]),
                    m.start("marker"), m.end("marker"), numeral_value(m.group("num"), str(rule.tags.get("numeral", "cn"))),
                )
            )
    return blocks
