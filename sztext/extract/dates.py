"""Dates (日期), periods and the effective clause (施行/实施, 有效期) of a notice.

Everything is driven by ``grammars/dates.toml``: the ``role = "date"`` and ``role = "range"``
rules are tried wherever the ``start`` rule finds a year; the ``context`` rules give a found date
its kind; the ``effective`` and ``validity`` rules find the effective clause. Overlaps are resolved
by :func:`leftmost_longest`. The decisions made here:

* A date is a closed interval ``[value, end]``. ``value`` is its first day. A day has
  ``end = None``; a month or a year has ``end`` = its last day (``2024年5月`` → 2024-05-01 …
  2024-05-31, precision ``month``), and so has a range (``2024年1—9月`` → 2024-01-01 …
  2024-09-30, with the precision of its start). ``年底``/``年末``/``月底`` name the last day:
  ``2025年底`` → ``value = end = 2025-12-31``, precision ``year``. A deadline is therefore
  ``end or value``.
* An impossible date (``2024年2月30日``, ``13月``) or a backwards range (``2027—2023年``) is not
  emitted: the extractors have no warning channel and a wrong date is worse than none. The
  parts of a dropped range that are dates on their own (``2023年``) are still found.
* No year, no date: ``9月30日`` or a two-digit ``15年`` would need a reference year, and in
  公文 ``3年`` is a duration. A bare ``2024`` is a number, except inside a numeric date or range.
* ``extract_effective`` returns one clause: the document's own (``本办法自…``, ``此件自…``,
  ``现予公布，自…``) over a measure's ``自…起执行``, a clause with a start over a bare 有效期, and
  among equals the last one (the 附则 comes last).
"""

from __future__ import annotations

import calendar
import datetime as _dt
from functools import lru_cache
from typing import Callable, Iterable, Literal, NamedTuple, TypeVar, cast, get_args

import regex

from ..errors import GrammarError
from ..grammar import Grammar, GuardedPattern, Rule, alternation
from ..models import DateKind, DateValue, Effective
from ..normalize import TextView, constructor
from ..numerals import date_number
from .repeals import extract_repeals

# extract_repeals lives in repeals.py (this module would pass 500 lines) and is re-exported here,
# where sztext/extract/__init__.py imports it from.
__all__ = ["extract_dates", "extract_effective", "extract_repeals", "leftmost_longest", "parse_cn_int"]

Precision = Literal["day", "month", "year"]

_FILE = "dates"
# How far back a "before" context may reach (有效期至, 政策实施期限截至, 阶段性降低失业保险费率政策至).
_BEFORE_WINDOW = 24
# The longest a date or range can be: dates.ymd_range with every optional part and space is 53.
_REACH = 64
_ONE_DAY = _dt.timedelta(days=1)
_DATE_VALUE = constructor(DateValue)  # DateValue.model_construct, without its per-field checks


_P = TypeVar("_P")
_T = TypeVar("_T")
# A candidate match: view start, view end, then anything the builder needs.
Candidate = tuple[int, int, _P]


def leftmost_longest(found: Iterable[Candidate[_P]], build: Callable[[_P], _T | None]) -> list[tuple[int, int, _T]]:
    """Resolve overlapping matches with the *leftmost-longest* policy (G5).

    Sort by ``(start, -end)``, then keep each candidate that starts at or after the end of the
    last kept one and that ``build`` accepts: a range (``2024年1月1日至2027年12月31日``) wins over
    the dates inside it, a date with a day over its month and year. A candidate that ``build``
    rejects (``None``: an impossible date such as ``2024年2月30日``) does not block the shorter
    ones at the same place. For equal spans the first in input order (the rules' file order)
    wins. Only the candidates that can still win are built, so a dense text stays cheap.

    Args:
        found: ``(start, end, payload)`` view ranges ``[start, end)`` with what ``build`` needs.
        build: turns a payload into a value, or ``None`` to reject it.
    Returns:
        ``(start, end, value)`` for the kept candidates, in text order.

    >>> leftmost_longest([(0, 5, "y"), (0, 11, "ymd"), (6, 11, "d"), (12, 14, "x")], str.upper)
    [(0, 11, 'YMD'), (12, 14, 'X')]
    >>> leftmost_longest([(0, 5, "y"), (0, 11, "bad")], lambda p: None if p == "bad" else p)
    [(0, 5, 'y')]
    """
    out: list[tuple[int, int, _T]] = []
    last_end = -1
    for start, end, payload in sorted(found, key=lambda f: (f[0], -f[1])):
        if start < last_end:
            continue
        value = build(payload)
        if value is not None:
            out.append((start, end, value))
            last_end = end
    return out


def parse_cn_int(text: str) -> int | None:
    """An integer written in Arabic digits or Chinese numerals, else ``None``: the one numeral
    reader's :func:`sztext.numerals.date_number` (``二〇二四`` → 2024, ``三十一`` → 31).

    >>> parse_cn_int("二〇二四"), parse_cn_int("十二"), parse_cn_int("18"), parse_cn_int("十十")
    (2024, 12, 18, None)
    """
    return date_number(text)


@lru_cache(maxsize=8192)
def _interval(y: str | None, m: str | None, d: str | None) -> tuple[_dt.date, _dt.date, Precision] | None:
    """First day, last day and precision of a written date; ``None`` when impossible (cached: pure)."""
    # a year PDF text split by a space (dates.ymd_split_year: 202 4) is read without it
    year = parse_cn_int(y.replace(" ", "")) if y else None
    if year is None or not 1 <= year <= 9999:
        return None
    if not m:
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31), "year"
    month = parse_cn_int(m)
    if month is None or not 1 <= month <= 12:
        return None
    if not d:
        return _dt.date(year, month, 1), _dt.date(year, month, calendar.monthrange(year, month)[1]), "month"
    day = parse_cn_int(d)
    if day is None:
        return None
    try:
        value = _dt.date(year, month, day)
    except ValueError:
        return None
    return value, value, "day"


class _Found(NamedTuple):
    """A date or range read from a match, before its kind is known."""

    value: _dt.date
    last: _dt.date | None
    precision: Precision
    is_range: bool
    rule_id: str = ""


def _from_match(item: tuple[regex.Match[str], Rule]) -> _Found | None:
    """The date or range a match writes, or ``None`` when it is impossible (2月30日, 2027—2023年)."""
    m, rule = item
    groups = m.groupdict()
    if rule.tags.get("role") == "range":
        first = _interval(groups["y1"], groups.get("m1"), groups.get("d1"))
        y2, m2, d2 = groups.get("y2"), groups.get("m2"), groups.get("d2")
        # the end inherits what it leaves out: 2017年8月11日至8月22日, 2019年4月12-19日, 2024年1—9月
        second = _interval(y2 or groups["y1"], m2 or (groups.get("m1") if d2 else None), d2)
        if first is None or second is None or second[0] < first[0] or second[1] < first[1]:
            return None
        return _Found(first[0], second[1], first[2], True, rule.id)
    found = _interval(groups["y"], groups.get("m"), groups.get("d"))
    if found is None:
        return None
    first_day, last_day, precision = found
    if groups.get("suffix"):  # 2025年底, 2024年6月末: the last day of the period
        return _Found(last_day, last_day, precision, False, rule.id)
    return _Found(first_day, None if precision == "day" else last_day, precision, False, rule.id)


def _rules(grammar: Grammar, *roles: str) -> list[Rule]:
    return [r for r in grammar.rules_of(_FILE) if r.tags.get("role") in roles]


def _scan(view: TextView, grammar: Grammar, start: int, stop: int) -> list[tuple[int, int, _Found]]:
    """Every date and range in the view range ``[start, stop)``, overlaps resolved.

    One scan finds where a year is written (``dates.year_start``); the date and range rules,
    which all begin with a year, are matched only there, and only those whose ``follows`` tag
    holds the character after the year. Real text holds few years, so this costs about one regex
    pass instead of one per rule, and a year tries one or two rules instead of all of them.
    """
    text = view.text
    years = [(m.start(), m.group("next")) for r in _rules(grammar, "start") for m in r.pattern.finditer(text, start, stop)]
    if not years:
        return []
    chunk = text[start:stop]
    by_next: dict[str, list[Rule]] = {}
    for rule in _rules(grammar, "range", "date"):
        if rule.may_match(chunk):
            for char in str(rule.tags.get("follows", "")):
                by_next.setdefault(char, []).append(rule)
    found: list[Candidate[tuple[regex.Match[str], Rule]]] = []
    for pos, char in years:
        for rule in by_next.get(char, ()):
            # A range needs its separator (an anchor) within the next _REACH characters.
            if char not in rule.anchors and not rule.anchor_within(text, pos, min(stop, pos + _REACH)):
                continue
            m = rule.pattern.match(text, pos, stop)
            if m is not None:
                found.append((pos, m.end(), (m, rule)))
    return leftmost_longest(found, _from_match)


_KINDS: tuple[str, ...] = get_args(DateKind)


class _Side(NamedTuple):
    """The kind rules that read one side of a date, as (place in the file, rule, kind) in file
    order, and their tagged :func:`~sztext.grammar.alternation`: one pattern call per date
    instead of one per rule (``None`` when they cannot be joined: then one by one)."""

    rules: tuple[tuple[int, Rule, DateKind], ...]
    joined: GuardedPattern | None
    tags: tuple[int, ...]  # the group number of each rule's tag in ``joined``


class _Contexts(NamedTuple):
    """The kind rules: those that read after the date (``match`` at its end) and those that
    read before it (``search`` in the window before it, right to left). Of the rules that fit,
    the first in the file gives the kind, whichever side it reads."""

    after: _Side
    before: _Side


def _contexts(grammar: Grammar) -> _Contexts:
    """The kind rules of the grammar, checked and joined (once per grammar).

    Raises:
        GrammarError: a context rule names a kind that is not a :data:`~sztext.models.DateKind`.
    """
    return grammar.derived(_build_contexts)


def _build_contexts(grammar: Grammar) -> _Contexts:
    rules = _rules(grammar, "context")
    for rule in rules:
        if rule.tags.get("kind") not in _KINDS:
            raise GrammarError(f"{grammar.directory}/{_FILE}.toml", rule.id, f"[tags -> kind] {rule.tags.get('kind')!r} is not one of {_KINDS}")
    placed = [(i, r, cast(DateKind, r.tags["kind"])) for i, r in enumerate(rules)]
    before = [c for c in placed if c[1].tags.get("side") == "before"]
    after = [c for c in placed if c[1].tags.get("side") != "before"]
    # Joined, the rules read before the date take the first rule that matches at the right-most
    # end; one by one, the first rule that matches anywhere in the window. The same when every
    # rule ends at the date, so only then are they joined: declared ``anchored = "end"`` in
    # dates.toml (load_grammar checks that each such pattern ends with \Z).
    return _Contexts(_side(after, join=True), _side(before, join=all(r.spec.anchored == "end" for _, r, _ in before)))


def _side(rules: list[tuple[int, Rule, DateKind]], *, join: bool) -> _Side:
    joined = alternation([r for _, r, _ in rules], tagged=True) if join else None
    tags = tuple(joined.groupindex[f"_sz_{k}"] for k in range(len(rules))) if joined is not None else ()
    return _Side(tuple(rules), joined, tags)


def _first_fit(side: _Side, how: str, text: str, pos: int, endpos: int) -> tuple[int, DateKind] | None:
    """(place in the file, kind) of the first rule of ``side`` that matches ``text[pos:endpos]``
    (``how``: ``"match"`` or ``"search"``)."""
    if side.joined is not None:
        m = getattr(side.joined, how)(text, pos, endpos)
        if m is not None:
            for tag, (i, _, kind) in zip(side.tags, side.rules):
                if m.start(tag) >= 0:
                    return (i, kind)
        return None
    for i, rule, kind in side.rules:
        if getattr(rule.pattern, how)(text, pos, endpos) is not None:
            return (i, kind)
    return None


def _kind(text: str, s: int, e: int, contexts: _Contexts, start: int, stop: int) -> DateKind:
    """The kind of the single date at ``[s, e)``: the first context rule that fits, else mention."""
    after = _first_fit(contexts.after, "match", text, e, stop)
    before = _first_fit(contexts.before, "search", text, max(start, s - _BEFORE_WINDOW), s)
    if after is None or before is None:
        fit = after or before
        return fit[1] if fit else "mention"
    return min(after, before)[1]


def extract_dates(view: TextView, grammar: Grammar, start: int = 0, end: int | None = None) -> list[DateValue]:
    """Every date or period mentioned in the view range ``[start, end)``, in text order.

    Each date gets a kind from the words around it: ``effective`` (自…起施行/实施/执行),
    ``until`` (有效期至…), ``deadline`` (…前, 之前, 以前), ``adopted`` (…经…会议审议通过),
    ``repeal`` (自…起废止), ``period`` for a range, else ``mention``. ``signed`` and
    ``published`` are given by the assembler, which knows the date line and the metadata.

    Args:
        view: the normalised text.
        grammar: the compiled grammar (``dates.toml``).
        start: view offset where the document starts.
        end: view offset where it ends (``None``: the end of the text).
    Returns:
        The dates, each with ``value`` (first day), ``end`` (last day of a month, year or range),
        ``precision``, ``kind``, ``text`` and the source ``span``.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> v = normalize("本措施自2024年12月18日起实施，有效期3年。2023—2027年间，2025年底前完成。", g)
    >>> [(d.text, str(d.value), str(d.end), d.precision, d.kind) for d in extract_dates(v, g)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('2024年12月18日', '2024-12-18', 'None', 'day', 'effective'),
     ('2023—2027年', '2023-01-01', '2027-12-31', 'year', 'period'),
     ('2025年底', '2025-12-31', '2025-12-31', 'year', 'deadline')]
    """
    stop = len(view.text) if end is None else end
    text = view.text
    contexts = _contexts(grammar)
    out: list[DateValue] = []
    for s, e, f in _scan(view, grammar, start, stop):
        span = view.span(s, e)
        out.append(
            _DATE_VALUE(
                value=f.value,
                end=f.last,
                precision=f.precision,
                kind="period" if f.is_range else _kind(text, s, e, contexts, start, stop),
                rule_id=f.rule_id,
                text=view.source_at(*span),
                span=span,
            )
        )
    return out


def _add_years(day: _dt.date, years: int) -> _dt.date:
    """``day`` plus whole years; 29 February moves to 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return _dt.date(day.year + years, 3, 1)


def _date_in(view: TextView, grammar: Grammar, start: int, stop: int) -> _Found | None:
    found = _scan(view, grammar, start, stop)
    return found[0][2] if found else None


def extract_effective(
    view: TextView,
    grammar: Grammar,
    start: int = 0,
    end: int | None = None,
    *,
    signed: _dt.date | None = None,
    published: _dt.date | None = None,
    printed: _dt.date | None = None,
    stated: DateValue | None = None,
) -> Effective | None:
    """When the document takes effect and for how long (自…起施行, 自印发之日起, 有效期N年/至…).

    ``until`` is the written end date (有效期至…, for a month or year its last day), or else
    ``from`` plus ``valid_years`` years minus one day. ``text``/``span`` cover the clause from
    自 to the end of its 有效期 part. When the range holds several clauses, the document's own
    (``本办法自…``, ``此件自…``) wins, then one with a start date, then the last (module docstring).

    Args:
        view: the normalised text.
        grammar: the compiled grammar (``dates.toml``).
        start: view offset where the document starts.
        end: view offset where it ends (``None``: the end of the text).
        signed: the document's signing date (成文日期), ``from`` for 自签发之日起.
        published: its publication date (发布日期, a 公布 note), ``from`` for 自公布/发布之日起.
        printed: its 印发 date (版记 ``…办公厅 2024年3月1日印发``), ``from`` for 自印发/下发之日起.
        stated: a 实施日期 printed in the metadata: it is ``from`` whatever the clause says, and
            with no clause it is the effective value itself.
    Returns:
        The :class:`Effective` clause, or ``None`` when the range has none.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> e = extract_effective(normalize("（二十三）本措施自2024年12月18日起实施，有效期3年。", g), g)
    >>> e.from_, e.valid_years, e.until, e.text
    (datetime.date(2024, 12, 18), 3, datetime.date(2027, 12, 17), '自2024年12月18日起实施，有效期3年')
    >>> e = extract_effective(normalize("本公告自印发之日起实施。", g), g, printed=_dt.date(2024, 5, 18))
    >>> e.on_issue, e.from_, e.until
    (True, datetime.date(2024, 5, 18), None)

    Which date 自…之日起 means is the ``dates`` table ``issue_date`` (印发 → the 印发 date,
    公布 → the publication date, 签发 → the signing date); a date the document does not print
    stays ``None`` (``on_issue`` says the clause is there), never another date in its place.
    """
    stop = len(view.text) if end is None else end
    text = view.text
    chunk = text[start:stop]
    clauses: list[Candidate[tuple[regex.Match[str], Rule]]] = []
    for rule in _rules(grammar, "effective", "validity"):
        if rule.may_match(chunk):
            clauses.extend((m.start(), m.end(), (m, rule)) for m in rule.pattern.finditer(text, start, stop))
    if not clauses:
        if stated is None or stated.value is None:
            return None
        return Effective.model_construct(
            from_=stated.value, on_issue=False, valid_years=None, until=None, text=stated.text, span=stated.span
        )
    subjects = _rules(grammar, "subject")

    def rank(clause: tuple[int, int, tuple[regex.Match[str], Rule]]) -> tuple[bool, bool, int]:
        c_start, _, (m, rule) = clause
        own = "subject" in rule.pattern.groupindex or any(
            r.pattern.search(text, max(start, c_start - _BEFORE_WINDOW), c_start) for r in subjects
        )
        return (own, rule.tags.get("role") == "effective", c_start)

    best_start, best_end, (match, _) = max(leftmost_longest(clauses, lambda c: c), key=rank)
    groups = match.groupdict()
    from_: _dt.date | None = None
    if groups.get("from"):
        found = _date_in(view, grammar, *match.span("from"))
        from_ = found.value if found else None
    on_issue = bool(groups.get("issue")) and not groups.get("delay")
    if on_issue:
        which = grammar.table("dates", "issue_date").get(groups["issue"])
        from_ = {"signed": signed, "published": published, "printed": printed}.get(str(which))
    if stated is not None and stated.value is not None:
        from_ = stated.value
    years = parse_cn_int(groups["years"]) if groups.get("years") else None
    until: _dt.date | None = None
    if groups.get("until"):
        found = _date_in(view, grammar, *match.span("until"))
        until = (found.last or found.value) if found else None
    elif years and from_ is not None:
        until = _add_years(from_, years) - _ONE_DAY
    tv = view.value(best_start, best_end)
    return Effective.model_construct(
        from_=from_, on_issue=on_issue, valid_years=years, until=until, text=tv.text, span=tv.span
    )

