"""A view of a piece of a text (``normalize(piece, grammar, offset=k)``, what the streamed
batch builds for each chunk of a large file): the same view text as the piece normalized on
its own, and every span, noise report and reverse lookup counts from the start of the whole
text, so that documents parsed on it carry their final spans (no rewrite afterwards).

Texts: samples/001 (pinyin glosses 營商環(huán)境 and 13 mojibake repairs, Shenzhen) and
samples/004 (page furniture of a Guangdong portal, 【字体：大中小 】); the Markdown titles of
two 地方性法规 (devcorpus 0425 温州市, 0434 重庆市) for the segmenter's ``# `` cue.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext
from sztext.normalize import TextView, normalize
from sztext.segment.cues import markdown_titles

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
DEVCORPUS = ROOT.parent / "shared" / "devcorpus" / "docs"
OFFSET = 1_234_567  # where the piece would start in a large file


def _pair(text: str, grammar: sztext.Grammar) -> tuple[TextView, TextView]:
    return normalize(text, grammar), normalize(text, grammar, offset=OFFSET)


@pytest.fixture(scope="module", params=["001_b03c00c579b17cff.txt", "004_dc8ab61eb0bb8ed1.txt"], ids=["001", "004"])
def pair(request: pytest.FixtureRequest, grammar: sztext.Grammar) -> tuple[TextView, TextView]:
    text = (SAMPLES / request.param).read_text(encoding="utf-8")[:60_000]
    return _pair(text, grammar)


def test_the_piece_has_the_view_text_of_the_text_on_its_own(pair: tuple[TextView, TextView]) -> None:
    alone, piece = pair
    assert piece.text == alone.text and piece.clean == alone.clean and piece.edits == alone.edits
    assert piece.offset == OFFSET and piece.source_end == OFFSET + len(alone.source)
    assert alone.edits  # glosses, repairs, furniture: the map is not the identity


def test_values_of_the_piece_are_those_of_the_text_at_the_offset(pair: tuple[TextView, TextView]) -> None:
    alone, piece = pair
    n = len(alone.text)
    for start in range(0, n, 97):
        for length in (0, 1, 5, 40):
            end = min(n, start + length)
            a, b = alone.value(start, end), piece.value(start, end)
            assert b.span == (a.span[0] + OFFSET, a.span[1] + OFFSET)
            assert b.text == a.text == piece.source_at(*b.span) and b.clean == a.clean
            assert piece.to_view(b.span[0]) == alone.to_view(a.span[0])


def test_noise_of_the_piece_is_reported_at_file_offsets(pair: tuple[TextView, TextView]) -> None:
    alone, piece = pair
    whole, shifted = alone.noise(), piece.noise()
    assert [(n.kind, n.text, n.rule_id) for n in shifted] == [(n.kind, n.text, n.rule_id) for n in whole]
    assert [n.span for n in shifted] == [(s + OFFSET, e + OFFSET) for s, e in (n.span for n in whole)]
    half = len(alone.source) // 2
    assert piece.noise(OFFSET + half, OFFSET + len(alone.source)) == [
        n for n in shifted if n.span[0] >= OFFSET + half
    ] == [n.model_copy(update={"span": (n.span[0] + OFFSET, n.span[1] + OFFSET)}) for n in alone.noise(half)]


@pytest.mark.skipif(not DEVCORPUS.is_dir(), reason="needs ../shared/devcorpus")
def test_markdown_titles_of_a_piece_are_those_of_the_text(grammar: sztext.Grammar) -> None:
    """The segmenter's ``# 标题`` cue reads the view's edits (indexes of the piece) and maps
    them to view starts: the same starts whatever the piece's offset."""
    names = ["0425_zhejiang_wzsxsrfy_2021_md.md", "0434_chongqing_cqszyjsr_2010_md.md"]
    text = "\n".join((DEVCORPUS / n).read_text(encoding="utf-8").rstrip("\n") for n in names) + "\n"
    alone, piece = _pair(text, grammar)
    titles = markdown_titles(alone, grammar)
    heads = sorted(alone.text[t : alone.text.index("\n", t)] for t in titles)
    assert heads == ["温州市销售燃放烟花爆竹管理规定", "重庆市专业技术人员继续教育条例"]
    assert markdown_titles(piece, grammar) == titles


def test_batched_starts_are_the_starts_one_by_one(pair: tuple[TextView, TextView]) -> None:
    # assemble maps an outline's boundaries in one walk (to_source_starts): every position, also
    # inside and right after an edit (a gloss, a repair, a furniture line), maps as to_source_start
    for view in pair:
        at_edits = {view.to_view(view.offset + e.start) for e in view.edits}
        inside = sorted({pos for v in at_edits for pos in range(max(0, v - 2), v + 3)} | set(range(0, len(view.text), 13)))
        batched = view.to_source_starts(inside)
        assert batched == [view.to_source_start(pos) for pos in inside]
        assert any(s != view.offset + pos for s, pos in zip(batched, inside))  # the edits shift the map
