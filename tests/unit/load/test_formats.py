"""Stage 1, document formats: a PDF, a .docx and an OFD package made here from the seeds' text
parse to the same title, 文号, issuer, signed date, measures and amounts as the text itself.

The PDF is drawn with reportlab's built-in CJK font (STSong-Light), its lines broken by the page
width (~34 characters) as a printed 公文 is, with a page number ``- N -`` at the foot of each page.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import sztext
from sztext.load import load_bytes, load_path, sniff_format
from sztext.load.paged import Line, join_pages

SEEDS = Path(__file__).resolve().parents[3] / "samples"
# 001: 深圳市人民政府 signs 2022-01-29, 50 measures; 002: 17 amounts ("2023年深圳市营商环境建设优秀案例")
SEED_FILES = ["001_b03c00c579b17cff.txt", "002_2dc559b6324d11b4.txt"]
PAGE_W, PAGE_H, LEFT, TOP, SIZE, LINES_PER_PAGE = 595.0, 842.0, 90.0, 770.0, 12.0, 30


def _paragraphs(name: str) -> list[str]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return [ln.strip(" \u3000\t") for ln in text.splitlines() if ln.strip()]


def _wrap(par: str, width: float, measure: object) -> list[str]:
    lines, cur = [], ""
    for ch in par:
        if cur and measure(cur + ch) > width:  # type: ignore[operator]
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + [cur]


def _pdf(paragraphs: list[str], drawn: list[tuple[int, float, float, str]] | None = None) -> bytes:
    """The PDF; ``drawn`` gets (page, x, baseline y from the bottom, text) of every body line."""
    pytest.importorskip("reportlab", reason="the PDF fixture needs reportlab (pip install 'sztext[pdf]')")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    width = 34 * SIZE

    def measure(s: str) -> float:
        return float(pdfmetrics.stringWidth(s, "STSong-Light", SIZE))

    page, row = 1, 0

    def foot() -> None:
        c.setFont("STSong-Light", SIZE)
        c.drawCentredString(PAGE_W / 2, 40, f"- {page} -")

    c.setFont("STSong-Light", SIZE)
    for par in paragraphs:
        for line in _wrap(par, width, measure):
            if row == LINES_PER_PAGE:
                foot()
                c.showPage()
                c.setFont("STSong-Light", SIZE)
                page, row = page + 1, 0
            c.drawString(LEFT, TOP - row * SIZE * 1.6, line)
            if drawn is not None:
                drawn.append((page, LEFT, TOP - row * SIZE * 1.6, line))
            row += 1
    foot()
    c.save()
    return buf.getvalue()


def _docx(paragraphs: list[str]) -> bytes:
    docx = pytest.importorskip("docx", reason="the .docx fixture needs python-docx (pip install 'sztext[docx]')")
    d = docx.Document()
    for par in paragraphs:
        d.add_paragraph(par)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _ofd(paragraphs: list[str]) -> bytes:
    ns = "http://www.ofdspec.org/2016"
    per_line = 34
    lines = [p[i : i + per_line] for p in paragraphs for i in range(0, len(p), per_line)]
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{ns}" Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_refs = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<ofd:Document xmlns:ofd="{ns}"><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
        for i, page in enumerate(pages):
            objs = "".join(
                f'<ofd:TextObject ID="{k}" Boundary="25 {30 + k * 7} 160 6" Font="1" Size="4.2"><ofd:TextCode X="0" Y="4">{_esc(t)}</ofd:TextCode></ofd:TextObject>'
                for k, t in enumerate(page)
            )
            foot = f'<ofd:TextObject ID="99" Boundary="100 280 20 6" Font="1" Size="4.2"><ofd:TextCode X="0" Y="4">— {i + 1} —</ofd:TextCode></ofd:TextObject>'
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", f'<ofd:Page xmlns:ofd="{ns}"><ofd:Content><ofd:Layer ID="0">{objs}{foot}</ofd:Layer></ofd:Content></ofd:Page>')
    return buf.getvalue()


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fields(n: sztext.Notice) -> dict[str, object]:
    return {
        "title": n.title.clean if n.title else None,
        "doc_number": n.doc_number.clean if n.doc_number else None,
        "issuer": n.issuer.clean if n.issuer else None,
        "signed": n.signed_date.value if n.signed_date else None,
        "measures": len(list(n.measures())),
        "amounts": [(a.value, a.text) for a in n.amounts],
    }


@pytest.fixture(scope="module")
def pipeline() -> sztext.Pipeline:
    return sztext.Pipeline()


@pytest.mark.parametrize("name", SEED_FILES)
@pytest.mark.parametrize("make", [_pdf, _docx, _ofd], ids=["pdf", "docx", "ofd"])
def test_format_parses_like_its_text(pipeline: sztext.Pipeline, make: object, name: str, tmp_path: Path) -> None:
    paragraphs = _paragraphs(name)
    data = make(paragraphs)  # type: ignore[operator]
    if make is _pdf:
        pytest.importorskip("pypdfium2", reason="reading PDF needs pypdfium2 (pip install 'sztext[pdf]')")
    suffix = {_pdf: ".pdf", _docx: ".docx", _ofd: ".ofd"}[make]  # type: ignore[index]
    f = tmp_path / f"notice{suffix}"
    f.write_bytes(data)
    loaded = load_path(f)
    assert loaded.format == suffix[1:]
    expected = [_fields(n) for n in pipeline.parse_archive("\n".join(paragraphs) + "\n")]
    got = [_fields(n) for n in pipeline.parse_file(f)]
    assert got == expected
    if name.startswith("001"):  # the signature of 001: "深圳市人民政府" / "2022年1月29日"
        assert got[0]["issuer"] == "深圳市人民政府" and str(got[0]["signed"]) == "2022-01-29"
    else:
        assert len(got[0]["amounts"]) == 17  # type: ignore[arg-type]
    if make is not _docx:
        assert len(loaded.pages) > 3 and loaded.page_of(loaded.pages[2]) == 3
        # every value keeps its page: the notice carries the page starts, and a value on the
        # third page says 3; the signature of 001 ("2022年1月29日") is on the last page
        notice = pipeline.parse_file(f)[0]
        assert notice.source.pages == list(loaded.pages)
        assert notice.page_of(loaded.pages[2]) == 3 and notice.page_of(0) == 1
        last = max(n.span[1] for n in notice.nodes())
        assert notice.page_of(last - 1) == len(loaded.pages)
        from sztext.export.rows import table_rows

        pages = [r["page"] for r in table_rows(notice)["measures"]]  # the tables carry the page too
        assert pages == sorted(pages) and pages[0] == 1 and pages[-1] >= len(loaded.pages) - 1  # the last measure ends on the last pages
        assert loaded.furniture[0] in ((1, "- 1 -"), (1, "— 1 —"))
        assert "- 2 -" not in loaded.text and "— 2 —" not in loaded.text
    else:
        assert pipeline.parse_file(f)[0].source.pages is None  # Word has no fixed pages


def test_layout_repair_joins_width_broken_lines_only() -> None:
    # a full line that ends mid-sentence is joined; a short line, a "。" line and a heading are not
    pages = [[Line("各区人民政府，市政府直属各单位：", 300, 12), Line("为深入贯彻落实党中央、国务院关于优化营商环境的决", 400, 12),
              Line("策部署，现印发本方案。", 200, 12), Line("一、总体要求", 100, 12), Line("- 1 -", 250, 12)],
             [Line("（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指", 400, 12), Line("导。", 50, 12), Line("—2—", 250, 12)]]
    paged = join_pages(pages)
    assert paged.text == ("各区人民政府，市政府直属各单位：\n为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，现印发本方案。\n"
                          "一、总体要求\n（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导。\n")
    assert paged.furniture == ((1, "- 1 -"), (2, "—2—"))
    assert paged.pages == (0, paged.text.index("（一）"))


def test_scans_images_and_encrypted_need_a_first_step() -> None:
    with pytest.raises(sztext.OCRRequiredError, match="OCR"):
        load_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "scan.png")
    with pytest.raises(sztext.OCRRequiredError, match="OCR"):
        load_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 20, "scan.jpg")
    assert sniff_format(b"%PDF-1.7\n", "a.pdf") == "pdf"
    assert sniff_format(b"# \xe6\xa0\x87\xe9\xa2\x98\n", "a.md") == "markdown"


def test_scanned_pdf_without_text_layer() -> None:
    pytest.importorskip("reportlab", reason="needs reportlab")
    pytest.importorskip("pypdfium2", reason="needs pypdfium2")
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(50, 50, 300, 400, fill=1)  # a page with a drawing and no text, as a scan is
    c.showPage()
    c.save()
    with pytest.raises(sztext.OCRRequiredError, match="no text layer"):
        load_bytes(buf.getvalue(), "scan.pdf")


def test_encrypted_pdf() -> None:
    pytest.importorskip("reportlab", reason="needs reportlab")
    pytest.importorskip("pypdfium2", reason="needs pypdfium2")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(50, 700, "text")
    c.save()
    with pytest.raises(sztext.EncryptedInputError, match="decrypt"):
        load_bytes(buf.getvalue(), "locked.pdf")


def test_html_with_control_characters_next_to_script_is_parsed() -> None:
    page = "<html><body><script>\x01var a=1;</script><div hidden>\x02隐藏</div><p>国务院关于印发\x03方案的通知</p></body></html>"
    assert load_bytes(page.encode(), "a.html").text == "国务院关于印发方案的通知\n"


def test_batch_scan_takes_the_formats_and_says_what_it_left(tmp_path: Path) -> None:
    import os

    from sztext.batch import scan_inputs

    (tmp_path / "a.md").write_text("# 关于印发方案的通知\n", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "d.ofd").write_bytes(b"PK\x03\x04")
    (tmp_path / "e.png").write_bytes(b"\x89PNG")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    taken, skipped = scan_inputs([tmp_path])
    assert [p.name for p in taken] == ["a.md", "b.pdf", "c.docx", "d.ofd"]
    reasons = {p.name: r for p, r in skipped}
    assert reasons == {"e.png": "suffix .png (an image: run OCR first)", "gone.txt": "dangling symlink", "pipe.txt": "not a regular file", "loop": "symlink loop"}


def test_named_fifo_is_a_one_line_error(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(sztext.InputError, match="not a regular file"):
        load_path(tmp_path / "pipe.txt")


def test_batch_of_mixed_formats(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2", reason="needs pypdfium2")
    from reportlab.pdfgen import canvas

    from sztext.batch import run_batch

    paragraphs = _paragraphs(SEED_FILES[0])
    src = tmp_path / "in"
    src.mkdir()
    text = "\n".join(paragraphs) + "\n"
    (src / "a.pdf").write_bytes(_pdf(paragraphs))
    (src / "b.ofd").write_bytes(_ofd(paragraphs))
    (src / "c.md").write_text(text, encoding="utf-8")
    (src / "d.docx").write_bytes(_docx(paragraphs))
    (src / "e.txt").write_bytes(text.encode("gb18030"))
    body = "".join(f"<p>{_esc(p)}</p>" for p in paragraphs)
    (src / "f.html").write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", encoding="utf-8")
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(50, 50, 300, 400, fill=1)
    c.save()
    (src / "scan.pdf").write_bytes(buf.getvalue())
    summary = run_batch([src], tmp_path / "out", jobs=1, formats=("jsonl",), progress=False)
    assert (summary.inputs, summary.documents, summary.errors) == (7, 6, 1)
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")
    assert "OCRRequiredError" in errors and "scan.pdf" in errors
    # every readable format gives the fields of the same text parsed as text (issue 18's done-when)
    import json

    records = [json.loads(line) for line in (tmp_path / "out" / "notices.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(r["source"]["path"]).name for r in records) == ["a.pdf", "b.ofd", "c.md", "d.docx", "e.txt", "f.html"]
    expected = _fields(sztext.parse(text))
    for r in records:
        assert _fields(sztext.Notice.model_validate(r)) == expected, r["source"]["path"]


def test_a_value_of_a_pdf_has_its_box_on_its_page(pipeline: sztext.Pipeline, tmp_path: Path) -> None:
    # where reportlab drew each line is known: a value's box must stand on that line, at the
    # x its text starts at, on the page the notice says (top-left origin, PDF points)
    pytest.importorskip("pypdfium2", reason="reading PDF needs pypdfium2 (pip install 'sztext[pdf]')")
    from reportlab.pdfbase import pdfmetrics

    drawn: list[tuple[int, float, float, str]] = []
    f = tmp_path / "notice.pdf"
    f.write_bytes(_pdf(_paragraphs(SEED_FILES[1]), drawn))
    notice = pipeline.parse_file(f)[0]
    values = [a for a in notice.amounts] + ([notice.signed_date] if notice.signed_date else [])
    assert len(values) >= 17
    for value in values:
        boxes = notice.bbox_of(value.span)
        text = value.text
        assert boxes and boxes[0].page == notice.page_of(value.span[0])
        box = boxes[0]
        assert (box.page_width, box.page_height) == (PAGE_W, PAGE_H)
        # the drawn line of that page the value starts on: its baseline is the box's bottom
        rows = [(x, y, line) for page, x, y, line in drawn if page == box.page and abs((PAGE_H - y) - box.bottom) < SIZE * 0.5]
        assert len(rows) == 1, (text, box)
        x, _y, line = rows[0]
        # where the value starts on its line: the whole value, or a head of it that ends the line
        at = line.find(text) if text in line else next((len(line) - k for k in range(len(text) - 1, 0, -1) if line.endswith(text[:k])), -1)
        assert at >= 0, (text, line)
        assert abs(box.x0 - (x + pdfmetrics.stringWidth(line[:at], "STSong-Light", SIZE))) < 1.5, (text, box)
        assert all(b.top < b.bottom and b.bottom - b.top < SIZE * 1.2 for b in boxes)  # one box per drawn line
        assert len(boxes) == (1 if text in line else 2), (text, boxes)
    # a span over a page break has a box on each page; text, HTML and Word inputs have none
    cut = notice.source.pages[1] if notice.source.pages else 0
    assert [b.page for b in notice.bbox_of((cut - 3, cut + 3))] == [1, 2]
    assert pipeline.parse(_paragraphs(SEED_FILES[1])[0] + "\n").bbox_of((0, 3)) == []


def test_an_ofd_value_has_its_box_in_millimetres() -> None:
    # the OFD fixture draws line k of a page at Boundary y = 30 + 7k, baseline Y = 4, Size 4.2 mm
    loaded = load_bytes(_ofd(_paragraphs(SEED_FILES[0])), "a.ofd")
    first = loaded.bbox_of(0, 5)
    assert first == [sztext.PageBox(1, 25.0, 29.8, 46.0, 34.0, None, None)]
    second = loaded.pages[1]
    assert loaded.bbox_of(second, second + 2)[0][:5] == (2, 25.0, 29.8, 33.4, 34.0)


def test_layout_repair_reads_its_rules_from_the_grammar(tmp_path: Path) -> None:
    # an English footer "Page 2 of 10" is not a page number of the shipped grammar; an overlay's
    # layout.page_number that adds it takes it out as furniture, with no Python change
    pages = [[Line("一、总体要求", 100, 12), Line("Page 1 of 2", 250, 12)], [Line("二、工作措施", 100, 12), Line("Page 2 of 2", 250, 12)]]
    assert join_pages(pages).furniture == ()
    shipped = (Path(sztext.grammar.default_grammar_dir()) / "layout.toml").read_text(encoding="utf-8")
    overlay = tmp_path / "g"
    overlay.mkdir()
    (overlay / "layout.toml").write_text(shipped.replace("|${n}${sp}[/／]${sp}${n})${sp}$'", "|${n}${sp}[/／]${sp}${n}|Page ${n} of ${n})${sp}$'"), encoding="utf-8")
    grammar = sztext.load_grammar(overlay)
    paged = join_pages(pages, grammar)
    assert paged.furniture == ((1, "Page 1 of 2"), (2, "Page 2 of 2"))
    assert paged.text == "一、总体要求\n二、工作措施\n"
