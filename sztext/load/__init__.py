"""Stage 1 — load: bytes or HTML into the text that every span indexes. Never the network.

* Bytes are decoded with a stated confidence: a BOM (UTF-8, UTF-16) is certain; strict UTF-8
  is certain; otherwise GB18030 and Big5 are tried strictly and the more plausible wins, and a
  doubtful result is a :class:`DecodeError`, never silent mojibake.
* HTML is read with lxml without network access or entity expansion. The text sztext returns
  for it *is* the input text of the pipeline: the page's ``<meta>`` fields as ``Name: value``
  lines, then the main text, one block element per line.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ArgumentError, DecodeError, InputError, InputTooLargeError, OCRRequiredError
from .geometry import Geometry, PageBox
from .record import render_record

if TYPE_CHECKING:
    from ..grammar import Grammar

__all__ = ["Loaded", "PageBox", "skip_reason", "load_bytes", "load_path", "decode", "plausibility", "html_to_text", "html_text_and_warnings", "looks_like_html", "sniff_format", "INPUT_SUFFIXES"]

# Suffixes a directory scan takes (``sztext batch DIR``).
INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".md", ".markdown", ".pdf", ".docx", ".ofd")
# Suffixes a scan leaves out with a hint of the first step they need (``skip_reason``).
_NEEDS_A_STEP = {
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp"), "an image: run OCR first"),
    ".doc": "legacy Word: convert it to .docx", ".wps": "WPS: convert it to .docx",
    ".zip": "an archive: unpack it first", ".rar": "an archive: unpack it first", ".7z": "an archive: unpack it first",
}
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")

Format = Literal["text", "html", "markdown", "xml", "pdf", "docx", "ofd"]

# The characters of everyday 公文 text: if a decoding produces few of them it is not the right one.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
    "們這為個國來時說對會過還學後麼經實現點動發長進應開關與間當樣義將從業際體機區廣場權記東車軍農"
)


@dataclass(frozen=True)
class Loaded:
    """A decoded input: the text every span indexes, and how it was obtained."""

    text: str
    path: str | None
    encoding: str
    confidence: float
    format: Format
    warnings: tuple[str, ...] = field(default=())
    pages: tuple[int, ...] = field(default=())
    furniture: tuple[tuple[int, str], ...] = field(default=())
    geometry: Geometry | None = field(default=None, repr=False, compare=False)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page of a text offset (a span's start) for a paged input, else ``None``."""
        if not self.pages:
            return None
        import bisect

        return max(1, bisect.bisect_right(self.pages, offset))

    def bbox_of(self, start: int, end: int) -> list[PageBox]:
        """Where ``text[start:end]`` (any span of a record of this input) is drawn: one
        :class:`~sztext.load.geometry.PageBox` per page it touches (PDF points or OFD
        millimetres, top-left origin); empty for text, HTML, Markdown and Word inputs."""
        return self.geometry.bbox_of(start, end) if self.geometry is not None else []


def skip_reason(suffix: str) -> str:
    """Why a directory scan does not take a file of this suffix: ``suffix .png (an image: run
    OCR first)``; ``suffix .X`` for a suffix that names no input format and needs no hint.

    >>> skip_reason(".PNG"), skip_reason("")
    ('suffix .png (an image: run OCR first)', 'suffix (none)')
    """
    s = suffix.lower()
    hint = _NEEDS_A_STEP.get(s)
    return f"suffix {s or '(none)'}" + (f" ({hint})" if hint else "")


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or fragment rather than plain text."""
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<div", "<meta", "<head", "<body", "<table", "<p")) or (
        "</div>" in text[:20000] and "<" in head[:1]
    )


def decode(data: bytes) -> tuple[str, str, float]:
    """Decode bytes of a notice, reporting the encoding and a confidence in [0, 1].

    A byte order mark or strict UTF-8 is certain (1.0). Otherwise UTF-16 (even length), GB18030
    and Big5 are tried strictly and scored by the share of their CJK characters that are common
    in 公文 text; the best wins with a confidence below 1. NUL bytes only occur in UTF-16 text:
    without a plausible UTF-16 reading they mean a binary file.

    Raises:
        DecodeError: empty, binary, or no encoding decodes the bytes plausibly.

    >>> decode("深府规〔2024〕6号".encode("gb18030"))[1]
    'gb18030'
    >>> decode("深府規〔2024〕6號".encode("big5"))[:2]
    ('深府規〔2024〕6號', 'big5')
    """
    if not data:
        raise DecodeError("empty input: no bytes to decode")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, 1.0
            except UnicodeDecodeError as exc:
                raise DecodeError(f"byte order mark says {codec} but the bytes are not: {exc}") from exc
    try:
        return data.decode("utf-8"), "utf-8", 1.0
    except UnicodeDecodeError:
        pass
    has_nul = b"\x00" in data
    codecs_to_try = (["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else []) + ([] if has_nul else ["gb18030", "big5"])
    best: tuple[float, str, str] | None = None
    for codec in codecs_to_try:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None or (has_nul and best[0] < 0.3):
        if has_nul:
            raise DecodeError("binary input: NUL bytes outside UTF-16 text")
        raise DecodeError("bytes are neither UTF-8, UTF-16, GB18030 nor Big5")
    score, codec, text = best
    if score < 0.2:
        raise DecodeError(f"decoding as {codec} gives implausible text (confidence {score:.2f}); refusing mojibake")
    return text, "utf-16" if codec.startswith("utf-16") else codec, round(0.5 + 0.49 * score, 2)


# What a decoded 公文 is written in: ASCII, Latin-1 signs (·×°), general punctuation, Roman and
# circled numerals, shapes (■□), CJK punctuation, kana, ideographs, full-width forms. Random bytes
# read as UTF-16 or GB18030 are mostly Hangul, private-use, rare blocks and C0 controls.
_EXPECTED = re.compile(
    "[\t\n\r\f\x20-\x7e\xa0-\xff\u2000-\u206f\u2100-\u218f\u2190-\u21ff\u2460-\u24ff\u2500-\u25ff\u2600-\u26ff"
    "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
# Characters no text holds (C0 controls, lone surrogates, U+FFFE/U+FFFF): many of them mean binary.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A decoding with fewer of them than this share is not text of a notice (DecodeError).
_MIN_EXPECTED = 0.8


def plausibility(text: str) -> float:
    """Share of CJK characters that are among the common characters of 公文 text; 0 when too
    few characters are of the scripts a 公文 is written in (``_EXPECTED``)."""
    head = text[:20000]
    if head and len(_EXPECTED.sub("", head)) > (1 - _MIN_EXPECTED) * len(head):
        return 0.0
    if len(_CONTROLS.findall(head)) > len(head) // 1000:  # C0 controls: binary, not a GB/Big5 text
        return 0.0
    cjk = [c for c in head if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        printable = sum(1 for c in text[:20000] if c.isprintable() or c in "\r\n\t")
        return 0.5 if printable >= 0.95 * max(1, len(text[:20000])) else 0.0
    return sum(1 for c in cjk if c in _COMMON) / len(cjk)


def sniff_format(data: bytes, path: str | None = None) -> str:
    """The format of an input by its magic bytes, then its suffix: ``pdf``, ``docx``, ``ofd``,
    ``image``, ``doc`` (legacy Word), ``zip``, ``html``, ``markdown`` or ``text``."""
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        import io
        import zipfile

        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return "zip"
        if "word/document.xml" in names:
            return "docx"
        if "OFD.xml" in names:
            return "ofd"
        return "zip"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    suffix = (path or "").lower()
    if suffix.endswith((".html", ".htm", ".shtml", ".xhtml")):
        return "html"
    if suffix.endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def load_bytes(data: bytes, path: str | None = None, *, max_chars: int | None = None, grammar: Grammar | None = None) -> Loaded:
    """Decode bytes (text, HTML, Markdown) or read a document format (PDF, .docx, OFD) into the
    text the pipeline parses. The layout repair of PDF and OFD reads the ``layout`` section of
    ``grammar`` (the shipped grammar by default).

    Raises:
        DecodeError: the bytes cannot be decoded with confidence.
        OCRRequiredError: a scanned PDF (no text layer) or an image.
        EncryptedInputError: a password-protected PDF.
        InputTooLargeError: the text is longer than ``max_chars``.
    """
    kind = sniff_format(data, path)
    pages: tuple[int, ...] = ()
    furniture: tuple[tuple[int, str], ...] = ()
    warnings: tuple[str, ...] = ()
    geometry: Geometry | None = None
    fmt: Format
    if kind == "image":
        raise OCRRequiredError("image file: run OCR first and parse its text or Markdown output")
    if kind == "doc":
        raise InputError("legacy Word .doc: convert it to .docx (or text) first")
    if kind == "zip":
        raise InputError("zip archive that is neither a .docx nor an OFD package")
    if kind in ("pdf", "ofd"):
        from .paged import join_pages, ofd_pages, pdf_pages

        paged = join_pages(pdf_pages(data) if kind == "pdf" else ofd_pages(data), grammar)
        text, pages, furniture, geometry = paged.text, paged.pages, paged.furniture, paged.geometry
        encoding, confidence, fmt = "utf-8", 1.0, "pdf" if kind == "pdf" else "ofd"
    elif kind == "docx":
        from .paged import docx_lines

        text = "\n".join(ln.rstrip() for ln in docx_lines(data)) + "\n"
        encoding, confidence, fmt = "utf-8", 1.0, "docx"
    else:
        text, encoding, confidence = decode(data)
        is_html = kind == "html" or (kind == "text" and looks_like_html(text))
        record = None
        if is_html:
            text, notes = html_text_and_warnings(text)
            warnings = warnings + notes
        elif kind == "text":
            record = render_record(text, grammar)  # a law database's XML record (<法規>…)
            text = record if record is not None else text
        fmt = "html" if is_html else "xml" if record is not None else "markdown" if kind == "markdown" else "text"
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(f"input has {len(text)} characters, more than the limit of {max_chars}")
    if not text.strip():
        raise InputError("input has no text")
    return Loaded(text, path, encoding, confidence, fmt, warnings=warnings, pages=pages, furniture=furniture, geometry=geometry)


def load_path(path: str | bytes | os.PathLike[str], *, max_chars: int | None = None, grammar: Grammar | None = None) -> Loaded:
    """Read and decode a file (``.txt``, ``.html`` …).

    Raises:
        InputError: the file cannot be read, or its bytes cannot be decoded.
        ArgumentError: ``path`` is not a path (``str``, ``bytes`` or ``os.PathLike``).
    """
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentError(f"expected a file path (str or os.PathLike), got {type(path).__name__}")
    p = Path(path)
    if p.exists() and not p.is_file():
        raise InputError(f"{p}: not a regular file" if not p.is_dir() else f"{p}: is a directory")
    try:
        data = _read_bounded(p, max_chars)
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from exc
    try:
        return load_bytes(data, str(p), max_chars=max_chars, grammar=grammar)
    except InputError as exc:
        raise type(exc)(f"{p}: {exc}") from exc


# No supported encoding spends more than this many bytes on one character (UTF-8, GB18030 and a
# UTF-16 surrogate pair: 4), so a file of more bytes than this times ``max_chars`` is too large.
MAX_BYTES_PER_CHAR = 4


def _read_bounded(p: Path, max_chars: int | None) -> bytes:
    """The bytes of ``p``, refused before reading them when they cannot fit ``max_chars``
    characters: ``stat`` first, then at most the limit plus one byte is read (a file that grows,
    or a special file whose size ``stat`` does not tell, is still bounded)."""
    if max_chars is None:
        return p.read_bytes()
    limit = MAX_BYTES_PER_CHAR * max_chars
    size = p.stat().st_size
    if size > limit:
        raise InputTooLargeError(f"{p}: file has {size} bytes, more than {MAX_BYTES_PER_CHAR} × the limit of {max_chars} characters")
    # read(n) allocates n bytes up front: ask for the size stat gave (+1 to see growth), then chunks
    chunks: list[bytes] = []
    total = 0
    want = min(limit + 1, size + 1)
    with p.open("rb") as fh:
        while total <= limit:
            chunk = fh.read(min(want, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = 1 << 16  # the file grew past its stat size (or stat could not tell)
    data = b"".join(chunks) if len(chunks) != 1 else chunks[0]
    if len(data) > limit:
        raise InputTooLargeError(f"{p}: file has more than {limit} bytes ({MAX_BYTES_PER_CHAR} × the limit of {max_chars} characters)")
    return data


from .html import html_text_and_warnings, html_to_text  # noqa: E402  (the HTML reader, stage 1)
