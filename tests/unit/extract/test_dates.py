"""Dates, periods and the effective clause (``sztext.extract.dates``, ``grammars/dates.toml``).

Which rows the rules were developed on, and which only evaluate them (G33):

* ``SAMPLE_DATES`` and ``SAMPLE_EFFECTIVE`` come from ``samples/004_dc8ab61eb0bb8ed1.txt`` (and
  ``samples/001``/``003`` for Traditional text); each was read in its line and checked by hand.
  The rules were developed on them.
* ``CORPUS_ROWS`` come from ``shared/corpus`` pages (Guangzhou, gov.cn, OCR); the rules were
  extended on them (起正式执行, 有效期截至, 实施日期：⏎…, 自公布之日起30日后施行).
* ``FORM_ROWS``, ``NO_DATE_ROWS`` and ``EFFECTIVE_FORMS`` are the forms the issue asks for
  (二〇二四年十二月十三日, 2024/5/18, 2024年1—9月, (2018—2035年), invalid dates) and only evaluate
  the rules; the JioNLP conformance cases are in ``tests/conformance``.
* ``KNOWN_FAILURES`` are forms sztext does not read yet, as ``xfail(strict=True)``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import sztext
from sztext.extract.dates import extract_dates, extract_effective, leftmost_longest, parse_cn_int
from sztext.grammar import Grammar
from sztext.normalize import normalize

G = sztext.load_grammar()
SAMPLES = Path(__file__).resolve().parents[3] / "samples"
SAMPLE_004 = (SAMPLES / "004_dc8ab61eb0bb8ed1.txt").read_text(encoding="utf-8").split("\n")

# (text, value, end, precision, kind) with ISO dates; end None for a single day
Row = tuple[str, str, str | None, str, str]


def dates_of(text: str, grammar: Grammar = G) -> list[Row]:
    view = normalize(text, G)
    out: list[Row] = []
    for d in extract_dates(view, grammar):
        assert text[d.span[0] : d.span[1]] == d.text
        out.append((d.text, d.value.isoformat() if d.value else "", d.end.isoformat() if d.end else None, d.precision, d.kind))
    return out


def line(n: int) -> str:
    """Line ``n`` (1-based) of samples/004."""
    return SAMPLE_004[n - 1]


# ------------------------------------------------------------------------ dates from the samples

SAMPLE_DATES: list[tuple[str, str, Row]] = [
    ("l115 effective", line(115), ("2024年12月18日", "2024-12-18", None, "day", "effective")),
    ("l7 signature date", line(7), ("2024年12月13日", "2024-12-13", None, "day", "mention")),
    ("l2779 stray spaces", line(2779), ("2020 年7 月1 日", "2020-07-01", None, "day", "effective")),
    ("l2735 spaces in a provenance note", line(2735), ("2020 年 4 月 28 日", "2020-04-28", None, "day", "mention")),
    ("l1159 有效期至", line(1159), ("2026年12月31日", "2026-12-31", None, "day", "until")),
    ("l963 政策实施期限截至", line(963), ("2023年12月31日", "2023-12-31", None, "day", "until")),
    ("l1061 执行期限为 a range", "执行期限为2023年1月1日至2023年12月31日。", ("2023年1月1日至2023年12月31日", "2023-01-01", "2023-12-31", "day", "period")),
    ("l1895 2025年底前", "　　2025年底前，推动至少1万户个体工商户", ("2025年底", "2025-12-31", "2025-12-31", "year", "deadline")),
    ("l2098 2023年6月30日前", "对于2023年6月30日前通过网络迁改方式接入", ("2023年6月30日", "2023-06-30", None, "day", "deadline")),
    ("l3046 adopted", line(3046), ("2018年7月3日", "2018-07-03", None, "day", "adopted")),
    ("l200 实施日期 in a table", "签发日期\t2023-12-02\t实施日期\t2024-01-19", ("2024-01-19", "2024-01-19", None, "day", "effective")),
    ("l32 信息提供日期 numeric", "来源： 深圳市商务局 信息提供日期：2024-05-29 10:20", ("2024-05-29", "2024-05-29", None, "day", "mention")),
    ("l139 2023—2027年间", "对于2023—2027年间，年新增实际外资金额", ("2023—2027年", "2023-01-01", "2027-12-31", "year", "period")),
    ("l415 (2023—2025年) in a title", "行动计划（2023—2025年）的通知", ("2023—2025年", "2023-01-01", "2025-12-31", "year", "period")),
    ("l1998 (2022－2025年) full-width dash", "建设行动计划（2022－2025年）》的通知", ("2022－2025年", "2022-01-01", "2025-12-31", "year", "period")),
    ("l2101 2023年－2025年", "对于2023年－2025年每年新升级接入", ("2023年－2025年", "2023-01-01", "2025-12-31", "year", "period")),
    ("l1189 a range inside 期间", "对企业在2024年1月1日至2027年12月31日期间新购进的设备", ("2024年1月1日至2027年12月31日", "2024-01-01", "2027-12-31", "day", "period")),
    ("l1836 自…至… range", "自2019年1月1日至2021年12月31日，对小型微利企业", ("2019年1月1日至2021年12月31日", "2019-01-01", "2021-12-31", "day", "period")),
    ("l2217 2025年年底", "专项实施方案的实施期限至2025年年底，为企业提供", ("2025年年底", "2025-12-31", "2025-12-31", "year", "until")),
    ("l1822 2022年度", "对中小微企业在2022年度内新购置的单位价值", ("2022年度", "2022-01-01", "2022-12-31", "year", "mention")),
    ("l1812 a month", "可自2022年4月纳税申报期起按月向主管税务机关", ("2022年4月", "2022-04-01", "2022-04-30", "month", "mention")),
    ("l961 自…起 with no verb", "自2024年1月1日起，提高员工制家政企业社保补贴标准", ("2024年1月1日", "2024-01-01", None, "day", "mention")),
    ("l2779 the repealed document's date", "2018年 7 月 9 日发布的《深圳市政府投资建设项目施工许可管理规定》", ("2018年 7 月 9 日", "2018-07-09", None, "day", "mention")),
    ("003 Traditional title", "關于印發深圳市促進創客發展三年行動計劃(2015—2017年)的通知", ("2015—2017年", "2015-01-01", "2017-12-31", "year", "period")),
    ("001 Traditional signature", "深圳市人民政府\n2022年1月29日\n深圳市建設(shè)營商環境", ("2022年1月29日", "2022-01-29", None, "day", "mention")),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in SAMPLE_DATES], ids=[r[0] for r in SAMPLE_DATES])
def test_sample_date(text: str, expected: Row) -> None:
    assert expected in dates_of(text)


def test_the_signature_line_is_one_date() -> None:
    assert dates_of("深圳市人民政府办公厅\n\n2024年12月13日\n\n") == [("2024年12月13日", "2024-12-13", None, "day", "mention")]


# ------------------------------------------------------------------------ the corpus

CORPUS_ROWS: list[tuple[str, str, Row]] = [
    ("0040 起正式执行", "新版药品目录自2026年1月1日起正式执行，", ("2026年1月1日", "2026-01-01", None, "day", "effective")),
    ("0018 实施日期 on the next line", "实施日期：\n2021年04月16日\n", ("2021年04月16日", "2021-04-16", None, "day", "effective")),
    ("0018 失效日期 on the next line", "失效日期：\n2023年06月01日\n发布机关：", ("2023年06月01日", "2023-06-01", None, "day", "until")),
    ("0042 有效期截至", "政策措施从2025年1月1日起算，有效期截至2027年12月31日。", ("2027年12月31日", "2027-12-31", None, "day", "until")),
    ("0023 已经…会议通过", "《广州市老年人优待办法》已经2021年1月8日市政府第15届130次常务会议通过", ("2021年1月8日", "2021-01-08", None, "day", "adopted")),
    ("0026 a year in a title is no adoption", "《2026年广州市天河区幼儿园招生工作方案》已经区教育局局务会议审议通过", ("2026年", "2026-01-01", "2026-12-31", "year", "mention")),
    ("0013 month range with ―", "清理整顿时限是1997年4月―1998年2月，", ("1997年4月―1998年2月", "1997-04-01", "1998-02-28", "month", "period")),
    ("0013 month range 1997年4―6月", "1997年4―6月，由社会团体根据", ("1997年4―6月", "1997-04-01", "1997-06-30", "month", "period")),
    ("0026 day range with an inherited month", "请家长于2026年5月 24日至5月26日带齐", ("2026年5月 24日至5月26日", "2026-05-24", "2026-05-26", "day", "period")),
    ("0040 2026年2月底前", "原则上应于2026年2月底前召开药事会", ("2026年2月底", "2026-02-28", "2026-02-28", "month", "deadline")),
    ("0015 之日起至…止", "土地使用期限自口岸启用之日起至2047年6月30日止。", ("2047年6月30日", "2047-06-30", None, "day", "until")),
    ("0008 Chinese numerals", "国务院办公厅\n二〇〇四年四月二十七日\n", ("二〇〇四年四月二十七日", "2004-04-27", None, "day", "mention")),
    # a year split by one space (OCR of 山东省财政厅; PDF text of 广西壮族自治区能源局, devcorpus 0242)
    ("0033 OCR year split by a space", "各市的继续教育工作原则上应在2 021年12月31日前完成。", ("2 021年12月31日", "2021-12-31", None, "day", "deadline")),
    ("dev 0242 signature year split by a space", "广西壮族自治区能源局\n202 4 年 7 月 9 日\n", ("202 4 年 7 月 9 日", "2024-07-09", None, "day", "mention")),
    ("dev 0242 printed date year split by a space", "广西壮族自治区 能源局 20 24 年 7 月 10 日印", ("20 24 年 7 月 10 日", "2024-07-10", None, "day", "mention")),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in CORPUS_ROWS], ids=[r[0] for r in CORPUS_ROWS])
def test_corpus_date(text: str, expected: Row) -> None:
    assert expected in dates_of(text)


# ------------------------------------------------------------------------ forms the issue asks for

FORM_ROWS: list[tuple[str, str, list[Row]]] = [
    ("arabic", "2024年5月18日", [("2024年5月18日", "2024-05-18", None, "day", "mention")]),
    ("dashes", "2024-05-29", [("2024-05-29", "2024-05-29", None, "day", "mention")]),
    ("dots", "2024.5.18", [("2024.5.18", "2024-05-18", None, "day", "mention")]),
    ("slashes", "2024/5/18", [("2024/5/18", "2024-05-18", None, "day", "mention")]),
    ("chinese numerals", "二〇二四年十二月十三日", [("二〇二四年十二月十三日", "2024-12-13", None, "day", "mention")]),
    ("circle zero", "二○○九年", [("二○○九年", "2009-01-01", "2009-12-31", "year", "mention")]),
    ("full-width digits", "２０２４年５月１８日", [("２０２４年５月１８日", "2024-05-18", None, "day", "mention")]),
    ("month", "2024年5月", [("2024年5月", "2024-05-01", "2024-05-31", "month", "mention")]),
    ("february of a leap year", "2024年2月", [("2024年2月", "2024-02-01", "2024-02-29", "month", "mention")]),
    ("year", "2024年", [("2024年", "2024-01-01", "2024-12-31", "year", "mention")]),
    ("month range", "2024年1—9月", [("2024年1—9月", "2024-01-01", "2024-09-30", "month", "period")]),
    ("year range 间", "2023—2027年间", [("2023—2027年", "2023-01-01", "2027-12-31", "year", "period")]),
    ("year range", "2015—2017年", [("2015—2017年", "2015-01-01", "2017-12-31", "year", "period")]),
    ("bracketed year range", "(2018—2035年)", [("2018—2035年", "2018-01-01", "2035-12-31", "year", "period")]),
    ("自…至… range", "自2019年1月1日至2021年12月31日", [("2019年1月1日至2021年12月31日", "2019-01-01", "2021-12-31", "day", "period")]),
    ("month start, day end", "2024年5月至12月31日", [("2024年5月至12月31日", "2024-05-01", "2024-12-31", "month", "period")]),
    ("numeric range", "1999.08-2002.02", [("1999.08-2002.02", "1999-08-01", "2002-02-28", "month", "period")]),
    ("deadline 日前", "2024年12月31日前", [("2024年12月31日", "2024-12-31", None, "day", "deadline")]),
    ("deadline 之前", "2024年12月31日之前报送", [("2024年12月31日", "2024-12-31", None, "day", "deadline")]),
    ("not a deadline: 前后", "2024年12月13日前后", [("2024年12月13日", "2024-12-13", None, "day", "mention")]),
    ("until", "有效期至2027年12月31日", [("2027年12月31日", "2027-12-31", None, "day", "until")]),
    ("repeal date", "《深圳市某办法》自2024年1月1日起废止", [("2024年1月1日", "2024-01-01", None, "day", "repeal")]),
    ("adopted, date after 会议于", "经市政府七届一百次常务会议于2024年5月18日审议通过", [("2024年5月18日", "2024-05-18", None, "day", "adopted")]),
    ("the year of a backwards range alone", "2027—2023年", [("2023年", "2023-01-01", "2023-12-31", "year", "mention")]),
]

NO_DATE_ROWS: list[tuple[str, str]] = [
    ("a bare year", "2024"),
    ("a duration", "有效期3年"),
    ("a two-digit year", "15年3月2日"),
    ("no year", "9月30日"),
    ("a document number", "深府规〔2024〕6号"),
    ("an impossible day", "2024年2月30日"),
    ("february 29 of a common year", "2023年2月29日"),
    ("month 13", "2024年13月"),
    ("an id number", "身份证号140302197706220124"),
    ("an index number", "索 引 号：114403000695569181/2021-00077"),
    ("a version", "v1.2024.5.18.1"),
    ("an amount", "2024.5万元"),
    ("a split year without month and day", "202 4 年"),
    ("a split year with a month only", "2 021年12月"),
    ("two spaces in a year", "20 2 4 年 7 月 9 日"),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in FORM_ROWS], ids=[r[0] for r in FORM_ROWS])
def test_form(text: str, expected: list[Row]) -> None:
    assert dates_of(text) == expected


@pytest.mark.parametrize("text", [r[1] for r in NO_DATE_ROWS], ids=[r[0] for r in NO_DATE_ROWS])
def test_no_date(text: str) -> None:
    assert dates_of(text) == []


KNOWN_FAILURES: list[tuple[str, str, list[Row], str]] = [
    (
        "a month list inherits the year",
        "可分别自2022年4月、5月纳税申报期起",
        [("2022年4月", "2022-04-01", "2022-04-30", "month", "mention"), ("5月", "2022-05-01", "2022-05-31", "month", "mention")],
        "a date without its own year (5月 after 2022年4月、) is not read",
    ),
    (
        "a year to month range",
        "2024年—2025年6月",
        [("2024年—2025年6月", "2024-01-01", "2025-06-30", "year", "period")],
        "no range rule has a year start and a month end",
    ),
    (
        "start of year",
        "2025年初",
        [("2025年初", "2025-01-01", "2025-01-01", "year", "mention")],
        "年初 is not read (年底/年末 are)",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(t, e, marks=pytest.mark.xfail(strict=True, reason=why), id=name) for name, t, e, why in KNOWN_FAILURES],
)
def test_known_failure(text: str, expected: list[Row]) -> None:
    assert dates_of(text) == expected


def test_a_document_range_limits_the_dates() -> None:
    text = "2023年1月1日。本办法自2024年6月1日起施行。2025年"
    view = normalize(text, G)
    found = extract_dates(view, G, 8, 26)
    assert [d.text for d in found] == ["2024年6月1日"]


def test_noise_inside_a_date_stays_in_its_span() -> None:
    # samples/001: pinyin glosses after characters are noise; the span keeps them, the value is read
    text = "自2024年12月18日起實(shí)施"
    d = extract_dates(normalize(text, G), G)[0]
    assert (d.text, d.value, d.kind) == ("2024年12月18日", dt.date(2024, 12, 18), "effective")


def _without_prefilter(grammar: Grammar) -> Grammar:
    rules = {stem: tuple(dataclasses.replace(r, anchors=()) for r in rs) for stem, rs in grammar.rules.items()}
    return dataclasses.replace(grammar, rules=rules)


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_prefilter_on_and_off_agree_on_the_samples(sample: Path) -> None:
    """G31: the anchor prefilter changes the speed, never the result."""
    text = sample.read_text(encoding="utf-8")
    assert dates_of(text) == dates_of(text, _without_prefilter(G))


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_span_gives_back_its_text(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    view = normalize(text, G)
    values: list[Any] = [*extract_dates(view, G)]
    effective = extract_effective(view, G)
    values += [effective] if effective else []
    values += sztext.extract.extract_repeals(view, G)
    for value in values:
        assert text[value.span[0] : value.span[1]] == value.text


def test_every_date_rule_starts_with_a_year() -> None:
    """dates.toml: date and range rules are tried only where a start rule (``dates.year_start``,
    ``dates.year_split_start``) finds a year."""
    starts = [r for r in G.rules_of("dates") if r.tags.get("role") == "start"]
    assert len(starts) == 2
    for rule in G.rules_of("dates"):
        if rule.tags.get("role") not in ("date", "range"):
            continue
        for example in rule.spec.examples:
            view = normalize(example.text, G)
            m = rule.pattern.search(view.text)
            assert m is not None and any(s.pattern.match(view.text, m.start()) for s in starts), (rule.id, example.text)


# ------------------------------------------------------------------------ the effective clause

# (line of samples/004, text, from, on_issue, valid_years, until); every clause in the sample
SAMPLE_EFFECTIVE: list[tuple[int, str, str | None, bool, int | None, str | None]] = [
    (115, "自2024年12月18日起实施，有效期3年", "2024-12-18", False, 3, "2027-12-17"),
    (185, "自2024年6月1日起施行，有效期5年", "2024-06-01", False, 5, "2029-05-31"),
    (294, "自2024年1月19日起施行，有效期3年", "2024-01-19", False, 3, "2027-01-18"),
    (314, "自印发之日起实施", None, True, None, None),
    (411, "自2023年6月15日起施行，各项措施除有明确规定时限或国家另有规定以外，有效期3年", "2023-06-15", False, 3, "2026-06-14"),
    (739, "自2023年7月10日起实施，有效期5年", "2023-07-10", False, 5, "2028-07-09"),
    (743, "自印发之日起施行", None, True, None, None),
    (935, "自发布之日起施行", None, True, None, None),
    (997, "自2023年12月25日起实施，有效期5年", "2023-12-25", False, 5, "2028-12-24"),
    (1159, "自2024年1月1日起施行，有效期至2026年12月31日", "2024-01-01", False, None, "2026-12-31"),
    (1223, "自2024年1月1日起实施，有效期5年", "2024-01-01", False, 5, "2028-12-31"),
    (1893, "自发布之日起实施，除已有明确期限规定外，有效期至2025年12月31日", None, True, None, "2025-12-31"),
    (2146, "自2022年11月1日起施行，有效期至2026年12月31日", "2022-11-01", False, None, "2026-12-31"),
    (2236, "自发布之日起施行，有效期至2025年12月31日", None, True, None, "2025-12-31"),
    (2368, "自2022年10月15日起施行，有效期5年", "2022-10-15", False, 5, "2027-10-14"),
    (2627, "自2021年3月1日起施行，有效期5年", "2021-03-01", False, 5, "2026-02-28"),
    (2733, "自2021年7月1日起施行，有效期5年", "2021-07-01", False, 5, "2026-06-30"),
    (2735, "自2020年 7 月 1 日起施行", "2020-07-01", False, None, None),
    (2779, "自 2020 年7 月1 日起施行", "2020-07-01", False, None, None),
    (2783, "自2015年1月1日起施行", "2015-01-01", False, None, None),
    (3038, "自2015年1月1日起施行", "2015-01-01", False, None, None),
    (3046, "自2018年8月1日起施行", "2018-08-01", False, None, None),
    (3288, "自2018年8月1日起施行", "2018-08-01", False, None, None),
    (3473, "自2020年3月1日起施行，有效期5年", "2020-03-01", False, 5, "2025-02-28"),
    (3591, "自2020年11月1日起施行，有效期3年", "2020-11-01", False, 3, "2023-10-31"),
    (3785, "自2019年1月6日起施行，有效期5年", "2019-01-06", False, 5, "2024-01-05"),
    (3814, "自2019年1月8日起施行，有效期3年", "2019-01-08", False, 3, "2022-01-07"),
]

EffectiveRow = tuple[str, str | None, bool, int | None, str | None]


def effective_of(text: str, signed: dt.date | None = None) -> EffectiveRow | None:
    e = extract_effective(normalize(text, G), G, signed=signed)
    if e is None:
        return None
    assert text[e.span[0] : e.span[1]] == e.text
    return (
        e.text,
        e.from_.isoformat() if e.from_ else None,
        e.on_issue,
        e.valid_years,
        e.until.isoformat() if e.until else None,
    )


@pytest.mark.parametrize(
    ("n", "expected"), [(r[0], r[1:]) for r in SAMPLE_EFFECTIVE], ids=[f"l{r[0]}" for r in SAMPLE_EFFECTIVE]
)
def test_sample_effective(n: int, expected: EffectiveRow) -> None:
    assert effective_of(line(n)) == expected


def test_every_effective_clause_of_the_sample_is_in_the_table() -> None:
    found = [n for n in range(1, len(SAMPLE_004) + 1) if effective_of(line(n)) is not None]
    assert found == [r[0] for r in SAMPLE_EFFECTIVE]


EFFECTIVE_FORMS: list[tuple[str, str, dt.date | None, EffectiveRow | None]] = [
    # 印发 names the 印发 date of the 版记, not the 成文日期: with only a signing date, no from
    ("印发, only signed given", "本公告自印发之日起实施。", dt.date(2024, 5, 18), ("自印发之日起实施", None, True, None, None)),
    ("签发, signed given", "本通知自签发之日起执行。", dt.date(2024, 5, 18), ("自签发之日起执行", "2024-05-18", True, None, None)),
    ("自公布之日起", "本办法自公布之日起施行。", None, ("自公布之日起施行", None, True, None, None)),
    ("自下发之日起 (corpus 0041)", "本通知自下发之日起执行。", None, ("自下发之日起执行", None, True, None, None)),
    ("standalone 有效期至", "本方案有效期至2027年12月31日。", None, ("有效期至2027年12月31日", None, False, None, "2027-12-31")),
    ("standalone 本通知有效期1年 (corpus 0022)", "本通知有效期1年。", None, ("本通知有效期1年", None, False, 1, None)),
    ("chinese number of years", "本办法自2024年6月1日起施行，有效期三年。", None, ("自2024年6月1日起施行，有效期三年", "2024-06-01", False, 3, "2027-05-31")),
    ("from 29 February", "本办法自2024年2月29日起施行，有效期1年。", None, ("自2024年2月29日起施行，有效期1年", "2024-02-29", False, 1, "2025-02-28")),
    ("30日后施行 (corpus 0042)", "本文件自公布之日起30日后施行。", dt.date(2025, 1, 1), ("自公布之日起30日后施行", None, False, None, None)),
    ("Traditional", "本辦法自2024年6月1日起施行，有效期5年。", None, ("自2024年6月1日起施行，有效期5年", "2024-06-01", False, 5, "2029-05-31")),
    ("a measure's start is no clause", "自2024年1月1日起，提高小微企业社保补贴标准。", None, None),
    ("a visa's validity is no clause (l157)", line(157), None, None),
    ("a metadata field is no verb", "签发日期\t2023-12-02\t实施日期\t2024-01-19", None, None),
]


@pytest.mark.parametrize(
    ("text", "signed", "expected"), [r[1:] for r in EFFECTIVE_FORMS], ids=[r[0] for r in EFFECTIVE_FORMS]
)
def test_effective_form(text: str, signed: dt.date | None, expected: EffectiveRow | None) -> None:
    assert effective_of(text, signed) == expected


# 自…之日起: the date the verb names (dates.toml issue_date), from real clauses of two issuers each
ISSUE_DATES: list[tuple[str, str, dict[str, dt.date], str | None, str | None]] = [
    # Guangzhou 人社局 page (devcorpus 0272) and Guangzhou 民政局 (tests/unit/extract/test_repeals): 印发
    ("印发 with a 版记 date", "第二十三条 本细则自印发之日起实施，有效期5年。", {"printed": dt.date(2022, 7, 10), "signed": dt.date(2022, 7, 7)}, "2022-07-10", "2027-07-09"),
    ("印发 without a 版记", "第二十三条 本细则自印发之日起实施，有效期5年。", {"signed": dt.date(2022, 7, 7), "published": dt.date(2022, 7, 14)}, None, None),
    ("印发 (民政局)", "本通知自印发之日起施行，有效期5年。", {"printed": dt.date(2021, 4, 16)}, "2021-04-16", "2026-04-15"),
    # 国务院 regulation with a 公布 note (devcorpus 0309), Beijing regulation under an adoption note (0369)
    ("公布 with a publication date", "第五条 本规定自公布之日起施行。", {"published": dt.date(2008, 8, 3)}, "2008-08-03", None),
    ("公布 with only the adoption date", "第六十八条 本条例自公布之日起施行。", {"signed": dt.date(2010, 12, 23)}, None, None),
]


@pytest.mark.parametrize(("text", "dates", "from_", "until"), [r[1:] for r in ISSUE_DATES], ids=[r[0] for r in ISSUE_DATES])
def test_on_issue_takes_the_date_its_verb_names(text: str, dates: dict[str, dt.date], from_: str | None, until: str | None) -> None:
    e = extract_effective(normalize(text, G), G, **dates)  # type: ignore[arg-type]
    assert e is not None and e.on_issue
    assert (e.from_.isoformat() if e.from_ else None, e.until.isoformat() if e.until else None) == (from_, until)


def test_metadata_effective_date_wins_over_the_clause() -> None:
    # gz.gov.cn page of 广州市人民政府办公厅 (devcorpus 0274): 实施日期 2020年07月09日 in its 基本信息
    # block, 第十六条 本办法自印发之日起施行，有效期5年 in the text, signed 2020年6月29日
    text = "实施日期：2020年07月09日\n第十六条 本办法自印发之日起施行，有效期5年。"
    view = normalize(text, G)
    stated = next(d for d in extract_dates(view, G) if d.value == dt.date(2020, 7, 9))
    e = extract_effective(view, G, signed=dt.date(2020, 6, 29), stated=stated)
    assert e is not None and e.from_ == dt.date(2020, 7, 9) and e.until == dt.date(2025, 7, 8)
    # no clause at all: the metadata date is the effective value (广州市残疾人联合会 page, devcorpus 0268)
    bare_view = normalize("实施日期：2019年02月01日\n", G)
    bare = extract_effective(bare_view, G, stated=extract_dates(bare_view, G)[0])
    assert bare is not None and bare.from_ == dt.date(2019, 2, 1) and bare.text == "2019年02月01日" and not bare.on_issue


SEVERAL_CLAUSES: list[tuple[str, str, str]] = [
    (
        "decree cover and article: the last (l3046, l3288)",
        "现予公布，自2018年8月1日起施行。\n第一条 …\n第五十四条  本规定自2018年8月1日起施行。",
        "本规定自2018年8月1日起施行",
    ),
    (
        "the document's own clause beats a later measure",
        "本通知自印发之日起施行，有效期5年。\n（三）上述标准均从2025年1月1日起执行。",
        "本通知自印发之日起施行，有效期5年",
    ),
    (
        "a clause with a start beats a bare validity",
        "现将《办法》重新发布，有效期调整至2026年12月31日。\n第十三条 本办法自印发之日起施行，有效期至2026年12月31日。",
        "本办法自印发之日起施行，有效期至2026年12月31日",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in SEVERAL_CLAUSES], ids=[r[0] for r in SEVERAL_CLAUSES])
def test_several_clauses(text: str, expected: str) -> None:
    e = extract_effective(normalize(text, G), G)
    assert e is not None
    s = e.span[0]
    assert text[s - 3 : e.span[1]] == expected


def test_effective_span_keeps_noise() -> None:
    text = "本措施自2024年12月18日起實(shí)施，有效期3年。"
    e = extract_effective(normalize(text, G), G)
    assert e is not None and e.text == "自2024年12月18日起實(shí)施，有效期3年" and e.until == dt.date(2027, 12, 17)


def test_effective_serialises_from_by_alias() -> None:
    e = extract_effective(normalize("本措施自2024年12月18日起实施，有效期3年。", G), G)
    assert e is not None
    assert e.model_dump(mode="json")["from"] == "2024-12-18"


# ------------------------------------------------------------------------ helpers


@pytest.mark.parametrize(
    ("text", "value"),
    [("二〇二四", 2024), ("二零零三", 2003), ("十二", 12), ("三十一", 31), ("十", 10), ("两", 2), ("07", 7), ("十十", None), ("x1", None)],
)
def test_parse_cn_int(text: str, value: int | None) -> None:
    assert parse_cn_int(text) == value


def test_leftmost_longest_lets_a_rejected_candidate_yield() -> None:
    found = [(0, 11, "2024年2月30日"), (0, 7, "2024年2月"), (0, 5, "2024年"), (12, 14, "x")]
    assert leftmost_longest(found, lambda p: None if "30" in p else p) == [(0, 7, "2024年2月"), (12, 14, "x")]


def test_a_context_rule_with_an_unknown_kind_is_a_grammar_error(tmp_path: Path) -> None:
    source = (Path(sztext.grammar.default_grammar_dir()) / "dates.toml").read_text(encoding="utf-8")
    (tmp_path / "dates.toml").write_text(source.replace('kind = "deadline"', 'kind = "soon"'), encoding="utf-8")
    with pytest.raises(sztext.GrammarError, match=r"\[tags -> kind\] Input should be 'signed'"):
        sztext.load_grammar(tmp_path)  # checked once at load, not when the extractor first runs
