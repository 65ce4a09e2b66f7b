"""The shipped grammar as data: every rule's examples and counterexamples (G9), the loader's
errors on a tiny fixture grammar (G10, G36), caching and pickling (G11), and the prefilter
anchors as a superset of the matches on the real samples (G6, G31).

Examples run where the rule runs: on the VIEW of the example text (``normalize(text).text``),
except ``noise.toml`` and ``layout.toml`` rules and rules tagged ``on = "source"``, which run on the source. The
expected ``match`` and ``groups`` are compared with the CLEAN text of the match (the source
text for source rules), so an example may be written in Traditional characters or full-width
forms and still name its groups as written.
"""

from __future__ import annotations

import pickle
import shutil
import textwrap
from pathlib import Path

import pytest

import sztext
from sztext import GrammarError
from sztext.grammar import Grammar, Rule, default_grammar_dir
from sztext.normalize import normalize

GRAMMAR = sztext.load_grammar()
SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def _runs_on_source(stem: str, rule: Rule) -> bool:
    return stem in ("noise", "layout") or rule.tags.get("on") == "source"


def _all_rules() -> list[tuple[str, Rule]]:
    return [(stem, rule) for stem, rules in GRAMMAR.rules.items() for rule in rules]


def _subject(stem: str, rule: Rule, text: str) -> tuple[str, str]:
    """(text the rule scans, text the expectations are compared with), offsets shared."""
    if _runs_on_source(stem, rule):
        return text, text
    view = normalize(text, GRAMMAR)
    return view.text, view.clean


# Known failures of the shipped grammar, one case each (G33): {(kind, rule id, index): reason}.
# A case that starts to pass fails as XPASS(strict): delete its entry then.
KNOWN_FAILURES: dict[tuple[str, str, int], str] = {}


def _param(kind: str, stem: str, rule: Rule, n: int) -> object:
    reason = KNOWN_FAILURES.get((kind, rule.id, n))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(stem, rule, n, id=f"{rule.id}[{n}]", marks=marks)


EXAMPLES = [_param("example", stem, rule, n) for stem, rule in _all_rules() for n in range(len(rule.spec.examples))]
COUNTEREXAMPLES = [
    _param("counterexample", stem, rule, n) for stem, rule in _all_rules() for n in range(len(rule.spec.counterexamples))
]


def test_the_shipped_grammar_has_rules_in_every_file() -> None:
    stems = {p.stem for p in default_grammar_dir().glob("*.toml")}
    assert stems == set(GRAMMAR.rules)
    assert {stem for stem, rules in GRAMMAR.rules.items() if rules} >= {"docnumber", "headings", "header", "noise", "segment"}
    assert len(EXAMPLES) > 50


@pytest.mark.parametrize(("stem", "rule", "n"), EXAMPLES)
def test_example_matches(stem: str, rule: Rule, n: int) -> None:
    example = rule.spec.examples[n]
    scanned, shown = _subject(stem, rule, example.text)
    m = rule.pattern.search(scanned)
    assert m is not None, f"{rule.id} does not match its example {example.text!r} (scanned {scanned!r})"
    if example.match is not None:
        assert shown[m.start() : m.end()] == example.match
    for name, expected in example.groups.items():
        assert name in rule.pattern.groupindex, f"{rule.id} has no group {name!r}"
        assert m.start(name) >= 0, f"group {name!r} did not take part in the match"
        assert shown[m.start(name) : m.end(name)] == expected, f"group {name!r}"
    # the prefilter must let every example through (G6)
    assert rule.may_match(scanned)


@pytest.mark.parametrize(("stem", "rule", "n"), COUNTEREXAMPLES)
def test_counterexample_does_not_match(stem: str, rule: Rule, n: int) -> None:
    text = rule.spec.counterexamples[n]
    scanned, shown = _subject(stem, rule, text)
    m = rule.pattern.search(scanned)
    assert m is None, f"{rule.id} matches its counterexample {text!r} at {shown[m.start():m.end()]!r}"


# --- the prefilter is a superset of the matches (G6, G31) ------------------------------------


def _prefilter_misses(rule: Rule, lines: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Every (file, line, match) where the rule matches a line its prefilter would skip."""
    return [
        (name, lineno, m.group())
        for name, lineno, line in lines
        if not rule.may_match(line)
        for m in [rule.pattern.search(line)]
        if m is not None
    ]


def _lines_of(texts: list[tuple[str, str]], on_source: bool) -> list[tuple[str, int, str]]:
    out: list[tuple[str, int, str]] = []
    for name, text in texts:
        scanned = text if on_source else normalize(text, GRAMMAR).text
        out.extend((name, i + 1, line) for i, line in enumerate(scanned.split("\n")))
    return out


_LINES: dict[tuple[str, bool], list[tuple[str, int, str]]] = {}


def _sample_lines(on_source: bool) -> list[tuple[str, int, str]]:
    key = ("samples", on_source)
    if key not in _LINES:
        _LINES[key] = _lines_of([(p.name, p.read_text(encoding="utf-8")) for p in SAMPLES], on_source)
    return _LINES[key]


def _corpus_lines(shared_dir: Path, on_source: bool) -> list[tuple[str, int, str]]:
    from sztext.load import load_path

    key = ("corpus", on_source)
    if key not in _LINES:
        files = sorted(p for p in (shared_dir / "corpus").iterdir() if p.suffix in (".html", ".txt"))
        _LINES[key] = _lines_of([(p.name, load_path(p).text) for p in files], on_source)
    return _LINES[key]


ANCHORED = [pytest.param(stem, rule, id=rule.id) for stem, rule in _all_rules() if rule.anchors]


@pytest.mark.parametrize(("stem", "rule"), ANCHORED)
def test_prefilter_lets_every_sample_match_through(stem: str, rule: Rule) -> None:
    assert _prefilter_misses(rule, _sample_lines(_runs_on_source(stem, rule))) == [], (
        f"{rule.id} matches sample lines where none of its anchors {rule.anchors} occur"
    )


# {rule id: reason} for rules whose anchors miss corpus matches (none known).
CORPUS_KNOWN_FAILURES: dict[str, str] = {}
ANCHORED_CORPUS = [
    pytest.param(
        stem, rule, id=rule.id,
        marks=[pytest.mark.xfail(strict=True, reason=CORPUS_KNOWN_FAILURES[rule.id])] if rule.id in CORPUS_KNOWN_FAILURES else [],
    )
    for stem, rule in _all_rules()
    if rule.anchors
]


@pytest.mark.parametrize(("stem", "rule"), ANCHORED_CORPUS)
def test_prefilter_lets_every_corpus_match_through(stem: str, rule: Rule, shared_dir: Path) -> None:
    assert _prefilter_misses(rule, _corpus_lines(shared_dir, _runs_on_source(stem, rule))) == [], (
        f"{rule.id} matches corpus lines where none of its anchors {rule.anchors} occur"
    )


def test_prefilter_check_catches_a_missing_anchor(tmp_path: Path) -> None:
    """The superset check itself can fail: an anchor that the pattern does not need is caught."""
    g = sztext.load_grammar(_write(tmp_path, VALID.replace('anchors = ["元"]', 'anchors = ["万"]')))
    (rule,) = g.rules_of("demo")
    assert _prefilter_misses(rule, [("t", 1, "共100元"), ("t", 2, "共100万元"), ("t", 3, "无")]) == [("t", 1, "100元")]


def test_prefilter_skips_text_without_anchors() -> None:
    rule = GRAMMAR.rule("docnumber.bracket")
    assert rule.may_match("深府规[2024]6号")
    assert not rule.may_match("深府规[2024]6")


# --- loader errors on a tiny fixture grammar (G10, G36) --------------------------------------

VALID = """\
version = 1
description = "Tiny fixture grammar."

[vars]
num = '[0-9]+'

[[rule]]
id = "demo.amount"
pattern = '(?P<num>${num})元'
anchors = ["元"]
examples = [{ text = "100元", groups = { num = "100" } }]
counterexamples = ["元旦"]
"""

RULE_TEMPLATE = """
[[rule]]
id = "{id}"
pattern = '{pattern}'
examples = [{{ text = "x" }}]
"""


def _write(directory: Path, text: str, stem: str = "demo") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{stem}.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


def test_fixture_grammar_loads(tmp_path: Path) -> None:
    g = sztext.load_grammar(_write(tmp_path, VALID))
    (rule,) = g.rules_of("demo")
    assert rule.id == "demo.amount"
    assert rule.pattern.search("共100元")["num"] == "100"
    assert g.rule("demo.amount") is rule


ERROR_CASES = [
    pytest.param("version = 1\n[[rule]\nid = 'demo.x'\n", r"not valid UTF-8 TOML", None, id="bad-toml"),
    pytest.param(
        VALID.replace('anchors = ["元"]', 'anchors = ["元"]\ncolour = "red"'),
        r"\(rule demo\.amount\): \[rule -> 0 -> colour\] Extra inputs are not permitted",
        "demo.amount",
        id="unknown-field",
    ),
    pytest.param(
        VALID.replace('examples = [{ text = "100元", groups = { num = "100" } }]', "examples = []"),
        r"\(rule demo\.amount\): \[rule -> 0 -> examples\]",
        "demo.amount",
        id="rule-without-examples",
    ),
    pytest.param(VALID.replace("version = 1", "version = 2"), r"\[version\]", None, id="unknown-version"),
    pytest.param(VALID + RULE_TEMPLATE.format(id="demo.broken", pattern="(?P<x>[0-9]"), r"\(rule demo\.broken\): \[pattern\] does not compile", "demo.broken", id="regex-does-not-compile"),
    pytest.param(VALID + RULE_TEMPLATE.format(id="demo.unknown", pattern="${nope}元"), r"\(rule demo\.unknown\): \[pattern\] unknown fragment \$\{nope\}", "demo.unknown", id="unknown-var"),
    pytest.param(VALID.replace("num = '[0-9]+'", "num = '${a}'\na = '${b}'\nb = '${a}'"), r"\[vars\] cycle: (num -> )?a -> b -> a", None, id="var-cycle"),
    pytest.param(VALID.replace("num = '[0-9]+'", "num = '${missing}'"), r"\[vars\] unknown fragment \$\{missing\}", None, id="unknown-var-in-vars"),
    pytest.param(VALID + RULE_TEMPLATE.format(id="demo.amount", pattern="x"), r"\(rule demo\.amount\): duplicate rule id", "demo.amount", id="duplicate-id"),
    pytest.param(VALID + RULE_TEMPLATE.format(id="money.amount", pattern="x"), r"\(rule money\.amount\): rule ids in demo\.toml must start with 'demo\.'", "money.amount", id="id-not-prefixed-by-stem"),
]


@pytest.mark.parametrize(("text", "message", "rule_id"), ERROR_CASES)
def test_grammar_error(tmp_path: Path, text: str, message: str, rule_id: str | None) -> None:
    with pytest.raises(GrammarError, match=message) as info:
        sztext.load_grammar(_write(tmp_path, text))
    assert info.value.rule_id == rule_id
    assert info.value.path == str(tmp_path / "demo.toml")
    assert isinstance(info.value, ValueError)  # configuration errors are ValueErrors too (G23)


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    """Rule ids start with their file's stem, so a second file cannot hold the same id."""
    _write(tmp_path, VALID)
    _write(tmp_path, VALID.replace("[vars]\nnum = '[0-9]+'", "[vars]\nnum = '[0-9]'"), stem="demo2")
    with pytest.raises(GrammarError, match=r"demo2\.toml \(rule demo\.amount\): rule ids in demo2\.toml must start with 'demo2\.'"):
        sztext.load_grammar(tmp_path)


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    with pytest.raises(GrammarError, match=r"demo\.toml \(rule demo\.amount\): duplicate rule id"):
        sztext.load_grammar(_write(tmp_path, VALID + VALID[VALID.index("[[rule]]"):]))


def test_not_utf8(tmp_path: Path) -> None:
    tmp_path.joinpath("demo.toml").write_bytes(VALID.encode("gb18030"))
    with pytest.raises(GrammarError, match=r"not valid UTF-8 TOML"):
        sztext.load_grammar(tmp_path)


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(GrammarError, match=r"no \*\.toml grammar files in this directory"):
        sztext.load_grammar(tmp_path)


# --- identity, caching and pickling (G11) ----------------------------------------------------


def test_load_grammar_is_cached() -> None:
    first = sztext.load_grammar()
    assert sztext.load_grammar() is first
    assert len(first.digest) == 64


def test_edited_copy_gets_a_new_digest(tmp_path: Path) -> None:
    copy = shutil.copytree(default_grammar_dir(), tmp_path / "grammars")
    twin = shutil.copytree(copy, tmp_path / "twin")
    original = sztext.load_grammar(copy)
    assert sztext.load_grammar(twin).digest == original.digest  # the digest is of the content, not the location
    with (twin / "doctypes.toml").open("a", encoding="utf-8") as f:
        f.write("\n# an edit\n")
    edited = sztext.load_grammar(twin)
    assert edited.digest != original.digest
    assert edited is not original
    assert sztext.load_grammar(twin) is edited


def test_derived_values_are_built_once_per_grammar_and_not_pickled() -> None:
    """What stages build from a grammar lives on it (G4): built on first use, then reused; a
    pickled grammar (sent to a batch worker) travels without them and rebuilds its own."""
    calls: list[str] = []

    def build(grammar: Grammar) -> str:
        calls.append(grammar.digest)
        return grammar.digest[:8]

    assert GRAMMAR.derived(build) == GRAMMAR.derived(build) == GRAMMAR.digest[:8]
    assert calls == [GRAMMAR.digest]
    sztext.parse("深圳市人民政府关于印发若干措施的通知\n最高奖励100万元。\n")  # stages fill it
    assert len(GRAMMAR._derived) > 3
    clone = pickle.loads(pickle.dumps(GRAMMAR))
    assert clone._derived == {}
    assert clone.derived(build) == GRAMMAR.digest[:8] and len(calls) == 2


def test_grammar_pickles() -> None:
    clone = pickle.loads(pickle.dumps(GRAMMAR))
    assert clone.digest == GRAMMAR.digest
    assert [r.id for _, r in _all_rules()] == [r.id for rules in clone.rules.values() for r in rules]
    rule = clone.rule("docnumber.bracket")
    assert rule.pattern.pattern == GRAMMAR.rule("docnumber.bracket").pattern.pattern
    assert rule.pattern.search("深府规[2024]6号")["serial"] == "6"
    assert clone.table("doctypes", "title_suffix") == GRAMMAR.table("doctypes", "title_suffix")
    # a parse with the unpickled grammar gives the same notice
    text = "深圳市人民政府关于印发若干措施的通知\n深府规〔2024〕6号\n各区人民政府：\n现印发。\n"
    assert sztext.parse(text, grammar=clone).model_dump() == sztext.parse(text, grammar=GRAMMAR).model_dump()


def test_unknown_rule_id() -> None:
    with pytest.raises(GrammarError, match=r"rule docnumber.nope\): rule not found"):
        GRAMMAR.rule("docnumber.nope")


def test_a_partial_grammar_directory_is_an_overlay(tmp_path: Path) -> None:
    """A --grammar directory with only some files is merged onto the shipped grammar; loaded
    ``standalone`` it is the whole grammar, and a file it lacks fails at load (a GrammarError)."""
    shutil.copy(default_grammar_dir() / "noise.toml", tmp_path / "noise.toml")
    shutil.copy(default_grammar_dir() / "charmap.toml", tmp_path / "charmap.toml")
    text = "深府规〔2024〕6号\n各区人民政府：\n"
    overlay = sztext.load_grammar(tmp_path)
    assert overlay.digest != GRAMMAR.digest
    assert sztext.parse(text, grammar=overlay).model_dump(exclude={"grammar_digest"}) == sztext.parse(text).model_dump(exclude={"grammar_digest"})
    with pytest.raises(GrammarError, match=r"mojibake\.toml: missing: the pipeline reads this file"):
        sztext.load_grammar(tmp_path, standalone=True)
