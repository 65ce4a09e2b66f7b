"""Properties of the normalize offset map (G35): monotone, 1:1 between clean and view, every
view character comes from its source character, and noise removal is idempotent.

The text is built from what the scraped notices contain: CJK characters (Simplified and
Traditional), pinyin glosses such as ``(huán)``, brackets of every kind, full-width forms,
NUL and other control characters, zero-width characters, page furniture.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import sztext
from sztext.normalize import Edit, TextView, line_ends_as_lf, normalize, view_table

GRAMMAR = sztext.load_grammar()
TABLE = view_table(GRAMMAR)

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = st.one_of(
    st.sampled_from(list("深圳市人民政府營商環境創業發展關於通知一二三十第条章")),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from(["(huán)", "(chuàng)", "(yè)", "(fā)", "(PPP)", "(AI)", "(2018—2035年)"]),
    st.sampled_from(list("()（）〔〕[]［］【】〖〗﹝﹞《》“”")),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
    st.sampled_from(["\x00", "\x07", "\x1f", "\x7f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ufffd"]),
    st.sampled_from(["\n", " ", "\u3000", "\t", "\r", "。", "，", "、", "：", "1", "2024", "号"]),
    st.sampled_from(["【字体：大中小 】", "【打印本页】", "[关闭窗口]"]),
)
NOISY_TEXT = st.lists(PIECES, max_size=40).map("".join)


def _replacement_ranges(view: TextView) -> list[tuple[int, int]]:
    """The view ranges that come from an edit's replacement text (not 1:1 with the source)."""
    out = []
    shift = 0  # view position minus source position, before the current edit
    for edit in view.edits:
        v_start = edit.start + shift
        out.append((v_start, v_start + len(edit.replacement)))
        shift += len(edit.replacement) - (edit.end - edit.start)
    return out


def _replacement_positions(view: TextView) -> set[int]:
    return {i for a, b in _replacement_ranges(view) for i in range(a, b)}


@SETTINGS
@given(NOISY_TEXT)
def test_map_is_monotone(text: str) -> None:
    view = normalize(text, GRAMMAR)
    starts = [view.to_source_start(i) for i in range(len(view.text) + 1)]
    ends = [view.to_source_end(i) for i in range(len(view.text) + 1)]
    assert starts == sorted(starts)
    assert ends == sorted(ends)
    assert all(0 <= s <= len(text) for s in starts + ends)
    interior = {i for a, b in _replacement_ranges(view) for i in range(a + 1, b)}
    # outside a replacement, a span end never passes the start of the next character
    assert all(e <= s for i, (s, e) in enumerate(zip(starts, ends)) if i not in interior)
    assert starts[-1] == len(text)
    views = [view.to_view(p) for p in range(len(text) + 1)]
    assert views == sorted(views)


@SETTINGS
@given(NOISY_TEXT)
def test_view_and_clean_have_the_same_length(text: str) -> None:
    view = normalize(text, GRAMMAR)
    assert len(view.text) == len(view.clean)
    assert view.text == view.clean.translate(TABLE)


@SETTINGS
@given(NOISY_TEXT)
def test_every_view_char_comes_from_its_source_char(text: str) -> None:
    view = normalize(text, GRAMMAR)
    inside = _replacement_positions(view)
    source = line_ends_as_lf(view.source)  # a lone CR, U+2028, U+2029 read as LF, one for one
    assert len(source) == len(view.source)
    for i, char in enumerate(view.text):
        if i in inside:
            continue
        s = view.to_source_start(i)
        assert source[s].translate(TABLE) == char, (i, s)
        assert view.clean[i] == source[s]
        assert view.to_view(s) == i


@SETTINGS
@given(NOISY_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_every_value_gives_back_its_source(text: str, a: int, b: int) -> None:
    view = normalize(text, GRAMMAR)
    start, end = sorted((min(a, len(view.text)), min(b, len(view.text))))
    value = view.value(start, end)
    assert value.text == text[value.span[0] : value.span[1]]
    assert value.clean == view.clean[start:end]


@SETTINGS
@given(NOISY_TEXT)
def test_noise_report_covers_the_removed_text(text: str) -> None:
    view = normalize(text, GRAMMAR)
    report = view.noise()
    assert [n.span for n in report] == [(e.start, e.end) for e in view.edits]
    assert all(text[s:e] == n.text for n in report for s, e in [n.span])
    removed = sum(e.end - e.start - len(e.replacement) for e in view.edits)
    assert len(text) - len(view.clean) == removed




@SETTINGS
@given(NOISY_TEXT)
@example("環\x00(huán)")
def test_noise_removal_is_idempotent(text: str) -> None:
    view = normalize(text, GRAMMAR)
    again = normalize(view.clean, GRAMMAR)
    assert again.edits == ()
    assert again.text == view.text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("環\x00(huán)境", id="nul-before-gloss"),
        pytest.param("環\u200b(huán)境", id="zero-width-before-gloss"),
        pytest.param("環(huán)(huán)境", id="double-gloss"),
        pytest.param("營商環(huán)境\x00優(yōu)化", id="separate-noise"),
        pytest.param("【字体：大中小 】(huán)", id="furniture-then-gloss-without-han"),
    ],
)
def test_noise_removal_is_idempotent_on(text: str) -> None:
    view = normalize(text, GRAMMAR)
    assert normalize(view.clean, GRAMMAR).edits == ()


@SETTINGS
@given(
    NOISY_TEXT.filter(lambda t: len(t) >= 2),
    st.data(),
)
def test_replacement_edits_keep_the_map_consistent(text: str, data: st.DataObject) -> None:
    """A repair passed in as an edit (as mojibake repairs are) keeps every span checkable."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    replacement = data.draw(st.sampled_from(["（一）", "一", "", "（十二）"]))
    view = normalize(text, GRAMMAR, extra_edits=[Edit(start, end, replacement, "mojibake", "test.repair")])
    assert len(view.text) == len(view.clean)
    inside = _replacement_positions(view)
    for i, char in enumerate(view.text):
        if i not in inside:
            assert view.source[view.to_source_start(i)].translate(TABLE) == char
    starts = [view.to_source_start(i) for i in range(len(view.text) + 1)]
    assert starts == sorted(starts)
    for i in range(len(view.text) + 1):
        value = view.value(0, i)
        assert value.text == text[value.span[0] : value.span[1]]
