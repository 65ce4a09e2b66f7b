"""Helpers shared by test files (tests/ is on sys.path: its conftest.py sits here)."""

from __future__ import annotations

from pathlib import Path

import sztext
from sztext.extract import extract_unit_groups
from sztext.grammar import Grammar
from sztext.load import load_path
from sztext.normalize import normalize

# Hangzhou's lexicon as a user adds it in an overlay grammar: Hangzhou's municipal departments as
# its notices name them (杭州市财政局, 杭州市商务局, 杭州市发展和改革委员会); the codes are the
# municipal government's and its office's (杭政〔…〕, 杭政办函〔2021〕…号).
HANGZHOU = """\
version = 1
description = "Agency lexicon: Hangzhou municipal bodies (overlay test)."

[jurisdiction]
name = "杭州市"
level = "prefecture"
parent = "浙江省"
names = ["杭州"]
prefixes = { "市" = "杭州市" }
codes = ["杭政办", "杭政"]

[[agency]]
canonical = "杭州市财政局"
aliases = ["市财政局"]

[[agency]]
canonical = "杭州市商务局"
aliases = ["市商务局"]

[[agency]]
canonical = "杭州市发展和改革委员会"
aliases = ["市发改委", "市发展改革委"]
"""


def outline(notice: sztext.Notice) -> list[tuple[int, str, str]]:
    """(depth, kind, first line) of every numbered node in document order."""
    out: list[tuple[int, str, str]] = []

    def walk(nodes: object, depth: int) -> None:
        for node in nodes:  # type: ignore[attr-defined]
            if node.kind != "paragraph":
                out.append((depth, node.kind, node.text.split("\n", 1)[0]))
            walk(node.children, depth + 1)

    walk(notice.body, 0)
    return out


def unit_names(text: str, grammar: Grammar) -> list[list[tuple[str, str]]]:
    """(name, role) of every unit, one list per responsibility note, as the units extractor reads ``text``."""
    view = normalize(text, grammar)
    return [[(u.name, u.role) for u in units] for _, units in extract_unit_groups(view, grammar)]


def real_texts() -> list[tuple[str, str]]:
    """(name, loaded text) of every sample, ../shared/corpus and seed file that loads: the real
    lines a fast path is checked against its plain path on (files absent on a machine without
    ../shared are left out)."""
    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared"
    files = [*sorted((root / "samples").glob("*.txt")), *sorted((shared / "corpus").glob("*")), *sorted((shared / "seeds").glob("*"))]
    out = []
    for f in files:
        if f.is_file() and not f.name.startswith(("MANIFEST", "README")):
            try:
                out.append((f.name, load_path(f).text))
            except sztext.SztextError:
                continue
    return out
