"""Stage 1, HTML: the text sztext extracts from a page, and that nothing reaches the network or
expands an entity.

Synthetic pages reproduce the shapes of the corpus (gov.cn fragments with a metadata table and
td#UCAP-CONTENT; complete gz.gov.cn pages with <meta> fields, menus, a 基本信息 list and a hidden
flattened copy of the text); the corpus cases at the end check real files when
``../shared/corpus`` is present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.load import html_to_text, load_path, looks_like_html

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"

GOV_CN_FRAGMENT = """<div class="wrap">
 <table class="bd1"><tbody>
  <tr><td><b>索 引 号：</b></td><td>000014349/2019-00005</td><td><b>主题分类：</b></td><td>科技、教育\\教育</td></tr>
  <tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2019年01月24日</td></tr>
  <tr><td><b>标　　题：</b></td><td colspan="3">国务院关于印发国家职业教育改革实施方案的通知</td></tr>
  <tr><td><b>发文字号：</b></td><td>国发〔2019〕4号</td><td><b>发布日期：</b></td><td>2019年02月13日</td></tr>
 </tbody></table>
 <table><tbody><tr><td><b>主 题 词：</b></td><td></td></tr></tbody></table>
 <table><tbody><tr><td id="UCAP-CONTENT">
  <p><span>国务院关于印发国家职业教育改革</span></p>
  <p><span>实施方案的通知</span></p>
  <p>国发〔2019〕4号</p>
  <p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
  <p>现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。现将《国家职业教育改革实施方案》印发给你们。</p>
  <p>国务院&nbsp;&nbsp;&nbsp;</p><p>2019年1月24日</p>
 </td></tr></tbody></table>
 <div id="qr_container">扫一扫在手机打开当前页</div>
 <table><tr><td><a href="#">收藏</a> <a href="#">打印</a></td></tr></table>
</div>"""

FULL_PAGE = """<!DOCTYPE html><html><head>
<meta name="ArticleTitle" content="广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知">
<meta name="PubDate" content="2021-04-19 23:04">
<meta name="ContentSource" content="广州市人民政府办公厅">
<meta name="keywords" content="广州市人民政府门户网站">
<title>页面标题</title><script>var x = "<p>不是正文</p>";</script><style>p {color: red}</style></head>
<body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li><li>用户登录</li></ul></div>
<div class="con_left">
 <div class="curb">当前位置：<a href="/">首页</a> &gt; <a href="/g">规范性文件</a></div>
 <ul><li><span>文　　号：</span> 穗府办规〔2021〕7号 </li><li><span>实施日期：</span> 2021年04月16日 </li>
     <li><span id="file_status">文件状态：</span><script>fill()</script></li></ul>
 <div class="news-info"><h1>广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知</h1>
  <div class="share"><a href="#">分享到</a></div>
  <div class="info_cont" id="info_cont">
   <p>穗府办规〔2021〕7号</p>
   <p><strong>广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知</strong></p>
   <p>各区人民政府，市政府各部门、各直属机构：</p>
   <p>　　根据<a href="/law">《社会救助暂行办法》</a>以及国家、省关于特困人员救助供养的有关规定，现就有关工作通知如下：</p>
   <p>　　一、认定范围</p><p>　　本市特困人员认定条件按国家、省有关规定实施，特困人员经济状况核对标准参照本市最低生活保障家庭标准执行。</p>
   <p style="text-align:right">广州市人民政府办公厅</p><p style="text-align:right">2021年4月13日</p>
   <p>【字体：大 中 小】【打印】</p>
  </div>
 </div>
</div>
<div class="bbnr" style="display:none;">广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知穗府办规〔2021〕7号各区人民政府</div>
<div class="footer"><a href="/about">关于我们</a> | <a href="/map">网站地图</a></div>
</body></html>"""


def test_gov_cn_fragment_renders_its_metadata_table_as_lines() -> None:
    text = html_to_text(GOV_CN_FRAGMENT)
    lines = text.split("\n")
    assert lines[:7] == [
        "索引号：000014349/2019-00005",
        "主题分类：科技、教育\\教育",
        "发文机关：国务院",
        "成文日期：2019年01月24日",
        "标题：国务院关于印发国家职业教育改革实施方案的通知",
        "发文字号：国发〔2019〕4号",
        "发布日期：2019年02月13日",
    ]
    assert lines[7:9] == ["国务院关于印发国家职业教育改革", "实施方案的通知"]
    assert "主题词" not in text  # an empty value is no metadata
    assert "扫一扫" not in text and "收藏" not in text  # outside the main text


def test_gov_cn_fragment_parses_as_one_document() -> None:
    notices = sztext.parse_archive(html_to_text(GOV_CN_FRAGMENT))
    assert len(notices) == 1
    notices[0].verify()
    assert notices[0].doc_number is not None and notices[0].doc_number.clean == "国发〔2019〕4号"


def test_full_page_keeps_meta_metadata_and_main_text_only() -> None:
    text = html_to_text(FULL_PAGE)
    lines = text.split("\n")
    assert lines[:5] == [
        "ArticleTitle: 广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知",
        "PubDate: 2021-04-19 23:04",
        "ContentSource: 广州市人民政府办公厅",
        "文号：穗府办规〔2021〕7号",
        "实施日期：2021年04月16日",
    ]
    assert lines[5] == "穗府办规〔2021〕7号"
    for dropped in ("首页", "用户登录", "当前位置", "关于我们", "不是正文", "页面标题", "color", "文件状态", "门户网站"):
        assert dropped not in text, dropped
    # links inside the main text are document text
    assert "根据《社会救助暂行办法》以及国家" in text
    # the hidden flattened copy (display:none) is not read twice
    assert text.count("各区人民政府，市政府各部门") == 1
    # furniture inside the main text stays, for the noise rules to report
    assert "【字体：大 中 小】【打印】" in text


def test_furniture_inside_the_main_text_is_reported_as_noise() -> None:
    text = html_to_text(FULL_PAGE)
    (notice,) = sztext.parse_archive(text)
    notice.verify()
    furniture = [n for n in notice.noise if n.kind == "page_furniture"]
    assert [n.text for n in furniture] == ["【字体：大 中 小】", "【打印】"]
    for n in furniture:
        assert text[n.span[0] : n.span[1]] == n.text
    assert all("字体" not in node.clean for node in notice.nodes())


def test_main_text_widens_to_the_title_above_it() -> None:
    page = """<html><head><meta name="ArticleTitle" content="中华人民共和国市场主体登记管理条例"></head><body>
    <div class="menu"><a href="/">首页</a></div>
    <div class="content"><h1>中华人民共和国市场主体登记管理条例</h1>
     <div class="info">发布日期： 2021-07-30 来源： 国家法律法规数据库 字体大小： 大 中 小</div>
     <div class="article"><p>（2021年7月27日中华人民共和国国务院令第746号公布）</p>
      <p>第一章　总则</p><p>第一条　为了规范市场主体登记管理行为，推进法治化市场建设，维护良好市场秩序。</p>
      <p>第二条　本条例所称市场主体，是指在中华人民共和国境内以营利为目的从事经营活动的自然人、法人。</p></div>
     <div class="share"><a href="#">微信</a> <a href="#">微博</a></div></div>
    </body></html>"""
    lines = html_to_text(page).split("\n")
    assert lines[1:3] == ["中华人民共和国市场主体登记管理条例", "发布日期： 2021-07-30 来源： 国家法律法规数据库 字体大小： 大 中 小"]
    assert "微信" not in lines and "首页" not in lines


def test_a_subtitle_in_a_heading_is_its_own_line() -> None:
    page = """<div class="Article"><h2><span>关于印发《办法》的通知</span>
      <small><span>(发布日期：2019年05月31日</span> <span>文号：沪发改规范〔2019〕7号)</span></small></h2>
      <div id="c"><p>现印发给你们，请按照执行。现印发给你们，请按照执行。现印发给你们。</p></div></div>"""
    assert html_to_text(page).split("\n")[:2] == ["关于印发《办法》的通知", "(发布日期：2019年05月31日 文号：沪发改规范〔2019〕7号)"]


def test_source_line_breaks_are_spaces() -> None:
    assert html_to_text("<p>第一条\n  为了规范</p><p>第二条<br>本条例</p>") == "第一条 为了规范\n第二条\n本条例\n"


def test_table_cells_are_separated() -> None:
    page = "<table><tr><td>序号</td><td>工作事项</td></tr><tr><td>1</td><td>加强组织领导</td></tr></table>"
    assert html_to_text(page) == "序号 工作事项\n1 加强组织领导\n"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><p>通知&lol9;正文</p></body></html>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>
<html><body><p>通知&xxe;&net;正文</p></body></html>"""


def test_billion_laughs_is_not_expanded() -> None:
    text = html_to_text(BILLION_LAUGHS)
    assert "lollol" not in text
    assert len(text) < 200
    assert "通知" in text and "正文" in text


def test_external_entities_are_not_resolved() -> None:
    text = html_to_text(EXTERNAL_ENTITY)
    assert "root:" not in text
    assert "通知" in text and "正文" in text


def test_an_external_dtd_is_not_fetched() -> None:
    page = '<!DOCTYPE html SYSTEM "http://127.0.0.1:9/never.dtd"><html><body><p>各省：</p></body></html>'
    assert html_to_text(page) == "各省：\n"


def test_empty_markup() -> None:
    assert html_to_text("   ") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html>", True),
        ('<div class="wrap">', True),
        ("  <table><tr>", True),
        ("国务院关于印发的通知\n各省：", False),
        ("# 公民举报危害国家安全行为奖励办法\n\n<!-- INFO END -->", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


# --- the real pages (skipped without ../shared/corpus) -----------------------------------------

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is not available")


@needs_corpus
@pytest.mark.parametrize(
    ("name", "first_lines"),
    [
        (
            "0001_gov_cn_guofa_2019_4.html",
            ["索引号：000014349/2019-00005", "主题分类：科技、教育\\教育", "发文机关：国务院", "成文日期：2019年01月24日",
             "标题：国务院关于印发国家职业教育改革实施方案的通知", "发文字号：国发〔2019〕4号", "发布日期：2019年02月13日",
             "国务院关于印发国家职业教育改革", "实施方案的通知", "国发〔2019〕4号"],
        ),
        (
            "0018_guangzhou_suifubangui_2021_7.html",
            ["ArticleTitle: 广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知", "PubDate: 2021-04-19 23:04",
             "ContentSource: 广州市人民政府办公厅", "统一编号：GZ0220210007", "文号：穗府办规〔2021〕7号", "实施日期：2021年04月16日",
             "失效日期：2023年06月01日", "发布机关：广州市人民政府办公厅", "穗府办规〔2021〕7号"],
        ),
        (
            "0024_guangzhou_suiweihan_2023_1930.html",
            ["ArticleTitle: 广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知", "PubDate: 2023-11-07 15:02",
             "ContentSource: 本网", "索引号：11440100MB2C90856P/2023-00331", "发布机构：广州市卫生健康委员会", "成文日期：2023-10-19",
             "名称：广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知", "文号：穗卫函〔2023〕1930号",
             "发布日期：2023-11-07", "广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知"],
        ),
    ],
)
def test_real_page_starts(name: str, first_lines: list[str]) -> None:
    text = load_path(CORPUS / name).text
    assert text.split("\n")[: len(first_lines)] == first_lines


@needs_corpus
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.html")) if CORPUS.is_dir() else [])
def test_real_pages_drop_the_site_furniture(name: str) -> None:
    text = load_path(CORPUS / name).text
    for menu in ("用户登录", "网站地图", "版权所有", "ICP备", "当前位置", "关于我们"):
        assert menu not in text, menu


class _CountingPattern:
    """A compiled pattern that counts its searches (to prove a scan is linear, not timed)."""

    def __init__(self, pattern: object) -> None:
        self.pattern, self.calls = pattern, 0

    def search(self, *args: object) -> object:
        self.calls += 1
        return self.pattern.search(*args)  # type: ignore[attr-defined]


def test_unterminated_doctype_subsets_are_scanned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import sztext.load.html as load

    counter = _CountingPattern(load._SUBSET_CLOSE)
    monkeypatch.setattr(load, "_SUBSET_CLOSE", counter)
    page = "<html><body>" + "<!DOCTYPE x [" * 5000 + "<p>通知正文</p></body></html>"
    # before: a lazy regex per <!DOCTYPE scanned to the end each time (8 s on 100 KB)
    assert "通知正文" in html_to_text(page)
    assert counter.calls == 1
    # a closed subset anywhere is still removed, and a plain DOCTYPE kept out of the text
    assert html_to_text('<!DOCTYPE html><p>甲</p><!DOCTYPE x [<!ENTITY a "b">]><p>乙&a;</p>').replace("\n", "") in ("甲乙&a;", "甲乙")


# A WeChat-editor layout (135编辑器, as devcorpus 0271 is laid out): each heading and each paragraph in
# sections nested inside sections, so no one container holds most paragraphs directly
_P = "　　电子居住证是公安机关按照国家电子证照管理有关规范签发生成的居住证电子文件，来穗人员可以申领。"
NESTED_SECTIONS = (
    "<html><body><div class='menu'><a href='/'>首页</a></div><div id='zoomcon'>"
    "<section><section><p>　　01&nbsp;什么是电子居住证？</p></section></section>"
    f"<section><section><p>{_P}</p><p>{_P}</p></section></section>"
    "<section><section><p>　　02&nbsp;如何使用电子居住证？</p></section></section>"
    f"<section><section><p>{_P}</p><p>{_P}</p></section></section>"
    f"<section><section><section><p>{_P}</p><p>{_P}</p></section></section></section>"
    f"<section><section><p>{_P}</p><p>{_P}</p></section></section>"
    "</div><div class='foot'>版权所有</div></body></html>"
)


def test_nested_editor_sections_are_read_as_one_article() -> None:
    text = html_to_text(NESTED_SECTIONS)
    assert "01 什么是电子居住证？" in text and "02 如何使用电子居住证？" in text
    assert text.count("来穗人员可以申领") == 8
    assert "版权所有" not in text and "首页" not in text


def test_a_lone_section_article_is_not_widened() -> None:
    # an article in one <section> (not nested in sections) beside a sidebar keeps its own block
    page = (
        f"<html><body><div><section class='article'><p>{_P}</p><p>{_P}</p></section>"
        "<div class='side'><p>　　相关阅读：广州市人民政府办公厅关于进一步优化营商环境的若干措施。</p></div></div></body></html>"
    )
    text = html_to_text(page)
    assert text.count("来穗人员可以申领") == 2 and "相关阅读" not in text
