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
from typing import TYPE_CHECKING, Any

from ..errors import EncryptedInputError, InputError, OCRRequiredError
from .geometry import Box, Geometry

if TYPE_CHECKING:
    from ..grammar import Grammar, GuardedPattern

__all__ = ["Line", "Paged", "Layout", "layout_of", "join_pages", "pdf_pages", "docx_lines", "ofd_pages"]


@dataclass(frozen=True)
class Layout:
    """The ``layout`` grammar section compiled for :func:`join_pages` (``grammars/layout.toml``):
    page-number lines, the characters that close a line's block, the starts that open one."""

    page_number: GuardedPattern
    block_start: GuardedPattern
    line_final: tuple[str, ...]


def _build_layout(grammar: Grammar) -> Layout:
    return Layout(grammar.rule("layout.page_number").pattern, grammar.rule("layout.block_start").pattern, grammar.word_list("layout", "line_final"))


def layout_of(grammar: Grammar | None = None) -> Layout:
    """The layout rules of ``grammar`` (the shipped grammar by default), built once per grammar."""
    from ..grammar import load_grammar

    return (grammar or load_grammar()).derived(_build_layout)


@dataclass(frozen=True)
class Line:
    """One drawn line: its text and, where the format gives it, its right edge and font size."""

    text: str
    right: float | None = None
    size: float | None = None
    boxes: tuple[Box | None, ...] | None = None  # one per character of ``text`` (top-left origin)


@dataclass(frozen=True)
class Paged:
    """The repaired text, the offset where each page starts, the furniture taken out, and where
    each character stands on its page (when the drawn lines carry boxes)."""

    text: str
    pages: tuple[int, ...]
    furniture: tuple[tuple[int, str], ...]
    geometry: Geometry | None = None


@dataclass(frozen=True)
class Drawn:
    """The drawn lines of each page, and each page's size (width, height) where the format gives it."""

    pages: list[list[Line]]
    sizes: list[tuple[float, float] | None]


def _norm(s: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"[\s\u3000]+", "", s))


def join_pages(pages: list[list[Line]] | Drawn, grammar: Grammar | None = None) -> Paged:
    """Repair the layout of drawn pages into paragraphs (see the module docstring), with the
    ``layout`` section of ``grammar`` (the shipped grammar by default)."""
    page_sizes: list[tuple[float, float] | None] = pages.sizes if isinstance(pages, Drawn) else []
    if isinstance(pages, Drawn):
        pages = pages.pages
    layout = layout_of(grammar)
    final = tuple(layout.line_final)
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
            if at_edge and (layout.page_number.match(ln.text) or (i in (0, len(lines) - 1) and _norm(ln.text) in repeated)):
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
    boxes: list[Box | None] = []
    has_boxes = any(ln.boxes for body in bodies for ln in body)
    pos = 0
    prev: Line | None = None
    for body in bodies:
        new_page = True
        for ln in body:
            text = ln.text.rstrip()
            lead = 0
            if prev is not None:
                join = is_full(prev) and not prev.text.rstrip().endswith(final) and not layout.block_start.match(text)
                if join:
                    kept = text.lstrip(" \u3000") if not re.match(r"[ \u3000]{2}", text) else text
                    lead, text = len(text) - len(kept), kept
                sep = "" if join else "\n"
                out.append(sep)
                pos += len(sep)
                boxes.extend([None] * len(sep))
            if has_boxes:
                drawn = ln.boxes if ln.boxes is not None and len(ln.boxes) == len(ln.text) else (None,) * len(ln.text)
                boxes.extend(drawn[lead : lead + len(text)])
            if new_page:
                starts.append(pos)  # the page starts at its first line's text
                new_page = False
            out.append(text)
            pos += len(text)
            prev = ln
        if new_page:
            starts.append(pos)  # an empty page
    text = "".join(out) + "\n"
    geometry = None
    if has_boxes:
        boxes.append(None)
        geometry = Geometry.build(boxes, tuple(starts), page_sizes or [None] * len(pages))
    return Paged(text, tuple(starts), tuple(furniture), geometry)


def pdf_pages(data: bytes) -> Drawn:
    """The drawn lines of every page of a PDF's text layer (pypdfium2), with each character's
    box and each page's size in PDF points (top-left origin).

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
    sizes: list[tuple[float, float] | None] = []
    chars = 0
    try:
        for page in pdf:
            tp = page.get_textpage()
            width, height = (float(v) for v in page.get_size())
            sizes.append((width, height))
            pages.append(_pdf_lines(tp, height))
            chars += sum(len(ln.text.strip()) for ln in pages[-1])
    finally:
        pdf.close()
    if chars == 0:
        raise OCRRequiredError("PDF has no text layer (a scan?): run OCR first and parse its text or Markdown output")
    return Drawn(pages, sizes)


def _pdf_lines(tp: Any, height: float) -> list[Line]:
    n = tp.count_chars()
    text = tp.get_text_range(0, n) if n else ""
    lines: list[Line] = []
    buf: list[str] = []
    boxes: list[Box | None] = []
    right = 0.0
    size = 0.0
    for i, ch in enumerate(text[:n]):
        if ch in "\r\n":
            if buf:
                lines.append(Line("".join(buf), right or None, size or None, tuple(boxes)))
            buf, boxes, right, size = [], [], 0.0, 0.0
            continue
        buf.append(ch)
        if ch.isspace():
            boxes.append(None)
            continue
        # loose: the box from the font size and metrics, not the glyph outline, which pdfium only
        # knows for embedded or installed fonts (a CID font such as STSong-Light, not embedded and with
        # no CJK font installed, has glyph boxes of height ~0, and then no line looks full)
        left, bottom, r, top = tp.get_charbox(i, loose=True)  # PDF user space: origin at the bottom-left
        boxes.append((float(left), height - float(top), float(r), height - float(bottom)))
        right = max(right, r)
        size = max(size, top - bottom)
    if buf:
        lines.append(Line("".join(buf), right or None, size or None, tuple(boxes)))
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


def ofd_pages(data: bytes) -> Drawn:
    """The text lines of every page of an OFD package (GB/T 33190), in reading order, with each
    character's box and each page's size in millimetres (top-left origin, OFD's own).

    Text codes are grouped into lines by their baseline (Y) and ordered left to right. A
    character's box runs from its X (``DeltaX`` steps, else one font size per character) one font
    size wide, and from one font size above its baseline to the baseline.

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
            default_size = _ofd_size(document)
            pages: list[list[Line]] = []
            sizes: list[tuple[float, float] | None] = []
            for loc in locs:
                loc = loc.lstrip("/")
                name = loc if loc in names else f"{base}/{loc}" if base else loc
                content = etree.fromstring(zf.read(name), parser)
                sizes.append(_ofd_size(content) or default_size)
                pages.append(_ofd_lines(content))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError, ValueError) as exc:
        raise InputError(f"not a readable OFD package: {exc}") from exc
    if not any(ln.text.strip() for page in pages for ln in page):
        raise OCRRequiredError("OFD has no text (a scan?): run OCR first and parse its text or Markdown output")
    return Drawn(pages, sizes)


def _ofd_size(root: Any) -> tuple[float, float] | None:
    """The PhysicalBox (x y width height) of a Document.xml's PageArea or a page's Area."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.endswith("}PhysicalBox") and el.text:
            parts = el.text.split()
            if len(parts) == 4:
                return float(parts[2]), float(parts[3])
    return None


def _deltas(raw: str | None) -> list[float]:
    """A TextCode's DeltaX: numbers, ``g N D`` meaning N times D (GB/T 33190 §11.3)."""
    out: list[float] = []
    parts = (raw or "").split()
    i = 0
    while i < len(parts):
        if parts[i] == "g" and i + 2 < len(parts):
            out.extend([float(parts[i + 2])] * int(float(parts[i + 1])))
            i += 3
        else:
            out.append(float(parts[i]))
            i += 1
    return out


def _ofd_lines(content: Any) -> list[Line]:
    items: list[tuple[float, float, str, float, float, tuple[Box | None, ...]]] = []
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
            steps = _deltas(code.get("DeltaX"))
            boxes: list[Box | None] = []
            cx = x
            for k, ch in enumerate(text):
                boxes.append(None if ch.isspace() else (cx, y - size, cx + size, y))
                cx += steps[k] if k < len(steps) else size
            items.append((round(y, 1), x, text, cx, size, tuple(boxes)))
    items.sort(key=lambda t: (t[0], t[1]))
    lines: list[Line] = []
    last_y: float | None = None
    for y, _x, text, right, size, boxes_ in items:
        if last_y is not None and abs(y - last_y) < size / 2 and lines:
            prev = lines[-1]
            lines[-1] = Line(prev.text + text, max(prev.right or 0, right), size, (prev.boxes or ()) + boxes_)
        else:
            lines.append(Line(text, right, size, boxes_))
        last_y = y
    return lines
