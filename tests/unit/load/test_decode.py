"""Stage 1, bytes: encodings decoded with a stated confidence, never silent mojibake.

Real text: the first lines of samples/004 (Simplified, as GB18030 and UTF-16) and of samples/003
(Traditional, as Big5). Failure cases: a binary file, bytes that decode as GB18030 or Big5 but
into implausible characters (random high bytes, Shift-JIS Japanese, EUC-KR Korean), Latin-1.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from sztext import DecodeError, InputError
from sztext.load import decode, load_bytes, load_path

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def _head(name: str, lines: int) -> str:
    path = next(SAMPLES.glob(f"{name}_*.txt"))
    return "\n".join(path.read_text(encoding="utf-8").split("\n")[:lines]) + "\n"


SIMPLIFIED = _head("004", 12)
TRADITIONAL = _head("003", 6)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig", id="utf-8-bom"),
        pytest.param(SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030", id="gb18030-004"),
        pytest.param(TRADITIONAL.encode("big5"), TRADITIONAL, "big5", id="big5-003"),
        pytest.param(codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16", id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16", id="utf-16-be-bom"),
        pytest.param(SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16", id="utf-16-le-no-bom"),
    ],
)
def test_decodes_real_text(data: bytes, text: str, encoding: str) -> None:
    decoded, codec, confidence = decode(data)
    assert decoded == text
    assert codec == encoding
    assert 0.5 <= confidence <= 1.0


def test_a_bom_is_certain_and_a_guess_is_not() -> None:
    assert decode(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"))[2] == 1.0
    assert decode(SIMPLIFIED.encode("gb18030"))[2] < 1.0


def _random_high_bytes() -> bytes:
    rng = random.Random(9)
    return bytes(rng.randrange(0x81, 0xFF) for _ in range(400))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "empty input", id="empty"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary input", id="binary"),
        pytest.param(_random_high_bytes(), "implausible text", id="random-high-bytes"),
        pytest.param("日本語のテキストです。これはシフトJISでエンコードされています。".encode("shift_jis"), "implausible text", id="shift-jis"),
        pytest.param("한국어 텍스트입니다. 이것은 EUC-KR로 인코딩되었습니다.".encode("euc-kr"), "implausible text", id="euc-kr"),
        pytest.param("Ceci est un texte français encodé en Latin-1.".encode("latin-1"), "neither UTF-8", id="latin-1"),
        pytest.param(codecs.BOM_UTF8 + b"\xff\xfe\xfd", "byte order mark says utf-8-sig", id="bad-utf-8-after-bom"),
    ],
)
def test_refuses_to_guess(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(data)


def test_decode_error_is_an_input_error() -> None:
    with pytest.raises(InputError):
        load_bytes(_random_high_bytes(), "x.txt")


def test_load_bytes_reports_encoding_and_format() -> None:
    loaded = load_bytes(SIMPLIFIED.encode("gb18030"), "a.txt")
    assert (loaded.text, loaded.encoding, loaded.format) == (SIMPLIFIED, "gb18030", "text")


def test_load_bytes_of_html_gives_the_extracted_text() -> None:
    page = '<html><head><meta name="PubDate" content="2019-02-13"></head><body><p>各省：</p></body></html>'
    loaded = load_bytes(page.encode("gb18030"), "a.html")
    assert loaded.format == "html"
    assert loaded.text == "PubDate: 2019-02-13\n各省：\n"


def test_load_bytes_limits_the_size() -> None:
    from sztext import InputTooLargeError

    with pytest.raises(InputTooLargeError):
        load_bytes(SIMPLIFIED.encode("utf-8"), max_chars=10)


def test_load_bytes_without_text() -> None:
    with pytest.raises(InputError, match="no text"):
        load_bytes("<html><body><script>x()</script></body></html>".encode(), "a.html")


def test_load_path_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="cannot read"):
        load_path(missing)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(_random_high_bytes())
    with pytest.raises(DecodeError, match=r"bad\.txt: decoding as"):
        load_path(bad)
