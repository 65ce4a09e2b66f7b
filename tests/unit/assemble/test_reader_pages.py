"""Pages a Markdown reader rendered (Title: / URL Source: / Markdown Content:, the page's menus,
then its title): the title is the line further down that prints the Title: value (without the
`` - site`` the page's <title> appends), the furniture before it is no header line. Lines quoted
from 广州市天河区 (devcorpus 0276) and www.gz.gov.cn (0278, 0279) pages."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

DOCS = Path(__file__).resolve().parents[4] / "shared" / "devcorpus" / "docs"

PAGE = (
    "Title: 本月起，这笔钱直接发放至个人！ - 广州市人民政府门户网站\n\n"
    "URL Source: https://www.gz.gov.cn/zt/shb/content/post_10577393.html\n\n"
    "Markdown Content:\n"
    "*   [用户登录](https://www.gz.gov.cn/tyrzLogin/loginPage)\n"
    "*   [市民网页](https://my.gz.gov.cn/)\n\n"
    "当前位置：[首页](https://www.gz.gov.cn/)>[专题](https://www.gz.gov.cn/xw/rdzt)\n\n"
    "# 本月起，这笔钱直接发放至个人！\n\n"
    "发表时间：**2025-03-28 16:55:56**信息来源：**区卫生健康局**\n\n"
    "即日起，广州市困难群众的补贴直接发放至个人账户。\n"
)


def test_reader_title_is_the_line_that_prints_it() -> None:
    n = sztext.parse(PAGE)
    assert n.title is not None and n.title.clean == "本月起，这笔钱直接发放至个人！"
    assert PAGE[n.title.span[0] : n.title.span[1]] == n.title.text
    assert PAGE.index("# 本月起") < n.title.span[0]  # the line under the menus, not the Title: line
    assert n.published_date is not None and n.published_date.value.isoformat() == "2025-03-28"


def test_reader_title_without_its_line_is_the_title_value() -> None:
    text = PAGE.replace("# 本月起，这笔钱直接发放至个人！\n\n", "")
    n = sztext.parse(text)
    assert n.title is not None and n.title.clean == "本月起，这笔钱直接发放至个人！"
    assert text[n.title.span[0] : n.title.span[1]] == n.title.text


@pytest.mark.skipif(not DOCS.is_dir(), reason="devcorpus not available")
@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("0276_guangdong_thqzstjj_2025_md.md", "天河区扎实推进家庭医生签约服务 助力“百千万工程”再升级"),
        ("0278_guangdong_wxgrdfgz_md.md", "无需个人垫付！广州异地就医备案，上“穗好办”快速办理！"),
        ("0279_guangdong_byqzbqzj_2025_md.md", "本月起，这笔钱直接发放至个人！"),
    ],
)
def test_reader_pages_of_the_devcorpus(name: str, title: str) -> None:
    notices = sztext.parse_file(DOCS / name)
    assert len(notices) == 1
    assert notices[0].title is not None and notices[0].title.clean == title
