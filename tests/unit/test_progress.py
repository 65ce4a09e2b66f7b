"""The batch progress bar counts bytes (sztext.progress): one big archive moves the bar while it is
read, not only when it is done (issue 17)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sztext import progress
from sztext.batch import run_batch

SEED = Path(__file__).resolve().parents[2] / "samples" / "000_7295ffc925fab055.txt"
needs_proc = pytest.mark.skipif(not os.path.isdir("/proc"), reason="reading offsets needs Linux /proc")


@needs_proc
def test_open_positions_reads_how_far_a_file_is_read(tmp_path: Path) -> None:
    f = tmp_path / "archive.txt"
    f.write_bytes(b"x" * 50_000)
    key = os.path.realpath(f)
    assert progress.open_positions({key: 50_000}) == {}  # not open: nothing to say
    with open(f, "rb", buffering=0) as fh:
        fh.read(12_345)
        assert progress.open_positions({key: 50_000}) == {key: 12_345}
        fh.read()
        assert progress.open_positions({key: 50_000}) == {key: 50_000}


@needs_proc
def test_the_bar_moves_while_one_big_file_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("tqdm")
    monkeypatch.setattr(progress, "POLL_SECONDS", 0.02)
    f = tmp_path / "archive.txt"
    f.write_bytes(b"x" * (4 << 20))
    bar = progress.batch_progress([f], True)
    with open(f, "rb", buffering=0) as fh:
        fh.read(1 << 20)  # a quarter read, the file not done yet
        time.sleep(0.3)
        mid = capsys.readouterr().err
    bar(1, path=f)
    bar(0, close=True)
    end = capsys.readouterr().err
    assert "1.00M/4.00M" in mid and "0/1 files" in mid
    assert "4.00M/4.00M" in end and "1/1 files" in end


def test_no_bar_when_not_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    bar = progress.batch_progress([f], False)
    bar(1, path=f)
    bar(0, close=True)
    assert capsys.readouterr().err == ""


def test_batch_shows_bytes_for_one_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    archive = tmp_path / "archive.txt"
    archive.write_bytes(SEED.read_bytes())
    size = archive.stat().st_size
    run_batch([archive], tmp_path / "out", jobs=1, formats=("jsonl",), progress=True)
    err = capsys.readouterr().err
    assert "1/1 files" in err and "100%" in err
    assert f"{size / 1024:.0f}k/{size / 1024:.0f}k" in err or f"{size / 1024:.1f}k/{size / 1024:.1f}k" in err, err
