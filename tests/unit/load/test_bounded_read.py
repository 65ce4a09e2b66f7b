"""parse_file checks the size limit before reading a whole file (issue 16): bytes read are counted."""

from __future__ import annotations

import pathlib
from pathlib import Path
from typing import Any

import pytest

import sztext


@pytest.fixture
def bytes_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every ``read`` of a file opened through ``Path.open`` (``read_bytes`` uses it too) is counted."""
    counts: list[int] = []
    original = pathlib.Path.open

    class Counting:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def read(self, *args: Any) -> bytes:
            data: bytes = self.fh.read(*args)
            counts.append(len(data))
            return data

        def __enter__(self) -> "Counting":
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def __getattr__(self, name: str) -> Any:
            return getattr(self.fh, name)

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        fh = original(self, *args, **kwargs)
        return Counting(fh) if self.suffix == ".txt" else fh  # the grammar's .toml files are not counted

    monkeypatch.setattr(pathlib.Path, "open", counting_open)
    return counts


def test_a_file_far_over_the_limit_is_refused_unread(tmp_path: Path, bytes_read: list[int]) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("各区人民政府：\n".encode() * 10_000)  # 240,000 bytes
    with pytest.raises(sztext.InputTooLargeError, match="more than 4 × the limit of 1000 characters"):
        sztext.parse_file(path, options=sztext.Options(max_chars=1000))
    assert sum(bytes_read) == 0


def test_at_most_the_limit_plus_one_byte_is_read(tmp_path: Path, bytes_read: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    # stat says 10 bytes (a file that grows while it is read): the read still stops at 4001
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 50_000)
    real_stat = pathlib.Path.stat

    class Small:
        def __init__(self, st: Any) -> None:
            self.st = st

        def __getattr__(self, name: str) -> Any:
            return 10 if name == "st_size" else getattr(self.st, name)

    monkeypatch.setattr(pathlib.Path, "stat", lambda self, **kw: Small(real_stat(self, **kw)) if self == path else real_stat(self, **kw))
    with pytest.raises(sztext.InputTooLargeError):
        sztext.parse_file(path, options=sztext.Options(max_chars=1000))
    assert sum(bytes_read) == 4001


def test_a_file_under_the_limit_parses(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("深圳市人民政府关于印发若干措施的通知\n深府规〔2024〕6号\n各区人民政府：\n现印发。\n", encoding="utf-8")
    [notice] = sztext.parse_file(path, options=sztext.Options(max_chars=1000))
    assert notice.doc_number is not None and notice.doc_number.clean == "深府规〔2024〕6号"


def test_reading_a_small_file_allocates_no_buffer_of_the_limit(tmp_path: Path) -> None:
    # read(limit + 1) would allocate 4 × max_chars bytes (800 MB by default) for every file
    import tracemalloc

    path = tmp_path / "small.txt"
    path.write_bytes("各区人民政府：\n".encode() * 100)
    from sztext.load import load_path

    load_path(path, max_chars=50_000_000)  # imports done
    tracemalloc.start()
    try:
        load_path(path, max_chars=50_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # (was 200 MB: 4 × 50,000,000 + 1)
