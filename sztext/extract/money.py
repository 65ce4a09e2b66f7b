"""Money (金额): amounts normalised to base units, with qualifier, range and rate.

``2000万元`` → 20000000 CNY; ``最高不超过1亿元`` → max; ``100万—500万元`` → low/high;
``4800元/月`` → per 月. All patterns and lexicons live in ``grammars/money.toml``; this module
turns the matches of its rules into :class:`~sztext.models.Amount` values. Decisions:

* Values are ``Decimal`` in base units, computed from the digits (never through a float);
  Chinese numerals go through the one numeral reader (:func:`sztext.numerals.integer`, cn2an's
  smart mode; :func:`numeral_value`).
* Two steps per amount: ``money.amount`` finds the number, unit and what follows (one scan of
  the text), then ``money.lead`` reads the qualifier and 每 words right to left from the
  number's first character, never into the previous amount (one short match, instead of trying
  those words at every position of the text).
* Qualifier: words before the number (最高, 不超过, 约 …), between number and unit (余, 多) and
  after it (以上, 以内, 左右 …) are looked up in ``[table.qualifier]``; a bound (max/min) beats
  "about", and a word after the amount beats one before it. The words are inside the span.
* ``per`` is the rate's denominator as written: ``元/人`` → ``人``; ``每户每年`` → ``户/年``; both
  (``每年最高5万元/人``) → ``人/年``, the slash form first.
* A range has ``low`` and ``high`` and ``value`` None. A lower and an upper bound next to each
  other (``1000万元以上、1亿元以下``, ``5亿元以下、2亿元（含）以上``) become ONE range amount with
  rule ``money.bound_pair`` and qualifier ``exact``; so does a lower bound followed by 至/到 and a
  plain amount (``1000万元及以上至5000万元``). An estimate such as 八九亿 is a range, approx.
* ``5角`` and ``3分钱`` (after Arabic digits) are CNY sums below one 元.
* In a list (``最高奖励10万元、20万元、50万元``) items without words of their own take the
  qualifier and 每-rate of the first item (rule ``money.enumeration`` matches the separator).
  Items may carry a level or grade label (``最高500万元（国家级）、100万元（省级）``, ``国家级500万元、
  省级100万元``), and a list may follow a colon (``最高奖励：⏎1.国家级100万元；⏎2.省级50万元``: the first
  item's lead reaches over the colon, the list number and the label, so its text starts at 最高).
* A number and 万/亿 with no currency word is money only right after a word that names a sum
  (``money.bare_number``: ``节省超过200万``, ``计划（0.99亿）``, ``总投资20亿``), as CNY.
* Thousands may be separated by a space in PDF text (``1 000万元`` = 1000万); a number never starts
  with ``00``, so the tail ``000万元`` of such a number is never an amount of 0.
* A note naming a currency "for what follows" (``10000元（澳门元，下同）``, rule ``money.currency_note``)
  gives its currency to the amount just before it and to every later amount of the range whose
  currency was only a plain 元/圆 (or no word): those read CNY otherwise.
* In a text whose amounts name 港元/港币, 澳门元 or 新台币 (one of them only) and never 人民币, a plain 元 is that
  currency (rule ``money.page_currency``: ``累计资助总额不得超过1,500万元`` beside ``港币1,500万元``).
* A table cell that is only a number, under a unit header line (``单位：万元``), is an amount of
  that unit (:mod:`sztext.extract.moneytable`, rule id ``money.table_cell``). Not read: a unit in
  a column header only (``总投资（万元）`` beside a 数量 column): no reader aligns table columns.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Iterable, Mapping, cast

import regex

from ..budget import CHECK_MASK, check_budget
from ..errors import GrammarError
from ..grammar import Grammar, Rule
from ..models import Amount, Qualifier
from .. import numerals
from ..normalize import TextView, constructor, drop_overlaps
from .moneytable import table_amounts

__all__ = ["extract_amounts", "numeral_value"]

_RANGE = "money.range"
_AMOUNT = "money.amount"
_BOUND_PAIR = "money.bound_pair"
_ENUMERATION = "money.enumeration"
_LEAD = "money.lead"
_MAGNITUDE = "money.magnitude"
_BARE_NUMBER = "money.bare_number"
_TABLE_CELL = "money.table_cell"
_CURRENCY_NOTE = "money.currency_note"
_PAGE_CURRENCY = "money.page_currency"
_AMOUNT_MODEL = constructor(Amount)  # Amount.model_construct, without its per-field checks
_LEAD_REACH = 64  # money.lead looks this far back; its longest possible match is 46 characters
_ARABIC = regex.compile(r"(\d+(?:\.\d+)?)([^\d.]*)")
_ESTIMATE = "money.estimate"  # 八九亿, 三五百, 一两万, 十七八万, 一百五六十万: an estimate (a range)
_TWO_DIGITS = "money.two_digits"  # two Chinese digits in a row: an estimate or a digit string
_POW10 = tuple(10**p for p in range(40))  # 10**power as int: Decimal * int keeps exponent 0
_QUALIFIERS = ("exact", "max", "min", "approx")
_ASCII_DIGITS = frozenset("0123456789")


@dataclass(slots=True)
class _Found:
    """A candidate amount on view offsets, before overlaps are resolved."""

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    currency: str
    qualifier: Qualifier
    per: str | None
    rule_id: str
    lead_qualifier: Qualifier | None = None  # from a word before the number (for lists)
    lead_per: str | None = None  # from 每… before the number (for lists)
    plain: bool = False  # a bare number and unit: may take a list's qualifier and rate


def extract_amounts(view: TextView, grammar: Grammar, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every amount of money (金额) in the view range ``[start, end)``, in text order.

    Args:
        view: the normalised text (:func:`sztext.normalize.normalize`).
        grammar: the compiled grammar; its ``money`` rules and tables are used.
        start: view offset where the range starts.
        end: view offset where it ends (``None``: the end of the text).
    Returns:
        The amounts, each with its source ``span`` and ``text`` (``source[span] == text``),
        ``value`` in base units (or ``low``/``high`` for a range), ISO ``currency``,
        ``qualifier``, ``per`` and the producing ``rule_id``.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> text = "单个企业年度最高奖励人民币5000万元，累计最高奖励人民币1.5亿元。实收资本在5億元以下、2億元（含）以上的，給予800萬元"
    >>> for a in extract_amounts(normalize(text, g), g):
    ...     print(a.text, a.value, a.low, a.high, a.currency, a.qualifier)
    单个企业年度最高奖励人民币5000万元 50000000 None None CNY max
    最高奖励人民币1.5亿元 150000000 None None CNY max
    5億元以下、2億元（含）以上 None 200000000 500000000 CNY exact
    800萬元 8000000 None None CNY exact
    """
    return _extract(view, grammar, start, end, prefilter=True)


def _extract(view: TextView, grammar: Grammar, start: int, end: int | None, *, prefilter: bool) -> list[Amount]:
    """:func:`extract_amounts` with the anchor prefilter switchable (tests prove it changes nothing).

    With the prefilter, a rule runs only if one of its anchors occurs in the range, and then only
    on windows around the anchors' occurrences: in a notice of 100 pages with 40 amounts the
    patterns scan a few thousand characters, not the whole text.
    """
    text = view.text
    stop = len(text) if end is None else end
    lex = _lexicon(grammar)
    lead_rule = grammar.rule(_LEAD)
    candidates: list[_Found] = []
    for rule_id, build in ((_RANGE, _range), (_AMOUNT, _single), (_MAGNITUDE, _bare), (_BARE_NUMBER, _bare_number)):
        rule = grammar.rule(rule_id)
        # no window when no anchor occurs: the range is scanned for anchors once, here
        for w, (lo, hi) in enumerate(_windows(text, start, stop, rule) if prefilter else [(start, stop)]):
            if not w & CHECK_MASK:
                check_budget("amounts")
            previous_end = lo  # the words before an amount never reach into the previous one
            for m in rule.pattern.finditer(text, lo, hi):
                first = m.start()
                lead = lead_rule.pattern.match(text, max(previous_end, first - _LEAD_REACH), first)
                previous_end = m.end()
                found = build(m, lead, rule, view, lex)
                if found is not None:
                    candidates.append(found)
    candidates.extend(
        _Found(t.start, t.end, t.value, None, None, t.currency, "exact", None, _TABLE_CELL)
        for t in table_amounts(view, grammar, start, stop, lex.magnitude, lex.currency)
    )
    kept = _resolve_overlaps(candidates)
    kept = _merge_bound_pairs(kept, text, grammar.rule(_BOUND_PAIR))
    kept = _inherit_in_lists(kept, text, grammar.rule(_ENUMERATION))
    kept = _apply_currency_notes(kept, text, start, stop, grammar.rule(_CURRENCY_NOTE), lex)
    kept = _apply_page_currency(kept, text, start, stop, grammar.rule(_PAGE_CURRENCY), lex)
    out = []
    for f in kept:
        s, e = view.span(f.start, f.end)
        out.append(
            _AMOUNT_MODEL(
                text=view.source_at(s, e), value=f.value, low=f.low, high=f.high, currency=f.currency,
                qualifier=f.qualifier, per=f.per, rule_id=f.rule_id, span=(s, e),
            )
        )
    return out


# A window reaches this far left / right of an anchor occurrence: the match that contains the
# anchor (a long range, 一百二十三万四千五百六十七点八九 …) and, before it, its money.lead words (up to
# _LEAD_REACH); after it the longest tail 元人民币/人·年（含本数）及以上（不含）. Generous, so a
# window never cuts a match; tests compare with the prefilter off.
_LEFT, _RIGHT = 160, 120


def _windows(text: str, start: int, stop: int, rule: Rule) -> list[tuple[int, int]]:
    """Merged view ranges within ``_LEFT``/``_RIGHT`` of an anchor occurrence (all of it without anchors)."""
    if rule.anchor_finder is None:
        return [(start, stop)]
    out: list[tuple[int, int]] = []
    for m in rule.anchor_finder.finditer(text, start, stop):
        lo, hi = max(start, m.start() - _LEFT), min(stop, m.end() + _RIGHT)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _resolve_overlaps(found: Iterable[_Found]) -> list[_Found]:
    """The one overlap policy: sort by ``(start, -end)``; keep a candidate unless it overlaps a kept one.

    So the leftmost, then longest, match wins: a range beats the single amounts inside it, and
    ``最高不超过1亿元`` beats ``1亿元``.
    """
    return drop_overlaps(found, lambda f: (f.start, f.end))


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The lookup tables of ``money.toml``, typed (built once per grammar)."""

    currency: Mapping[str, str]
    magnitude: Mapping[str, int]
    digit: Mapping[str, int]
    qualifier: Mapping[str, Qualifier]
    two_digits: regex.Pattern[str]  # money.two_digits
    estimate: regex.Pattern[str]  # money.estimate
    trailing_magnitudes: regex.Pattern[str]  # money.trailing_magnitudes
    named_currency: regex.Pattern[str]  # a currency word of two or more characters (人民币, 澳门元): not a plain 元


def _lexicon(grammar: Grammar) -> _Lexicon:
    """The grammar's money tables, checked and typed (built once per grammar).

    Raises:
        GrammarError: a qualifier is not exact/max/min/approx, or a power or digit not an integer.
    """
    return grammar.derived(_build_lexicon)


def _build_lexicon(grammar: Grammar) -> _Lexicon:
    tables = {name: grammar.table("money", name) for name in ("currency", "magnitude", "digit", "qualifier")}
    for name, allowed in (("magnitude", range(25)), ("digit", range(10)), ("qualifier", _QUALIFIERS)):
        for word, v in tables[name].items():
            if isinstance(v, (bool, list)) or v not in allowed:
                raise GrammarError(f"{grammar.directory}/money.toml", None, f"[table.{name}] {word!r} = {v!r} is not allowed")
    return _Lexicon(
        {w: str(c) for w, c in tables["currency"].items()},
        cast(Mapping[str, int], tables["magnitude"]),
        cast(Mapping[str, int], tables["digit"]),
        cast(Mapping[str, Qualifier], tables["qualifier"]),
        grammar.rule(_TWO_DIGITS).pattern,
        grammar.rule(_ESTIMATE).pattern,
        grammar.rule("money.trailing_magnitudes").pattern,
        regex.compile("|".join(regex.escape(w) for w in sorted(tables["currency"], key=len, reverse=True) if len(w) > 1)),
    )


def numeral_value(text: str, grammar: Grammar) -> Decimal:
    """The value of a numeral as it reads in the view: Arabic, Chinese (via cn2an) or mixed.

    Arabic digits with magnitude characters (``16.4亿``) are computed exactly with the grammar's
    ``[table.magnitude]``; Chinese integers (``一百二十万``, ``壹拾万零叁仟``, ``1百01``) go through
    :func:`sztext.numerals.integer` (cn2an's smart mode); digits after 点 are read one by one (``一七二零点一`` → 1720.1).

    Args:
        text: the numeral, e.g. ``"一百二十万"``, ``"82,225.00"``, ``"16.4亿"``.
        grammar: the compiled grammar (its ``money`` magnitude and digit tables).
    Returns:
        The exact value; an integral value has exponent 0.
    Raises:
        ValueError: the text is not a numeral.

    >>> from sztext import load_grammar
    >>> g = load_grammar()
    >>> numeral_value("16.4亿", g), numeral_value("一百二十万", g), numeral_value("零点零一", g)
    (Decimal('1640000000'), Decimal('1200000'), Decimal('0.01'))
    """
    return _numeral(text, _lexicon(grammar))


def _numeral(text: str, lex: _Lexicon) -> Decimal:
    s = text.replace(",", "").replace(" ", "")
    m = _ARABIC.fullmatch(s)
    if m is not None and all(c in lex.magnitude for c in m[2]):
        return _tidy(Decimal(m[1]).scaleb(_power(m[2], lex)))
    whole, dot, fraction = s.partition("点")
    if not whole or (dot and not fraction) or any(c not in lex.digit and c not in _ASCII_DIGITS for c in fraction):
        raise ValueError(f"not a numeral: {text!r}")
    digits = "".join(c if c in _ASCII_DIGITS else str(lex.digit[c]) for c in fraction)
    integer = numerals.integer(whole)
    return _tidy(Decimal(f"{integer}.{digits}") if dot else Decimal(integer))


def _power(mags: str, lex: _Lexicon) -> int:
    """The power of ten of a run of magnitude characters: 千万亿 → 3 + 4 + 8 = 15."""
    return sum(lex.magnitude[c] for c in mags)


def _tidy(value: Decimal) -> Decimal:
    """An integral value with exponent 0 (``Decimal('1640000000')``), else without trailing zeros."""
    if value.as_tuple().exponent == 0:
        return value
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _bounds(num: str, lex: _Lexicon) -> tuple[Decimal, Decimal] | None:
    """``(v, v)`` for a numeral, ``(low, high)`` for an estimate such as 八九亿, else None."""
    if num.isascii():  # the Arabic group of the patterns: digits, separators (1,000 / 1 000), one dot
        v = Decimal(num.replace(",", "").replace(" ", ""))
        return (v, v)
    try:
        if lex.two_digits.search(num.partition("点")[0]) is None:
            v = _numeral(num, lex)
            return (v, v)
        est = lex.estimate.fullmatch(num)
        if est is None:
            return None  # 一七二零 reads as digits in cn2an, which in money is a typo or a code
        head, d1, d2, mags = est.group("head", "d1", "d2", "mags")
        low = _numeral(head + d1 + mags, lex)
        high = _numeral(head + d2 + mags, lex)
    except (ValueError, InvalidOperation):
        return None
    return (low, high) if low < high else None


def _currency(words: Iterable[str | None], lex: _Lexicon) -> str:
    """The ISO code: the first non-CNY currency word wins (港币两千九百六十元 → HKD)."""
    codes = [lex.currency[w] for w in words if w]
    return next((c for c in codes if c != "CNY"), "CNY")


def _qualifier(words: Iterable[str | None], lex: _Lexicon) -> Qualifier:
    """A bound beats "about"; among bounds, the last word (after the amount) wins."""
    quals = [lex.qualifier[w] if w in lex.qualifier else lex.qualifier["".join(w.split())] for w in words if w]
    bounds = [q for q in quals if q != "approx"]
    if bounds:
        return bounds[-1]
    return "approx" if quals else "exact"


def _per(m: regex.Match[str], lead: regex.Match[str] | None, view: TextView) -> tuple[str | None, str | None]:
    """``(per, lead_per)``: the denominator(s) as written, slash form first, then 每 units."""
    each = [view.clean[s:e] for s, e in (lead.span("each1"), lead.span("each2")) if s >= 0] if lead else []
    lead_per = "/".join(each) or None
    s, e = m.span("per")
    parts = [p for p in (view.clean[s:e] if s >= 0 else None, lead_per) if p]
    return ("/".join(parts) or None, lead_per)


@functools.lru_cache(maxsize=64)
def _getter(pattern: regex.Pattern[str], names: tuple[str, ...]) -> operator.itemgetter[tuple[str | None, ...]]:
    """Reads the named groups out of ``m.groups()``: ten times cheaper than ``m.group(*names)``."""
    return operator.itemgetter(*(pattern.groupindex[n] - 1 for n in names))


_SINGLE_GROUPS = ("num", "about", "mag", "about2", "cur0", "cur", "small", "jiao", "fen", "cur2", "per", "post")
_SMALL_PLACES = {"角": 1, "分钱": 2}  # 5角 = 0.5 元, 3分钱 = 0.03 元
_LEAD_GROUPS = ("pre0", "pre", "each1")


def _single(m: regex.Match[str], lead: regex.Match[str] | None, rule: Rule, view: TextView, lex: _Lexicon) -> _Found | None:
    """A ``money.amount`` match (and the ``money.lead`` words before it) as a candidate amount."""
    num, about, mag, about2, cur0, cur, small, jiao, fen, cur2, per_group, post = _getter(m.re, _SINGLE_GROUPS)(m.groups())
    if small:  # 5角, 3分钱: a sum below one 元
        if mag or jiao or fen:
            return None
        low = high = _tidy(Decimal(num.replace(",", "")).scaleb(-_SMALL_PLACES[small]))
    elif num.isdigit() and num.isascii() and not jiao and not fen:  # the common case: 2000万元, in ints
        low = high = Decimal(int(num) * _POW10[_power(mag, lex)] if mag else int(num))
    else:
        bounds = _bounds(num, lex)
        if bounds is None:
            return None
        cents = Decimal(0)
        for d, places in ((jiao, 1), (fen, 2)):
            if d:
                cents += Decimal(int(d) if d in _ASCII_DIGITS else lex.digit[d]).scaleb(-places)
        scale = _POW10[_power(mag or "", lex)]
        low, high = (_tidy(b * scale + cents) for b in bounds)
    pre0, pre, each1 = _getter(lead.re, _LEAD_GROUPS)(lead.groups()) if lead else (None, None, None)
    per, lead_per = _per(m, lead, view) if per_group or each1 else (None, None)
    currency = lex.currency[cur] if cur and not (cur0 or cur2) else _currency((cur0, cur, cur2), lex)
    begin = lead.start() if lead else m.start()
    if low != high:  # an estimate (八九亿韩元): a range, approx
        return _Found(begin, m.end(), None, low, high, currency, "approx", per, rule.id)
    if not (pre0 or pre or about or about2 or post):
        return _Found(begin, m.end(), low, None, None, currency, "exact", per, rule.id, None, lead_per, plain=per is None)
    return _Found(
        begin, m.end(), low, None, None, currency, _qualifier((pre0, pre, about, about2, post), lex), per, rule.id,
        lead_qualifier=_qualifier((pre0, pre), lex) if pre0 or pre else None, lead_per=lead_per,
    )


def _bare(m: regex.Match[str], lead: regex.Match[str] | None, rule: Rule, view: TextView, lex: _Lexicon) -> _Found | None:
    """A ``money.magnitude`` match: 过亿元 → 1亿, 突破千亿元 → 1000亿 (the bound word from ``money.lead``)."""
    value = Decimal(_POW10[_power(m["mag"], lex)])
    words = (*(lead.group("pre0", "pre") if lead else ()), m["post"])
    per, _ = _per(m, lead, view)
    return _Found(lead.start() if lead else m.start(), m.end(), value, None, None, _currency((m["cur"], m["cur2"]), lex), _qualifier(words, lex), per, rule.id)


def _bare_number(m: regex.Match[str], lead: regex.Match[str] | None, rule: Rule, view: TextView, lex: _Lexicon) -> _Found | None:
    """A ``money.bare_number`` match: 节省超过200万, 计划（0.99亿） → CNY (the bound word from ``money.lead``)."""
    bounds = _bounds(m["num"], lex)
    if bounds is None:
        return None
    value = _tidy(bounds[0] * _POW10[_power(m["mag"], lex)])
    words = lead.group("pre0", "pre") if lead else ()
    return _Found(lead.start() if lead else m.start(), m.end(), value, None, None, "CNY", _qualifier(words, lex), None, rule.id)


def _range(m: regex.Match[str], lead: regex.Match[str] | None, rule: Rule, view: TextView, lex: _Lexicon) -> _Found | None:
    """A ``money.range`` match (and the ``money.lead`` words before it) as a candidate range."""
    g = m.groupdict()
    lo, hi = _bounds(m["lo"], lex), _bounds(m["hi"], lex)
    if lo is None or hi is None or lo[0] != lo[1] or hi[0] != hi[1]:
        return None  # an estimate on either side of a range is not read
    high = _tidy(hi[0].scaleb(_power(g["himag"] or "", lex)))
    low = lo[0]
    if g["lomag"]:
        low = low.scaleb(_power(g["lomag"], lex))
    elif not g["locur"]:
        # 10-50万元, 八到九百亿: the low end takes the largest trailing magnitude of the high end
        # that keeps it below the high end (八 → 800亿, 十八至三十万 → 18万, 8500到3万 → 8500).
        run = lex.trailing_magnitudes.search(m["hi"] + (g["himag"] or ""))
        mags = run.group() if run else ""
        scaled = (low.scaleb(_power(mags[i:], lex)) for i in range(len(mags)))
        low = max((v for v in scaled if v <= high), default=low)
    low = _tidy(low)
    if not low < high:
        return None
    per, _ = _per(m, lead, view)
    return _Found(
        lead.start() if lead else m.start(), m.end(), None, low, high, _currency((g["cur0"], g["locur"], g["cur"], g["cur2"]), lex),
        _qualifier((*(lead.group("pre0", "pre") if lead else ()), g["about"], g["post"]), lex), per, rule.id,
    )


def _merge_bound_pairs(found: list[_Found], text: str, gap: Rule) -> list[_Found]:
    """Join a lower and an upper bound separated only by a ``money.bound_pair`` gap into one range.

    The upper bound may lack the lower one's rate: in 每处处以十元以上五十元以下 (Sanmenxia), 按照面积处每平方米
    五百元以上二千元以下 (Weifang) the 每 words stand once, before the pair, and the range takes them.
    """
    out: list[_Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if (
            b is not None
            and ({a.qualifier, b.qualifier} == {"min", "max"} or _chained(a, b, text))
            and a.value is not None
            and b.value is not None
            and a.currency == b.currency
            and b.per in (None, a.per)  # 每处处以十元以上五十元以下: the 每 words before the pair rate both
            and gap.pattern.search(text[a.end : b.start]) is not None
        ):
            low, high = (a.value, b.value) if a.qualifier == "min" else (b.value, a.value)
            if low < high:
                out.append(_Found(a.start, b.end, None, low, high, a.currency, "exact", a.per, gap.id))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_TO = frozenset("至到")


def _chained(a: _Found, b: _Found, text: str) -> bool:
    """A lower bound, then 至/到, then a plain amount: 1000万元及以上至5000万元 (a range)."""
    return a.qualifier == "min" and b.qualifier == "exact" and b.plain and any(c in _TO for c in text[a.end : b.start])


def _inherit_in_lists(found: list[_Found], text: str, gap: Rule) -> list[_Found]:
    """Give bare list items the qualifier and 每-rate written before the list's first item."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and f.plain
            and (prev.lead_qualifier or prev.lead_per)
            and prev.currency == f.currency
            and gap.pattern.search(text[prev.end : f.start]) is not None
        ):
            f = replace(
                f, qualifier=prev.lead_qualifier or f.qualifier, per=prev.lead_per,
                lead_qualifier=prev.lead_qualifier, lead_per=prev.lead_per,
            )
        out.append(f)
    return out


def _apply_currency_notes(found: list[_Found], text: str, start: int, stop: int, note: Rule, lex: _Lexicon) -> list[_Found]:
    """Give the currency of a ``money.currency_note`` (（澳门元，下同）) to the amount it follows and to
    the later amounts whose only currency word is a plain 元 (read CNY without the note)."""
    if note.anchor_finder is not None and note.anchor_finder.search(text, start, stop) is None:  # most texts have no 下同
        return found
    notes = [(m.start(), lex.currency[m["cur"]]) for m in note.pattern.finditer(text, start, stop)]
    if not notes:
        return found
    out = []
    for f in found:
        before = [code for pos, code in notes if pos <= f.start]
        after = [code for pos, code in notes if pos >= f.end and not text[f.end : pos].strip()]
        code = after[0] if after else before[-1] if before else None
        if code is not None and code != f.currency and f.currency == "CNY" and lex.named_currency.search(text, f.start, f.end) is None:
            f = replace(f, currency=code)
        out.append(f)
    return out


def _apply_page_currency(found: list[_Found], text: str, start: int, stop: int, page: Rule, lex: _Lexicon) -> list[_Found]:
    """Give the one currency a text names (港元, 澳门元, 新台币: ``money.page_currency``) to its plain 元 amounts,
    when the text never names 人民币 nor a second of these currencies."""
    if page.anchor_finder is not None and page.anchor_finder.search(text, start, stop) is None:  # most texts name no currency
        return found
    codes = set()
    for m in page.pattern.finditer(text, start, stop):
        if m["cny"]:
            return found
        codes.add(lex.currency[m["cur"]])
    if len(codes) != 1:
        return found
    (code,) = codes
    return [
        replace(f, currency=code) if f.currency == "CNY" and lex.named_currency.search(text, f.start, f.end) is None else f
        for f in found
    ]
