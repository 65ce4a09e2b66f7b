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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import DecodeError, InputError, InputTooLargeError

__all__ = ["Loaded", "load_bytes", "load_path", "decode", "html_to_text", "looks_like_html"]

Format = Literal["text", "html"]

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


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or fragment rather than plain text."""
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<div", "<meta", "<head", "<body", "<table", "<p")) or (
        "</div>" in text[:20000] and "<" in head[:1]
    )


def decode(data: bytes) -> tuple[str, str, float]:
    """Decode bytes of a notice, reporting the encoding and a confidence in [0, 1].

    Raises:
        DecodeError: empty, binary, or no encoding decodes the bytes plausibly.

    >>> decode("深府规〔2024〕6号".encode("gb18030"))[1]
    'gb18030'
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
    if data.count(0) > len(data) // 10:
        utf16 = _try_utf16(data)
        if utf16 is not None:
            return utf16, "utf-16", 0.9
        raise DecodeError("binary input: too many NUL bytes for a text file")
    best: tuple[float, str, str] | None = None
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None:
        raise DecodeError("bytes are neither UTF-8, UTF-16, GB18030 nor Big5")
    score, codec, text = best
    if score < 0.2:
        raise DecodeError(f"decoding as {codec} gives implausible text (confidence {score:.2f}); refusing mojibake")
    return text, codec, round(min(1.0, 0.5 + score), 2)


def _try_utf16(data: bytes) -> str | None:
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausibility(text) > 0.3:
            return text
    return None


def _plausibility(text: str) -> float:
    """Share of CJK characters that are among the common characters of 公文 text."""
    cjk = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        printable = sum(1 for c in text[:20000] if c.isprintable() or c in "\r\n\t")
        return 0.5 if printable >= 0.95 * max(1, len(text[:20000])) else 0.0
    return sum(1 for c in cjk if c in _COMMON) / len(cjk)


def load_bytes(data: bytes, path: str | None = None, *, max_chars: int | None = None) -> Loaded:
    """Decode bytes (and extract HTML) into the text the pipeline parses.

    Raises:
        DecodeError: the bytes cannot be decoded with confidence.
        InputTooLargeError: the text is longer than ``max_chars``.
    """
    text, encoding, confidence = decode(data)
    is_html = (path is not None and path.lower().endswith((".html", ".htm", ".shtml", ".xhtml"))) or looks_like_html(text)
    if is_html:
        text = html_to_text(text)
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(f"input has {len(text)} characters, more than the limit of {max_chars}")
    if not text.strip():
        raise InputError("input has no text")
    return Loaded(text, path, encoding, confidence, "html" if is_html else "text")


def load_path(path: str | Path, *, max_chars: int | None = None) -> Loaded:
    """Read and decode a file (``.txt``, ``.html`` …).

    Raises:
        InputError: the file cannot be read, or its bytes cannot be decoded.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from exc
    try:
        return load_bytes(data, str(p), max_chars=max_chars)
    except InputError as exc:
        raise type(exc)(f"{p}: {exc}") from exc


_BLOCK_TAGS = {
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "ul", "ol", "dd", "dt", "blockquote", "pre", "center", "title", "hr",
}
_DROP_TAGS = ("script", "style", "noscript", "iframe", "object", "embed", "svg", "canvas", "template", "button", "select", "input", "textarea", "form")
_META_NAMES = ("ArticleTitle", "PubDate", "ContentSource", "Keywords", "Description")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANKS = re.compile(r"\n{3,}")


def html_to_text(html: str) -> str:
    """The text of an HTML page: ``<meta>`` fields as lines, then the main text, a block per line.

    lxml parses without network access, without DTD loading and without entity expansion.

    Raises:
        InputError: the markup cannot be parsed at all.

    >>> html_to_text('<html><head><meta name="PubDate" content="2019-02-13"></head>'
    ...              '<body><p>国务院关于<b>印发</b>的通知</p><p>各省：</p></body></html>')
    'PubDate: 2019-02-13\\n国务院关于印发的通知\\n各省：\\n'
    """
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    source = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    try:
        root = lxml_html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from exc
    lines: list[str] = []
    for name in _META_NAMES:
        for meta in root.xpath(f'//meta[@name="{name}"]'):
            content = (meta.get("content") or "").strip()
            if content:
                lines.append(f"{name}: {_SPACES.sub(' ', content)}")
                break
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP_TAGS) + "|//head"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag.lower() in ("td", "th"):
            parts.append("\t")
        if block:
            parts.append("\n")

    body = root.find("body")
    walk(body if body is not None else root)
    text = "".join(parts)
    out_lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line.replace("\xa0", " ")).strip()
        if line:
            out_lines.append(line)
    return "\n".join(lines + out_lines) + "\n"
