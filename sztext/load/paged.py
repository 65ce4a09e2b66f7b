"""Stage 1, paged and packaged formats: PDF (pypdfium2), .docx (python-docx), OFD (lxml).

Each reader returns pages of :class:`Line` (text and right edge); :func:`join_pages` repairs the
layout into the text the pipeline reads: lines broken by the page width are rejoined, page
numbers (``- 3 -``, ``—3—``) and running headers/footers are taken out and returned as furniture,
and the offset where every page starts is kept (``Loaded.pages``).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from ..errors import EncryptedInputError, InputError, OCRRequiredError

__all__ = ["Line", "Paged", "join_pages", "pdf_pages", "docx_lines", "ofd_pages"]

# A page-number line: - 3 -, — 3 —, －3－, or a bare number (first or last line of a page only).
PAGE_NUMBER = re.compile(r"^[ \t\u3000]*(?:[-—–－﹣]+[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－﹣]+|第?\d{1,4}页?|\d{1,4}[ \t\u3000]*/[ \t\u3000]*\d{1,4})[ \t\u3000]*$")
# A line ending a sentence or a block (never joined to the next).
_FINAL = tuple("。！？；：…!?;:")
# A line that starts a heading or a list item (never joined to the previous).
_MARKER = re.compile(r"^[ \t\u3000]*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百零〇\d]+[条章节部分]|附件|抄送|[■●◆]|#)")


@dataclass(frozen=True)
class Line:
    """One drawn line: its text and, where the format gives it, its right edge and font size."""

    text: str
    right: float | None = None
    size: float | None = None


@dataclass(frozen=True)
class Paged:
    """The repaired text, the offset where each page starts, and the furniture taken out."""

    text: str
    pages: tuple[int, ...]
    furniture: tuple[tuple[int, str], ...]


def _norm(s: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"[\s\u3000]+", "", s))


def join_pages(pages: list[list[Line]]) -> Paged:
    """Repair the layout of drawn pages into paragraphs (see the module docstring)."""
    furniture: list[tuple[int, str]] = []
    bodies: list[list[Line]] = []
    edge_texts: dict[str, int] = {}
    for page in pages:
        lines = [ln for ln in page if ln.text.strip()]
        for ln in lines[:1] + lines[-1:]:
            key = _norm(ln.text)
            edge_texts[key] = edge_texts.get(key, 0) + 1
    repeated = {k for k, n in edge_texts.items() if n >= 2 and len(pages) >= 3 and n * 2 >= len(pages)}
    for no, page in enumerate(pages, 1):
        lines = [ln for ln in page if ln.text.strip()]
        keep: list[Line] = []
        for i, ln in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            if at_edge and (PAGE_NUMBER.match(ln.text) or (i in (0, len(lines) - 1) and _norm(ln.text) in repeated)):
                furniture.append((no, ln.text.strip()))
            else:
                keep.append(ln)
        bodies.append(keep)
    rights = [ln.right for body in bodies for ln in body if ln.right is not None]
    sizes = sorted(ln.size for body in bodies for ln in body if ln.size)
    size = sizes[len(sizes) // 2] if sizes else 1.0
    full = max(rights) if rights else None
    widths = [len(ln.text.rstrip()) for body in bodies for ln in body]
    full_chars = sorted(widths)[int(len(widths) * 0.9)] if widths else 0

    def is_full(ln: Line) -> bool:
        if full is not None and ln.right is not None:
            return ln.right >= full - 1.5 * size
        return len(ln.text.rstrip()) >= full_chars - 1

    out: list[str] = []
    starts: list[int] = []
    pos = 0
    prev: Line | None = None
    for body in bodies:
        new_page = True
        for ln in body:
            text = ln.text.rstrip()
            if prev is not None:
                join = is_full(prev) and not prev.text.rstrip().endswith(_FINAL) and not _MARKER.match(text)
                if join:
                    text = text.lstrip(" \u3000") if not re.match(r"[ \u3000]{2}", text) else text
                sep = "" if join else "\n"
                out.append(sep)
                pos += len(sep)
            if new_page:
                starts.append(pos)  # the page starts at its first line's text
                new_page = False
            out.append(text)
            pos += len(text)
            prev = ln
        if new_page:
            starts.append(pos)  # an empty page
    text = "".join(out) + "\n"
    return Paged(text, tuple(starts), tuple(furniture))


def pdf_pages(data: bytes) -> list[list[Line]]:
    """The drawn lines of every page of a PDF's text layer (pypdfium2).

    Raises:
        EncryptedInputError: the PDF needs a password.
        OCRRequiredError: no page has a text layer (a scan).
        InputError: pypdfium2 is missing, or the file is not a readable PDF.
    """
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise InputError("reading PDF needs pypdfium2: pip install 'sztext[pdf]'") from exc
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if b"/Encrypt" in data:
            raise EncryptedInputError("encrypted PDF: decrypt it first (no password is tried)") from exc
        raise InputError(f"not a readable PDF: {exc}") from exc
    pages: list[list[Line]] = []
    chars = 0
    try:
        for page in pdf:
            tp = page.get_textpage()
            pages.append(_pdf_lines(tp))
            chars += sum(len(ln.text.strip()) for ln in pages[-1])
    finally:
        pdf.close()
    if chars == 0:
        raise OCRRequiredError("PDF has no text layer (a scan?): run OCR first and parse its text or Markdown output")
    return pages


def _pdf_lines(tp: Any) -> list[Line]:
    n = tp.count_chars()
    text = tp.get_text_range(0, n) if n else ""
    lines: list[Line] = []
    buf: list[str] = []
    right = 0.0
    size = 0.0
    for i, ch in enumerate(text[:n]):
        if ch in "\r\n":
            if ch == "\n" or not buf:
                pass
            if buf:
                lines.append(Line("".join(buf), right or None, size or None))
            buf, right, size = [], 0.0, 0.0
            continue
        buf.append(ch)
        if not ch.isspace():
            box = tp.get_charbox(i)
            right = max(right, box[2])
            size = max(size, box[3] - box[1])
    if buf:
        lines.append(Line("".join(buf), right or None, size or None))
    return lines


def docx_lines(data: bytes) -> list[str]:
    """The paragraphs and table rows (cells separated by a tab) of a .docx body, in body order.

    Raises:
        InputError: python-docx is missing or the package is not a readable .docx.
    """
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:
        raise InputError("reading .docx needs python-docx: pip install 'sztext[docx]'") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise InputError(f"not a readable .docx: {exc}") from exc
    lines: list[str] = []
    for el in document.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(el, document).text)
        elif tag == "tbl":
            for row in Table(el, document).rows:
                lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
    return lines


def ofd_pages(data: bytes) -> list[list[Line]]:
    """The text lines of every page of an OFD package (GB/T 33190), in reading order.

    Text codes are grouped into lines by their baseline (Y) and ordered left to right.

    Raises:
        InputError: the package or its XML cannot be read.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            root = etree.fromstring(zf.read("OFD.xml"), parser)
            doc_root = next((el.text.strip() for el in root.iter() if isinstance(el.tag, str) and el.tag.endswith("DocRoot") and el.text), "Doc_0/Document.xml")
            doc_root = doc_root.lstrip("/")
            base = doc_root.rsplit("/", 1)[0] if "/" in doc_root else ""
            document = etree.fromstring(zf.read(doc_root), parser)
            locs = [el.get("BaseLoc") or "" for el in document.iter() if isinstance(el.tag, str) and el.tag.endswith("}Page")]
            pages: list[list[Line]] = []
            for loc in locs:
                loc = loc.lstrip("/")
                name = loc if loc in names else f"{base}/{loc}" if base else loc
                pages.append(_ofd_lines(etree.fromstring(zf.read(name), parser)))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError) as exc:
        raise InputError(f"not a readable OFD package: {exc}") from exc
    if not any(ln.text.strip() for page in pages for ln in page):
        raise OCRRequiredError("OFD has no text (a scan?): run OCR first and parse its text or Markdown output")
    return pages


def _ofd_lines(content: Any) -> list[Line]:
    items: list[tuple[float, float, str, float, float]] = []
    for obj in content.iter():
        if not (isinstance(obj.tag, str) and obj.tag.endswith("}TextObject")):
            continue
        bx, by, bw, bh = (float(v) for v in (obj.get("Boundary") or "0 0 0 0").split()[:4])
        size = float(obj.get("Size") or bh or 1)
        for code in obj:
            if not (isinstance(code.tag, str) and code.tag.endswith("}TextCode")):
                continue
            text = code.text or ""
            x = bx + float(code.get("X") or 0)
            y = by + float(code.get("Y") or 0)
            items.append((round(y, 1), x, text, x + size * len(text), size))
    items.sort(key=lambda t: (t[0], t[1]))
    lines: list[Line] = []
    last_y: float | None = None
    for y, _x, text, right, size in items:
        if last_y is not None and abs(y - last_y) < size / 2 and lines:
            prev = lines[-1]
            lines[-1] = Line(prev.text + text, max(prev.right or 0, right), size)
        else:
            lines.append(Line(text, right, size))
        last_y = y
    return lines
