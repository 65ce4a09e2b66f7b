"""A reprint page's title line inside 《》 (segment.quoted_title): the title, read without its 《》.
The lines are quoted from real pages (whitespace shortened)."""

from __future__ import annotations

import sztext

# tests/devcorpus/extra e115 (黑龙江省人民政府, 黑政发〔2019〕5号, 0798ci.com/policy/102804.html), lines 1-49
HEILONGJIANG = (
    "黑政发〔2019〕5号《黑龙江省人民政府关于印发〈黑龙江省人民政府工作规则〉的通知》\n\n"
    "浏览量:          时间:2021-02-07 10:33:39\n\n"
    "《黑龙江省人民政府关于印发〈黑龙江省人民政府工作规则〉的通知》\n\n\n\n"
    "黑政发〔2019〕5号\n\n\n\n"
    "各市(地)人民政府(行署),省政府各直属单位:\n\n\n\n"
    "现将修订后的《黑龙江省人民政府工作规则》予以印发,请遵照执行。\n\n\n\n"
    "黑龙江省人民政府\n\n\n\n2019年5月14日\n"
)
# 成都市人民政府, 成府發〔2014〕7號 on per-better.com/rule/46420.html (the same page layout), its header
CHENGDU = (
    "成府發〔2014〕7號《成都市人民政府關於印發〈成都市市級財政專項資金管理暫行辦法〉的通知》\n\n"
    "瀏覽量:          時間:2018-11-14 08:56:07\n\n"
    "《成都市人民政府關於印發〈成都市市級財政專項資金管理暫行辦法〉的通知》\n\n\n\n"
    "成府發〔2014〕7號\n\n\n\n\n\n"
    "各區(市)縣政府,市政府各部門:\n\n"
    "《成都市市級財政專項資金管理暫行辦法》已經市政府同意,現印發你們,請認真貫徹執行。\n\n\n\n\n\n"
    "成都市人民政府\n\n2014年2月10日\n"
)


def test_a_title_line_inside_book_marks_is_the_title() -> None:
    # the page's heading and stamp lines come before the document (text_before_first_document)
    [notice] = sztext.parse_archive(HEILONGJIANG)
    assert notice.title is not None and notice.title.clean == "黑龙江省人民政府关于印发〈黑龙江省人民政府工作规则〉的通知"
    assert notice.doc_type == "通知" and notice.doc_number is not None and notice.doc_number.clean == "黑政发〔2019〕5号"
    [notice] = sztext.parse_archive(CHENGDU)
    assert notice.title is not None and notice.title.clean == "成都市人民政府關於印發〈成都市市級財政專項資金管理暫行辦法〉的通知"


def test_a_quoted_title_inside_a_sentence_is_no_title_line() -> None:
    text = "某某市人民政府关于做好有关工作的通知\n某府〔2024〕6号\n各区人民政府:\n《规划》已印发。\n某某市人民政府\n2024年5月18日\n"
    assert sztext.parse(text).title.clean == "某某市人民政府关于做好有关工作的通知"
