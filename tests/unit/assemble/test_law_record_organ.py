"""Helper fixb: causes the three new-places regions share (tests/devcorpus/golden_extra PART_np1–np3), each
fixed on the real lines of two issuers or more.

- A law site's record (法律资料网) prints 作者:… 时间:… 浏览:… 来源:… and 下载地址: 点击此处下载 under its title
  (noise.law_site_record_line), then the title again, the issuing organ, the title once more: the organ line is
  the issuer as printed when no signature is printed, and the header reads on to the 主送 line (临沧市人民政府,
  extra e140; 江西省吉安市人民政府办公室, e151).
- A page's posting time with a space after each dash (发布日期: 2004- 02- 06 15: 57) is its published date
  (温州市人民政府办公室 e145 line, 瑞安市人民政府办公室 e146).
"""

from __future__ import annotations

from pathlib import Path

import sztext

EXTRA = Path(__file__).resolve().parents[2] / "devcorpus" / "extra"

LINCANG = """临沧市人民政府关于印发临沧市道路交通安全管理特别规定(试行)的通知

作者:法律资料网 时间:2024-07-05 22:45:45   浏览:8903   来源:法律资料网
下载地址: 点击此处下载

临沧市人民政府关于印发临沧市道路交通安全管理特别规定(试行)的通知

云南省临沧市人民政府


临沧市人民政府关于印发临沧市道路交通安全管理特别规定(试行)的通知


各县、区人民政府,市直各委、办、局:

《临沧市道路交通安全管理特别规定(试行)》已经市人民政府2006年度第一次常务会议讨论通过,现印发给你们,请认真遵照执行。

二OO六年二月二十日
"""

JIAN = """吉安市市本级政务公开工作实施细则

作者:法律资料网 时间:2024-07-06 00:54:58  浏览:9107   来源:法律资料网
下载地址: 点击此处下载

吉安市市本级政务公开工作实施细则

江西省吉安市人民政府办公室


关于印发吉安市市本级政务公开工作实施细则的通知
( 吉府发[2003]37号 )

市政府各部门,市直各单位:

现将《吉安市市本级政务公开工作实施细则》印发给你们,请遵照执行。

二OO三年十二月四日
"""


def _texts(values: list[sztext.TextValue]) -> list[str]:
    return [v.text for v in values]


def test_record_organ_line_is_the_issuer_and_the_addressees_are_read() -> None:
    n = sztext.parse(LINCANG)
    assert _texts(n.issuers) == ["云南省临沧市人民政府"]
    assert _texts(n.addressees) == ["各县、区人民政府", "市直各委、办、局"]
    assert n.published_date is None  # the record's posting time is no date of the document
    n = sztext.parse(JIAN)
    assert _texts(n.issuers) == ["江西省吉安市人民政府办公室"]
    assert _texts(n.addressees) == ["市政府各部门", "市直各单位"]


def test_record_organ_on_the_stored_records() -> None:
    for stem, issuer in (("e140", "云南省临沧市人民政府"), ("e151", "江西省吉安市人民政府办公室")):
        (path,) = EXTRA.glob(f"{stem}_*.txt")
        (n,) = sztext.parse_file(path)
        assert _texts(n.issuers) == [issuer]
        assert n.addressees


def test_posting_time_spaced_dashes() -> None:
    for line, iso in (
        ("发布日期: 2004- 02- 06 15: 57 来源: 温州市人民政府办公室 字体:[ ]", "2004-02-06"),
        ("发布日期: 2011- 09- 01 14: 58: 15 来源: 普望科技", "2011-09-01"),
    ):
        n = sztext.parse(f"关于印发某某办法的通知\n{line}\n\n各有关单位:\n\n现将办法印发给你们。\n")
        assert n.published_date is not None
        assert str(n.published_date.value) == iso
