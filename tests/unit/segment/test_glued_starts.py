"""Two texts glued with no line break between them (…执行本规定。# 上海市专利保护条例): the second opens
at its first own line inside the glued line (segment.glued_head), and what comes before it on that
line stays with the first. Real dev corpus texts (../shared/devcorpus) joined with nothing between."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.load import load_path
from sztext.normalize import normalize
from sztext.segment import segment_archive

DEV = Path(__file__).parents[3].parent / "shared" / "devcorpus" / "docs"
BLANKS = " \r\n\t\u3000\xa0"


def _text(number: str) -> str:
    if not DEV.is_dir():
        pytest.skip("../shared/devcorpus is not beside this checkout")
    return load_path(next(DEV.glob(number + "_*"))).text.strip(BLANKS)


def _starts(text: str) -> list[int]:
    grammar = sztext.load_grammar()
    view = normalize(text, grammar)
    return [view.to_source_start(r.start) for r in segment_archive(view, grammar)]


@pytest.mark.parametrize(
    ("before", "after", "head"),
    [
        # 国务院 2011 (…应当执行本规定。) glued to 上海市人大常委会 2002 in Markdown (# 上海市专利保护条例)
        ("0306", "0365", "# 上海市专利保护条例"),
        # a Tianhe district page (…扫一扫在手机打开当前页) glued to 国务院 2008 in Markdown
        ("0250", "0309", "# 国务院关于经营者集中申报标准的规定"),
        # 民政部's answer signed 民政部, glued to a Tianhe district page (ArticleTitle: …)
        ("0101", "0250", "ArticleTitle: 2026年广州市天河区积分制入学学位申请指引"),
        # a single-line OCR notice glued after a closing element (segment.glued_end): its date
        # (…山东省应急管理厅2021年10月27日, then 鲁委〔2021〕145号中共山东省委…), a last article's sentence
        # (郑州市 2005: …按本条例执行。, then 中共山东省委保密委员会办公室…), a signed date (工业和信息化部 2013年4月11日)
        ("0174", "0194", "鲁委〔2021〕145号中共山东省委山东省人民政府关于"),
        ("0412", "0210", "中共山东省委保密委员会办公室山东省国家保密局"),
        ("0071", "0224", "普通事项国家电网有限公司部门文件人资计〔2022〕24号"),
        # a page's last line (扫一扫在手机打开当前页, Tianhe district; 国家能源局江苏监管办公室版权所有，如需转载，请注明来源)
        # and a single-line OCR notice glued to it (山东省能源局 2020; 国家能源局山东监管办公室 2020)
        ("0250", "0216", "山东省能源局会议通知国网山东省电力公司"),
        ("0239", "0182", "国家能源局山东监管办公室关于报送"),
    ],
)
def test_a_text_glued_to_the_one_before_opens_at_its_first_line(before: str, after: str, head: str) -> None:
    first, second = _text(before), _text(after)
    assert second.startswith(head)
    starts = _starts(first + second)
    assert len(starts) == 2 and abs(starts[1] - len(first)) <= 2, (starts, len(first))


def test_a_markdown_title_at_a_line_start_is_no_glued_head() -> None:
    # the LawRefBook file alone: # 上海市专利保护条例 opens it, nothing inside it is glued
    assert len(_starts(_text("0365"))) == 1


def test_three_texts_on_one_line_open_twice() -> None:
    # 东营市 2017 (…本条例自2018年5月1日起施行。), a single-line OCR notice (中共山东省委保密委员会办公室 2021) and a
    # Markdown title (# 上海市专利保护条例), all on one line
    texts = [_text("0375"), _text("0210"), _text("0365")]
    starts = _starts("".join(texts))
    second, third = len(texts[0]), len(texts[0]) + len(texts[1])
    assert len(starts) == 3 and starts[1] == second and starts[2] == third, (starts, second, third)


def test_a_date_inside_a_paragraph_is_no_end_to_glue_at() -> None:
    # 山东省应急管理厅 2021 alone: …自2021年10月30日起，省应急管理厅… has a date but nothing glued after it
    assert len(_starts(_text("0174"))) == 1


def test_a_page_glued_at_the_end_of_a_single_line_notice_opens_once() -> None:
    # 国网人资部 2022 in one OCR line (…国家电网有限公司办公室2022年8月4日印发), then ArticleTitle: 小学招生… glued to it:
    # its PubDate: / ContentSource: rows are its header, not a third document
    first, second = _text("0224"), _text("0249")
    starts = _starts(first + second)
    assert len(starts) == 2 and starts[1] == len(first), starts
