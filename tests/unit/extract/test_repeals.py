"""Repeals (``sztext.extract.repeals``, ``grammars/repeals.toml``).

Which rows the rules were developed on, and which only evaluate them (G33):

* ``SAMPLE_REPEALS`` is every 废止 / 撤销 / 停止执行 / 不再执行 in
  ``samples/004_dc8ab61eb0bb8ed1.txt`` (``grep -n`` for the four verbs), each read in its line:
  the twelve repeals and the two uses of 撤销 that are none (``NOT_REPEALS``, l.1937 and l.2958).
  The rules were developed on them.
* ``CORPUS_REPEALS`` come from ``shared/corpus`` (several titles before one 同时废止, a space
  before the verb, a 劳社部发[2000]8号 number); the rules were extended on them.
* The remaining rows are forms written for this test (partial repeals, 予以废止, guards) and only
  evaluate the rules; ``KNOWN_FAILURES`` are forms not read yet, as ``xfail(strict=True)``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sztext
from sztext.extract import extract_repeals
from sztext.normalize import normalize

G = sztext.load_grammar()
SAMPLE_004 = (Path(__file__).resolve().parents[3] / "samples" / "004_dc8ab61eb0bb8ed1.txt").read_text(encoding="utf-8").split("\n")

# (text, title, doc_number, verb, partial)
Row = tuple[str, str | None, str | None, str, bool]


def repeals_of(text: str) -> list[Row]:
    out = []
    for r in extract_repeals(normalize(text, G), G):
        assert text[r.span[0] : r.span[1]] == r.text
        out.append((r.text, r.title, r.doc_number, r.verb, r.partial))
    return out


def line(n: int) -> str:
    """Line ``n`` (1-based) of samples/004."""
    return SAMPLE_004[n - 1]


SAMPLE_REPEALS: list[tuple[int, list[Row]]] = [
    (115, [(
        "《深圳市人民政府关于推动电子商务加快发展的若干措施》（深府办规〔2020〕9号）同时废止",
        "深圳市人民政府关于推动电子商务加快发展的若干措施", "深府办规〔2020〕9号", "废止", False,
    )]),
    (294, [(
        "《深圳市鼓励跨国公司设立总部企业办法》（深府办规〔2021〕2号）同时废止",
        "深圳市鼓励跨国公司设立总部企业办法", "深府办规〔2021〕2号", "废止", False,
    )]),
    (739, [(
        "《深圳市人力资源和社会保障局 深圳市发展和改革委员会 深圳市财政委员会印发〈深圳市关于加快发展人力资源服务业的若干措施〉的通知》（深人社发〔2018〕94号）同时废止",
        "深圳市人力资源和社会保障局 深圳市发展和改革委员会 深圳市财政委员会印发〈深圳市关于加快发展人力资源服务业的若干措施〉的通知",
        "深人社发〔2018〕94号", "废止", False,
    )]),
    (935, [(
        "2021年7月13日市政府印发的《深圳市人民政府工作规则》停止执行",
        "深圳市人民政府工作规则", None, "停止执行", False,
    )]),
    (957, [("自主创业人员社保补贴不再执行", None, None, "不再执行", True)]),
    (963, [
        ("高校毕业生基层就业补贴，按规定不再执行", None, None, "不再执行", True),
        ("市外“双高计划”学生顶岗实习补助不再执行", None, None, "不再执行", True),
    ]),
    (1223, [(
        "《关于推动制造业高质量发展坚定不移打造制造强市的若干措施》（深府规〔2021〕1号）中的（八）、（九）、（十）三条不再执行",
        "关于推动制造业高质量发展坚定不移打造制造强市的若干措施", "深府规〔2021〕1号", "不再执行", True,
    )]),
    (2733, [(
        "《深圳市鼓励总部企业发展实施办法》（深府规〔2017〕7号）同时废止",
        "深圳市鼓励总部企业发展实施办法", "深府规〔2017〕7号", "废止", False,
    )]),
    (2779, [(
        "2018年 7 月 9 日发布的《深圳市政府投资建设项目施工许可管理规定》（深圳市人民政府令第310 号）同时废止",
        "深圳市政府投资建设项目施工许可管理规定", "深圳市人民政府令第310号", "废止", False,
    )]),
    (3038, [(
        "2011年6月1日颁布实施的《深圳市人才安居暂行办法》（深圳市人民政府令第229号）同时废止",
        "深圳市人才安居暂行办法", "深圳市人民政府令第229号", "废止", False,
    )]),
    (3473, [(
        "《深圳市人民政府关于印发支持金融人才发展实施办法的通知》（深府规〔2018〕28号）同时废止",
        "深圳市人民政府关于印发支持金融人才发展实施办法的通知", "深府规〔2018〕28号", "废止", False,
    )]),
    (3785, [(
        "《深圳市扶持金融业发展若干措施》（深府规〔2017〕2号）同时废止",
        "深圳市扶持金融业发展若干措施", "深府规〔2017〕2号", "废止", False,
    )]),
]

NOT_REPEALS: list[tuple[str, str]] = [
    ("l1937 账户撤销", line(1937)),
    ("l2958 被…撤销的", line(2958)),
    ("a rule about repealing", "规章与法律相抵触的，应当及时修改或者废止。"),
    ("a condition", "企业迁出本市的，停止执行。"),
    ("a verb with its object (corpus 0045)", "申请退出后次月起不再执行机制电量、电价相关政策。"),
    ("an exemption (corpus 0014)", "对自贸试验区内的港澳台资建筑业企业，不再执行《外商投资建筑业企业管理规定》中关于工程承包范围的限制性规定。"),
    ("a title that says 废止", "国务院关于废止部分行政法规的决定"),
    ("a citation then other words", "根据《深圳市某办法》第五条，有关补贴应当停止执行。"),
]


@pytest.mark.parametrize(("n", "expected"), SAMPLE_REPEALS, ids=[f"l{n}" for n, _ in SAMPLE_REPEALS])
def test_sample_repeal(n: int, expected: list[Row]) -> None:
    assert repeals_of(line(n)) == expected


def test_every_repeal_of_the_sample_is_in_the_table() -> None:
    found = [n for n in range(1, len(SAMPLE_004) + 1) if repeals_of(line(n))]
    assert found == [n for n, _ in SAMPLE_REPEALS]


@pytest.mark.parametrize("text", [r[1] for r in NOT_REPEALS], ids=[r[0] for r in NOT_REPEALS])
def test_not_a_repeal(text: str) -> None:
    assert repeals_of(text) == []


CORPUS_REPEALS: list[tuple[str, str, list[Row]]] = [
    (
        "0018 two documents, one verb",
        "本通知自印发之日起施行，有效期5年。《广州市民政局关于进一步规范广州市特困人员救助供养管理工作的通知》（穗民规字〔2018〕10号）、"
        "《广州市民政局 广州市财政局转发广东省民政厅关于加强特困供养人员护理工作的通知》（穗民规字〔2018〕11号）同时废止。",
        [
            (
                "《广州市民政局关于进一步规范广州市特困人员救助供养管理工作的通知》（穗民规字〔2018〕10号）、"
                "《广州市民政局 广州市财政局转发广东省民政厅关于加强特困供养人员护理工作的通知》（穗民规字〔2018〕11号）同时废止",
                "广州市民政局关于进一步规范广州市特困人员救助供养管理工作的通知", "穗民规字〔2018〕10号", "废止", False,
            ),
            (
                "《广州市民政局 广州市财政局转发广东省民政厅关于加强特困供养人员护理工作的通知》（穗民规字〔2018〕11号）同时废止",
                "广州市民政局 广州市财政局转发广东省民政厅关于加强特困供养人员护理工作的通知", "穗民规字〔2018〕11号", "废止", False,
            ),
        ],
    ),
    (
        "0027 titles without numbers joined by 、",
        "本条例自2022年3月1日起施行。《农民专业合作社登记管理条例》、《企业法人法定代表人登记管理规定》同时废止。",
        [
            ("《农民专业合作社登记管理条例》、《企业法人法定代表人登记管理规定》同时废止", "农民专业合作社登记管理条例", None, "废止", False),
            ("《企业法人法定代表人登记管理规定》同时废止", "企业法人法定代表人登记管理规定", None, "废止", False),
        ],
    ),
    (
        "0038 a described document with [] brackets",
        "2000年3月17日劳动保障部发布的《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发[2000]8号）同时废止。",
        [(
            "2000年3月17日劳动保障部发布的《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发[2000]8号）同时废止",
            "关于职工全年月平均工作时间和工资折算问题的通知", "劳社部发[2000]8号", "废止", False,
        )],
    ),
    (
        "0040 a space before the verb",
        "新版药品目录自2026年1月1日起正式执行，《国家基本医疗保险、 工伤保险和生育保险药品目录（2024年）》（医保发〔2024〕33号） 同时废止。",
        [(
            "《国家基本医疗保险、 工伤保险和生育保险药品目录（2024年）》（医保发〔2024〕33号） 同时废止",
            "国家基本医疗保险、 工伤保险和生育保险药品目录（2024年）", "医保发〔2024〕33号", "废止", False,
        )],
    ),
]

# The second cited document described by its date like the first (repeals.connector): real lines
CORPUS_REPEALS += [
    (
        "0340 公安部 two dated decrees",
        "第九十三条 本规定自2022年5月1日起施行。2008年5月27日发布的《机动车登记规定》（公安部令第102号）和2012年9月12日发布的《公安部关于修改<机动车登记规定>的决定》（公安部令第124号）同时废止。",
        [
            (
                "2008年5月27日发布的《机动车登记规定》（公安部令第102号）和2012年9月12日发布的《公安部关于修改<机动车登记规定>的决定》（公安部令第124号）同时废止",
                "机动车登记规定", "公安部令第102号", "废止", False,
            ),
            ("《公安部关于修改<机动车登记规定>的决定》（公安部令第124号）同时废止", "公安部关于修改<机动车登记规定>的决定", "公安部令第124号", "废止", False),
        ],
    ),
    (
        "0389 广东省人大常委会 two adopted regulations",
        "第五十条 本条例自2022年1月1日起施行。2000年3月30日广东省第九届人民代表大会常务委员会第十七次会议通过的《广东省职业介绍管理条例》和2002年12月6日广东省第九届人民代表大会常务委员会第三十八次会议通过的《广东省人才市场管理条例》同时废止。",
        [
            (
                "2000年3月30日广东省第九届人民代表大会常务委员会第十七次会议通过的《广东省职业介绍管理条例》和2002年12月6日广东省第九届人民代表大会常务委员会第三十八次会议通过的《广东省人才市场管理条例》同时废止",
                "广东省职业介绍管理条例", None, "废止", False,
            ),
            ("《广东省人才市场管理条例》同时废止", "广东省人才市场管理条例", None, "废止", False),
        ],
    ),
]

FORMS: list[tuple[str, str, list[Row]]] = [
    ("an article", "《深圳市某办法》第五条同时废止。", [("《深圳市某办法》第五条同时废止", "深圳市某办法", None, "废止", True)]),
    (
        "a bare document number",
        "深府〔2017〕1号文件同时废止。",
        [("深府〔2017〕1号文件同时废止", None, "深府〔2017〕1号", "废止", False)],
    ),
    ("予以废止", "《深圳市某规定》予以废止。", [("《深圳市某规定》予以废止", "深圳市某规定", None, "废止", False)]),
    ("撤销 after a citation", "《深圳市某通知》（深府〔2010〕5号）同时撤销。", [("《深圳市某通知》（深府〔2010〕5号）同时撤销", "深圳市某通知", "深府〔2010〕5号", "撤销", False)]),
    ("原《…》", "本办法施行后，原《深圳市某办法》同时废止。", [("原《深圳市某办法》同时废止", "深圳市某办法", None, "废止", False)]),
    (
        "a part about something",
        "《深圳市某措施》中关于申报条件的规定不再执行。",
        [("《深圳市某措施》中关于申报条件的规定不再执行", "深圳市某措施", None, "不再执行", True)],
    ),
    ("Traditional", "《深圳市某辦法》（深府〔2017〕7號）同時廢止。", [("《深圳市某辦法》（深府〔2017〕7號）同時廢止", "深圳市某辦法", "深府〔2017〕7號", "废止", False)]),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in CORPUS_REPEALS + FORMS], ids=[r[0] for r in CORPUS_REPEALS + FORMS])
def test_repeal_form(text: str, expected: list[Row]) -> None:
    assert repeals_of(text) == expected


KNOWN_FAILURES: list[tuple[str, str, list[Row], str]] = [
    (
        "verb before the title",
        "国务院决定废止《某某条例》（国务院令第100号）。",
        [("废止《某某条例》（国务院令第100号）", "某某条例", "国务院令第100号", "废止", False)],
        "a 废止决定 names its documents after the verb; only 《…》…废止 is read",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(t, e, marks=pytest.mark.xfail(strict=True, reason=why), id=name) for name, t, e, why in KNOWN_FAILURES],
)
def test_known_failure(text: str, expected: list[Row]) -> None:
    assert repeals_of(text) == expected


def test_a_document_range_limits_the_repeals() -> None:
    text = "《甲办法》同时废止。本办法自2024年1月1日起施行。《乙办法》同时废止。"
    view = normalize(text, G)
    start = text.index("本办法")
    assert [r.title for r in extract_repeals(view, G, start)] == ["乙办法"]
    assert [r.title for r in extract_repeals(view, G, 0, start)] == ["甲办法"]


def test_a_grammar_without_a_repeal_rule_is_a_grammar_error(tmp_path: Path) -> None:
    source = (Path(sztext.grammar.default_grammar_dir()) / "repeals.toml").read_text(encoding="utf-8")
    (tmp_path / "repeals.toml").write_text(source.replace('id = "repeals.tail"', 'id = "repeals.tail_renamed"'), encoding="utf-8")
    # checked once at load (sztext.sections.CONTRACTS), not when the extractor first runs;
    # loaded as an overlay, the file would only add a rule (the shipped repeals.tail stays)
    shutil.copytree(sztext.grammar.default_grammar_dir(), tmp_path / "all", dirs_exist_ok=True)
    (tmp_path / "all" / "repeals.toml").write_text((tmp_path / "repeals.toml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(sztext.GrammarError, match=r"\(rule repeals\.tail\): \[rule\] missing"):
        sztext.load_grammar(tmp_path / "all", standalone=True)
