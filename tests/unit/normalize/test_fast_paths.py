"""Speed-ups in normalize give exactly what the plain scans give (bench/NOTES.md)."""

from __future__ import annotations

import random

import pytest

import sztext
from shared_fixtures import real_texts
from sztext.normalize import _build_view_runs, _finditer, _runs_of, _translate, view_table

GRAMMAR = sztext.load_grammar()
GLOSS = GRAMMAR.rule("noise.pinyin_gloss")

PIECES = ["環", "境", "a", "(", ")", "huán", "(huán)", "(jìng)", "\u200b", "\x07", " ", "(PPP)", "（", "ü", "\n", "〇", "(", "à"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_the_shipped_gloss_rule_takes_the_fast_path() -> None:
    """The fast path is declared in noise.toml (tags.shape), not read from the pattern's source."""
    assert GLOSS.tags.get("shape") == "gloss"
    assert [r.id for r in GRAMMAR.rules_of("noise") if r.tags.get("shape") == "gloss"] == ["noise.pinyin_gloss"]


def test_gloss_fast_path_equals_the_plain_scan_on_real_texts() -> None:
    """Differential: the declared fast path finds what the plain scan finds on every sample,
    corpus and seed text (samples/000 and /001 hold 2,438 glosses)."""
    texts = real_texts()
    assert len(texts) >= 5
    found = 0
    for name, text in texts:
        fast = [(m.span(), m.span("char")) for m in _finditer(GLOSS, text)]
        plain = [(m.span(), m.span("char")) for m in GLOSS.pattern.finditer(text)]
        assert fast == plain, name
        found += len(plain)
    assert found > 1000


@pytest.mark.parametrize("seed", range(5))
def test_gloss_fast_path_equals_the_plain_scan(seed: int) -> None:
    for text in _texts(400, seed):
        fast = [(m.span(), m.span("char")) for m in _finditer(GLOSS, text)]
        plain = [(m.span(), m.span("char")) for m in GLOSS.pattern.finditer(text)]
        assert fast == plain, text


def test_translate_equals_str_translate() -> None:
    table = view_table(GRAMMAR)
    rng = random.Random(7)
    keys = list(table)
    for _ in range(50):
        text = "".join(chr(rng.choice(keys)) if rng.random() < 0.5 else chr(rng.randint(0, 0xFFFF)) for _ in range(rng.randint(0, 300)))
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        assert _translate(text, table, _runs_of(table)) == _translate(text, table) == text.translate(table)


def test_the_runs_pattern_is_kept_on_the_grammar() -> None:
    """No module-level cache keyed by id(): the runs pattern is derived data of the grammar."""
    runs = GRAMMAR.derived(_build_view_runs)
    assert runs is not None and GRAMMAR.derived(_build_view_runs) is runs
    assert runs.pattern == _runs_of(view_table(GRAMMAR)).pattern  # type: ignore[union-attr]
