"""A regulation rendered with its promulgation note and no signature (issue 14): the note's date
is the published date, and the body the title starts with is the issuer when the decree is that
body's. Lines quoted from Markdown renderings of 国务院 regulations (devcorpus 0309, 0311)."""

from __future__ import annotations

import datetime as dt

import pytest

import sztext


@pytest.mark.parametrize(
    ("title", "note", "issuer", "published"),
    [
        ("# 国务院关于经营者集中申报标准的规定", "2008年8月3日 国务院令第529号公布", "国务院", dt.date(2008, 8, 3)),
        ("# 国务院关于职工工作时间的规定", "1994年2月3日 中华人民共和国国务院令第146号发布　", "国务院", dt.date(1994, 2, 3)),
    ],
)
def test_promulgation_note(title: str, note: str, issuer: str, published: dt.date) -> None:
    text = f"{title}\n\n{note}\n\n第一条 为了明确申报标准，制定本规定。\n\n第二条 本规定自公布之日起施行。\n"
    n = sztext.parse(text)
    assert [i.clean for i in n.issuers] == [issuer]
    assert n.published_date is not None and n.published_date.value == published
    # 自公布之日起施行: from the published date (dates.toml issue_date)
    assert n.effective is not None and n.effective.from_ == published
    for v in n.issuers:
        assert text[v.span[0] : v.span[1]] == v.text


def test_a_decree_of_another_body_names_no_issuer() -> None:
    # the title names 国务院 but the note a ministry's decree: the document does not say who issued it
    text = "# 国务院关于某某事项的规定\n\n2022年6月6日 中华人民共和国国家安全部令第2号公布\n\n第一条 为了规范管理，制定本规定。\n"
    n = sztext.parse(text)
    assert n.issuers == []
    assert n.published_date is not None and n.published_date.value == dt.date(2022, 6, 6)
