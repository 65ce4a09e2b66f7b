"""The review page: every value of a real sample is marked over exactly its own text, and the page
renders in a real browser (headless Chromium) to a non-blank picture with every value marked."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import html as lxml_html

import sztext
from sztext.export.review import review_values, to_review_html

REPO = Path(__file__).parents[1]
SAMPLE = REPO / "samples" / "004_dc8ab61eb0bb8ed1.txt"  # 37 Shenzhen notices: every kind of value


@pytest.fixture(scope="module")
def notices() -> list[sztext.Notice]:
    return sztext.parse_file(SAMPLE)


def test_every_value_is_marked_over_its_own_text(notices: list[sztext.Notice]) -> None:
    page = to_review_html(notices)
    tree = lxml_html.fromstring(page)
    pieces: dict[int, list[str]] = defaultdict(list)
    for mark in tree.iter("mark"):
        pieces[int(mark.get("data-v"))].append(mark.text_content())
    expected = [v for n in notices for v in review_values(n)]
    assert len(expected) > 1000  # 441 amounts alone in this sample
    assert sorted(pieces) == list(range(len(expected)))
    k = 0
    for n in notices:
        for v in review_values(n):
            assert "".join(pieces[k]) == n.source_text[v.start : v.end], (k, v.kind)
            k += 1


def test_values_cover_header_units_amounts_and_noise(notices: list[sztext.Notice]) -> None:
    kinds = {v.kind for n in notices for v in review_values(n)}
    assert {"title", "doc_number", "issuer", "addressees", "signed_date", "amounts", "unit", "citations"} <= kinds
    # an amount keeps its normalised value: 最高补贴额为10万元 → max 100000 (samples/004)
    details = [v.details for n in notices for v in review_values(n) if v.kind == "amounts"]
    assert any(d["text"] == "10万元" and d["qualifier"] == "max" and d["value"] == "100000" for d in details)


def test_page_is_self_contained(notices: list[sztext.Notice]) -> None:
    page = to_review_html(notices[:3])
    assert "http://" not in page.split("<script type=\"application/json\"")[0].replace("http://www.w3.org", "")
    assert "<link" not in page and "src=" not in page


def test_cli_review_writes_pages_and_index(tmp_path: Path) -> None:
    from sztext.cli import main

    assert main(["review", str(SAMPLE), "-o", str(tmp_path / "one.html")]) == 0
    assert (tmp_path / "one.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["review", str(REPO / "samples"), "-o", str(tmp_path / "pages")]) == 0
    index = (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")
    assert index.count("<li>") == 5 and "004_dc8ab61eb0bb8ed1" in index


def _png_colours(path: Path) -> int:
    """Distinct RGB(A) pixel values of an 8-bit PNG (enough to tell a blank page from a page)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 3
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    seen: set[bytes] = set()
    # rows are filtered, so sample unfiltered-insensitive content: distinct row payloads is a
    # lower bound on variety, and a blank page has a single one
    for y in range(0, height, 7):
        row = raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]
        seen.add(row)
    return len(seen)


@pytest.mark.browser
def test_page_renders_in_chromium(tmp_path: Path, notices: list[sztext.Notice]) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("Chromium is not installed, so the review page was NOT rendered in a browser (.ci/run installs Debian's chromium)")
    page = tmp_path / "review.html"
    page.write_text(to_review_html(notices[:5]), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,900"]
    dom = subprocess.run([browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    body = lxml_html.fromstring(dom).find("body")
    expected = sum(len(review_values(n)) for n in notices[:5])
    assert body is not None and int(body.get("data-values")) == expected
    assert int(body.get("data-marked")) == expected  # the script saw a mark for every value
    shot = tmp_path / "shot.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    assert shot.exists(), "Chromium wrote no screenshot"
    assert _png_colours(shot) > 20  # not blank


def test_label_studio_tasks_round_trip(notices: list[sztext.Notice]) -> None:
    from sztext.export.labelstudio import spans_from_task, to_label_studio

    tasks = to_label_studio(notices)
    assert len(tasks) == len(notices) == 37
    for task, notice in zip(tasks, notices):
        for r in task["predictions"][0]["result"]:
            v = r["value"]
            assert task["data"]["text"][v["start"] : v["end"]] == v["text"]
        for label, start, end, text in spans_from_task(task):
            assert notice.source_text[start:end] == text
    # a person's correction wins over the prediction
    task = dict(tasks[1], annotations=[{"result": [{"value": {"start": 0, "end": 2, "text": tasks[1]["data"]["text"][:2], "labels": ["title"]}}]}])
    offset = task["meta"]["offset"]
    assert spans_from_task(task) == [("title", offset, offset + 2, tasks[1]["data"]["text"][:2])]


def test_the_side_table_shows_the_gbt9704_elements() -> None:
    from sztext.export.review import _header_rows

    text = (
        "000001\n机密★1年\n特急\n山东省人民政府办公厅文件\n鲁政办字〔2021〕12号　　签发人：张三\n"
        "山东省人民政府办公厅关于某某事项的请示\n省政府：\n为做好某某工作，现请示如下。\n妥否，请批示。\n"
        "山东省人民政府办公厅\n2021年3月4日\n山东省人民政府办公厅　　　　2021年3月5日印发\n"
    )
    rows = _header_rows(sztext.parse_archive(text)[0])
    for shown in ("<th>份号</th><td>000001</td>", "<th>密级</th><td>机密★1年</td>", "<th>紧急程度</th><td>特急</td>",
                  "<th>印发日期</th><td>2021-03-05</td>"):
        assert shown in rows
