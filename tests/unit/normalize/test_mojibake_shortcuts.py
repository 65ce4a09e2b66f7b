"""The shortcuts of mojibake repair (issue 19) answer as the plain definitions they replace."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext import mojibake
from sztext.mojibake import _LEADS, _char, _lead_row, _Scorer

REPO = Path(__file__).resolve().parents[3]


def test_one_decode_per_lead_byte_equals_decoding_each_pair() -> None:
    rows = {lead: _lead_row(lead) for lead in _LEADS}
    assert all(rows[p][i] == _char(p, q) for p in _LEADS for i, q in enumerate(_LEADS))
    assert rows[0xB0][0xA1 - 0x81] == "啊" and rows[0xAA][0xA1 - 0x81] == ""  # a character; user-defined area


@pytest.mark.parametrize("seed", ["000", "001", "003"])
def test_worded_keeps_what_makes_word_keeps(seed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every gap the repair of a seed scores: the shared lookups keep the options that
    ``makes_word`` keeps, in the same order."""
    worded = _Scorer.worded
    seen = []

    def both(self: _Scorer, left: str, options: list[tuple[str, int]], right: str) -> list[tuple[str, int]]:
        kept = worded(self, left, options, right)
        assert kept == [o for o in options if o[1] == 0 or self.makes_word(left, o[0], right)], (left, right)
        seen.append(len(options))
        return kept

    monkeypatch.setattr(mojibake._Scorer, "worded", both)
    path = next((REPO / "samples").glob(f"{seed}_*.txt"))
    sztext.parse_file(path)
    if seed == "001":
        assert len(seen) >= 10 and sum(seen) > 5000  # samples/001's spots have vanished pairs
