"""HTML nested past libxml2's depth limit keeps its text, with an html_depth_limit warning (issue 16).

libxml2 stops at 256 levels (2,048 with huge_tree) and silently drops the rest of the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.load import html_text_and_warnings, html_to_text

BODY = "<p>深圳市人民政府关于印发若干措施的通知</p><p>深府规〔2024〕6号</p><p>各区人民政府：</p><p>现印发。</p>"


def _nested(depth: int, tag: str = "div") -> str:
    return "<html><body>" + f"<{tag}>" * depth + BODY + f"</{tag}>" * depth + "<p>广东省人民政府办公厅</p><script>var x = 1;</script></body></html>"


@pytest.mark.parametrize("depth", [300, 3_000, 20_000])
@pytest.mark.parametrize("tag", ["div", "span"])
def test_deep_page_keeps_its_text_and_warns(tmp_path: Path, depth: int, tag: str) -> None:
    text, notes = html_text_and_warnings(_nested(depth, tag))
    assert "深府规〔2024〕6号" in text and "各区人民政府：" in text and "广东省人民政府办公厅" in text
    assert "var x" not in text
    warned = ["html_depth_limit"] if depth > 600 else []  # 300 levels: read as a tree (huge_tree), no doubt
    assert [n.split(":")[0] for n in notes] == warned
    path = tmp_path / "deep.html"
    path.write_text(_nested(depth, tag), encoding="utf-8")
    [notice] = sztext.parse_file(path)
    notice.verify()
    assert notice.doc_number is not None and notice.doc_number.clean == "深府规〔2024〕6号"
    assert [w.code for w in notice.warnings if w.code == "html_depth_limit"] == warned


def test_shallow_page_is_read_with_its_layout_and_no_warning() -> None:
    text, notes = html_text_and_warnings(_nested(200))
    assert notes == ()
    assert text == html_to_text(_nested(200))
    assert text.splitlines()[:2] == ["深圳市人民政府关于印发若干措施的通知", "深府规〔2024〕6号"]


def test_batch_and_parse_record_carry_the_load_warning_like_parse_file(tmp_path: Path) -> None:
    from sztext.batch import run_batch

    path = tmp_path / "deep.html"
    path.write_text(_nested(3_000), encoding="utf-8")
    (record,) = sztext.parse_record(str(path))
    assert "html_depth_limit" in [w["code"] for w in record["warnings"]]
    (from_bytes,) = sztext.parse_record(path.read_bytes(), path="deep.html")
    assert "html_depth_limit" in [w["code"] for w in from_bytes["warnings"]]
    run_batch([path], tmp_path / "out", jobs=1, progress=False, formats=("jsonl",))
    import orjson

    (line,) = (tmp_path / "out" / "notices.jsonl").read_bytes().splitlines()
    assert "html_depth_limit" in [w["code"] for w in orjson.loads(line)["warnings"]]


@pytest.mark.parametrize("depth", [598, 599, 600, 601, 602])
@pytest.mark.parametrize("inner", ["<p>x</p>", "", "<br>", "x"])
def test_depth_limit_found_by_xpath_is_the_depth_of_the_tree(depth: int, inner: str) -> None:
    # _deeper_than (libxml2 XPath) must say what walking the tree says, at the limit and either side
    from lxml import etree

    from sztext.load.html import MAX_HTML_DEPTH, _deeper_than, _depth

    parser = etree.HTMLParser(recover=True, huge_tree=True)
    root = etree.fromstring("<html><body>" + "<div>" * depth + inner + "</div>" * depth + "</body></html>", parser)
    assert _deeper_than(root, MAX_HTML_DEPTH) == (_depth(root) > MAX_HTML_DEPTH)
    assert _depth(root) == depth + 2 + (1 if inner.startswith("<") else 0)
