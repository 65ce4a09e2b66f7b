"""Properties of the whole pipeline (G35): ``parse`` and ``parse_archive`` raise nothing but
``SztextError``, every returned notice passes ``verify()`` (every span gives back its text, the
outline tiles the document), and an archive's documents are contiguous and in order.

Three sources of text: anything at all (``st.text()``), structure-rich text built from the
pieces real notices are made of (markers, brackets, amounts, 责任单位 notes, glosses, mojibake,
document numbers, dates, addressees, signatures, page debris), and slices of samples/ with
random deletions, insertions and duplications.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import sztext
from sztext import Notice, SztextError

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
SAMPLES = sorted((Path(__file__).resolve().parent.parent.parent / "samples").glob("*.txt"))

# --- strategies -------------------------------------------------------------------------------

CN = ["一", "二", "三", "九", "十", "十二", "二十八", "一百", "〇", "两"]
MARKERS = st.one_of(
    st.sampled_from(CN).map(lambda n: f"{n}、"),
    st.sampled_from(CN).map(lambda n: f"（{n}）"),
    st.sampled_from(CN).map(lambda n: f"({n})"),
    st.integers(0, 120).map(lambda n: f"{n}."),
    st.integers(0, 30).map(lambda n: f"{n}．"),
    st.integers(0, 30).map(lambda n: f"{n}、"),
    st.integers(0, 30).map(lambda n: f"（{n}）"),
    st.sampled_from(list("①②③④⑤⑨⑩⑳")),
    st.sampled_from(CN).map(lambda n: f"第{n}章"),
    st.sampled_from(CN).map(lambda n: f"第{n}条"),
    st.sampled_from(CN).map(lambda n: f"第{n}节"),
    st.sampled_from(CN).map(lambda n: f"第{n}编"),
)
PIECES = st.one_of(
    st.text(alphabet="深圳市人民政府关于印发加快推进产业发展若干措施的通知办法规定企业资金支持", min_size=1, max_size=12),
    st.sampled_from(["〔", "〕", "（", "）", "(", ")", "[", "]", "【", "】", "《", "》", "“", "”"]),
    st.sampled_from(CN + ["零", "千", "万", "亿", "百分之"]),
    st.sampled_from(["2000万元", "最高20万元", "不超过500万元", "100万—500万元", "1.5亿元", "约3000元", "每人每月800元", "10%", "50万美元"]),
    st.sampled_from(["（责任单位：市财政局、发展改革委）", "（牵头单位：市工业和信息化局；配合单位：市财政局）", "（责任单位：各区政府，下同）"]),
    st.sampled_from(["環(huán)", "創(chuàng)", "業(yè)", "(PPP)", "(AI)"]),
    st.sampled_from(["?。ㄒ唬", "ㄒ唬", "?。ǘ", "锟斤拷", "\ufffd"]),
    st.sampled_from(["深府规〔2024〕6号", "深府办函〔2022〕71号", "国发[2019]4号", "深圳市人民政府令第310号", "第310号", "（国发〔2021〕24号）"]),
    st.sampled_from(["2024年5月18日", "二〇二四年十二月十三日", "2020 年 7 月 1 日", "自2024年12月18日起实施", "有效期3年", "自印发之日起施行"]),
    st.sampled_from(["。", "，", "、", "；", "：", ":", " ", "\u3000", "\t", "\x00", "\u200b", "\r"]),
    st.sampled_from(["《深圳市人才安居办法》", "《", "》"]),
)
SPECIAL_LINES = st.sampled_from(
    [
        "深圳市人民政府关于印发进一步加大吸引和利用外资实施办法的通知",
        "深圳市进一步加大吸引和利用外资实施办法",
        "信息来源：深圳市人民政府 信息提供日期：2018-07-16 【字体：大中小 】",
        "文　号\t深府办规〔2023〕8号\t发布机关\t深圳市人民政府办公厅",
        "索 引 号：114403000695569181/2021-00077",
        "\u3000\u3000深府规〔2024〕6号",
        "各区人民政府，市政府直属各单位：",
        "各区人民政府（新区管委会、深汕特别合作区管委会），市有关单位：",
        "\u3000\u3000深圳市人民政府",
        "\u3000\u3000市政府办公厅",
        "\u3000\u3000市长   陈如桂",
        "\u3000\u30002024年5月18日",
        "二〇二四年十二月十三日",
        "特此通知。",
        "（此件公开发布）",
        "抄送：市委办公厅，市人大常委会办公厅。",
        "深圳市人民政府办公厅 2024年12月13日印发",
        "附件：1．深圳市重点企业名单",
        "分享到：",
        "【打印本页】【关闭窗口】",
        "相关政策解读",
        "a.png深府办函〔2022〕71号",
        "深圳市人民政府令",
        "第310号",
        "深圳市人民政府令（第310号）深圳市政府投资建设项目施工许可管理规定",
        "（2014年12月1日深圳市人民政府令第273号发布 自2015年1月1日起施行）",
        "深圳市政府投资建设项目施工许可管理规定（2020 年 4 月 28 日深圳市人民政府令第328 号发布）第一章总则第一条 为加快",
        "第一章  总 则",
        "同步办理。第四章 施工许可第二十一条 施工许可",
        "函〔2022〕104号主 题 词：",
        "",
    ]
)
COMPOSED_LINE = st.tuples(
    st.sampled_from(["", "\u3000\u3000", "  "]),
    st.one_of(st.none(), MARKERS),
    st.lists(PIECES, max_size=8),
).map(lambda t: t[0] + (t[1] or "") + "".join(t[2]))
LINE = st.one_of(SPECIAL_LINES, COMPOSED_LINE)
STRUCTURED_TEXT = st.tuples(st.lists(LINE, min_size=1, max_size=25), st.sampled_from(["\n", "\r\n", "\n\n"])).map(
    lambda t: t[1].join(t[0])
)

# --- checks -----------------------------------------------------------------------------------


def _or_error(fn, text: str):  # type: ignore[no-untyped-def]
    """``fn(text)``, or None when it raises a SztextError; any other exception fails the test."""
    try:
        return fn(text)
    except SztextError:
        return None


def _check_notice(notice: Notice, text: str) -> None:
    assert notice.source_text == text
    notice.verify()
    start, end = notice.source.span
    for node in notice.nodes():  # verify() proves tiling; also: every node inside the document
        assert start <= node.span[0] <= node.span[1] <= end
        assert node.text == text[node.span[0] : node.span[1]]


def _check_parse(text: str) -> None:
    notice = _or_error(sztext.parse, text)
    if notice is not None:
        _check_notice(notice, text)


def _check_archive(text: str) -> None:
    notices = _or_error(sztext.parse_archive, text)
    if notices is None:
        return
    assert notices, "a text that parses gives at least one document"
    for index, notice in enumerate(notices):
        assert notice.source.index == index
        _check_notice(notice, text)
    spans = [n.source.span for n in notices]
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:])), f"documents are not contiguous: {spans}"
    assert all(s < e for s, e in spans[1:]), f"an empty document after the first: {spans}"
    assert spans[-1][1] == len(text)


def _check_whole_text_covered(text: str) -> None:
    """Nothing before the first document is lost: it starts at 0 or a warning covers the gap."""
    notice = _or_error(sztext.parse, text)
    if notice is not None:
        assert notice.source.span == (0, len(text))
    notices = _or_error(sztext.parse_archive, text)
    if notices:
        first = notices[0].source.span[0]
        if first > 0:
            assert [w.span for w in notices[0].warnings if w.code == "text_before_first_document"] == [(0, first)]


# --- properties -------------------------------------------------------------------------------


@SETTINGS
@given(st.text(max_size=300))
def test_parse_any_text(text: str) -> None:
    _check_parse(text)


@SETTINGS
@given(st.text(max_size=300))
def test_parse_archive_any_text(text: str) -> None:
    _check_archive(text)


@SETTINGS
@given(STRUCTURED_TEXT)
def test_parse_structured_text(text: str) -> None:
    _check_parse(text)


@SETTINGS
@given(STRUCTURED_TEXT)
def test_parse_archive_structured_text(text: str) -> None:
    _check_archive(text)




@SETTINGS
@given(STRUCTURED_TEXT)
@example("\ufeff深圳市人民政府关于优化营商环境的通知\n各区人民政府：\n现印发。\n")
def test_documents_cover_the_whole_text(text: str) -> None:
    _check_whole_text_covered(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\x00深圳市人民政府关于优化的通知\n各区人民政府：\n现印发。\n", id="leading-nul"),
        pytest.param("\u200b深圳市人民政府关于优化的通知\n", id="leading-zero-width"),
        pytest.param("深圳市人民政府关于优化的通知\n各区人民政府：\n现印发。\x00", id="trailing-nul"),
        pytest.param("\n\n深圳市人民政府关于优化的通知\n各区人民政府：\n现印发。\n", id="leading-blank-lines"),
        pytest.param("正文之前的一句话。\n深圳市人民政府关于优化的通知\n深府规〔2024〕6号\n各区人民政府：\n现印发。\n", id="text-before-the-first-document"),
    ],
)
def test_documents_cover_the_whole_text_on(text: str) -> None:
    _check_whole_text_covered(text)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        pytest.param("", sztext.InputError, id="empty"),
        pytest.param(" \n\u3000\t", sztext.InputError, id="blank"),
        pytest.param("深圳\ud800市", sztext.InputError, id="lone-surrogate"),
    ],
)
@pytest.mark.parametrize("fn", [sztext.parse, sztext.parse_archive], ids=["parse", "parse_archive"])
def test_unparseable_text_raises_input_error(fn, text: str, error: type[Exception]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=r"empty input|lone surrogate"):
        fn(text)


def test_non_str_raises_input_error() -> None:
    with pytest.raises(sztext.InputError, match=r"expected text \(str\), got bytes"):
        sztext.parse("深圳".encode())  # type: ignore[arg-type]


def test_over_max_chars_raises_input_too_large() -> None:
    with pytest.raises(sztext.InputTooLargeError, match=r"more than the limit of 5"):
        sztext.parse("深圳市人民政府通知", options=sztext.Options(max_chars=5))


# --- mutation fuzz over real samples ----------------------------------------------------------

PALETTE = list("一二三十、（）()〔〕[]《》。，；：:\n\u3000 0123456789号年月日第章条万元?ㄒ唬環") + ["(huán)", "\x00", "\u200b", "\r\n"]
MUTATION_CASES = 40


def _mutated(case: int) -> str:
    rnd = random.Random(20240518 + case)
    text = SAMPLES[case % len(SAMPLES)].read_text(encoding="utf-8")
    size = rnd.randint(200, 4000)
    start = rnd.randrange(0, max(1, len(text) - size))
    chars = list(text[start : start + size])
    for _ in range(rnd.randint(1, 30)):
        if not chars:
            break
        at = rnd.randrange(len(chars))
        op = rnd.random()
        if op < 0.35:
            del chars[at : at + rnd.randint(1, 5)]
        elif op < 0.7:
            chars[at:at] = list(rnd.choice(PALETTE))
        else:
            chars[at:at] = chars[at : at + rnd.randint(1, 40)]
    return "".join(chars)


@pytest.mark.parametrize("case", range(MUTATION_CASES), ids=lambda c: f"mut{c:02d}")
def test_mutated_sample_slices(case: int) -> None:
    text = _mutated(case)
    _check_parse(text)
    _check_archive(text)
