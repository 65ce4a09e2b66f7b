"""时效性 and 效力级别 (sztext.extract.status, grammars/status.toml): read only from a labelled field
that a legal database printed, null otherwise (issue 17).

The shapes are the databases' own: 北大法宝's detail block (one 【label】 value a line), the
发文信息 block of 财政部's 会计准则 pages (时效性：现行有效, 财会〔2006〕3号), a 广东省注册会计师协会 policy
page of 财会[2010]14号 (【效力状态】现行有效 【效力级别】, the level left empty), and 商务部全球法规网
pages (效力级别：部门规章；时效状态：现行有效, 国家互联网信息办公室令第5号 and 第9号).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.extract.status import extract_legal_status
from sztext.normalize import normalize

GRAMMAR = sztext.load_grammar()
ROOT = Path(__file__).resolve().parents[3]
DEVCORPUS = ROOT.parent / "shared" / "devcorpus" / "docs"

PKULAW = (
    "【法宝引证码】 CLI.12.5679380\n"
    "北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知\n"
    "【发布部门】 北京市经济和信息化局\n【发文字号】 京经信发〔2022〕87号\n【发布日期】 2022.11.21\n"
    "【时效性】 现行有效\n【效力级别】 地方规范性文件\n"
    "各区政府,各相关单位：\n　　为促进政企数据融合应用，现印发给你们，请结合实际认真贯彻落实。\n"
    "北京市经济和信息化局\n2022年11月21日\n"
)


def _status(text: str) -> tuple[str | None, str | None]:
    validity, level = extract_legal_status(normalize(text, GRAMMAR), GRAMMAR, 0, len(text))
    for value in (validity, level):
        if value is not None:
            assert text[value.span[0] : value.span[1]] == value.text
    return (validity.text if validity else None, level.text if level else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发文机关：财政部\n发布日期：2006-02-15\n生效日期：2007-01-01\n时效性：现行有效\n", ("现行有效", None)),
        ("【文号】财会[2010]14号 【行业分类】\n【效力状态】现行有效 【效力级别】 \n", ("现行有效", None)),
        ("效力级别：部门规章；时效状态：现行有效\n", ("现行有效", "部门规章")),
        ("【时效性】 现行有效\n【效力级别】 地方规范性文件\n", ("现行有效", "地方规范性文件")),
        ("【时效性】 已被修改\n【效力级别】 行政法规\n", ("已被修改", "行政法规")),
    ],
)
def test_printed_fields_are_read(text: str, expected: tuple[str | None, str | None]) -> None:
    assert _status(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # samples/004 l.1055: 时效性 as a word of the body
        "建立全市统筹的要素更新、专题更新、局部更新和整体更新协调有序运作的数据更新机制，保障数据底板的时效性。",
        # devcorpus 0081 (教育部 rules): an article about 时效性审核
        "第十四条　时效性审核应保证资源内容符合时事政治、现行政策要求，与现行课程标准",
        # a label with a value from no database's list, and an empty one
        "时效性：以文件印发之日为准\n效力级别：无\n",
    ],
)
def test_no_field_no_value(text: str) -> None:
    assert _status(text) == (None, None)


def test_a_notice_carries_what_its_export_prints() -> None:
    notices = sztext.parse_archive(PKULAW)
    assert len(notices) == 1
    notice = notices[0]
    notice.verify()
    assert (notice.validity.text, notice.legal_level.text) == ("现行有效", "地方规范性文件")  # type: ignore[union-attr]
    record = notice.model_dump(mode="json")
    assert record["validity"]["text"] == "现行有效" and record["legal_level"]["span"] == list(notice.legal_level.span)  # type: ignore[union-attr]
    # read back from JSON (a batch's tables are made from its records) it is the same
    assert sztext.Notice.model_validate(record).validity == notice.validity
    pkulaw = sztext.tables([notice], preset="pkulaw")["documents_pkulaw"]
    assert (pkulaw["时效性"][0], pkulaw["效力级别"][0]) == ("现行有效", "地方规范性文件")


def test_never_inferred_and_absent_from_the_json_when_not_printed() -> None:
    # seed 000 prints no such field: no value, and the record has no key for it (the JSON of
    # every other input stays as it was)
    notice = sztext.parse_file(ROOT / "samples" / "000_7295ffc925fab055.txt")[0]
    assert notice.validity is None and notice.legal_level is None
    assert "validity" not in notice.model_dump(mode="json") and "legal_level" not in notice.model_dump(mode="json")
    assert sztext.tables([notice], preset="pkulaw")["documents_pkulaw"]["时效性"].isna().all()


@pytest.mark.skipif(not DEVCORPUS.is_dir(), reason="needs ../shared/devcorpus")
def test_the_pkulaw_export_of_the_devcorpus_prints_no_status() -> None:
    # devcorpus 0024 is a 北大法宝 export whose head has only 【法宝引证码】; its body says
    # "…完整性和时效性" (a word, not a field): both stay null
    notice = sztext.parse_file(next(DEVCORPUS.glob("0024_*")))[0]
    assert "时效性" in notice.source_text
    assert notice.validity is None and notice.legal_level is None
