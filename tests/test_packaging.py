"""The wheel ships every grammar file and the typing marker (STYLE.md G12, G30)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {proc.stderr.strip().splitlines()[-1:]}")
    (whl,) = out.glob("sztext-*.whl")
    return whl


def test_wheel_contains_every_grammar(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for toml in sorted((ROOT / "grammars").glob("*.toml")):
        assert f"sztext/grammars/{toml.name}" in names, toml.name
    assert "sztext/py.typed" in names


def test_default_grammar_dir_finds_the_checkout_copy() -> None:
    from sztext.grammar import default_grammar_dir

    assert (default_grammar_dir() / "docnumber.toml").is_file()
