"""Line classification per input format (issue 14): single-line OCR notices whose 版头, title and
addressee run together, and the other layouts of the dev corpus whose title line was missed. Each
class is shown on real lines quoted from the files, from at least two issuers."""

from __future__ import annotations

import sztext
from sztext import load_grammar
from sztext.segment import classify, logical_lines

G = load_grammar()


def _pieces(text: str) -> list[tuple[str, str]]:
    return [(classify(text, ln, G)[0].value, text[ln.start : ln.end]) for ln in logical_lines(text, G)]


def test_short_runon_letter_is_cut_at_its_repeated_banner_title_and_addressee() -> None:
    # devcorpus 0174 (山东省应急管理厅, 174 characters: shorter than a run-on line used to be)
    text = ("山东省应急管理厅山东省应急管理厅关于更换电话号码的函省直各部门(单位):因工作需要,自2021年10月30日起,"
            "省应急管理厅更换电话号码,现将通信地址和部分电话号码更换情况函告如下:地址:济南市泪龙路X 号")
    assert _pieces(text)[:3] == [
        ("metadata", "山东省应急管理厅"),
        ("title", "山东省应急管理厅关于更换电话号码的函"),
        ("addressee", "省直各部门(单位):"),
    ]
    n = sztext.parse(text)
    assert n.title is not None and n.title.clean == "山东省应急管理厅关于更换电话号码的函"
    assert n.doc_type == "函"


def test_repeated_banner_is_not_part_of_the_title() -> None:
    # devcorpus 0218 (山东省住房和城乡建设厅)
    text = ("山东省住房和城乡建设厅山东省住房和城乡建设厅关于会签《关于成立省保障群众温暖过冬办公室的通知》的函"
            "省清洁取暖建设推进办公室成员单位:根据国家和省委、省政府关于今冬明春供暖保障工作的部署要求,按照省领导同志指示,"
            "进入采暖季后,依托省清洁取暖建设推进办公室,成立省保障群众温暖过冬办公室。")
    n = sztext.parse(text)
    assert n.title is not None and n.title.clean == "山东省住房和城乡建设厅关于会签《关于成立省保障群众温暖过冬办公室的通知》的函"


def test_runon_title_without_guanyu_before_an_addressee() -> None:
    # devcorpus 0216 (山东省能源局) and 0192 (西安高新区…领导小组办公室)
    energy = ("山东省能源局会议通知国网山东省电力公司:为做好全省非化石能源消费和电量统计工作,省能源局、省统计局定于11月5日"
              "下午15:00,在你单位召开对接座谈会,请相关负责同志参会,并做好会议组织工作。")
    assert _pieces(energy)[:2] == [("title", "山东省能源局会议通知"), ("addressee", "国网山东省电力公司:")]
    letter = ("西安高新区根治拖欠农民工工资工作领导小组办公室工作联系函国网陕西省电力公司:2020年1月5日,30余名农民工来高新区"
              "管委会反映贵单位建设的现周至330KV送出工程项目拖欠农名工工资120余万元,现场民工情绪激动。")
    n = sztext.parse(letter)
    assert n.title is not None and n.title.clean == "西安高新区根治拖欠农民工工资工作领导小组办公室工作联系函"
    assert n.doc_type == "函"


def test_a_sentence_that_names_a_type_is_no_bare_title() -> None:
    # a first line of body text is not cut: no issuing body opens it
    text = "为做好全省非化石能源消费和电量统计工作的通知各单位:请相关负责同志参会,并做好会议组织工作,按时报送材料。"
    assert _pieces(text)[0][0] != "title"


def test_title_line_ending_in_its_number_in_brackets_is_two_lines() -> None:
    # devcorpus 0245 (page dump of 国家能源局福建监管办公室), corpus 0045 (四川省发展和改革委员会)
    fujian = "福建能源监管办关于征求《福建省电力市场交易规则(试行)》拟修订和补充条款意见的函(闽监能函[2018]148 号)\n设为首页\n"
    assert _pieces(fujian)[:2] == [
        ("title", "福建能源监管办关于征求《福建省电力市场交易规则(试行)》拟修订和补充条款意见的函"),
        ("doc_number", "(闽监能函[2018]148 号)"),
    ]
    sichuan = "关于印发《四川省深化新能源上网电价市场化改革实施方案》的通知(川发改价格[2025]480号)\n各市(州)发展改革委:\n"
    assert [kind for kind, _ in _pieces(sichuan)][:3] == ["title", "doc_number", "addressee"]
    # a bracketed note that is no number stays on the title line
    note = "深圳市人民政府关于印发若干措施的通知(试行)\n"
    assert len(_pieces(note)) == 1


def test_runon_title_is_the_last_ending_before_the_addressee() -> None:
    # devcorpus 0224 (国网人资部): 关于批复 is no end of the title, 公司各单位: is the addressee
    text = ("普通事项国家电网有限公司部门文件人资计〔2022〕24号国网人资部关于批复2022年第二批核准录用高校毕业生人选的通知"
            "公司各单位：现将公司第二批核准录用毕业生人选（见附件1，另发）批复给你们，请于8月15日前，在公司人力资源招聘平台"
            "（以下简称“招聘平台”）的“招聘动态”栏目完成招聘结果公示。")
    n = sztext.parse(text)
    assert n.title is not None and n.title.clean == "国网人资部关于批复2022年第二批核准录用高校毕业生人选的通知"
    assert n.doc_type == "通知"


def test_a_sentence_naming_interpretations_before_a_colon_opens_no_document() -> None:
    # devcorpus 0364 (最高人民法院 2020): …等二十九件司法解释 ends like a title, but the sentence has a comma
    text = ("# 最高人民法院关于修改《最高人民法院关于破产企业国有划拨土地使用权应否列入破产财产等问题的批复》等二十九件商事类司法解释的决定\n\n"
            "2020年12月23日 最高人民法院审判委员会第1823次会议通过\n\n"
            "根据审判实践需要，经最高人民法院审判委员会第1823次会议决定，对《最高人民法院关于破产企业国有划拨土地使用权应否列入破产财产等问题的批复》"
            "等二十九件司法解释等作如下修改：\n\n一、修改《最高人民法院关于破产企业国有划拨土地使用权应否列入破产财产等问题的批复》\n")
    assert len(sztext.parse_archive(text)) == 1


def test_judicial_interpretation_title_and_type() -> None:
    # devcorpus 0361 (2015) and 0360 (2004): joint 最高人民法院、最高人民检察院 interpretations in Markdown
    text = "# 最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释\n\n<!-- INFO END -->\n\n为依法惩治危害生产安全犯罪,根据刑法有关规定,现就办理此类刑事案件适用法律的若干问题解释如下:\n"
    n = sztext.parse(text)
    assert n.title is not None and n.title.clean == "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释"
    assert n.doc_type == "解释"


def test_runon_banner_ending_in_bangongshi_runs_into_its_number() -> None:
    # devcorpus 0226 (国家电网有限公司乡村振兴工作办公室) and 0202 (山东省生态环境委员会办公室)
    grid = ("普通事项国家电网有限公司乡村振兴工作办公室国网乡振办〔2022〕8号关于对2022年第一批“电力爱心超市”验收报告的批复"
            "国网河北电力，国网冀北电力，国网山西电力，国网山东电力，国网福建电力：你单位报送的验收报告收悉。经研究，现批复如下。")
    n = sztext.parse(grid)
    assert n.doc_number is not None and n.doc_number.clean == "国网乡振办〔2022〕8号"
    assert n.title is not None and n.title.clean == "关于对2022年第一批“电力爱心超市”验收报告的批复"
    assert n.doc_type == "批复"
    env = ("山东省生态环境厅会签稿纸山东省生态环境委员会办公室鲁环委办便函〔2021)7号山东省生态环境委员会办公室商请会签"
           "《关于调整省生态环境委员会专项小组组成人员的通知(会签稿)》的函各专项小组成员单位:根据人员变动情况和工作需要，"
           "拟对省生态环境委员会各专项小组组成人员进行调整。")
    n = sztext.parse(env)
    assert n.doc_number is not None and n.doc_number.clean == "鲁环委办便函〔2021)7号"
    assert n.doc_type == "函"


def test_issuer_lines_above_guanyu_are_part_of_the_title() -> None:
    # corpus 0042 (重庆市经济和信息化委员会 and four co-issuers) and devcorpus 0015 (国务院办公厅, gov.cn fragment)
    chongqing = ("重庆市经济和信息化委员会\n重庆市财政局\n中共重庆市委金融委员会办公室\n国家金融监督管理总局重庆监管局\n重庆市商务委员会\n"
                 "关于印发《重庆市支持智能网联新能源商用车\n产业发展政策措施（2025—2027年）》的通知\n渝经信规范〔2025〕13号\n各有关单位：\n")
    n = sztext.parse(chongqing)
    assert n.title is not None and "".join(n.title.clean.split()) == (
        "重庆市经济和信息化委员会重庆市财政局中共重庆市委金融委员会办公室国家金融监督管理总局重庆监管局重庆市商务委员会"
        "关于印发《重庆市支持智能网联新能源商用车产业发展政策措施（2025—2027年）》的通知")
    office = "国务院办公厅\n关于湖北省在温家宝总理考察工作时\n所提问题和建议办理情况的函\n国办函〔2004〕25号\n湖北省人民政府：\n"
    n = sztext.parse(office)
    assert n.title is not None and "".join(n.title.clean.split()) == "国务院办公厅关于湖北省在温家宝总理考察工作时所提问题和建议办理情况的函"
    assert n.doc_type == "函"


def test_a_texts_own_title_broken_over_its_first_two_lines() -> None:
    # 北大法宝 body cells: devcorpus 0145 (青岛市, a blank line between the pieces) and 0069 (工业和信息化部办公厅)
    qingdao = "青岛市支持省级数字经济园区建设等\n\n奖补政策实施细则\n\n \n\n第一章  总则\n\n第一条  为支持省级数字经济园区和全国电子信息百强、互联网百强企业发展,制定本细则。\n"
    n = sztext.parse(qingdao)
    assert n.title is not None and n.title.clean == "青岛市支持省级数字经济园区建设等奖补政策实施细则"
    assert n.doc_type == "细则"
    guide = "石化行业智能制造标准体系\n建设指南\n(2022 版)\n一、总体要求\n"
    assert [kind for kind, _ in _pieces(guide)][:2] == ["enclosed_title", "enclosed_title"]
    # two short lines further down are not a title
    later = "一、总体要求\n石化行业智能制造标准体系\n建设指南\n"
    assert "enclosed_title" not in [kind for kind, _ in _pieces(later)][:2]


def test_the_draft_a_countersign_letter_encloses_is_no_document() -> None:
    # devcorpus 0202 (山东省生态环境委员会办公室): after the letter's date, the draft (会签稿) with its own addressee
    text = ("山东省生态环境厅会签稿纸山东省生态环境委员会办公室鲁环委办便函〔2021)7号山东省生态环境委员会办公室商请会签"
            "《关于调整省生态环境委员会专项小组组成人员的通知(会签稿)》的函各专项小组成员单位:根据人员变动情况和工作需要，"
            "拟对省生态环境委员会各专项小组组成人员进行调整。请于3月5日前反馈我办。感谢支持!山东省生态环境委员会办公室2021年3月1日"
            "山东省生态环境委员会关于调整省生态环境委员会专项小组组成人员的通知(会签稿)各专项小组成员单位:根据人员变动情况和工作需要，"
            "省生态环境委员会对下设的专项小组组成人员进行了调整。现将名单公布如下:")
    assert len(sztext.parse_archive(text)) == 1


def test_runon_letter_without_guanyu_glued_after_another_text_opens_a_document() -> None:
    # devcorpus 0216 (山东省能源局) after a text of another issuer (0192's letter, 西安高新区…领导小组办公室)
    text = ("西安高新区根治拖欠农民工工资工作领导小组办公室工作联系函国网陕西省电力公司:2020年1月5日,30余名农民工来高新区"
            "管委会反映贵单位建设的现周至330KV送出工程项目拖欠农名工工资120余万元,现场民工情绪激动。\n"
            "山东省能源局会议通知国网山东省电力公司:为做好全省非化石能源消费和电量统计工作，省能源局、省统计局定于11月5日"
            "下午15:00，在你单位召开对接座谈会，请相关负责同志参会，并做好会议组织工作。山东省能源局2020年11月4日\n")
    notices = sztext.parse_archive(text)
    assert len(notices) == 2
    start = notices[1].source.span[0]
    assert text[start : start + 10] == "山东省能源局会议通知"
    # (the glued letter's line is not cut into title and addressee: only a text's first line is)
