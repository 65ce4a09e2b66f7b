"""The grammar rules of segmentation, prepared once per grammar for running on every line.

Every call of a grammar pattern sets up the regex timeout (about a microsecond), so the rules
that most lines do not match are screened first: by their anchors (G6), by one alternation of
several rules, and by running a ``^``-anchored rule as a ``match`` on a single line."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..grammar import Grammar, GuardedPattern, Rule, alternation, literal_finder
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


def _rule(grammar: Grammar, rule_id: str) -> Rule:
    """``grammar.rule(rule_id)`` (a GrammarError when a partial grammar lacks it)."""
    return grammar.rule(rule_id)


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


def _line_anchored(pattern: str) -> bool:
    """The pattern can only match at a line start: it opens with ``^`` and has no top-level
    ``|``. On a string without a newline its ``search`` is then its ``match`` (one attempt at
    offset 0 instead of one per offset). ``False`` whenever unsure.

    >>> _line_anchored(r"^[ ]*抄[ ]*送"), _line_anchored(r"^a|b"), _line_anchored(r"^(?:a|b)"), _line_anchored(r"(?:^|x)a")
    (True, False, True, False)
    """
    if not pattern.startswith("^") or pattern[1:2] in ("?", "*", "+", "{"):
        return False
    depth = 0
    i, n = 1, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a set: skip to its closing bracket (a leading ] or ^] is literal)
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                if pattern[j] == "\\":
                    j += 1
                elif pattern[j] == "[":
                    return False  # a nested set (VERSION1 syntax): do not guess
                j += 1
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return False
        elif c == "|" and depth == 0:
            return False
        i += 1
    return depth == 0


@dataclass(frozen=True)
class _Check:
    """A line rule and how to run it on one line: ``find(s)`` is ``pattern.search(s)``."""

    pattern: GuardedPattern
    kind: LineKind
    anchored: bool  # _line_anchored: on a line without a newline, match at 0 is the search

    def find(self, s: str) -> regex.Match[str] | None:
        if self.anchored and "\n" not in s:
            return self.pattern.match(s)
        return self.pattern.search(s)


def _check(pattern: GuardedPattern, kind: LineKind) -> _Check:
    return _Check(pattern, kind, _line_anchored(pattern.pattern) and not pattern.flags & regex.WORD)


def _any_check(rules: tuple[Rule, ...]) -> _Check | None:
    """:func:`~sztext.grammar.alternation` as a check, anchored when every rule is."""
    joined = alternation(rules)
    if joined is None:
        return None
    anchored = all(_line_anchored(r.pattern.pattern) for r in rules) and not joined.flags & regex.WORD
    return _Check(joined, LineKind.TEXT, anchored)


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

    @classmethod
    def of(cls, rules: tuple[Rule, ...], kinds: tuple[LineKind, ...]) -> _CheckList:
        free = tuple(r for r in rules if not r.anchors)
        return cls(
            rules,
            tuple(_check(r.pattern, kind) for r, kind in zip(rules, kinds)),
            bool(free),
            (_check(free[0].pattern, LineKind.TEXT) if len(free) == 1 else _any_check(free)) if free else None,
            literal_finder({a for r in rules for a in r.anchors}),
        )

    def first(self, s: str) -> tuple[LineKind, regex.Match[str]] | None:
        """The kind and match of the first rule that matches ``s`` (by ``search``)."""
        free_hit = self.has_free and (self.free_any is None or self.free_any.find(s) is not None)
        anchor_hit = self.anchors_any is not None and self.anchors_any.search(s) is not None
        if not free_hit and not anchor_hit:
            return None
        for rule, check in zip(self.rules, self.checks):
            if not (anchor_hit and may(rule, s) if rule.anchors else free_hit):
                continue
            m = check.find(s)
            if m:
                return check.kind, m
        return None


@dataclass(frozen=True)
class _Prepared:
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
    split_year: GuardedPattern
    date_line: GuardedPattern
    metadata: GuardedPattern
    value_fragment: GuardedPattern
    titled_decree_note: Rule
    titled_decree_note_check: _Check
    glued_metadata: Rule
    title_start: Rule
    addressee: GuardedPattern
    bracket: GuardedPattern
    decree: GuardedPattern
    number_rules: tuple[Rule, ...]  # docnumber.bracket, docnumber.decree
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
    drafting_form: tuple[str, ...]
    countersign_draft: tuple[str, ...]
    markdown_title: Rule
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
    attachment: Rule  # header.attachment: the label of an attachment list (附件：)
    list_item: Rule
    glued_close: Rule
    title_issuer: Rule  # header.title_issuer: the bodies a title names before 关于


def _prep(grammar: Grammar) -> _Prepared:
    """The segment rules and word lists, prepared once per grammar."""
    return grammar.derived(_prepare)


def _prepare(grammar: Grammar) -> _Prepared:
    early = tuple(grammar.rule(rule_id) for rule_id, _ in _EARLY_CHECKS)
    late = tuple(grammar.rule(rule_id) for rule_id, _ in _LATE_CHECKS)
    suffixes = tuple(grammar.table("doctypes", "title_suffix"))
    return _Prepared(
        early=_CheckList.of(early, tuple(kind for _, kind in _EARLY_CHECKS)),
        late=_CheckList.of(late, tuple(kind for _, kind in _LATE_CHECKS)),
        debris=grammar.word_list("segment", "debris"),
        debris_any=literal_finder(grammar.word_list("segment", "debris")),
        sentence_end=grammar.word_list("segment", "sentence_end"),
        suffixes=suffixes,
        suffixes_longest_first=tuple(sorted(suffixes, key=len, reverse=True)),
        enclosed=grammar.word_list("doctypes", "enclosed"),
        image_debris=grammar.rule("segment.image_debris"),
        split_year=grammar.rule("segment.split_year").pattern,
        date_line=grammar.rule("header.date_line").pattern,
        metadata=grammar.rule("header.metadata").pattern,
        value_fragment=grammar.rule("segment.value_fragment").pattern,
        titled_decree_note=grammar.rule("segment.titled_decree_note"),
        titled_decree_note_check=_check(grammar.rule("segment.titled_decree_note").pattern, LineKind.DECREE_NOTE),
        glued_metadata=grammar.rule("segment.glued_metadata"),
        title_start=grammar.rule("segment.title_start"),
        addressee=grammar.rule("header.addressee").pattern,
        bracket=grammar.rule("docnumber.bracket").pattern,
        decree=grammar.rule("docnumber.decree").pattern,
        number_rules=(grammar.rule("docnumber.bracket"), grammar.rule("docnumber.decree")),
        closing_byline=grammar.rule("segment.closing_byline"),
        closing_clause=grammar.rule("segment.closing_clause"),
        news_dateline=grammar.rule("segment.news_dateline"),
        news_opening=grammar.rule("segment.news_opening"),
        adoption_note=grammar.rule("segment.adoption_note"),
        first_heading=grammar.rule("segment.first_heading"),
        issuing=grammar.word_list("segment", "issuing"),
        cover_issuing=grammar.word_list("segment", "cover_issuing"),
        page_footer=grammar.rule("segment.page_footer"),
        markup_link=grammar.rule("segment.markup_link"),
        standard_cover=grammar.rule("segment.standard_cover"),
        addressee_to_all=grammar.rule("segment.addressee_to_all"),
        page_head=grammar.rule("segment.page_head"),
        page_source=grammar.rule("segment.page_source"),
        adoption_words=grammar.word_list("segment", "adoption_words"),
        first_article=grammar.rule("segment.first_article"),
        drafting_form=grammar.word_list("segment", "drafting_form"),
        countersign_draft=grammar.word_list("segment", "countersign_draft"),
        markdown_title=grammar.rule("segment.markdown_title"),
        byline_roles=grammar.word_list("segment", "byline_roles"),
        interview_title=grammar.rule("segment.interview_title"),
        closing_clause_tail=grammar.rule("segment.closing_clause_tail"),
        page_number_lead=grammar.rule("segment.page_number_lead"),
        attachment_label=grammar.rule("segment.attachment_label"),
        cover_mark=grammar.rule("segment.cover_mark"),
        front_matter=grammar.rule("segment.front_matter"),
        notice_attachment=grammar.rule("segment.notice_attachment"),
        page_number_line=grammar.rule("segment.page_number_line"),
        decree_note_open=grammar.rule("segment.decree_note_open"),
        undecodable_glyph=grammar.rule("segment.undecodable_glyph"),
        page_numbers_lead=grammar.rule("segment.page_numbers_lead"),
        attachment=grammar.rule("header.attachment"),
        list_item=grammar.rule("segment.list_item"),
        title_issuer=grammar.rule("header.title_issuer"),
        glued_close=grammar.rule("segment.glued_close"),
    )
