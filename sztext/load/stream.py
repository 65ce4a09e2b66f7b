"""Stage 1 for large files — the text of a file in chunks, decoded exactly as :func:`decode` would.

``sztext batch`` does not read a large text file (over :data:`STREAM_BYTES`) into memory: it
reads it in chunks. So that a streamed file gives the same records as ``parse_file`` on the
whole file, the encoding is chosen by the same rules as :func:`~sztext.load.decode`, over the
whole file, before the first chunk is parsed:

* a first pass decodes the whole file strictly and incrementally (a BOM's codec, else UTF-8,
  else each of UTF-16-LE/BE, GB18030 and Big5 as ``decode`` tries them), keeping only the first
  characters that ``decode`` scores and the file's digest, so no character, multi-byte sequence
  or UTF-16 code unit is ever split at a block boundary;
* what ``decode`` would refuse, and whatever the whole-file path treats differently (HTML, a
  binary format, a text with no visible character) is not streamed: :func:`open_text_stream`
  returns ``None`` and the caller loads the file whole, with its exact errors;
* the second pass yields the chunks and checks, at its end, that the bytes it read are the bytes
  the first pass chose the encoding for. A file truncated, grown or rewritten while it was read
  raises :class:`InputChangedError`, a transient fault (``--resume`` reads it again), so a
  changed file never gives a partial result.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from . import looks_like_html, plausibility
from .record import opens_like_record

__all__ = ["TextStream", "InputChangedError", "open_text_stream", "STREAM_BYTES", "READ_BYTES"]

#: Files of more bytes than this are streamed by ``sztext batch`` (with the default chunk size).
STREAM_BYTES = 2_000_000
READ_BYTES = 1 << 20  # bytes per read(); chunks of text are cut from what the reads decode
_HEAD_CHARS = 20_000  # what ``decode`` scores and ``looks_like_html`` looks at
_BINARY_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class InputChangedError(InputError):
    """The file changed (truncated, grown, rewritten) while it was read in chunks: a fault of the
    moment, not a verdict on the input (:func:`~sztext.workers.is_transient`)."""


@dataclass(frozen=True)
class TextStream:
    """A text file whose encoding is known: its chunks, and how it decodes."""

    path: Path
    codec: str  # the Python codec (``utf-16-le``, not the ``utf-16`` that ``decode`` reports)
    chars: int  # characters of the whole decoded text
    size: int  # bytes
    digest: bytes  # sha256 of the bytes the encoding was chosen for

    def chunks(self, chunk_chars: int) -> Iterator[str]:
        """The decoded text in pieces of about ``chunk_chars`` characters (the last may be
        shorter), never splitting a character.

        Raises:
            InputChangedError: the bytes read are not the bytes of the first pass.
        """
        digest = hashlib.sha256()
        size = 0
        pending: list[str] = []
        held = 0
        try:
            for block, text in _decoded_blocks(self.path, self.codec, digest):
                size += len(block)
                if text:
                    pending.append(text)
                    held += len(text)
                if held >= chunk_chars or (not block and held):
                    joined = "".join(pending)
                    cut = len(joined) if not block else len(joined) - len(joined) % chunk_chars
                    for at in range(0, cut, chunk_chars):
                        yield joined[at : at + chunk_chars]
                    rest = joined[cut:]
                    pending, held = ([rest], len(rest)) if rest else ([], 0)
        except UnicodeDecodeError as exc:
            raise self._changed(f"its bytes no longer decode as {self.codec} ({exc.reason})") from exc
        if size != self.size or digest.digest() != self.digest:
            raise self._changed(f"{size} bytes read, {self.size} when the encoding was chosen" if size != self.size else "its bytes changed")

    def _changed(self, why: str) -> InputChangedError:
        return InputChangedError(f"{self.path}: the file changed while it was read ({why}); read it again")


def open_text_stream(path: Path) -> TextStream | None:
    """The stream of a plain text file, or ``None`` when the file is to be loaded whole: HTML,
    a binary format, a text ``decode`` refuses or has no visible character in (then loading it
    whole gives the exact record ``parse_file`` gives)."""
    with path.open("rb") as fh:
        head = fh.read(READ_BYTES)
    if head.lstrip()[:5] == b"%PDF-" or head.startswith(_BINARY_MAGIC) or head[:4] == b"RIFF":
        return None
    if not head:
        return None
    bom = next((codec for mark, codec in _BOMS if head.startswith(mark)), None)
    if bom is not None:
        # ``decode`` reads the BOM with this codec; the ``utf-16`` codec reads both byte orders
        found = _scan(path, bom)
        return _stream(path, bom, found) if found is not None else None
    found = _scan(path, "utf-8")
    if found is not None:
        return _stream(path, "utf-8", found)
    # as ``decode``: UTF-16 for an even length, GB18030 and Big5 when there is no NUL byte
    size = path.stat().st_size
    has_nul = _has_nul(path)
    best: tuple[float, str, _Scan] | None = None
    for codec in (["utf-16-le", "utf-16-be"] if size % 2 == 0 else []) + ([] if has_nul else ["gb18030", "big5"]):
        found = _scan(path, codec)
        if found is None:
            continue
        score = plausibility(found.head)
        if best is None or score > best[0]:
            best = (score, codec, found)
    if best is None or (has_nul and best[0] < 0.3) or best[0] < 0.2:
        return None  # ``decode`` raises DecodeError: the whole-file path gives its record
    return _stream(path, best[1], best[2])


@dataclass(frozen=True)
class _Scan:
    head: str
    chars: int
    size: int
    digest: bytes
    visible: bool  # some character is not white space (``text.strip()`` is not empty)


def _stream(path: Path, codec: str, found: _Scan) -> TextStream | None:
    if not found.visible or looks_like_html(found.head) or opens_like_record(found.head):
        return None  # "input has no text", an HTML page or an XML record: all are loaded whole
    return TextStream(path, codec, found.chars, found.size, found.digest)


def _scan(path: Path, codec: str) -> _Scan | None:
    """Decode the whole file strictly with ``codec``, block by block; ``None`` when it fails."""
    digest = hashlib.sha256()
    head: list[str] = []
    have = chars = size = 0
    visible = False
    try:
        for block, text in _decoded_blocks(path, codec, digest):
            size += len(block)
            chars += len(text)
            if have < _HEAD_CHARS and text:
                head.append(text[: _HEAD_CHARS - have])
                have += len(head[-1])
            if not visible and text and not text.isspace():
                visible = True
    except UnicodeDecodeError:
        return None
    return _Scan("".join(head), chars, size, digest.digest(), visible)


def _decoded_blocks(path: Path, codec: str, digest: hashlib._Hash) -> Iterator[tuple[bytes, str]]:
    """The file's blocks of :data:`READ_BYTES` and their text, decoded strictly and incrementally
    (a character split over two blocks comes with the second), ending with ``(b"", rest)``;
    ``digest`` is updated with every block. Raises ``UnicodeDecodeError`` where the bytes stop
    decoding. One reader for both passes, so the scan and the chunks decode alike."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    with path.open("rb") as fh:
        while True:
            block = fh.read(READ_BYTES)
            digest.update(block)
            yield block, decoder.decode(block, final=not block)
            if not block:
                return


def _has_nul(path: Path) -> bool:
    with path.open("rb") as fh:
        return any(b"\x00" in block for block in iter(lambda: fh.read(READ_BYTES), b""))
