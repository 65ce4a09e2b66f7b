"""A text normalized as it is read (``GrowingView``, the streamed batch path) has the view the
whole text has: each piece is normalized once and joined to the view carried (issue 13)."""

from __future__ import annotations

import random

import pytest

import sztext
from shared_fixtures import real_texts
from sztext.mojibake import spot_starts
from sztext.normalize import GrowingView, TextView, line_ends_as_lf, normalize

GRAMMAR = sztext.load_grammar()


TEXTS = real_texts()


def _parts(view: TextView) -> tuple[object, ...]:
    return (view.source, view.offset, view.edits, view.clean, view.text, view._v_start, view._v_end, view._s_start, view._s_end)


def _line_starts(text: str) -> list[int]:
    return [i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < len(text)]


@pytest.mark.parametrize("piece", [600, 5_000])
def test_a_text_read_in_pieces_has_the_view_of_the_whole_text(piece: int) -> None:
    """Every sample, corpus and seed text read ``piece`` characters at a time, and let go of
    before random line starts as documents are done: the view held is the whole text's view
    from there on (a text with a mojibake spot: ``normalize`` of the text held, whose repairs
    read the whole of it, as the streamed path always did)."""
    rng = random.Random(piece)
    assert len(TEXTS) >= 5
    joined = 0
    spotted_texts: list[str] = []
    for name, text in TEXTS:
        whole = normalize(text, GRAMMAR)
        spotted = bool(spot_starts(line_ends_as_lf(text), GRAMMAR))
        spotted_texts += [name] if spotted else []
        growing = GrowingView(GRAMMAR)
        starts = _line_starts(text)
        for at in range(0, len(text), piece):
            view = growing.extend(text[at : at + piece])
            end = min(len(text), at + piece)
            assert view.offset + len(view.source) == end, name
            if spotted:
                assert _parts(view) == _parts(normalize(text[view.offset : end], GRAMMAR, offset=view.offset)), name
            else:  # what is read so far, normalized whole, from where the view held starts
                read = whole if end == len(text) else normalize(text[:end], GRAMMAR)
                if view.offset == 0:
                    assert _parts(view) == _parts(read), name
                elif read.splits_at(view.offset):
                    assert _parts(view) == _parts(read.tail(view.offset)), name
                joined += 1
            later = [s for s in starts if view.offset < s < end]
            if later and rng.random() < 0.5:
                growing.drop_before(rng.choice(later))
    assert joined > 50 and len(spotted_texts) >= 3  # samples/000, /001, /003 hold mojibake


def test_each_piece_is_normalized_once() -> None:
    """Before: the text carried was normalized again with every piece read."""
    text = next(t for n, t in TEXTS if n.startswith("004_"))  # 227,283 characters, page furniture
    growing = GrowingView(GRAMMAR)
    for at in range(0, len(text), 10_000):
        growing.extend(text[at : at + 10_000])
    assert _parts(growing.view) == _parts(normalize(text, GRAMMAR))  # type: ignore[arg-type]
    assert growing.normalized <= len(text) + 23 * 1_000  # each piece, and a margin of ~512 back


def test_a_cut_inside_an_edit_normalizes_the_rest_again() -> None:
    text = "一、总则\n" * 200 + "【字体：大中小】通知\n" + "二、正文\n" * 200
    whole = normalize(text, GRAMMAR)
    (edit,) = whole.edits
    growing = GrowingView(GRAMMAR)
    growing.extend(text)
    growing.drop_before(edit.start + 3)  # inside the widget: no longer an edit of the rest
    assert _parts(growing.view) == _parts(normalize(text[edit.start + 3 :], GRAMMAR, offset=edit.start + 3))  # type: ignore[arg-type]
    growing.drop_before(edit.end + 2)
    assert _parts(growing.view) == _parts(whole.tail(edit.end + 2))  # type: ignore[arg-type]
