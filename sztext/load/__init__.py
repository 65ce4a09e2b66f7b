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
from typing import Any, Literal

from ..errors import ArgumentError, DecodeError, InputError, InputTooLargeError, OCRRequiredError

__all__ = ["Loaded", "load_bytes", "load_path", "decode", "html_to_text", "html_text_and_warnings", "looks_like_html", "sniff_format", "INPUT_SUFFIXES"]

# Suffixes a directory scan takes (``sztext batch DIR``).
INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".md", ".markdown", ".pdf", ".docx", ".ofd")
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")

Format = Literal["text", "html", "markdown", "pdf", "docx", "ofd"]

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

    def page_of(self, offset: int) -> int | None:
        """The 1-based page of a text offset (a span's start) for a paged input, else ``None``."""
        if not self.pages:
            return None
        import bisect

        return max(1, bisect.bisect_right(self.pages, offset))


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
        score = _plausibility(text)
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
# A decoding with fewer of them than this share is not text of a notice (DecodeError).
_MIN_EXPECTED = 0.8


def _plausibility(text: str) -> float:
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


def load_bytes(data: bytes, path: str | None = None, *, max_chars: int | None = None) -> Loaded:
    """Decode bytes (text, HTML, Markdown) or read a document format (PDF, .docx, OFD) into the
    text the pipeline parses.

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
    fmt: Format
    if kind == "image":
        raise OCRRequiredError("image file: run OCR first and parse its text or Markdown output")
    if kind == "doc":
        raise InputError("legacy Word .doc: convert it to .docx (or text) first")
    if kind == "zip":
        raise InputError("zip archive that is neither a .docx nor an OFD package")
    if kind in ("pdf", "ofd"):
        from .paged import join_pages, ofd_pages, pdf_pages

        paged = join_pages(pdf_pages(data) if kind == "pdf" else ofd_pages(data))
        text, pages, furniture = paged.text, paged.pages, paged.furniture
        encoding, confidence, fmt = "utf-8", 1.0, "pdf" if kind == "pdf" else "ofd"
    elif kind == "docx":
        from .paged import docx_lines

        text = "\n".join(ln.rstrip() for ln in docx_lines(data)) + "\n"
        encoding, confidence, fmt = "utf-8", 1.0, "docx"
    else:
        text, encoding, confidence = decode(data)
        is_html = kind == "html" or (kind == "text" and looks_like_html(text))
        if is_html:
            text, notes = html_text_and_warnings(text)
            warnings = warnings + notes
        fmt = "html" if is_html else "markdown" if kind == "markdown" else "text"
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(f"input has {len(text)} characters, more than the limit of {max_chars}")
    if not text.strip():
        raise InputError("input has no text")
    return Loaded(text, path, encoding, confidence, fmt, warnings=warnings, pages=pages, furniture=furniture)


def load_path(path: str | bytes | os.PathLike[str], *, max_chars: int | None = None) -> Loaded:
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
        return load_bytes(data, str(p), max_chars=max_chars)
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


# --- HTML ------------------------------------------------------------------------------------

# Elements that end a line. ``td``/``th`` are separated by a tab inside their row instead.
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
    "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "center", "title", "hr", "header", "footer",
    "main", "nav", "aside", "figure", "figcaption", "caption", "thead", "tbody", "tfoot", "address",
})
# Elements whose text is never document text (scripts, widgets, forms).
_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "object", "embed", "svg", "canvas", "template", "button",
    "select", "input", "textarea", "form", "head", "audio", "video", "map",
)
# Blocks whose text counts as a paragraph when scoring the main text.
_PARAGRAPH_TAGS = frozenset({"p", "div", "td", "th", "li", "dd", "pre", "blockquote", "center", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"})
# The <meta> fields rendered as ``Name: value`` lines (gz.gov.cn and other TRS-built sites).
_META_NAMES = ("ArticleTitle", "PubDate", "ContentSource")
# Labels of the metadata tables of gov.cn fragments (索引号/发文机关/成文日期/发文字号/标题) and of
# the Guangzhou pages (统一编号/文号/实施日期/失效日期/发布机关, 名称/发布机构). A label is an element
# whose whole text is one of these plus a colon; its value is the text after it or the next cell.
_META_LABELS = frozenset({
    "索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词", "统一编号",
    "文号", "实施日期", "失效日期", "发布机关", "文件状态", "分类", "发布机构", "名称", "有效性",
    "公文种类", "生效日期", "废止日期", "体裁分类", "组配分类", "发布时间", "时效性",
})
# Containers a label may sit in, climbed to find the cell that holds its value.
_LABEL_CELLS = frozenset({"td", "th", "dt", "b", "strong", "span", "font", "label", "em", "i"})
_SPACES = re.compile(r"[ \t\r\n\f\v\xa0]+")
_NO_SPACE = re.compile(r"[\s\u3000\xa0]+")
# A DOCTYPE with an internal subset, and stray entity declarations: removed before parsing so that
# no entity is ever defined, let alone expanded (billion laughs, external entities). Found in one
# linear pass (_strip_dtd): a regex with a lazy `.*?` per <!DOCTYPE took 8 s on 100 KB of them.
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_SUBSET_OPEN = re.compile(r"[>\[]")
_SUBSET_CLOSE = re.compile(r"\]\s*>")
_ENTITY = re.compile(r"<!ENTITY[^<>]*>", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
# Characters XML forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF): never page text, and
# lxml raises ValueError when a tree edit (dropping a <script> or a hidden element) meets one
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_REPRINT = re.compile(r"^[（(]转载[)）]")


def _strip_dtd(html: str) -> str:
    """``html`` without DOCTYPE internal subsets and entity declarations, in linear time."""
    out: list[str] = []
    pos = 0
    for m in _DOCTYPE.finditer(html):
        if m.start() < pos:
            continue
        opened = _SUBSET_OPEN.search(html, m.end())
        if opened is None or opened.group() == ">":
            continue  # a plain <!DOCTYPE html>: kept
        closed = _SUBSET_CLOSE.search(html, opened.end())
        if closed is None:
            break  # no later subset can close either; the rest is left to the parser as text
        out.append(html[pos : m.start()])
        pos = closed.end()
    out.append(html[pos:])
    return _ENTITY.sub("", "".join(out))


def _squash(text: str) -> str:
    return _NO_SPACE.sub("", text) if text else ""


def _squashed_len(text: str | None) -> int:
    """``len(_squash(text or ""))``: most texts and tails of a page are empty or blank (``\\s`` of
    ``re`` is ``str.isspace``, so a blank text squashes to nothing)."""
    return 0 if not text or text.isspace() else len(_NO_SPACE.sub("", text))


_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _hidden(el: Any) -> bool:
    """An element the page never shows: gz.gov.cn repeats the whole text, flattened, in a
    ``<div class="bbnr" style="display:none;">`` (corpus 0018–0022)."""
    if not isinstance(el.tag, str) or el.tag in ("html", "body"):
        return False  # <body style="visibility: hidden"> is revealed by a script (corpus 0024)
    return el.get("hidden") is not None or bool(_DISPLAY_NONE.search(el.get("style") or ""))


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower() if tag.__class__ is str else ""


def _clean_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


# libxml2 stops building a tree deeper than 256 elements (2,048 with huge_tree) and drops the
# rest of the page; the renderer below recurses once per level. A page nested deeper than this
# is rendered flat instead (``_flat_text``), with an ``html_depth_limit`` warning.
MAX_HTML_DEPTH = 600
_FLAT_SKIP = frozenset({"script", "style", "noscript", "template", "textarea", "svg", "select"})
_FLAT_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>|<!--|<[!?/][^<>]*>")


def html_text_and_warnings(html: str) -> tuple[str, tuple[str, ...]]:
    """:func:`html_to_text` and the load warnings it met (``"code: message"`` strings)."""
    notes: list[str] = []
    text = _html_to_text(html, notes)
    return text, tuple(notes)


def _flat_text(source: str) -> str:
    """The text of markup read tag by tag, without a tree (linear): block tags end lines, the
    content of dropped elements (scripts, styles …) is left out, entities are unescaped."""
    import html as html_lib

    out: list[str] = []
    pos = 0
    skip: str | None = None  # inside <script> … </script>
    for m in _FLAT_TAG.finditer(source):
        if m.start() < pos:
            continue
        if skip is None:
            out.append(html_lib.unescape(source[pos : m.start()]))
        pos = m.end()
        if m.group() == "<!--":
            end = source.find("-->", pos)
            pos = len(source) if end < 0 else end + 3
            continue
        name = (m.group(2) or "").lower()
        if skip is not None:
            if m.group(1) and name == skip:
                skip = None
            continue
        if name in _FLAT_SKIP and not m.group(1):
            skip = name
        elif name in _BLOCK_TAGS or name in ("td", "th"):
            out.append("\n")
    if skip is None:
        out.append(html_lib.unescape(source[pos:]))
    lines = (_clean_line(ln) for ln in "".join(out).split("\n"))
    kept = [ln for ln in lines if ln]
    return "\n".join(kept) + "\n" if kept else ""


def html_to_text(html: str) -> str:
    """The text of an HTML page: ``<meta>`` fields, metadata-table rows, then the main text.

    The output is the text that every span of an HTML input indexes, one block per line:

    1. ``ArticleTitle`` / ``PubDate`` / ``ContentSource`` metas as ``Name: value`` lines;
    2. every metadata-table pair of the page (gov.cn 索引号/发文机关/成文日期/发文字号/标题, gz.gov.cn
       文号/实施日期/发布机关 …) as a ``标签：值`` line;
    3. the main text: the block that holds most of the page's paragraph text (td#UCAP-CONTENT,
       div.article-content …), widened to the nearest ancestor that also holds the article's
       title when that adds little; outside the main block, lines made only of links (share
       buttons, breadcrumbs' links, related-article lists) are dropped. Page furniture inside the
       kept text (【字体：大 中 小】, 【打印】, 分享到 …) stays and is reported as noise by ``noise.toml``.

    lxml parses without network access; DTD internal subsets are removed first, so no entity is
    ever declared or expanded.

    Raises:
        InputError: the markup cannot be parsed at all.

    >>> html_to_text('<html><head><meta name="PubDate" content="2019-02-13"></head>'
    ...              '<body><p>国务院关于<b>印发</b>的通知</p><p>各省：</p></body></html>')
    'PubDate: 2019-02-13\\n国务院关于印发的通知\\n各省：\\n'
    >>> print(html_to_text('<table><tr><td><b>发文字号：</b></td><td>国发〔2019〕4号</td></tr></table>'
    ...                    '<div id="c"><p>国务院关于印发方案的通知</p><p>各省、自治区：</p></div>'), end="")
    发文字号：国发〔2019〕4号
    国务院关于印发方案的通知
    各省、自治区：
    """
    return _html_to_text(html, [])


def _html_to_text(html: str, notes: list[str]) -> str:
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=True, default_doctype=False,
    )
    # C0 controls are never page text, and lxml refuses some of them next to <script> (ValueError)
    source = _CONTROLS.sub("", _strip_dtd(_XML_DECL.sub("", html)))
    if not source.strip():
        return ""
    try:
        root = lxml_html.document_fromstring(source, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from exc
    except Exception as exc:
        raise InputError(f"cannot parse HTML: {exc}") from exc
    cut = any("Excessive depth" in str(e.message) for e in parser.error_log)
    if cut or _depth(root) > MAX_HTML_DEPTH:
        notes.append(f"html_depth_limit: elements nested more than {MAX_HTML_DEPTH} levels deep; the page was read tag by tag, without its layout")
        return _flat_text(source)
    lines: list[str] = []
    for name in _META_NAMES:
        for meta in root.iter("meta"):
            if meta.get("name") == name and (meta.get("content") or "").strip():
                lines.append(f"{name}: {_clean_line(meta.get('content') or '')}")
                break
    title_probe = next((ln.split(": ", 1)[1] for ln in lines if ln.startswith("ArticleTitle: ")), "")
    try:
        for bad in [el for el in root.iter() if _tag(el) in _DROP_TAGS or _hidden(el)]:
            bad.drop_tree()
    except ValueError as exc:  # lxml refusing a character the filter above let through
        raise InputError(f"cannot read HTML: {exc}") from exc
    body = root.find("body")
    top = body if body is not None else root
    pairs, consumed = _metadata_pairs(top)
    for label, value in pairs:
        lines.append(f"{label}：{value}")
        if not title_probe and label in ("标题", "名称"):
            title_probe = value
    sizes, own = _text_sizes(top)
    main = _main_block(top, sizes, own)
    article = _article_block(main, sizes, _squash(_REPRINT.sub("", title_probe)))
    renderer = _Renderer(main if article is not main else None, consumed)
    renderer.walk(article, in_link=False, in_main=article is main)
    renderer.newline()
    lines.extend(renderer.lines)
    return "\n".join(lines) + "\n" if lines else ""


def _depth(root: Any) -> int:
    """The deepest nesting of the tree (iterative)."""
    deepest = 0
    stack = [(root, 1)]
    while stack:
        el, d = stack.pop()
        deepest = max(deepest, d)
        stack.extend((child, d + 1) for child in el)
    return deepest


def _text_sizes(top: Any) -> tuple[dict[Any, int], dict[Any, int]]:
    """Non-link, non-space characters under every element (post-order, no recursion), and each
    counted element's own characters (its text and its children's tails)."""
    sizes: dict[Any, int] = {}
    own: dict[Any, int] = {}
    for el in reversed(list(top.iter())):
        if _tag(el) == "a" or not isinstance(el.tag, str):
            sizes[el] = 0
            continue
        n = _squashed_len(el.text)
        below = 0
        for child in el:
            n += _squashed_len(child.tail)
            below += sizes.get(child, 0)
        own[el] = n
        sizes[el] = n + below
    return sizes, own


def _main_block(top: Any, sizes: dict[Any, int], own_sizes: dict[Any, int]) -> Any:
    """The element that holds the article's paragraphs (a readability-style score).

    Each element's own text of 20 characters or more counts fully for the parent of its nearest
    paragraph block and half for the grandparent, so the container of many paragraphs wins over
    the page's menus, whose texts are links (not counted) or short.
    """
    scores: dict[Any, float] = {}
    for el in reversed(own_sizes):  # document order, as top.iter(): ties go to the first
        own = own_sizes[el]
        if own < 20:
            continue  # menus, buttons and labels are short; paragraphs are not
        block = el
        while block is not top and _tag(block) not in _PARAGRAPH_TAGS:
            block = block.getparent()
        parent = block.getparent() if block is not top else None
        if parent is None:
            scores[top] = scores.get(top, 0.0) + own
            continue
        scores[parent] = scores.get(parent, 0.0) + own
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + own / 2
    if not scores:
        return top
    best = max(scores, key=lambda e: scores[e])
    # a lone paragraph block's score sits on its container: take that container (it is ``best``)
    return best if sizes.get(best, 0) else top


def _article_block(main: Any, sizes: dict[Any, int], title: str) -> Any:
    """``main`` widened to the nearest ancestor that holds the article's title, if one is close.

    The title is the page's ArticleTitle (or metadata 标题/名称); without one, an ``<h1>``/``<h2>``
    just above the main block is taken for it.
    """
    if not title:
        node = main.getparent()
        for _ in range(2):
            if node is None or _tag(node) in ("body", "html") or sizes.get(node, 0) > sizes.get(main, 0) + 300:
                break
            if any(h is not main and main not in h.iterancestors() for h in node.iter("h1", "h2")):
                return node
            node = node.getparent()
        return main
    if title in _squash(main.text_content()):
        return main
    limit = sizes.get(main, 0) + 1000
    node = main.getparent()
    while node is not None and _tag(node) not in ("body", "html") and sizes.get(node, 0) <= limit:
        if title in _squash(node.text_content()):
            return node
        node = node.getparent()
    return main


def _metadata_pairs(top: Any) -> tuple[list[tuple[str, str]], set[Any]]:
    """``(label, value)`` of every metadata-table cell pair, and the elements they consumed."""
    pairs: list[tuple[str, str]] = []
    consumed: set[Any] = set()
    seen: set[tuple[str, str]] = set()
    for el in top.iter():
        if not isinstance(el.tag, str) or el in consumed:
            continue
        head = el.text or ""
        if "：" not in head and ":" not in head:
            continue
        raw = _squash(el.text_content())
        label = raw.rstrip(":：")
        if label not in _META_LABELS or raw == label:
            continue
        value, used = _label_value(el)
        consumed.add(el)
        consumed.update(used)
        if value and (label, value) not in seen:
            seen.add((label, value))
            pairs.append((label, value))
    return pairs, consumed


def _label_value(label: Any) -> tuple[str, list[Any]]:
    """The value of a label element: the text after it in its cell, else the next cell."""
    tail = _clean_line(label.tail or "")
    parent = label.getparent()
    if tail:
        # <li><span>文　　号：</span>穗府办规〔2021〕7号</li>: the value is the rest of the cell
        if parent is None:
            return "", []
        rest = _squash(parent.text_content())
        if len(rest) > len(_squash(label.text_content())) + 200:
            return "", []
        after = [tail] + [_clean_line(s.text_content() + (s.tail or "")) for s in label.itersiblings()]
        return _clean_line(" ".join(a for a in after if a)), [parent]
    node = label
    while node.getnext() is None and _tag(node.getparent()) in _LABEL_CELLS:
        node = node.getparent()
    cell = node.getnext()
    if cell is None or _tag(cell) in _BLOCK_TAGS - {"dd"}:
        return "", [node]
    return _clean_line(cell.text_content()), [node, cell]


def _in_heading(el: Any) -> bool:
    return any(_tag(a) in ("h1", "h2", "h3", "h4", "h5", "h6") for a in el.iterancestors())


class _Renderer:
    """Walks an element into lines; outside ``main``, a line made only of link text is dropped."""

    def __init__(self, main: Any, skip: set[Any]) -> None:
        self.main = main
        self.skip = skip
        self.lines: list[str] = []
        self._buf: list[str] = []
        self._plain = False  # the line has text outside links
        self._outside = False  # the line has text outside the main block

    def add(self, text: str, in_link: bool, in_main: bool) -> None:
        if not text:
            return
        self._buf.append(text)
        if text.strip():
            self._plain = self._plain or not in_link
            self._outside = self._outside or not in_main

    def newline(self) -> None:
        line = _clean_line("".join(self._buf))
        if line and (self._plain or not self._outside):
            self.lines.append(line)
        self._buf, self._plain, self._outside = [], False, False

    def walk(self, el: Any, *, in_link: bool, in_main: bool) -> None:
        tag = _tag(el)
        if el in self.skip:
            return
        in_main = in_main or el is self.main
        in_link = in_link or tag == "a"
        # <h2>title<small>(发布日期：… 文号：…)</small></h2>: the subtitle is a line of its own (corpus 0046)
        block = tag in _BLOCK_TAGS or el is self.main or (tag == "small" and _in_heading(el))
        if block:
            self.newline()
        self.add(el.text or "", in_link, in_main)
        for child in el:
            if isinstance(child.tag, str):
                self.walk(child, in_link=in_link, in_main=in_main)
            self.add(child.tail or "", in_link, in_main)
        if tag in ("td", "th"):
            self.add("\t", in_link, in_main)
        if block:
            self.newline()
