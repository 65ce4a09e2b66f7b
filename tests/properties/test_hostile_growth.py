"""Memory on hostile input grows with what the text holds, not one object per blank line (issue 16).

Counted structurally (objects, memo entries, bytes traced), never timed. bench/hostile.py reports
CPU time and peak memory per character of the same inputs against seed 004.
"""

from __future__ import annotations

import tracemalloc

import sztext
from sztext.grammar import load_grammar
from sztext.normalize import normalize
from sztext.segment import line_table, segment_archive
from sztext.tokenize import tokenize

N = 20_000


def test_a_run_of_blank_lines_is_one_block_and_no_memo_entries() -> None:
    g = load_grammar()
    text = "\n" * N + "一、总体要求\n"
    view = normalize(text, g)
    table = line_table(view, g)
    [doc] = segment_archive(view, g, table)
    blocks = tokenize(view, doc, g, table)
    assert len(blocks) <= 3  # the blank run, the heading (was one block per blank line: 20,001)
    assert blocks[0].start == 0 and blocks[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(blocks, blocks[1:]))
    facts = table.facts
    assert len(facts.year) + len(facts.key_only) <= 2  # (was one entry per blank line)


def test_blank_lines_elsewhere_keep_their_outline() -> None:
    # "各区人民政府：" then blank lines then two headings: the blank runs are merged, the outline is not
    text = "深圳市人民政府关于印发若干措施的通知\n\n\n各区人民政府：\n\n\n一、总体要求\n\n\n二、保障措施\n\n现印发。\n"
    [notice] = sztext.parse_archive(text)
    notice.verify()
    assert [n.marker for n in notice.nodes() if n.marker] == ["一、", "二、"]
    assert notice.addressees[0].text == "各区人民政府"


def test_peak_memory_of_a_million_newlines_class_is_a_small_factor() -> None:
    sztext.parse("预热")
    text = "\n" * N + "一、"
    tracemalloc.start()
    try:
        for notice in sztext.parse_archive(text):
            notice.verify()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # bytes per character: was 417; 248 on 2026-12-02 (one Line object per physical line, ~110 B);
    # 68 with the line table as int arrays (segment.Lines, 12 B a line)
    assert peak / len(text) < 100
