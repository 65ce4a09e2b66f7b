"""Fast paths are chosen by a rule's declared ``anchored`` field, checked against the pattern at
load (sztext.sections.check_anchored), never by reading a pattern's source at run time: a rule
declared anchored but not written so fails at load_grammar; one not declared takes the plain path."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import sztext
from sztext.errors import GrammarError
from sztext.extract.dates import _contexts
from sztext.grammar import default_grammar_dir
from sztext.load import load_path
from sztext.normalize import normalize
from sztext.segment.rules import segment_rules

SHIPPED = default_grammar_dir()
G = sztext.load_grammar()


def _overlay(tmp_path: Path, stem: str, old: str, new: str) -> Path:
    text = (SHIPPED / f"{stem}.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    directory = tmp_path / "overlay"
    directory.mkdir(exist_ok=True)
    (directory / f"{stem}.toml").write_text(text.replace(old, new), encoding="utf-8")
    return directory


def test_a_rule_declared_line_anchored_but_not_written_so_fails_at_load(tmp_path: Path) -> None:
    # 抄送 may now also stand after a word: the pattern no longer opens with ^
    directory = _overlay(tmp_path, "header", "pattern = '^[ ]*抄[ ]*送[ ]*[:：]", "pattern = '(?:^|附件)[ ]*抄[ ]*送[ ]*[:：]")
    with pytest.raises(GrammarError, match=r"header\.toml \(rule header\.cc\): \[anchored\] = \"line\" but the pattern is not line-anchored"):
        sztext.load_grammar(directory)


def test_a_rule_declared_end_anchored_but_not_written_so_fails_at_load(tmp_path: Path) -> None:
    directory = _overlay(tmp_path, "dates", "|之日起(?:至|到))${sp}\\Z'", "|之日起(?:至|到))${sp}'")
    with pytest.raises(GrammarError, match=r"dates\.toml \(rule dates\.kind_until\): \[anchored\] = \"end\" but the pattern does not end with \\Z"):
        sztext.load_grammar(directory)


def test_a_top_level_alternative_is_not_line_anchored(tmp_path: Path) -> None:
    directory = _overlay(tmp_path, "header", "pattern = '^[ ]*抄[ ]*送[ ]*[:：][ ]*(?P<body>.*?)[ ]*[。.]?[ ]*$'",
                         "pattern = '^[ ]*抄[ ]*送[ ]*[:：][ ]*(?P<body>.*?)[ ]*[。.]?[ ]*$|抄送单位:(?P<x>.*)'")
    with pytest.raises(GrammarError, match=r"rule header\.cc\): \[anchored\]"):
        sztext.load_grammar(directory)


def test_the_declaration_not_the_source_picks_the_path(tmp_path: Path) -> None:
    prepared = segment_rules(G)
    cc = next(c for r, c in zip(prepared.early.rules, prepared.early.checks) if r.id == "header.cc")
    assert cc.anchored
    assert _contexts(G).before.joined is not None  # the side = "before" rules are all anchored = "end"
    # the same pattern without the declaration: the plain path, and the same line kinds
    directory = _overlay(tmp_path, "header", 'id = "header.cc"\nanchored = "line"\n', 'id = "header.cc"\n')
    plain = sztext.load_grammar(directory)
    cc_plain = next(c for r, c in zip(segment_rules(plain).early.rules, segment_rules(plain).early.checks) if r.id == "header.cc")
    assert not cc_plain.anchored
    line = "抄送：市委办公厅，市人大常委会办公厅。"  # grammars/header.toml, the header.cc example
    m1, m2 = cc.find(normalize(line, G).text), cc_plain.find(normalize(line, plain).text)
    assert m1 is not None and m2 is not None and m1.group("body") == m2.group("body") == "市委办公厅,市人大常委会办公厅"
    directory = _overlay(tmp_path, "dates", 'id = "dates.kind_until"\nanchored = "end"\n', 'id = "dates.kind_until"\n')
    assert _contexts(sztext.load_grammar(directory)).before.joined is None


def _lines() -> list[str]:
    root = Path(__file__).resolve().parents[2]
    shared = root.parent / "shared"
    files = [*sorted((root / "samples").glob("*.txt")), *sorted((shared / "corpus").glob("*")), *sorted((shared / "seeds").glob("*"))]
    lines: set[str] = set()
    for f in files:
        if f.is_file() and not f.name.startswith(("MANIFEST", "README")):
            try:
                lines.update(normalize(load_path(f).text, G).text.split("\n"))
            except sztext.SztextError:
                continue
    return sorted(lines)


def test_declared_line_rules_match_where_they_search_on_every_real_line() -> None:
    """The differential check of the fast path: on every line of the samples, corpus and seeds,
    ``match`` at 0 finds what ``search`` finds, for every rule declared ``anchored = "line"``."""
    rules = [r for r in G.by_id.values() if r.spec.anchored == "line"]
    assert len(rules) >= 14
    lines = _lines()
    # samples/ alone hold ~2,200 distinct lines; with ../shared's corpus and seeds over 5,000
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    assert len(lines) > (5000 if (shared / "corpus").is_dir() else 2000)
    for rule in rules:
        p: regex.Pattern[str] = rule.pattern.compiled
        for s in lines:
            if rule.may_match(s):
                a, b = p.match(s), p.search(s)
                assert (a and a.span()) == (b and b.span()), (rule.id, s)
