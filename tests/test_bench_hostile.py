"""bench/hostile.py runs and reports every hostile input against seed 004 (issue 16)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_hostile", ROOT / "bench" / "hostile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_inputs_are_the_issues_classes_and_of_their_size() -> None:
    bench = _bench()
    assert set(bench.INPUTS) == {"agency_lines", "span_labels", "newlines", "deep_html", "one_line", "same_title", "mojibake", "doctype_spam"}
    for name, (_, _, make, size) in bench.INPUTS.items():
        n = len(make(size // 100))
        assert 0.5 * (size // 100) <= n <= 2 * (size // 100) + 100, name


def test_table_has_the_seed_row_and_ratios(capsys: pytest.CaptureFixture[str]) -> None:
    _bench().main(["--scale", "0.01", "--only", "newlines"])
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["input", "chars", "CPU"]
    seed = next(line for line in out if line.startswith("seed 004"))
    assert re.search(r" 1\.0 .* 1\.0 ", seed)  # the reference row divides by itself
    row = next(line for line in out if line.startswith("newlines"))
    assert "10,002" in row and "1 docs" in row
    assert "bench-hostile:" in (ROOT / "Makefile").read_text(encoding="utf-8")
