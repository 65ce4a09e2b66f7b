"""A decree (令) is issued by the body its header names and signed by a person (issue 14):
``issuer`` is the body, ``signer`` the person's line."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    ("path", "issuer", "signer", "number"),
    [
        # 中华人民共和国国务院令 / 第707号 … 总理　　李克强 / 2018年12月18日
        ("corpus/0004_gov_cn_guoling_707_2018.html", "中华人民共和国国务院", "总理　　李克强", "中华人民共和国国务院令第707号"),
        # 广州市人民政府令 / 第179号 … 市　长：温国辉 / 2021年1月29日
        ("corpus/0023_guangzhou_zhengfuling_179_2021.html", "广州市人民政府", "市　长：温国辉", "广州市人民政府令第179号"),
    ],
)
def test_decree_issuer_is_the_body_and_signer_the_person(path: str, issuer: str, signer: str, number: str) -> None:
    notice = sztext.parse_file(SHARED / path)[0]
    assert notice.doc_type == "令"
    # the serial on the line under the decree's header (docnumber.decree_serial_line)
    assert notice.doc_number is not None and notice.doc_number.clean == number
    assert notice.issuer is not None and notice.issuer.clean == issuer
    assert [i.clean for i in notice.issuers] == [issuer]
    assert notice.signer is not None and notice.signer.text == signer


def test_shenzhen_decree_header_with_serial_in_brackets() -> None:
    # samples/004 l.3040: 深圳市人民政府令（第310号）… 市长   陈如桂 / 2018年7月9日
    notice = sztext.parse_file(ROOT / "samples" / "004_dc8ab61eb0bb8ed1.txt")[30]
    assert notice.issuer is not None and notice.issuer.text == "深圳市人民政府"
    assert notice.signer is not None and notice.signer.text == "市长   陈如桂"


def test_a_notice_has_no_signer() -> None:
    n = sztext.parse("深圳市人民政府关于印发若干措施的通知\n深府规〔2024〕6号\n各区人民政府，市政府直属各单位：\n"
                     "现将《若干措施》印发给你们。\n深圳市人民政府\n2024年5月18日\n")
    assert n.signer is None and n.issuer is not None and n.issuer.text == "深圳市人民政府"


class _CountingBlocks(list):  # type: ignore[type-arg]
    """The blocks of a document, counting how often the signature reader looks at one."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        _CountingBlocks.reads += 1
        return super().__getitem__(i)


@pytest.mark.parametrize("lines", [1000, 4000])
def test_a_long_run_of_agency_lines_is_read_in_linear_steps(lines: int) -> None:
    # hostile input of issue 16: runs of short agency-name lines (each a possible signature line)
    from sztext.header import Header, read_signature
    from sztext.normalize import normalize
    from sztext.segment import segment_archive
    from sztext.tokenize import tokenize

    grammar = sztext.load_grammar()
    view = normalize("\n".join(["市财政局"] * lines) + "\n", grammar)
    blocks = _CountingBlocks(tokenize(view, segment_archive(view, grammar)[0], grammar))
    _CountingBlocks.reads = 0
    read_signature(view, blocks, grammar, Header())
    assert _CountingBlocks.reads < 10 * lines  # before: every line rescanned the run to its end


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # devcorpus 0286 (Markdown record of a State Council regulation)
        ("# 个人存款账户实名制规定\n\n2000年3月20日 中华人民共和国国务院令第285号发布\n\n2000年4月1日 施行\n\n"
         "第一条 为了保证个人存款账户的真实性，维护存款人的合法权益，制定本规定。\n", "中华人民共和国国务院"),
        # devcorpus 0352 (a ministry-level agency's rules)
        ("# 处方药与非处方药分类管理办法（试行）\n\n1999年6月18日 国家药品监督管理局令第10号公布\n\n2000年1月1日 施行\n\n"
         "第一条 为保障人民用药安全有效、使用方便，制定本办法。\n", "国家药品监督管理局"),
    ],
)
def test_the_body_of_a_promulgation_note_issues_an_unsigned_text(text: str, issuer: str) -> None:
    notice = sztext.parse(text)
    assert [i.clean for i in notice.issuers] == [issuer] and notice.doc_type == "令"
    notice.verify()


@pytest.mark.parametrize(
    ("title", "issuers"),
    [
        # devcorpus 0068 and 0100 (北大法宝 body cells: no signature printed)
        ("商务部关于公布首批全国示范智慧商圈、全国示范智慧商店名单的通知", ["商务部"]),
        ("交通运输部科技司关于做好科技创新2030-“新一代人工智能”重大项目2021年度项目申报工作的通知", ["交通运输部科技司"]),
        # a joint title, and a body whose name holds 和
        ("住房和城乡建设部、财政部关于印发某某管理办法的通知", ["住房和城乡建设部", "财政部"]),
        # a bare place before 关于 names nobody (samples/004 document 0's title)
        ("深圳市关于推动电子商务加快发展的若干措施", []),
    ],
)
def test_without_a_signature_the_bodies_the_title_names_issue_it(title: str, issuers: list[str]) -> None:
    notice = sztext.parse(f"{title}\n各有关单位：\n现将有关事项通知如下。\n一、做好申报工作。\n")
    assert [i.clean for i in notice.issuers] == issuers
    notice.verify()


# devcorpus 0112 (住房和城乡建设部 and 12 other bodies, 2020): 13 signature lines, then the date
_JOINT_13 = (
    "中华人民共和国住房和城乡建设部\n中华人民共和国国家发展和改革委员会\n中华人民共和国科学技术部\n"
    "中华人民共和国工业和信息化部\n中华人民共和国人力资源和社会保障部\n中华人民共和国生态环境部\n"
    "中华人民共和国交通运输部\n中华人民共和国水利部\n国家税务总局\n国家市场监督管理总局\n"
    "中国银行保险监督管理委员会\n国家铁路局\n中国民用航空局\n2020年7月3日\n"
)
_OPENING = "关于推动智能建造与建筑工业化协同发展的指导意见\n各省、自治区、直辖市住房和城乡建设厅：\n现提出如下意见。\n"


def test_a_real_joint_signature_is_read_whole() -> None:
    notice = sztext.parse(_OPENING + _JOINT_13)
    assert len(notice.issuers) == 13 and notice.issuers[-1].clean == "中国民用航空局"
    assert "issuers_capped" not in [w.code for w in notice.warnings]


def test_a_signature_past_max_issuers_keeps_its_lines_in_the_text(tmp_path: Path) -> None:
    # header.toml [table.tunables] max_issuers (64 shipped) set to 10 by an overlay: the first 10
    # bodies of 0112's signature are the issuers, the other 3 lines stay signature lines of the text
    assert sztext.load_grammar().table("header", "tunables")["max_issuers"] == 64
    (tmp_path / "header.toml").write_text('version = 1\ndescription = "overlay"\n[table.tunables]\nmax_issuers = 10\n', encoding="utf-8")
    text = _OPENING + _JOINT_13
    notice = sztext.parse(text, options=sztext.Options(grammar_dir=str(tmp_path)))
    assert [i.clean for i in notice.issuers][-1] == "国家市场监督管理总局" and len(notice.issuers) == 10
    (capped,) = [w for w in notice.warnings if w.code == "issuers_capped"]
    assert capped.span is not None
    assert text[capped.span[0] : capped.span[1]] == "中国银行保险监督管理委员会\n国家铁路局\n中国民用航空局"
    assert notice.signed_date is not None and notice.signed_date.text == "2020年7月3日"
    notice.verify()  # every character still in the outline


def test_thousands_of_agency_lines_give_at_most_max_issuers() -> None:
    # bench/hostile.py agency_lines (issue 16): 6,000 lines of 市财政局, no date
    text = "市财政局\n" * 6000
    notice = sztext.parse(text)
    assert len(notice.issuers) == 64
    (capped,) = [w for w in notice.warnings if w.code == "issuers_capped"]
    assert capped.span == (64 * 5, len(text) - 1)
    assert sum(n.text.count("市财政局") for n in notice.nodes()) == 6000
    notice.verify()
