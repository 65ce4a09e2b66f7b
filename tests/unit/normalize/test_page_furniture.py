"""Page furniture removed by the noise stage: font-size switchers and share widgets as the pages
of several sites print them (noise.font_size_widget, noise.share_close), and body sentences that
mention 字体 / 字号 / 分享 / 打印 / 关闭 and stay. Lines are copied from the corpus files named."""

from __future__ import annotations

import pytest

import sztext
from sztext.normalize import normalize

FURNITURE = [
    # samples/004: 深圳市商务局 and 深圳市市场监督管理局 pages
    ("来源： 深圳市商务局 日期：2024-01-19 字号：[大中小] 人工智能朗读：", "noise.font_size_widget", "字号：[大中小]"),
    ("来源：深圳市市场监督管理局日期：2023-06-05 17:55字号：【大  中  小】", "noise.font_size_widget", "字号：【大  中  小】"),
    # devcorpus 0239 (江苏能源监管办): one size per line
    ("来源：江苏能源监管办\nAa\n字体：\n小\n|\n中\n|\n大\n江苏电力交易中心，各售电企业：", "noise.font_size_widget", "字体：\n小\n|\n中\n|\n大"),
    # devcorpus 0262 (广东 市人社局 社保中心)
    ("发表时间： 2021-08-05 11:23 信息来源： 市人社局 社保中心 浏览字号：大中小", "noise.font_size_widget", "浏览字号：大中小"),
    # devcorpus 0260 (广州市人力资源和社会保障局)
    ("发布日期：2022-05-06 16:41:53 文章来源：广州市人力资源和社会保障局 字体大小：【 A- A A+ 】", "noise.font_size_widget", "字体大小：【 A- A A+ 】"),
    # devcorpus 0269 (广州市民政局)
    ("2022-11-16 来源: 广州市民政局\n【字号: 大 中 小 】\n分享", "noise.font_size_widget", "【字号: 大 中 小 】"),
    # corpus 0044 (北京市发展和改革委员会): the close mark of the share button
    ("北京市发展和改革委员会关于公开征集市政府固定资产投资支持新能源供热项目的通知\n分享:\nX\n各有关单位：", "noise.share_close", "X"),
    # devcorpus 0254 (广州, source 广州日报): the share counter
    ("来源：广州日报\n分享到\n-次\n职工医保个人账户共济范围扩至近亲属", "noise.share_close", "-次"),
    # devcorpus 0262 (广东 市人社局 社保中心): 分享 after the view counter (浏览次数： - is noise.view_counter)
    ("浏览次数： - 分享\n分享文章到\n扫一扫在手机打开当前页", "noise.share_close", "分享"),
]


@pytest.mark.parametrize(("text", "rule_id", "removed"), FURNITURE)
def test_widget_is_removed_and_the_rest_kept(grammar: sztext.Grammar, text: str, rule_id: str, removed: str) -> None:
    view = normalize(text, grammar)
    mine = [e for e in view.edits if e.rule_id == rule_id]
    assert [text[e.start : e.end] for e in mine] == [removed]
    assert view.clean.count(removed) == text.count(removed) - 1
    assert view.clean.replace("\n", "") != ""


BODY = [
    "（一）文字、符号、数字的字号、字体、字高不规范，出现错别字、多字、漏字、繁",  # devcorpus 0358
    "积极实行以增加知识价值为导向的分配政策，加快科技成果转化改革措施落实，提高科研人员成果转化收益分享比例。",  # devcorpus 0141
    "科目列示，由全省工商业用户分摊或分享（不含藏区留存电量、弃水电量消纳",  # corpus 0045
    "验收不合格的，由有关地方人民政府予以关闭。",  # devcorpus 0312
    "目前，电子居住证已提供下载打印版方便各种用证场景需要，来穗人员自行下载打印电子居住证，可作为居住证明的办事材料",  # devcorpus 0271
    "大中小学校全部开设劳动教育必修课，分学段、分年级",  # devcorpus 0129
]


@pytest.mark.parametrize("text", BODY)
def test_body_sentence_is_not_furniture(grammar: sztext.Grammar, text: str) -> None:
    view = normalize(text, grammar)
    assert view.edits == ()
    assert view.clean == text
