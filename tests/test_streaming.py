"""Files streamed in chunks (issue 16): the same records as ``parse_file`` on the whole file.

``sztext batch`` reads a plain text file of more than ``2 × CHUNK_CHARS`` bytes in chunks
(sztext/load/stream.py decodes it, ``Pipeline.iter_stream`` parses it). The tests force that
path on small files with the ``chunk_chars`` parameter of ``iter_records`` (or by lowering
``batch.CHUNK_CHARS`` for a whole ``run_batch``), so every sample and corpus file goes through
both paths and the records are compared byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pytest

import sztext
from sztext import batch as batch_mod
from sztext.batch import RETRY_NOTE, iter_records, run_batch
from sztext.export.json import dumps_jsonl_line
from sztext.load import load_path
from sztext.load import stream as stream_mod
from sztext.load.stream import InputChangedError, TextStream, open_text_stream
from sztext.models import ErrorRecord, Notice
from sztext.pipeline import Pipeline
from sztext.workers import is_transient

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SAMPLE_000 = SAMPLES / "000_7295ffc925fab055.txt"
SAMPLE_001 = SAMPLES / "001_b03c00c579b17cff.txt"
SAMPLE_002 = SAMPLES / "002_2dc559b6324d11b4.txt"
SAMPLE_003 = SAMPLES / "003_bcc823c19366d39e.txt"
SEED_004 = SAMPLES / "004_dc8ab61eb0bb8ed1.txt"


def _files() -> list[object]:
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix == ".txt")
    if CORPUS.is_dir():
        files += sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".htm", ".md"))
    return [pytest.param(p, id=p.name[:40]) for p in files]


def _whole(path: Path) -> list[bytes]:
    """The records of ``parse_file`` on the whole file (one error record when it fails)."""
    try:
        return [dumps_jsonl_line(n) for n in sztext.parse_file(path)]
    except sztext.SztextError as exc:
        return [dumps_jsonl_line(ErrorRecord.from_exception(str(path), None, exc))]


def _streamed(path: Path, chunk_chars: int) -> list[bytes]:
    return [dumps_jsonl_line(r) for r in iter_records(path, Pipeline(), chunk_chars=chunk_chars)]


def _chunk_for(path: Path) -> int:
    """Small enough that the file is streamed (over 2 × chunk bytes) in at least 4 chunks."""
    return max(500, path.stat().st_size // 8)


@pytest.mark.parametrize("path", _files())
def test_every_sample_and_corpus_file_streams_to_the_records_of_the_whole_file(path: Path) -> None:
    chunk = _chunk_for(path)
    is_page = path.suffix in (".html", ".htm")
    # the streamed path is really taken for every plain text file (HTML is extracted whole)
    assert (open_text_stream(path) is None) == is_page
    assert _streamed(path, chunk) == _whole(path)


def _archive(tmp_path: Path, *parts: Path, name: str = "archive.txt") -> tuple[Path, str]:
    text = "\n".join(p.read_text(encoding="utf-8").rstrip("\n") for p in parts) + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


@pytest.mark.parametrize(
    "codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "gb18030"], ids=["utf-16 BOM", "utf-16-le no BOM", "utf-16-be no BOM", "utf-8 BOM", "gb18030"],
)
def test_a_streamed_utf16_file_gives_the_records_of_the_whole_file(tmp_path: Path, codec: str) -> None:
    """Before: every UTF-16 file over 2 MB became one DecodeError (its probe was cut at a b"\\n"
    byte, an odd number of bytes), and a BOM-less big-endian one would be read little-endian."""
    utf8, text = _archive(tmp_path, SAMPLE_000, SAMPLE_002, SAMPLE_003)
    path = tmp_path / "utf16.txt"
    path.write_bytes(text.encode(codec))
    stream = open_text_stream(path)
    assert stream is not None and stream.chars == len(text)
    whole = _whole(path)
    assert len(whole) == len(_whole(utf8)) and all(b'"error"' not in r for r in whole)
    assert _streamed(path, 4_000) == whole


def test_a_file_with_no_newline_in_its_first_mib_decodes_as_the_whole_file(tmp_path: Path) -> None:
    """Before: the encoding was read on the first MiB cut at its last newline; with none, the
    probe ended inside a UTF-8 character and the file was read as GB18030 or failed whole."""
    line = "现将有关事项通知如下，请认真贯彻落实。" * 20_000  # 380,000 characters, 1.14 MB in UTF-8
    text = line + "\n" + SAMPLE_002.read_text(encoding="utf-8")
    path = tmp_path / "long-line.txt"
    path.write_text(text, encoding="utf-8")
    stream = open_text_stream(path)
    assert stream is not None and stream.codec == "utf-8" and stream.chars == len(text)
    pieces = list(stream.chunks(100_000))
    assert "".join(pieces) == load_path(path).text == text
    assert [len(p) for p in pieces[:-1]] == [100_000] * (len(pieces) - 1)


def test_streamed_notices_verify_against_the_file_text_and_hold_no_chunk() -> None:
    """Each chunk's view starts at the chunk's offset in the file, so a streamed notice's spans
    index the file's text as they are built (samples/004: 37 notices of a Guangdong portal
    whose page furniture, 【字体：大中小 】, moves the view against the source; in
    20,000-character chunks all but the first few documents lie past the first chunk)."""
    text = load_path(SEED_004).text
    streamed = [r for r in iter_records(SEED_004, Pipeline(), chunk_chars=20_000) if isinstance(r, Notice)]
    assert all(n.source_text == "" for n in streamed)  # the file is never whole in memory
    notices = [Notice.from_record(dumps_jsonl_line(n), text) for n in streamed]
    for notice in notices:
        notice.verify()
    later = [n for n in notices if n.source.span[0] > 20_000]
    assert len(later) >= 30 and sum(len(n.noise) for n in later) >= 20  # 32 documents, 22 noise spans
    assert [n.text for n in notices] == [n.text for n in sztext.parse_file(SEED_004)]


def test_streamed_documents_get_duplicate_of() -> None:
    """samples/004 holds the same 意见 twice (once with 党中央, once with 中共中央): document 25
    repeats document 24, also when the file is streamed (before: streamed documents never got
    duplicate_of)."""
    def duplicates(records: list[bytes]) -> list[object]:
        return [json.loads(r)["duplicate_of"] for r in records]

    streamed = duplicates(_streamed(SEED_004, 20_000))
    assert streamed == duplicates(_whole(SEED_004))
    assert [(k, d) for k, d in enumerate(streamed) if d is not None] == [(25, 24)]


@pytest.mark.parametrize(("path", "spots"), [(SAMPLE_003, 19), (SAMPLE_001, 13)], ids=["003", "001"])
def test_streamed_mojibake_repair_is_that_of_the_whole_file(path: Path, spots: int) -> None:
    """samples/003 holds 19 mojibake spots and samples/001 13 (e.g. ``?。ň牛┙ㄔO`` for
    ``（九）建設``): repaired the same way when the file is streamed in 2,000-character chunks."""
    streamed = _streamed(path, 2_000)
    assert streamed == _whole(path)
    (record,) = [json.loads(r) for r in streamed]
    assert len([n for n in record["noise"] if n["kind"] == "mojibake"]) == spots


def test_a_large_document_is_segmented_a_bounded_number_of_times_and_normalized_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document longer than many chunks is segmented again only when three times the text
    carried has been read, so a document of n chunks is segmented about log4(n) times; and each
    piece is normalized once, joined to the view carried (issue 13; before: the carried text was
    normalized again with each segmentation, 1.3–1.6 × the text)."""
    from sztext import normalize as normalize_mod
    from sztext import pipeline as pipeline_mod

    body = SAMPLE_002.read_text(encoding="utf-8")
    text = body[: body.rfind("责任编辑")] * 4  # one document (bench/streaming.py)
    path = tmp_path / "one-document.txt"
    path.write_text(text, encoding="utf-8")
    normalized: list[int] = []
    segmented: list[int] = []
    real_noise, real_table = normalize_mod.find_noise, pipeline_mod.line_table

    def counting_noise(source: str, *args: object) -> object:
        normalized.append(len(source))
        return real_noise(source, *args)  # type: ignore[arg-type]

    def counting_table(view: object, *args: object) -> object:
        segmented.append(len(view.text))  # type: ignore[attr-defined]
        return real_table(view, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(normalize_mod, "find_noise", counting_noise)
    monkeypatch.setattr(pipeline_mod, "line_table", counting_table)
    chunk = 1_000
    pieces = [text[k : k + chunk] for k in range(0, len(text), chunk)]  # no ``chars``: read on, ×4 a time
    records = [r for r in Pipeline().iter_stream(pieces, path=str(path)) if isinstance(r, Notice)]
    assert len(records) == 1 and len(pieces) > 40
    assert len(segmented) <= 5 and sum(segmented) <= 1.6 * len(text)
    assert sum(normalized) <= 1.05 * len(text)  # each piece once, and a line or two before it (before: 1.33×)
    assert [dumps_jsonl_line(r) for r in records] == _whole(path)


# --- a file that changes while it is read ----------------------------------------------------

def _big_input(tmp_path: Path) -> tuple[Path, bytes]:
    path, _ = _archive(tmp_path, SAMPLE_002, SAMPLE_000, SAMPLE_003, SAMPLE_001)
    return path, path.read_bytes()


def _records_changing(path: Path, change: bytes, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    monkeypatch.setattr(stream_mod, "READ_BYTES", 4096)  # many reads, so the change lands between two
    _change_after_first_chunk(monkeypatch, change)  # truncated, rewritten or grown
    return list(iter_records(path, Pipeline(), chunk_chars=4_000))


@pytest.mark.parametrize("how", ["truncated", "rewritten", "grown"])
def test_a_file_changed_while_streamed_ends_in_a_transient_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Before: a file truncated while it was read gave the documents of its first part and no
    error record at all."""
    path, data = _big_input(tmp_path)
    change = {"truncated": data[: len(data) // 2], "rewritten": data.replace("通知".encode(), "通告".encode()), "grown": data + data}[how]
    records = _records_changing(path, change, monkeypatch)
    last = records[-1]
    assert isinstance(last, ErrorRecord) and last.index is None and last.error.type == "InputChangedError"
    assert "changed while it was read" in last.error.message
    assert is_transient(InputChangedError("x"))


def test_parse_record_returns_no_partial_result_for_a_changed_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sztext.engine import parse_record

    path, data = _big_input(tmp_path)
    monkeypatch.setattr(stream_mod, "READ_BYTES", 4096)
    monkeypatch.setattr(batch_mod, "CHUNK_CHARS", 4_000)
    _change_after_first_chunk(monkeypatch, data[: len(data) // 3])
    records = parse_record(path)
    assert [r["error"]["type"] for r in records] == ["InputChangedError"]


def _change_after_first_chunk(monkeypatch: pytest.MonkeyPatch, change: bytes) -> None:
    real = TextStream.chunks

    def changing(self: TextStream, chunk_chars: int) -> Iterator[str]:
        for k, piece in enumerate(real(self, chunk_chars)):
            if k == 1:
                self.path.write_bytes(change)
            yield piece

    monkeypatch.setattr(TextStream, "chunks", changing)


def test_batch_keeps_nothing_of_a_file_truncated_while_streamed_and_resume_retries_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    path, data = _big_input(src)
    monkeypatch.setattr(stream_mod, "READ_BYTES", 4096)
    monkeypatch.setattr(batch_mod, "CHUNK_CHARS", 4_000)  # the file (about 140 KB) is streamed
    _change_after_first_chunk(monkeypatch, data[: len(data) // 3])
    first = run_batch([path], tmp_path / "out", jobs=1, progress=False, formats=("jsonl",))
    assert (first.documents, first.errors) == (0, 1)
    assert (tmp_path / "out" / "notices.jsonl").read_bytes() == b""  # no partial result
    (error,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_bytes().splitlines()]
    assert error["error"]["type"] == "InputChangedError" and error["error"]["message"].endswith(RETRY_NOTE)
    monkeypatch.undo()  # the file is whole again and is read in one piece
    monkeypatch.setattr(batch_mod, "CHUNK_CHARS", 4_000)
    path.write_bytes(data)
    again = run_batch([path], tmp_path / "out", jobs=1, resume=True, progress=False, formats=("jsonl",))
    whole = [dumps_jsonl_line(n).rstrip(b"\n") for n in sztext.parse_file(path)]
    assert (again.skipped, again.documents, again.errors) == (0, len(whole), 0)
    assert (tmp_path / "out" / "notices.jsonl").read_bytes().splitlines() == whole
