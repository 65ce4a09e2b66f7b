"""Conformance: JioNLP's own date cases (``shared/conformance/jionlp_time_cases.jsonl``) through
sztext's date extractor.

JioNLP's ``parse_time`` cases give a phrase and the time span it means; its ``extract_time``
cases give a sentence and the time expressions in it, with offsets. sztext reads the absolute
calendar dates and date ranges of 公文, so a case is in scope when it writes a full year and
nothing else; every in-scope case must pass:

* ``parse_time``: ``extract_dates`` finds exactly one date or range in the phrase, and its first
  and last day (``value``, ``end or value``) are the first and last day of the expected span.
* ``extract_time``: the dates found are exactly the expected ones, by text and offsets (the
  phrase is plain text, so view offsets are source offsets); an empty expectation means that
  sztext must find nothing (身份证号140302197706220124 is no date).

Everything else is skipped by one of the rules in ``SKIP_RULES`` below (the first that fits),
never case by case; ``test_skipped_cases_by_rule`` prints how many each rule skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest
import regex

import sztext
from sztext.extract import extract_dates
from sztext.normalize import normalize

CONFORMANCE = Path(__file__).resolve().parents[2].parent / "shared" / "conformance"
CASES_FILE = CONFORMANCE / "jionlp_time_cases.jsonl"
if not CASES_FILE.is_file():
    pytest.skip(f"{CASES_FILE} is not available in this checkout", allow_module_level=True)

GRAMMAR = sztext.load_grammar()


@dataclass(frozen=True)
class Case:
    line: int
    api: str
    input: str
    expected: Any
    time_base: str | None

    @property
    def texts(self) -> list[str]:
        """What the skip rules look at: the phrase, or each expected expression of a sentence."""
        if self.api == "jio.ner.extract_time":
            return [e["text"] for e in self.expected]
        return [self.input]


def _load() -> list[Case]:
    cases = []
    for n, line in enumerate(CASES_FILE.read_text(encoding="utf-8").splitlines(), 1):
        raw = json.loads(line)
        cases.append(Case(n, raw["api"], raw["input"], raw["expected"], raw.get("time_base_utc8")))
    return cases


CASES = _load()

# ---------------------------------------------------------------- the scope rules (in order)

_FULL_YEAR = regex.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])|[一二][〇零○一二三四五六七八九]{3}")
_TWO_DIGIT_YEAR = regex.compile(r"(?<![0-9〇零○一二三四五六七八九])[0-9〇零○一二三四五六七八九]{2}年")
_TIME_OF_DAY = regex.compile(r"[点时:：刻]|[0-9]{2}[0-9]{2}:|早上|上午|中午|下午|晚上|晚|凌晨|夜|午|黎明|白天|傍晚")
_WEEK = regex.compile(r"周|星期|礼拜")
_LUNAR_HOLIDAY_SEASON = regex.compile(
    r"农历|阴历|闰|正月|腊月|廿|初[一二三四五六七八九十0-9]|除夕|大年|[节旦庆宵午秋夕]|春|夏|冬|暑假|寒假"
    r"|[立雨惊清谷小芒处白寒霜大][春水蛰明雨满种暑露分降雪寒]|十一(?![个月日号0-9])"
)
_RELATIVE_WORDS = regex.compile(
    r"今|去年|明年|前年|后年|[上下本这当同次]个?[年月周日季]|上上|下下|近|过去|未来|今后|现在|至今|以来|之后|以后"
    r"|再过|过[一二两三四五六七八九十0-9]|(?<![0-9〇零一二三四五六七八九十])[0-9一二两三四五六七八九十几多半]{1,3}(?:个)?(?:年|月|天|日|周|星期|小时|分钟|秒)(?:半)?(?:后|前)"
)
_PART_OF_PERIOD = regex.compile(
    r"季度|[上中下]旬|[上下]半年|伊始|世纪|年代|[初中末底]|首月|第[0-9一二三四五六七八九十]+个?(?:月|天|周)"
    r"|[前后][0-9一二两三四五六七八九十]+个?月"
)
_DIGITS_ONLY = regex.compile(r"^[0-9]{8}$|^[0-9]{4}(?: [0-9]{1,2}){2}$|^[0-9]{4}$")


def _is(pattern: regex.Pattern[str]) -> Callable[[Case], bool]:
    return lambda case: any(pattern.search(t) for t in case.texts)


def _bounds(case: Case) -> list[str]:
    e = case.expected
    if isinstance(e, dict) and isinstance(e.get("time"), list):
        return [t for t in e["time"] if isinstance(t, str)]
    return []


SKIP_RULES: list[tuple[str, str, Callable[[Case], bool]]] = [
    (
        "duration-or-recurrence",
        "JioNLP time_delta / time_period (3天, 每年9月): lengths and repetitions, not dates",
        lambda c: c.api == "jio.parse_time" and c.expected.get("type") in ("time_delta", "time_period"),
    ),
    (
        "approximate",
        "JioNLP definition 'blur' (左右, 前后, 年底 as Nov-Dec, 上半年): an approximate span by JioNLP's own mark",
        lambda c: c.api == "jio.parse_time" and c.expected.get("definition") == "blur",
    ),
    (
        "relative-to-now",
        "the expected span starts or ends at time_base or at ±inf (2025年前 = from now on, 二〇一九年5月8日起 = until now)",
        lambda c: any(b == c.time_base or b.endswith("inf") for b in _bounds(c)),
    ),
    ("relative-words", "words relative to now (今年, 去年, 下月, 3年后, 近三个月): need a reference date", _is(_RELATIVE_WORDS)),
    ("time-of-day", "a time of day (18:59, 下午3点, 11:00时): sztext reads calendar days", _is(_TIME_OF_DAY)),
    ("week", "weeks and weekdays (第二周, 星期三)", _is(_WEEK)),
    ("lunar-holiday-season", "lunar dates, festivals, solar terms and seasons (农历, 春节, 冬至, 2021年春)", _is(_LUNAR_HOLIDAY_SEASON)),
    ("part-of-period", "quarters, 旬, 年底/月初, counted months (一季度, 下旬, 前两个月, 首月)", _is(_PART_OF_PERIOD)),
    (
        "two-digit-year",
        "a two-digit year (15年3月2日, 零七年, 89年9月): its century needs a reference, and in 公文 3年 is a duration",
        _is(_TWO_DIGIT_YEAR),
    ),
    (
        "digits-only",
        "digits with no 年/月/日 and no date separator (20240307, 2022 11 23, 2018, 财税2016 36号): numbers in 公文",
        lambda c: any(_DIGITS_ONLY.search(t.strip()) for t in c.texts),
    ),
    ("no-year", "no year written (9月30日, 6·30, 1月3至2月10): the year must come from a reference", lambda c: not all(_FULL_YEAR.search(t) for t in c.texts)),
]


def skip_rule(case: Case) -> str | None:
    """The name of the first scope rule that takes the case out, or ``None`` when in scope."""
    if case.api == "jio.ner.extract_time" and not case.expected:
        return None  # a sentence with no date: sztext must find none
    for name, _, applies in SKIP_RULES:
        if applies(case):
            return name
    return None


def _param(case: Case) -> Any:
    rule = skip_rule(case)
    marks = [pytest.mark.skip(reason=f"out of scope: {rule}")] if rule else []
    return pytest.param(case, id=f"l{case.line}-{case.input[:24]}", marks=marks)


PARSE = [_param(c) for c in CASES if c.api == "jio.parse_time"]
EXTRACT = [_param(c) for c in CASES if c.api == "jio.ner.extract_time"]


def _day(stamp: str) -> dt.date:
    return dt.date.fromisoformat(stamp[:10])


@pytest.mark.parametrize("case", PARSE)
def test_parse_time_case(case: Case) -> None:
    view = normalize(case.input, GRAMMAR)
    found = extract_dates(view, GRAMMAR)
    assert len(found) == 1, f"{case.input!r}: expected one date or range, found {[d.text for d in found]}"
    first, last = (_day(t) for t in case.expected["time"])
    date = found[0]
    assert (date.value, date.end or date.value) == (first, last), f"{case.input!r} read as {date.text!r}"


@pytest.mark.parametrize("case", EXTRACT)
def test_extract_time_case(case: Case) -> None:
    view = normalize(case.input, GRAMMAR)
    found = [(d.text, list(d.span)) for d in extract_dates(view, GRAMMAR)]
    assert found == [(e["text"], e["offset"]) for e in case.expected]


def test_skipped_cases_by_rule() -> None:
    """Print how many cases each scope rule skips, and prove that the rules leave cases to test."""
    counts = Counter(skip_rule(c) or "in scope" for c in CASES)
    for name, why, _ in SKIP_RULES:
        print(f"skipped {counts.get(name, 0):4d} by {name}: {why}")
    print(f"in scope {counts['in scope']:4d} of {len(CASES)}")
    assert counts["in scope"] >= 30
    assert sum(counts.values()) == len(CASES)
