"""Speed-ups in normalize give exactly what the plain scans give (bench/NOTES.md)."""

from __future__ import annotations

import random
import re

import pytest

import sztext
from sztext.normalize import _finditer, _GLOSS_SHAPE, _translate, view_table

GRAMMAR = sztext.load_grammar()
GLOSS = GRAMMAR.rule("noise.pinyin_gloss")

PIECES = ["環", "境", "a", "(", ")", "huán", "(huán)", "(jìng)", "\u200b", "\x07", " ", "(PPP)", "（", "ü", "\n", "〇", "(", "à"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_the_shipped_gloss_rule_takes_the_fast_path() -> None:
    """If this fails, noise.pinyin_gloss changed shape: update _GLOSS_SHAPE (or accept the plain scan)."""
    shape = re.fullmatch(_GLOSS_SHAPE, GLOSS.pattern.pattern)
    assert shape is not None


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
        assert _translate(text, table) == text.translate(table)
