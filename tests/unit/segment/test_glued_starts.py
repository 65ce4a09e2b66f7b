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
