"""Shared fixtures: the shipped grammar, the sample and shared folders, ``--update-golden``."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

REPO = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.json from the current output (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was started with ``--update-golden`` (G34)."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def grammar() -> sztext.Grammar:
    """The shipped grammar, compiled once per session."""
    return sztext.load_grammar()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """``samples/``: the real notices the goldens are built from."""
    return REPO / "samples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (design notes, corpus, conformance tables); skips when the checkout lacks it."""
    path = REPO.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"{path} is not available in this checkout")
    return path
