"""The grammar rules of segmentation, prepared once per grammar for running on every line.

Every call of a grammar pattern sets up the regex timeout (about a microsecond), so the rules
that most lines do not match are screened first: by their anchors (G6), by one alternation of
several rules, and by running a ``^``-anchored rule as a ``match`` on a single line."""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from dataclasses import dataclass, fields
from typing import Any, Callable

import regex

from ..grammar import Grammar, GuardedPattern, Rule, alternation, literal_finder
from ..sections import CONTRACTS, SegmentTunables, typed_table
from .kinds import LineKind

__all__ = []


def may(rule: Rule, s: str) -> bool:
    """``rule.may_match(s)`` (the anchor prefilter, G6), in a plain loop: it runs on every line."""
    anchors = rule.anchors
    if not anchors:
        return True
    for anchor in anchors:
        if anchor in s:
            return True
    return False


# The characters a pattern's match can start with, read from the pattern at load: a line whose
# first character is not among them is not matched at 0 without a pattern call. A superset
# always (what the reading does not know, it takes as any character: no first set at all).
_NAMED_GROUP = re.compile(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>")
# a Unicode property (\\p{Han}): read as \\w, a category, which the reading takes as any character
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP]\{[^}]*\}")
_RANGE_MAX = 4096  # a wider class range ([一-龥]) is taken as any character
_ANY = None


def first_chars(pattern: regex.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``pattern`` at a position can start with; ``None`` when any
    may (the pattern can match the empty string, ignores case, or uses what the reading of
    :mod:`re`'s parser does not cover: ``\\p{Han}``, a backreference, …)."""
    text = pattern.pattern
    if pattern.flags & (regex.IGNORECASE | regex.FULLCASE | regex.REVERSE | regex.VERSION1) or any(t in text for t in ("(?i", "(?r", "(?V1", ":]")):
        return None  # case, right-to-left, set operations and POSIX classes: not read here
    # the regex module allows a group name twice (an alternation of rules): names do not matter here
    source = _PROPERTY.sub(r"\1\\w", _NAMED_GROUP.sub("(", text))
    try:
        tree = _sre_parse.parse(source, re.VERBOSE if pattern.flags & regex.VERBOSE else 0)
    except (re.error, ValueError, TypeError, OverflowError, RecursionError):
        return None
    chars, nullable = _first(list(tree))
    return None if chars is None or nullable else frozenset(chars)


def _first(items: list[Any]) -> tuple[set[str] | None, bool]:
    """(first characters or None for any, whether the sequence can match empty)."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_item(op: object, av: Any) -> tuple[set[str] | None, bool]:
    if op is _sre.LITERAL:
        return {chr(av)}, False
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, val in av:
            if kind is _sre.LITERAL:
                chars.add(chr(val))
            elif kind is _sre.RANGE and val[1] - val[0] <= _RANGE_MAX:
                chars.update(chr(c) for c in range(val[0], val[1] + 1))
            else:  # NEGATE, CATEGORY, a wide range
                return None, False
        return chars, False
    if op is _sre.BRANCH:
        union: set[str] = set()
        empty = False
        for branch in av[1]:
            chars_b, nullable_b = _first(list(branch))
            if chars_b is None:
                return None, False
            union |= chars_b
            empty = empty or nullable_b
        return union, empty
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return None, False
        return _first(list(sub))
    if op is _sre.ATOMIC_GROUP:
        return _first(list(av))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        chars_r, nullable_r = _first(list(sub))
        return chars_r, nullable_r or lo == 0
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return set(), True  # zero-width: what follows starts the match
    return None, False  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, …: any character


# Rules tried in order on a line on its own: the first that matches gives the kind.
_EARLY_CHECKS = (
    ("header.public_note", LineKind.PUBLIC_NOTE),
    ("header.metadata", LineKind.METADATA),
    ("header.date_line", LineKind.DATE),
    ("header.person_signature", LineKind.SIGNATURE),
    ("header.cc", LineKind.CC),
    ("header.printed", LineKind.PRINTED),
    ("header.closing", LineKind.CLOSING),
    ("segment.decree_note", LineKind.DECREE_NOTE),
    ("docnumber.decree_serial_line", LineKind.DOC_NUMBER),
)
_LATE_CHECKS = (
    ("header.banner", LineKind.METADATA),
    ("header.addressee", LineKind.ADDRESSEE),
    ("header.signature", LineKind.SIGNATURE),
    ("header.attachment", LineKind.ATTACHMENT),
)


@dataclass(frozen=True, slots=True)
class AtStart:
    """A rule's pattern for ``match`` calls, its :func:`first_chars` tested first: a string
    whose character at ``pos`` no match starts with gives ``None`` without a pattern call."""

    pattern: GuardedPattern
    first: frozenset[str] | None

    def match(self, s: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        if self.first is not None and s[pos : pos + 1] not in self.first:
            return None
        return self.pattern.match(s, pos, endpos)


def _at_start(rule: Rule) -> AtStart:
    return AtStart(rule.pattern, first_chars(rule.pattern.compiled))


@dataclass(frozen=True)
class _Check:
    """A line rule and how to run it on one line: ``find(s)`` is ``pattern.search(s)``."""

    pattern: GuardedPattern
    kind: LineKind
    anchored: bool  # declared anchored = "line": on a line without a newline, match at 0 is the search
    first: frozenset[str] | None = None  # what a match at 0 starts with (:func:`first_chars`), None: any
    last: frozenset[str] | None = None  # what a matched line ends with (declared: :func:`line_ends`), None: any

    def find(self, s: str) -> regex.Match[str] | None:
        if self.anchored and "\n" not in s:
            if self.first is not None and s[:1] not in self.first:
                return None
            if self.last is not None and s.rstrip(" \r")[-1:] not in self.last:
                return None
            return self.pattern.match(s)
        return self.pattern.search(s)


def line_ends(rule: Rule) -> frozenset[str] | None:
    """The characters a line the rule matches ends with, before its trailing spaces and ``\r``, as the
    grammar declares them (``tags.ends_with``, a string of characters, on a rule ``anchored = "line"``
    that matches to its line's end): a line ending with another character is not matched, without a
    pattern call. ``None`` when the rule declares none (any line may match). Declared in the grammar,
    not read from the pattern: a test checks the declaration against the rule's examples and real lines."""
    ends = rule.tags.get("ends_with")
    if rule.spec.anchored != "line" or not isinstance(ends, str) or not ends:
        return None
    return frozenset(ends)


def _check(rule: Rule, kind: LineKind) -> _Check:
    anchored = rule.spec.anchored == "line"
    return _Check(rule.pattern, kind, anchored, first_chars(rule.pattern.compiled) if anchored else None, line_ends(rule))


def _any_check(rules: tuple[Rule, ...]) -> _Check | None:
    """:func:`~sztext.grammar.alternation` as a check, anchored when every rule is."""
    joined = alternation(rules)
    if joined is None:
        return None
    anchored = all(r.spec.anchored == "line" for r in rules)
    ends = [line_ends(r) for r in rules]
    last = None if any(e is None for e in ends) else frozenset().union(*(e for e in ends if e is not None))
    return _Check(joined, LineKind.TEXT, anchored, first_chars(joined.compiled) if anchored else None, last)


@dataclass(frozen=True)
class _CheckList:
    """Line rules tried in order, the first match deciding the kind. A rule with anchors runs
    only on a line holding one of them (G6); the rules without anchors are tried as one
    alternation first. Each call of a grammar pattern costs its timeout set-up, so on the many
    lines that none of the rules matches this makes one pattern call instead of one per rule."""

    rules: tuple[Rule, ...]
    checks: tuple[_Check, ...]
    has_free: bool  # some rule has no anchors
    free_any: _Check | None  # the rules without anchors as one alternation (None: cannot join)
    anchors_any: regex.Pattern[str] | None  # finds any anchor of the anchored rules
    # one rule without anchors: ``free_any`` is that rule's own check, so its match is the rule's
    # (not searched for a second time when the rules before it do not match)
    one_free: bool = False

    @classmethod
    def of(cls, rules: tuple[Rule, ...], kinds: tuple[LineKind, ...]) -> _CheckList:
        free = tuple(r for r in rules if not r.anchors)
        return cls(
            rules,
            tuple(_check(r, kind) for r, kind in zip(rules, kinds)),
            bool(free),
            (_check(free[0], LineKind.TEXT) if len(free) == 1 else _any_check(free)) if free else None,
            literal_finder({a for r in rules for a in r.anchors}),
            len(free) == 1,
        )

    def first(self, s: str) -> tuple[LineKind, regex.Match[str]] | None:
        """The kind and match of the first rule that matches ``s`` (by ``search``)."""
        free_m = None
        if not self.has_free:
            free_hit = False
        elif self.free_any is None:
            free_hit = True
        else:
            free_m = self.free_any.find(s)
            free_hit = free_m is not None
        anchor_hit = self.anchors_any is not None and self.anchors_any.search(s) is not None
        if not free_hit and not anchor_hit:
            return None
        for rule, check in zip(self.rules, self.checks):
            if rule.anchors:
                if not (anchor_hit and may(rule, s)):
                    continue
                m = check.find(s)
            elif not free_hit:
                continue
            else:
                m = free_m if self.one_free and free_m is not None else check.find(s)
            if m:
                return check.kind, m
        return None


@dataclass(frozen=True)
class Prepared:
    """What the line functions look up for every line, prepared once per grammar."""

    early: _CheckList
    late: _CheckList
    debris: tuple[str, ...]
    debris_any: regex.Pattern[str] | None  # finds any debris word (None: the list is empty)
    sentence_end: tuple[str, ...]
    suffixes: tuple[str, ...]  # title suffixes, in table order
    suffixes_longest_first: tuple[str, ...]
    enclosed: tuple[str, ...]
    image_debris: Rule
    split_year: AtStart
    date_line: GuardedPattern
    metadata: GuardedPattern
    value_fragment: AtStart
    titled_decree_note: Rule
    titled_decree_note_check: _Check
    glued_metadata: Rule
    title_start: Rule
    addressee: GuardedPattern
    bracket: GuardedPattern
    decree: GuardedPattern
    number_rules: tuple[Rule, ...]  # docnumber.bracket, docnumber.decree, docnumber.bracket_lost_close
    closing_byline: Rule
    closing_clause: Rule
    news_dateline: Rule
    news_opening: Rule
    adoption_note: Rule
    first_heading: Rule
    issuing: tuple[str, ...]
    cover_issuing: tuple[str, ...]
    page_footer: Rule
    markup_link: Rule
    standard_cover: Rule
    addressee_to_all: Rule
    page_head: Rule
    page_source: Rule
    adoption_words: tuple[str, ...]
    first_article: Rule
    self_purpose: Rule
    drafting_form: tuple[str, ...]
    countersign_draft: tuple[str, ...]
    markdown_title: Rule
    page_end_widget: Rule  # segment.page_end_widget: a page's closing widget line the view empties
    byline_roles: tuple[str, ...]
    interview_title: Rule
    closing_clause_tail: Rule
    page_number_lead: Rule
    attachment_label: Rule
    cover_mark: Rule
    front_matter: Rule
    notice_attachment: Rule
    page_number_line: Rule
    decree_note_open: Rule
    undecodable_glyph: Rule
    page_numbers_lead: Rule
    heading_first: frozenset[str] | None  # what a line-start heading style starts with (None: any)
    metadata_first: frozenset[str] | None  # what header.metadata starts with (None: any)
    list_item: AtStart
    list_head: AtStart
    attachment: Rule  # header.attachment: the label of an attachment list (附件：)
    glued_close: Rule
    title_issuer: Rule  # header.title_issuer: the bodies a title names before 关于
    purpose_opening: Rule
    self_named_close: Rule  # segment.self_named_close: …，制定本行动计划。 ends a new text's preamble
    titleless_cover: Rule
    field_label: AtStart
    clause_sequel: tuple[str, ...]
    opening_paragraph_min: int  # segment.toml [table.tunables]
    item_sentence_min: int  # segment.toml [table.tunables]
    article_item: AtStart  # segment.article_item: an article of a regulation (第二十一条 …)
    runon_date: GuardedPattern  # segment.runon_date: a date in a run-on line
    separator_line: Rule
    glued_head: Rule
    glued_end: Rule


def starts_heading(s: str, grammar: Grammar) -> bool:
    """``grammar.headings.starts_line(s)``, without a pattern call on a line whose first
    character opens no line-start heading style."""
    first = segment_rules(grammar).heading_first
    if first is not None and s[:1] not in first:
        return False
    return grammar.headings.starts_line(s)


# the grammar last asked and its prepared rules (one tuple, replaced whole: safe across threads)
_LAST: tuple[Grammar | None, Prepared | None] = (None, None)


def segment_rules(grammar: Grammar) -> Prepared:
    """The segment rules and word lists, prepared once per grammar (kept with it by
    ``grammar.derived``; the last grammar's are at hand without that lookup: the line
    functions ask on every line)."""
    global _LAST
    last = _LAST
    if last[0] is grammar and last[1] is not None:
        return last[1]
    prepared = grammar.derived(_prepare)
    _LAST = (grammar, prepared)
    return prepared


# the grammar files whose declared rules and lists (sections.CONTRACTS) the line functions read:
# a field of Prepared typed ``Rule``, ``GuardedPattern`` (the rule's pattern), ``AtStart`` (the
# rule tried at a line start) or ``tuple[str, ...]`` and named as a rule or list one of them
# declares is that rule or list (the first file that declares the name: segment's own first)
_DECLARING = ("segment", "header", "doctypes", "docnumber")
_FROM_RULE: dict[str, Callable[[Rule], Any]] = {"Rule": lambda rule: rule, "GuardedPattern": lambda rule: rule.pattern, "AtStart": lambda rule: _at_start(rule)}


def _declared(grammar: Grammar) -> dict[str, Any]:
    """The fields of :class:`Prepared` that are a declared rule or word list, read by name.

    >>> from sztext import load_grammar
    >>> got = _declared(load_grammar())
    >>> got["closing_byline"].id, got["attachment"].id, got["adoption_note"].id, got["enclosed"][:1]
    ('segment.closing_byline', 'header.attachment', 'segment.adoption_note', ('办法',))
    """
    out: dict[str, Any] = {}
    for f in fields(Prepared):
        kind = _annotation(f.type)
        if kind in _FROM_RULE:
            stem = next((s for s in _DECLARING if f.name in CONTRACTS[s].rules), None)
            if stem is None:
                raise LookupError(f"segment reads the rule {f.name!r}: declare it in sztext.sections.CONTRACTS")
            out[f.name] = _FROM_RULE[kind](grammar.rule(f"{stem}.{f.name}"))
        elif kind == "tuple[str, ...]":
            stem = next((s for s in _DECLARING if f.name in CONTRACTS[s].lists), None)
            if stem is not None:  # others (the title suffixes) are derived below
                out[f.name] = grammar.word_list(stem, f.name)
    return out


def _annotation(annotation: object) -> str:
    """A field's annotation as written here (``"Rule"``, ``"tuple[str, ...]"``). Compiled with
    mypyc (bench/compiled.py) a field's type is a class, ``tuple`` for ``tuple[str, ...]``."""
    if isinstance(annotation, str):
        return annotation
    if annotation is tuple:
        return "tuple[str, ...]"
    return str(getattr(annotation, "__name__", annotation))


def _prepare(grammar: Grammar) -> Prepared:
    early = tuple(grammar.rule(rule_id) for rule_id, _ in _EARLY_CHECKS)
    late = tuple(grammar.rule(rule_id) for rule_id, _ in _LATE_CHECKS)
    suffixes = (*grammar.table("doctypes", "title_suffix"), *grammar.table("doctypes", "title_only_suffix"))
    tunables = typed_table(grammar.table("segment", "tunables"), SegmentTunables)
    return Prepared(
        **_declared(grammar),
        early=_CheckList.of(early, tuple(kind for _, kind in _EARLY_CHECKS)),
        late=_CheckList.of(late, tuple(kind for _, kind in _LATE_CHECKS)),
        debris_any=literal_finder(grammar.word_list("segment", "debris")),
        suffixes=suffixes,
        suffixes_longest_first=tuple(sorted(suffixes, key=len, reverse=True)),
        titled_decree_note_check=_check(grammar.rule("segment.titled_decree_note"), LineKind.DECREE_NOTE),
        number_rules=(grammar.rule("docnumber.bracket"), grammar.rule("docnumber.decree"), grammar.rule("docnumber.bracket_lost_close")),
        heading_first=_heading_first(grammar),
        metadata_first=first_chars(grammar.rule("header.metadata").pattern.compiled),
        opening_paragraph_min=tunables.opening_paragraph_min,
        item_sentence_min=tunables.item_sentence_min,
    )


def _heading_first(grammar: Grammar) -> frozenset[str] | None:
    headings = grammar.headings
    if headings.line_first is not None:
        return first_chars(headings.line_first.compiled)
    sets = [first_chars(rule.pattern.compiled) for rule in headings.line]
    if any(f is None for f in sets):
        return None
    return frozenset().union(*(f for f in sets if f is not None))
