"""A document whose export left out its title (北大法宝 body cells run together, single-line OCR
one after another): it opens at its first own line once the text before has ended. Two real dev
corpus texts (../shared/devcorpus) joined as an archive joins them; each class with examples
from at least two issuers. The texts that go on after such an end stay one document."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.load import load_path
from sztext.normalize import normalize
from sztext.segment import segment_archive
from sztext.segment.cues import opens_after_end
from sztext.segment.kinds import LineKind
from sztext.segment.rules import segment_rules

DEV = Path(__file__).parents[3].parent / "shared" / "devcorpus" / "docs"
BLANKS = " \r\n\t\u3000\xa0"


def _text(number: str) -> str:
    if not DEV.is_dir():
        pytest.skip("../shared/devcorpus is not beside this checkout")
    return load_path(next(DEV.glob(number + "_*"))).text.strip(BLANKS)


def _starts(text: str) -> list[int]:
    grammar = sztext.load_grammar()
    view = normalize(text, grammar)
    out = []
    for r in segment_archive(view, grammar):
        s = view.to_source_start(r.start)
        while s < len(text) and text[s] in BLANKS:
            s += 1
        out.append(s)
    return out


@pytest.mark.parametrize(
    ("before", "after", "opening"),
    [
        # a signed notice (工业和信息化部 / 2013年4月11日), then a purpose sentence (济南市 2022)
        ("0071", "0151", "为进一步贯彻落实市委、市政府《关于进一步支持企业专精特新发展的若干政策措施》"),
        # a page's footer (国家能源局四川监管办公室版权所有…), then a purpose sentence (济南市科技局 2020)
        ("0248", "0124", "为落实济南市国家新一代人工智能创新发展试验区建设工作"),
        # a single-line OCR notice (山东省住房和城乡建设厅 2020), then a cover's purpose sentence (水利部办公厅 2022)
        ("0218", "0085", "为贯彻落实水利部党组关于大力推进智慧水利建设决策部署"),
        # a public-access note (公开方式：主动公开, 广州市残疾人联合会), then a paragraph on something else (国务院 2014)
        ("0268", "0036", "智慧旅游是运用新一代信息网络技术和装备"),
        # a regulation's last article (第五条 本规定自公布之日起施行。, 国务院 2008), then a first item (中国气象局 2024)
        ("0309", "0025", "一、示范目的"),
        # a single-line OCR notice (中共山东省委办公厅 2020), then a first chapter (教育部 2024)
        ("0215", "0081", "第一章"),
        # a text with headings and no end (卫生部 2001), then a cover over its signature (国家医疗保障局 2022)
        ("0235", "0092", "《医疗保障基金智能审核和监控知识库、规则库管理办法（试行）》已经国家医疗保障局第53次局长办公会审议通过"),
        # a signature and date that issued and listed nothing (交通运输部办公厅 / 2013年9月24日; 住房和城乡建设部 and
        # others, … / 国家铁路局 / 中国民用航空局 / 2020年7月3日), then a paragraph on something else (国家互联网信息办公室 2023)
        ("0041", "0052", "人工智能是人类发展新领域。"),
        ("0112", "0052", "人工智能是人类发展新领域。"),
        # a Taiwan record's last article (第 8 條 本辦法自發布日施行。 of 獎勵舉發政黨及其附隨組織不當取得財產辦法; 第 11 條 …
        # of 國家安全局's 國家情報工作獎勵辦法 and of 特種勤務獎勵標準及辦法), then a title broken over lines or a first chapter
        ("0441", "0145", "青岛市支持省级数字经济园区建设等"),
        ("0438", "0145", "青岛市支持省级数字经济园区建设等"),
        ("0440", "0106", "第一章总则"),
        # a regulation's last article (第二十条 本条例自2004年1月1日起施行。, 重庆市; 第六十八条 本条例自公布之日起施行。…,
        # 北京市), then a preamble that names its own text but says 实施 (…制定本行动计划。 商务部 2024; …制定本实施
        # 方案。 国务院办公厅 2020): it opens there, not at the 一、总体要求 under it (segment.self_named_close)
        ("0434", "0099", "数字商务是数字经济发展最迅速"),
        ("0369", "0108", "随着我国互联网、大数据、人工智能等信息技术快速发展"),
    ],
)
def test_a_text_without_its_title_opens_after_the_text_before(before: str, after: str, opening: str) -> None:
    first, second = _text(before), _text(after)
    assert second.lstrip(BLANKS).startswith(opening)
    for join in ("\n\n", "\n", "\n----\n"):
        starts = _starts(first + join + second)
        assert len(starts) == 2 and starts[1] == len(first) + len(join), (join, starts)


def test_a_separator_line_keeps_the_end_of_the_text_before() -> None:
    # 工业和信息化部 / 2013年4月11日 / ---- / 为进一步贯彻落实…: the rule line between them is nobody's
    first, second = _text("0071"), _text("0151")
    starts = _starts(first + "\n----\n\n" + second)
    assert len(starts) == 2 and starts[1] == len(first) + 7


@pytest.mark.parametrize(
    ("number", "line"),
    [
        # a last article's second paragraph names the regulation (郑州市 2005; 国务院 2011)
        ("0412", "本市过去有关规定与本条例规定不一致的"),
        ("0306", "自本规定施行之日起"),
        # …同时废止。 under the last article (彭水苗族土家族自治县 2013)
        ("0428", "同时废止。"),
        # a 公报 signed under its title, its body after the date (江西省统计局 2023)
        ("0282", "2022年是党的二十大胜利召开之年"),
        # the attachments a signed notice lists, printed after its date (最高人民法院 2018)
        ("0029", "今后五年是全面建成小康社会的关键时期"),
        # a single-line OCR notice run on after its date into its own enclosure (山东省生态环境委员会办公室 2021;
        # 中国华电集团有限公司山东公司 2021)
        ("0202", "2021年3月1日山东省生态环境委员会关于调整省生态环境委员会专项小组组成人员的通知(会签稿)"),
        ("0222", "2021年8月10日电能计量故障、差错快报附件1:"),
    ],
)
def test_a_text_that_goes_on_after_its_end_stays_one_document(number: str, line: str) -> None:
    text = _text(number)
    assert line in text
    assert len(_starts(text)) == 1


@pytest.mark.parametrize(
    ("line", "kind", "end", "opens"),
    [
        ("为进一步贯彻落实市委、市政府《关于进一步支持企业专精特新发展的若干政策措施》(济办发电[2022]4号),加快推进人工智能岛建设,", LineKind.TEXT, "signed", True),
        ("智慧旅游是运用新一代信息网络技术和装备,充分准确及时感知和使用各类旅游信息,从而实现旅游服务、旅游管理、旅游营销、旅游体验的智能化。", LineKind.TEXT, "note", True),
        # after a signed date (nothing issued or listed) a paragraph on something else opens a text; run on
        # after the date of a single-line OCR notice ("line") it is that notice's own enclosure: it opens nothing
        ("智慧旅游是运用新一代信息网络技术和装备,充分准确及时感知和使用各类旅游信息,从而实现旅游服务、旅游管理、旅游营销、旅游体验的智能化。", LineKind.TEXT, "signed", True),
        ("智慧旅游是运用新一代信息网络技术和装备,充分准确及时感知和使用各类旅游信息,从而实现旅游服务、旅游管理、旅游营销、旅游体验的智能化。", LineKind.TEXT, "line", False),
        ("一、示范目的", LineKind.HEADING, "line", False),
        ("第一章 总 则 ", LineKind.HEADING, "line", True),
        ("本市过去有关规定与本条例规定不一致的,按本条例执行。", LineKind.TEXT, "clause", False),
        ("一、示范目的", LineKind.HEADING, "clause", True),
        ("一、示范目的", LineKind.HEADING, "signed", False),
        ("第一章 总 则 ", LineKind.HEADING, "signed", True),
        ("第十二条 本办法由人事部负责解释。", LineKind.HEADING, "clause", False),
        # a contact line after the last paragraph (国家卫生健康委 2022, devcorpus 0086)
        ("联系电话:(010)62030792,传真:(010)62030874,请于10月底前报送有关材料。", LineKind.TEXT, "clause", False),
        # where the cover issues a text, a heading after the end of the enclosed text opens nothing
        ("一、示范目的", LineKind.HEADING, "enclosed", False),
    ],
)
def test_what_opens_after_an_end(line: str, kind: LineKind, end: str, opens: bool) -> None:
    assert opens_after_end(line, kind, end, segment_rules(sztext.load_grammar())) is opens


@pytest.mark.parametrize(
    ("before", "after", "opening"),
    [
        # a last article with what it repeals (广州市 条例 2021: …同时废止。), then a plan's title (山东省 2021)
        ("0392", "0129", "山东省“十四五”教育事业发展规划"),
        # a last article with what it repeals (上海市 办法 1990: …即行废止。), then a guide's title (工业和信息化部 2021)
        ("0366", "0094", "国家智能制造标准体系建设指南"),
        # a last article, then a paragraph that goes on with it (最高人民法院 决定 2021: 根据本决定，…重新公布。), then a title
        ("0364", "0132", "山东省“十四五”科技创新规划"),
        # a last article with two more sentences (国务院 条例 2011: …同时废止。本条例施行前…), then an addressee (工业和信息化部)
        ("0319", "0071", "各相关单位"),
        # a page's closing share widget (浏览次数 / 分享文章到 / 扫一扫…, 广州市 pages), then a text's first paragraph
        ("0264", "0039", "可解释、可通用的下一代人工智能方法重大研究计划"),
        ("0265", "0051", "为贯彻落实党中央关于科技创新和科技自立自强的战略部署"),
    ],
)
def test_a_text_opens_after_the_last_article_or_the_page_before(before: str, after: str, opening: str) -> None:
    first, second = _text(before), _text(after)
    assert second.lstrip(BLANKS).startswith(opening)
    for join in ("\n\n", "\n", "\n----\n"):
        starts = _starts(first + join + second)
        assert len(starts) == 2 and starts[1] == len(first) + len(join), (join, starts)


def test_an_image_after_the_article_does_not_end_its_page() -> None:
    # samples/002 (a Shenzhen news page): 11.jpg, then the publisher's blurb (关于国脉 / 国脉,是…): one document
    text = (Path(__file__).parents[3] / "samples" / "002_2dc559b6324d11b4.txt").read_text(encoding="utf-8")
    assert "11.jpg" in text and "国脉,是大数据治理" in text
    assert len(_starts(text)) == 1


def test_the_opening_paragraph_length_is_read_from_the_grammar(tmp_path: Path) -> None:
    """segment.toml [table.tunables] opening_paragraph_min decides how long a paragraph after a
    signed date must be to open a text: an overlay that raises it past the line keeps it closed."""
    line = "智慧旅游是运用新一代信息网络技术和装备,充分准确及时感知和使用各类旅游信息,从而实现旅游服务、旅游管理、旅游营销、旅游体验的智能化。"
    shipped = segment_rules(sztext.load_grammar())
    assert shipped.opening_paragraph_min == 40
    assert opens_after_end(line, LineKind.TEXT, "signed", shipped) is True
    (tmp_path / "segment.toml").write_text('version = 1\ndescription = "overlay"\n[table.tunables]\nopening_paragraph_min = 200\n', encoding="utf-8")
    raised = segment_rules(sztext.load_grammar(tmp_path))
    assert raised.opening_paragraph_min == 200
    assert opens_after_end(line, LineKind.TEXT, "signed", raised) is False


@pytest.mark.parametrize(
    ("before", "after", "opening"),
    [
        # a text with headings and no end (卫生部 2001), then a title that names what the paragraph under it says is made
        # (segment.self_purpose): 智能制造试点示范培育行动实施方案 / 为…,制定本方案。 (山东省经济和信息化委员会 2016);
        # 数字山东2021行动方案 / 为贯彻落实…,制定本方案。 (山东省人民政府办公厅 2021)
        ("0235", "0149", "智能制造试点示范培育行动实施方案"),
        ("0235", "0134", "数字山东2021行动方案"),
        # a last article numbered as an item (国务院 1985: 十二、本规定自发布之日起施行。), in force once approved
        # (公安部 1952: 第十一条 本条例经中央人民政府政务院批准由中央公安部发布施行。) or with who may start later (国务院 1995:
        # 第九条 本规定自1995年5月1日起施行。1995年5月1日施行有困难的…), then a paragraph on something else or a purpose sentence
        ("0299", "0036", "智慧旅游是运用新一代信息网络技术和装备"),
        ("0329", "0052", "人工智能是人类发展新领域。"),
        ("0311", "0162", "为深入实施创新驱动发展战略"),
        # a signature printed again under the date and its access note (南方能源监管局 / 2025 年 6 月 18 日 / （依申请公开） /
        # 国 家 能 源 局 南 方 监 管 局), then a purpose sentence (济南市民营经济发展局 2020)
        ("0240", "0124", "为落实济南市国家新一代人工智能创新发展试验区建设工作"),
    ],
)
def test_a_text_opens_at_the_paragraph_that_says_it_is_made(before: str, after: str, opening: str) -> None:
    first, second = _text(before), _text(after)
    assert second.lstrip(BLANKS).startswith(opening.lstrip(BLANKS))
    for join in ("\n\n", "\n", "\n----\n"):
        starts = _starts(first + join + second)
        assert len(starts) == 2 and starts[1] == len(first) + len(join), (join, starts)


@pytest.mark.parametrize(
    ("number", "line"),
    [
        # the enclosed text's purpose paragraph under its title, after the cover's signed date (国务院办公厅 2019:
        # 国家组织药品集中采购和使用试点方案 / 根据党中央、国务院部署,…,制定本方案。; 工业和信息化部办公厅 and others 2022:
        # 附件1 / 智能制造试点示范行动实施方案 / 为深化智能制造推广应用,…,制定本方案。)
        ("0022", "开展国家组织药品集中采购和使用试点，制定本方案。"),
        ("0074", "保证智能制造试点示范行动有序开展，制定本方案。"),
    ],
)
def test_a_purpose_paragraph_of_an_enclosed_text_stays_in_its_document(number: str, line: str) -> None:
    text = _text(number)
    assert line in text
    assert len(_starts(text)) == 1


@pytest.mark.parametrize(
    ("before", "after", "opening"),
    [
        # a text's first paragraph that PDF text broke into short lines, read whole: after a signed date (交通运输部办公厅 /
        # 2013年9月24日), 近年来,各产煤省区、煤炭企业认真贯彻落实党中央、国务 / 院加快… (国家能源局 2023); after a public-access
        # note (公开方式:主动公开, 广州市残疾人联合会), 有色金属行业是制造业的重要基础产业之一,是实现制 / 造强国的… (工业和信息化部 2023)
        ("0041", "0062", "近年来，各产煤省区、煤炭企业认真贯彻落实党中央、国务"),
        ("0268", "0066", "有色金属行业是制造业的重要基础产业之一，是实现制"),
        # an addressee to all of a kind over such a paragraph (济南市工业和信息化局 2021: 各区县（功能区）工信部门，各有关单位： /
        # 《济南“鲲鹏+昇腾”生态创新中心、华为（济南）软件开 / 发云创新中心、…), after a text with headings and no end (卫生部 2001)
        ("0235", "0135", "各区县（功能区）工信部门，各有关单位："),
    ],
)
def test_a_paragraph_broken_into_short_lines_opens_a_text(before: str, after: str, opening: str) -> None:
    first, second = _text(before), _text(after)
    assert second.lstrip(BLANKS).startswith(opening)
    for join in ("\n\n", "\n", "\n----\n"):
        starts = _starts(first + join + second)
        assert len(starts) == 2 and starts[1] == len(first) + len(join), (join, starts)


def test_self_purpose_screen_covers_every_declared_opening():
    """segment.self_purpose's quick screen (tags.opens_with) is grammar data: every example the rule
    declares (山东省人民政府办公厅, 济南市人民政府, 山东省工业和信息化厅 openings) starts with one of its characters,
    so the screen never hides a paragraph the pattern would read."""
    import tomllib
    from pathlib import Path

    from sztext.grammar import load_grammar

    opens = str(load_grammar().rule("segment.self_purpose").tags["opens_with"])
    assert opens
    spec = tomllib.loads((Path(__file__).parents[3] / "grammars" / "segment.toml").read_text(encoding="utf-8"))
    (rule,) = [r for r in spec["rule"] if r["id"] == "segment.self_purpose"]
    for example in rule["examples"]:
        assert example["text"].lstrip(" \u3000")[:1] in opens, example["text"]


def _joined_starts_ok(*numbers: str) -> None:
    """Texts joined as an archive joins them (a blank line, none, a ---- line): a start at each text after the first."""
    texts = [_text(n) for n in numbers]
    for join in ("\n\n", "\n", "\n----\n"):
        want, pos = [], 0
        for t in texts:
            want.append(pos)
            pos += len(t) + len(join)
        starts = _starts(join.join(texts))
        assert len(starts) == len(texts) and starts[1:] == want[1:], (join, starts, want)


@pytest.mark.parametrize(
    ("before", "after", "opening"),
    [
        # a regulation's article with its own sentence, no last article printed (第二十一条 辅警履行职责应当接受社会监督。, 宁波市人大
        # 常委会 2020) or a judicial interpretation's last one (第十七条 本解释自2015年12月16日起施行。…, 最高人民法院、最高人民检察院
        # 2015), then a paragraph that says it makes its own text (…,制定以下措施。 山东省科学技术厅 and others 2024; …,特制定本实施
        # 方案。 山东省人民政府办公厅 2024): segment.article_item, segment.toml item_sentence_min
        ("0416", "0164", "为深入贯彻习近平总书记关于数字经济发展的重要论述"),
        ("0361", "0162", "为深入实施创新驱动发展战略"),
        ("0416", "0162", "为深入实施创新驱动发展战略"),
        ("0361", "0164", "为深入贯彻习近平总书记关于数字经济发展的重要论述"),
    ],
)
def test_a_self_naming_paragraph_right_under_an_article_opens_a_text(before: str, after: str, opening: str) -> None:
    assert _text(after).startswith(opening)
    _joined_starts_ok(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a signed 函 (山东省应急管理厅 2020) or a text with headings and no end (卫生部 2001), then a title over a one-line paragraph
        # that closes naming what it makes (山东省“十四五”教育事业发展规划 / “十四五”时期是…,制定本规划。, 山东省人民政府 2021)
        ("0189", "0129"),
        ("0235", "0129"),
    ],
)
def test_a_title_over_a_paragraph_naming_what_it_makes_opens_a_text(before: str, after: str) -> None:
    assert _text(after).startswith("山东省“十四五”教育事业发展规划")
    _joined_starts_ok(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a page whose QR caption 扫一扫在手机打开当前页 (emptied by noise.widget_line) closes its article (天河区教育局 2026;
        # 广州市政务服务数据管理局 2024), then a text without its title (国家能源局 2023; 国家旅游局 2015): segment.page_end_widget
        ("0249", "0062"),
        ("0270", "0036"),
        ("0270", "0062"),
        ("0249", "0036"),
    ],
)
def test_a_page_closing_widget_line_ends_its_page(before: str, after: str) -> None:
    _joined_starts_ok(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a document's 版记 (抄送：… / 山东省人民政府办公厅2019年3月15日印发; 济南市人民政府办公厅 2019年1月3日印发; 山东省人民政府办公厅
        # 2020年12月10日印发), then a first article (国家能源局 2020), a first item (中国气象局 2024) or a paragraph on something else
        # (国家旅游局 2015)
        ("0169", "0105"),
        ("0170", "0105"),
        ("0120", "0025"),
        ("0170", "0036"),
    ],
)
def test_a_printed_line_ends_its_document(before: str, after: str) -> None:
    _joined_starts_ok(before, after)


@pytest.mark.parametrize(
    "numbers",
    [
        # a single-line OCR notice in an archive, whole up to its signed date (山东省能源局 2020; 山东省住房和城乡建设厅 2020), then an
        # addressee over its text (北京工业大学：, 交通运输部 2022; 各市人民政府，…各高等院校：, 山东省人民政府 2019)
        ("0425", "0216", "0075"),
        ("0425", "0218", "0075"),
        ("0425", "0216", "0168"),
        ("0361", "0218", "0075"),
    ],
)
def test_an_addressee_after_a_whole_notice_on_the_line_before_opens_a_text(numbers: tuple[str, ...]) -> None:
    _joined_starts_ok(*numbers)


def test_a_second_purpose_paragraph_under_a_text_without_its_title_is_no_start() -> None:
    """交通运输部 2011 (devcorpus 0038) opens “城市公共交通智能化应用示范工程”是… and only its second paragraph says what it makes
    (为更好指导…,制定本指南。): after a regulation's article (浙江省 2017, 0422: 第十六条 …) the second paragraph is not under an
    article, so it opens nothing (the text is merged into the one before, never cut inside)."""
    first, second = _text("0422"), _text("0038")
    for join in ("\n\n", "\n", "\n----\n"):
        starts = _starts(first + join + second)
        assert all(s <= len(first) + len(join) for s in starts), (join, starts)
