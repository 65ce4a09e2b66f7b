"""The first-character prefilter of segment's line rules (rules.first_chars), read from the grammar."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from sztext import load_grammar
from sztext.normalize import normalize
from sztext.segment import glued
from sztext.segment.kinds import Line
from sztext.segment.rules import segment_rules, first_chars, starts_heading
from sztext.segment.text import recent_memo

ROOT = Path(__file__).resolve().parents[3]


def test_first_chars_reads_literals_classes_and_optional_prefixes() -> None:
    assert first_chars(regex.compile(r"^[ ]*第(?P<num>[一二]{1,6})章")) == frozenset(" 第")
    assert first_chars(regex.compile(r"(?:x|y?)z")) == frozenset("xyz")
    assert first_chars(regex.compile(r"(?=\p{Han})ab")) == frozenset("a")


def test_first_chars_is_none_where_any_character_may_start() -> None:
    assert first_chars(regex.compile(r"^[ ]*\p{Han}x")) is None  # a property: any character
    assert first_chars(regex.compile(r"x*")) is None  # matches the empty string
    assert first_chars(regex.compile(r"(?i)ab")) is None  # case ignored: not read
    assert first_chars(regex.compile(r"[[:alpha:]]b")) is None  # a POSIX class: not read


def test_heading_styles_start_with_their_markers() -> None:
    first = segment_rules(load_grammar()).heading_first
    assert first is not None and {"第", "一", "(", "1", "①", " "} <= first and "各" not in first


def test_prefilter_agrees_with_the_patterns_on_every_sample_line() -> None:
    # a superset: no line the prefilter turns away is matched by the pattern (seed 004 and the samples)
    g = load_grammar()
    p = segment_rules(g)
    checks = [c for c in (*p.early.checks, *p.late.checks, p.early.free_any, p.late.free_any) if c is not None and c.first is not None]
    assert checks
    for path in sorted((ROOT / "samples").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            assert starts_heading(line, g) == g.headings.starts_line(line), line
            for c in checks:
                if line[:1] not in c.first:
                    assert c.pattern.match(line) is None, (c.pattern.rule_id, line)


def test_recent_memo_starts_empty_for_another_text() -> None:
    g = load_grammar()
    a = "第一章 总则\n"
    b = "".join(list(a))  # equal, another object
    assert a == b and a is not b
    recent_memo(a, g)[("x", "y")] = 1
    assert recent_memo(a, g) == {("x", "y"): 1}
    assert recent_memo(b, g) == {}


def _glued_without_prefilter(monkeypatch: pytest.MonkeyPatch, text: str, line: Line) -> object:
    monkeypatch.setattr(glued, "_title_lasts", lambda grammar: None)  # another derived key: no prefilter
    try:
        return glued.glued_start(text, line, load_grammar())
    finally:
        monkeypatch.undo()


def test_glued_title_prefilter_changes_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """glued_start skips its title tests on a line whose last character ends no title suffix or
    enclosed title's word: on every line of the samples (Shenzhen notices, a Guangdong text with
    mojibake, seed 004's archive) it answers as without the prefilter."""
    g = load_grammar()
    lasts = glued._title_lasts(g)
    assert lasts is not None and {"知", "法", "见"} <= lasts and "。" not in lasts
    skipped = 0
    for path in sorted((ROOT / "samples").glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8"), g).text
        pos = 0
        for raw in text.split("\n"):
            line = Line(pos, pos + len(raw), pos + len(raw) + 1)
            pos += len(raw) + 1
            if not raw.strip():
                continue
            skipped += raw.rstrip(" \r")[-1:] not in lasts
            assert glued.glued_start(text, line, g) == _glued_without_prefilter(monkeypatch, text, line), raw
    assert skipped > 1000


def test_a_title_glued_after_a_sentence_is_still_found() -> None:
    # seed 004's kind: a text's last sentence, then the next notice's title on the same line
    g = load_grammar()
    for s in ("本办法自2024年1月1日起施行。深圳市人民政府关于印发深圳市促进消费若干措施的通知",
              "特此通知。广东省人民政府办公厅关于推动新型储能产业高质量发展的指导意见"):
        found = glued.glued_start(s, Line(0, len(s), len(s)), g)
        assert found is not None and s[found[0] :].startswith(("深圳市人民政府关于", "广东省人民政府办公厅关于")), (s, found)


def test_declared_line_ends_cover_the_rules_examples_and_body_words() -> None:
    """header.signature and header.addressee declare what a line they match ends with (tags.ends_with,
    read by rules.line_ends): every example (深圳市人民政府办公厅, 国务院, a 代章 note of 山东省…办公室; 各区人民政府，
    市有关单位：) ends with one of the characters, and so does every word of header's ``body`` variable
    (the words a signature ends with), so a word added there without its last character fails here."""
    import tomllib

    from sztext.segment.rules import line_ends

    g = load_grammar()
    spec = tomllib.loads((ROOT / "grammars" / "header.toml").read_text(encoding="utf-8"))
    for rule_id in ("header.signature", "header.addressee"):
        ends = line_ends(g.rule(rule_id))
        assert ends, rule_id
        (rule,) = [r for r in spec["rule"] if r["id"] == rule_id]
        for example in rule["examples"]:
            view = normalize(example["text"], g).text
            assert view.rstrip(" \r\n")[-1:] in ends, (rule_id, example["text"])
    words = spec["vars"]["body"].removeprefix("(?:").removesuffix(")").split("|")
    assert "人民政府" in words and all(w[-1] in line_ends(g.rule("header.signature")) for w in words), words


def test_declared_line_ends_agree_with_the_patterns_on_real_lines() -> None:
    """No line that a declared ending turns away is matched: every line of the samples, the shared corpus
    and the tuned devcorpus files (Shenzhen, Guangzhou, Shandong, gov.cn pages), as the segmenter reads them."""
    from sztext.load import load_path

    g = load_grammar()
    p = segment_rules(g)
    checks = [c for c in (*p.early.checks, *p.late.checks, p.early.free_any, p.late.free_any) if c is not None and c.last is not None]
    assert len(checks) >= 2
    files = sorted((ROOT / "samples").glob("*.txt"))
    shared = Path("/work/shared")
    tuned = [f for f in sorted((shared / "devcorpus" / "docs").glob("*")) if not regex.match(r"\d{3}[37]_", f.name)]  # held-out files left out
    files += sorted((shared / "corpus").glob("*"))[:60] + tuned[:80]
    turned_away = 0
    for path in files:
        try:
            text = normalize(load_path(path).text, g).text
        except Exception:
            continue
        for line in text.split("\n"):
            for c in checks:
                if line.rstrip(" \r")[-1:] not in c.last:
                    turned_away += 1
                    assert c.pattern.match(line) is None, (c.pattern.rule_id, line)
    assert turned_away > 1000
