"""The document's jurisdiction and the per-place agency lexicons (issue 13, issue 15).

A place is added as data only: a grammar directory with one more ``agencies/<place>.toml``.
Validation of those files happens at ``load_grammar``; the pipeline cache follows the
grammar's content, not its path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sztext
from sztext import GrammarError
from sztext.grammar import default_grammar_dir
from sztext.extract.jurisdiction import find_jurisdiction

from shared_fixtures import HANGZHOU

# A Hangzhou-style notice: the note is the one issue 13 quotes (（责任单位：市财政局、市商务局）),
# under the header shape of a municipal office notice (issuer, 文号, signature).
NOTICE = (
    "杭州市人民政府办公厅关于印发促进消费若干措施的通知\n"
    "杭政办函〔2021〕5号\n"
    "各区、县（市）人民政府，市政府各部门、各直属单位：\n"
    "现将《促进消费若干措施》印发给你们，请认真贯彻执行。\n"
    "一、支持商贸企业发展\n"
    "对年度销售额增长的企业给予奖励。（责任单位：市财政局、市商务局）\n"
    "杭州市人民政府办公厅\n"
    "2021年3月1日\n"
)


def _with(tmp_path: Path, files: dict[str, str]) -> Path:
    directory = tmp_path / "grammars"
    shutil.copytree(default_grammar_dir(), directory)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def _units(notice: sztext.Notice) -> list[tuple[str, str | None]]:
    return [(u.name, u.canonical) for node in notice.nodes() for group in node.unit_groups for u in group]


def test_a_hangzhou_note_gets_no_shenzhen_names_with_the_shipped_grammar() -> None:
    notice = sztext.parse(NOTICE)
    # the place is known from the national division list, but no Hangzhou lexicon is shipped:
    # no canonical names, never Shenzhen's
    assert notice.jurisdiction is not None
    assert (notice.jurisdiction.name, notice.jurisdiction.parent, notice.jurisdiction.code) == ("杭州市", "浙江省", "330100")
    assert _units(notice) == [("市财政局", None), ("市商务局", None)]
    # (a header field the notice does not state has its own *_unknown warning)
    assert [w.code for w in notice.warnings if not w.code.endswith("_unknown")] == ["agency_not_in_lexicon"]


@pytest.mark.parametrize(
    ("issuer", "expected"),
    [
        # issuers as printed in shared/devcorpus and shared/corpus documents of places with no lexicon
        ("杭州市财政局", ("杭州市", "prefecture", "浙江省", "330100")),
        ("中共浙江省委办公厅", ("浙江省", "provincial", None, "330000")),
        ("重庆市綦江区人民政府", ("綦江区", "district", "重庆市", "500110")),
        ("广西壮族自治区人民政府办公厅", ("广西壮族自治区", "provincial", None, "450000")),
        ("延边州人民政府", ("延边朝鲜族自治州", "prefecture", "吉林省", "222400")),
        ("北京市朝阳区人民政府", ("朝阳区", "district", "北京市", "110105")),
        ("长春市朝阳区人民政府", ("朝阳区", "district", "长春市", "220104")),
        # lexicon places get their code too
        ("济南市人民政府办公厅", ("济南市", "prefecture", "山东省", "370100")),
    ],
)
def test_every_division_of_china_is_a_jurisdiction(issuer: str, expected: tuple[str, str, str | None, str]) -> None:
    found = find_jurisdiction(sztext.load_grammar(), issuers=[issuer])
    assert found is not None and (found.name, found.level, found.parent, found.code) == expected


@pytest.mark.parametrize("issuer", ["朝阳区人民政府", "鼓楼区人民政府", "公安部", "商务部", "国家发展改革委"])
def test_a_name_several_places_share_or_a_ministry_names_no_division(issuer: str) -> None:
    # 朝阳区: Beijing's and Changchun's; 鼓楼区: Nanjing's, Fuzhou's, Xuzhou's …; 公安部 is not 公安县
    found = find_jurisdiction(sztext.load_grammar(), issuers=[issuer])
    assert found is None or found.level == "national"


def test_adding_hangzhou_is_one_data_file(tmp_path: Path) -> None:
    directory = _with(tmp_path, {"agencies/hangzhou.toml": HANGZHOU})
    notice = sztext.parse(NOTICE, options=sztext.Options(grammar_dir=str(directory)))
    assert notice.jurisdiction is not None
    assert (notice.jurisdiction.name, notice.jurisdiction.level) == ("杭州市", "prefecture")
    assert _units(notice) == [("市财政局", "杭州市财政局"), ("市商务局", "杭州市商务局")]


@pytest.mark.parametrize(
    ("issuers", "title", "code", "expected"),
    [
        (["济南市人民政府办公厅"], None, None, ("济南市", "prefecture")),
        (["中共深圳市委办公厅"], None, None, ("深圳市", "prefecture")),
        (["国务院办公厅"], None, None, ("中华人民共和国", "national")),
        # 国家能源局's regional offices (agencies/national.toml): devcorpus 0241's signature, 0246's title
        (["南方能源监管局"], None, None, ("中华人民共和国", "national")),
        ([], "华北能源监管局关于公示内蒙古电力调峰辅助服务市场模拟运行试结算报告的公告", None, ("中华人民共和国", "national")),
        ([], "山东省人民政府关于印发…的通知", None, ("山东省", "provincial")),
        ([], None, "青政办字", ("青岛市", "prefecture")),  # shared/devcorpus 0154 青政办字〔2023〕13号
        # an exact code (agencies/qinghai.toml exact_codes): 青政办〔2023〕28号 is 青海省人民政府办公厅's
        # (tests/devcorpus/extra e111), while 青岛市's 青政办字 / 青政发 start with it
        ([], None, "青政办", ("青海省", "provincial")),
        ([], None, "青政发", ("青岛市", "prefecture")),
        ([], None, "国办发", ("中华人民共和国", "national")),  # shared/corpus 0011 国办发〔1996〕25号
        (["某某公司"], "关于印发若干措施的通知", "某发", None),
    ],
)
def test_jurisdiction_from_the_header(issuers: list[str], title: str | None, code: str | None, expected: tuple[str, str] | None) -> None:
    from sztext.extract.jurisdiction import find_jurisdiction

    found = find_jurisdiction(sztext.load_grammar(), issuers=issuers, title=title, agency_code=code)
    assert (None if found is None else (found.name, found.level)) == expected


def test_a_headerless_jinan_plan_is_read_by_the_place_it_names() -> None:
    # shared/devcorpus 0125 (a Jinan policy without its header): "为落实《济南国家新一代人工智能
    # 创新发展试验区建设方案》任务部署…" and （责任单位：市科技局、市发展改革委、市工业和信息化局）
    path = Path(__file__).parents[2].parent / "shared" / "devcorpus" / "docs" / "0125_shandong_wlsjngjx_2020_pkulawbody.txt"
    if not path.exists():
        pytest.skip("devcorpus not available")
    [notice] = sztext.parse_file(path)
    assert notice.jurisdiction is not None and notice.jurisdiction.name == "济南市"
    units = dict(_units(notice))
    assert units["市科技局"] == "济南市科学技术局"
    assert units["市发展改革委"] == "济南市发展和改革委员会"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HANGZHOU.replace('level = "prefecture"', 'level = "city"'), r"hangzhou\.toml.*\[jurisdiction -> level\]"),
        (HANGZHOU.replace('parent = "浙江省"\n', ""), r"hangzhou\.toml.*\[jurisdiction -> parent\] required"),
        (HANGZHOU.replace('aliases = ["市财政局"]', 'aliases = "市财政局"'), r"hangzhou\.toml.*\[agency -> 0 -> aliases\]"),
        (HANGZHOU.replace("[jurisdiction]", "[jurisdiction]\ncolour = 1"), r"hangzhou\.toml.*\[jurisdiction -> colour\]"),
        (HANGZHOU.replace('name = "杭州市"', 'name = "深圳市"'), r"(shenzhen|hangzhou)\.toml: \[jurisdiction -> name\] 深圳市 has a lexicon already"),
    ],
)
def test_a_bad_lexicon_fails_at_load(tmp_path: Path, text: str, message: str) -> None:
    directory = _with(tmp_path, {"agencies/hangzhou.toml": text})
    with pytest.raises(GrammarError, match=message):
        sztext.load_grammar(directory)


def test_the_pipeline_follows_an_edited_grammar(tmp_path: Path) -> None:
    directory = _with(tmp_path, {"agencies/hangzhou.toml": HANGZHOU})
    options = sztext.Options(grammar_dir=str(directory))
    assert _units(sztext.parse(NOTICE, options=options))[0] == ("市财政局", "杭州市财政局")
    edited = HANGZHOU.replace('canonical = "杭州市财政局"', 'canonical = "杭州市财政局（改）"')
    (directory / "agencies" / "hangzhou.toml").write_text(edited, encoding="utf-8")
    assert _units(sztext.parse(NOTICE, options=options))[0] == ("市财政局", "杭州市财政局（改）")
