"""A grammar is checked whole when it is loaded (sztext.sections.CONTRACTS): a bad or missing table,
rule, tag or group fails once, at load_grammar, with a GrammarError naming the file and the key —
not mid-batch when an extractor first reads it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sztext
from sztext.errors import GrammarError
from sztext.grammar import default_grammar_dir

SHIPPED = default_grammar_dir()


def _overlay(tmp_path: Path, stem: str, text: str) -> Path:
    directory = tmp_path / "overlay"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{stem}.toml").write_text(text, encoding="utf-8")
    return directory


def _shipped_text(stem: str) -> str:
    return (SHIPPED / f"{stem}.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", [123, 4.5, b"grammars", ["grammars"]])
def test_a_directory_that_is_not_a_path(bad: object) -> None:
    with pytest.raises(GrammarError, match=r"a grammar directory is a path \(str or pathlib\.Path\), not "):
        sztext.load_grammar(bad)  # type: ignore[arg-type]


def test_a_file_instead_of_a_directory(tmp_path: Path) -> None:
    file = tmp_path / "headings.toml"
    file.write_text(_shipped_text("headings"), encoding="utf-8")
    with pytest.raises(GrammarError, match=r"headings\.toml: not a directory"):
        sztext.load_grammar(file)
    with pytest.raises(GrammarError, match=r"not a directory"):
        sztext.load_grammar(tmp_path / "nowhere")


def test_a_directory_named_like_a_grammar_file(tmp_path: Path) -> None:
    (tmp_path / "x.toml").mkdir()
    with pytest.raises(GrammarError, match=r"x\.toml: is not a file"):
        sztext.load_grammar(tmp_path)
    (tmp_path / "x.toml").rmdir()
    (tmp_path / "agencies" / "hangzhou.toml").mkdir(parents=True)
    with pytest.raises(GrammarError, match=r"agencies/hangzhou\.toml: is not a file"):
        sztext.load_grammar(tmp_path)


@pytest.mark.parametrize("nested", ["x = " + "[" * 2000 + "]" * 2000, "x = " + "{ a = " * 2000 + "1" + " }" * 2000])
def test_deeply_nested_toml(tmp_path: Path, nested: str) -> None:
    with pytest.raises(GrammarError, match=r"deep\.toml: .*nested too deeply"):
        sztext.load_grammar(_overlay(tmp_path, "deep", 'version = 1\ndescription = "d"\n' + nested + "\n"))


def test_a_heading_rule_without_its_kind(tmp_path: Path) -> None:
    text = _shipped_text("headings").replace('tags = { kind = "part", numeral = "cn" }', 'tags = { numeral = "cn" }', 1)
    with pytest.raises(GrammarError, match=r"overlay/headings\.toml \(rule headings\.part\): \[tags -> kind\] Field required") as info:
        sztext.load_grammar(_overlay(tmp_path, "headings", text))
    assert info.value.rule_id == "headings.part"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('numeral = "cn" }', 'numeral = "roman" }', r"\(rule headings\.part\): \[tags -> numeral\] Input should be 'cn', 'arabic' or 'circled'"),
        ('kind = "part"', 'kind = "book"', r"\(rule headings\.part\): \[tags -> kind\] Input should be"),
        ('numeral = "cn" }', 'numeral = "cn", midlne = true }', r"\(rule headings\.part\): \[tags -> midlne\] Extra inputs are not permitted"),
        ("(?P<num>${cn})编", "${cn}编", r"\(rule headings\.part\): \[pattern\] needs the named group \(\?P<num>"),
        ("(?P<num>${cn})编", "(?P<num>${cn}编", r"\(rule headings\.part\): \[pattern\] does not compile"),
    ],
)
def test_a_bad_heading_rule(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = _shipped_text("headings")
    assert old in text
    with pytest.raises(GrammarError, match=message):
        sztext.load_grammar(_overlay(tmp_path, "headings", text.replace(old, new, 1)))


def test_a_bad_table_value(tmp_path: Path) -> None:
    text = _shipped_text("money").replace('"封顶" = "max"', '"封顶" = "ceiling"')
    with pytest.raises(GrammarError, match=r"overlay/money\.toml: \[table\.qualifier -> 封顶\] Input should be 'exact', 'max', 'min' or 'approx'"):
        sztext.load_grammar(_overlay(tmp_path, "money", text))
    with pytest.raises(GrammarError, match=r"overlay/units\.toml: \[table\.roles -> 责任单位\] Input should be"):
        sztext.load_grammar(_overlay(tmp_path / "2", "units", 'version = 1\ndescription = "u"\n[table.roles]\n"责任单位" = "owner"\n'))
    with pytest.raises(GrammarError, match=r"overlay/mojibake\.toml: \[table\.tunables -> max_repair\] Extra inputs"):
        sztext.load_grammar(_overlay(tmp_path / "3", "mojibake", 'version = 1\ndescription = "m"\n[table.tunables]\nmax_repair = 10\n'))


def test_a_date_context_rule_with_an_unknown_kind(tmp_path: Path) -> None:
    text = _shipped_text("dates").replace('kind = "deadline"', 'kind = "soon"')
    with pytest.raises(GrammarError, match=r"overlay/dates\.toml \(rule dates\.\w+\): \[tags -> kind\] Input should be 'signed'"):
        sztext.load_grammar(_overlay(tmp_path, "dates", text))


def test_a_standalone_grammar_must_hold_what_the_pipeline_reads(tmp_path: Path) -> None:
    copy = shutil.copytree(SHIPPED, tmp_path / "copy")
    repeals = (copy / "repeals.toml").read_text(encoding="utf-8")
    (copy / "repeals.toml").write_text(repeals.replace('id = "repeals.tail"', 'id = "repeals.tail_renamed"'), encoding="utf-8")
    with pytest.raises(GrammarError, match=r"copy/repeals\.toml \(rule repeals\.tail\): \[rule\] missing") as info:
        sztext.load_grammar(copy, standalone=True)
    assert info.value.rule_id == "repeals.tail"
    # the same file in an overlay only adds a rule: the shipped repeals.tail is still there
    assert sztext.load_grammar(copy).rule("repeals.tail").id == "repeals.tail"
    (copy / "repeals.toml").write_text(repeals, encoding="utf-8")
    (copy / "headings.toml").unlink()
    with pytest.raises(GrammarError, match=r"copy/headings\.toml: missing: the pipeline reads this file"):
        sztext.load_grammar(copy, standalone=True)


def test_a_bad_overlay_fails_the_pipeline_once_at_construction(tmp_path: Path) -> None:
    directory = _overlay(tmp_path, "money", _shipped_text("money").replace('"封顶" = "max"', '"封顶" = "ceiling"'))
    with pytest.raises(GrammarError, match=r"\[table\.qualifier"):
        sztext.Pipeline(options=sztext.Options(grammar_dir=str(directory)))


def test_the_layout_section_is_checked_at_load(tmp_path: Path) -> None:
    # the page-number rule of PDF/OFD layout repair is grammar, read by id: a standalone grammar
    # without it fails at load, and an overlay's layout.toml with a tag the code does not read too
    copy = shutil.copytree(SHIPPED, tmp_path / "copy")
    layout = (copy / "layout.toml").read_text(encoding="utf-8")
    (copy / "layout.toml").write_text(layout.replace('id = "layout.page_number"', 'id = "layout.page_no"'), encoding="utf-8")
    with pytest.raises(GrammarError, match=r"copy/layout\.toml \(rule layout\.page_number\): \[rule\] missing"):
        sztext.load_grammar(copy, standalone=True)
    no_list = _shipped_text("layout").split("[list]")[0]
    with pytest.raises(GrammarError, match=r"\[list\.line_final\] missing"):
        _standalone_without_list(tmp_path, no_list)
    tagged = _shipped_text("layout").replace('id = "layout.block_start"\n', 'id = "layout.block_start"\ntags = { kind = "heading" }\n')
    with pytest.raises(GrammarError, match=r"overlay/layout\.toml \(rule layout\.block_start\): \[tags -> kind"):
        sztext.load_grammar(_overlay(tmp_path, "layout", tagged))


def _standalone_without_list(tmp_path: Path, layout: str) -> None:
    copy = shutil.copytree(SHIPPED, tmp_path / "copy2")
    (copy / "layout.toml").write_text(layout, encoding="utf-8")
    sztext.load_grammar(copy, standalone=True)


@pytest.mark.parametrize("rule_id", ["segment.first_heading", "segment.page_footer"])
def test_every_rule_the_line_classifier_reads_is_checked_at_load(tmp_path: Path, rule_id: str) -> None:
    # segment/rules.py reads its rules by the names CONTRACTS declares (first_heading: the 一、
    # that opens a body; page_footer: a web page's 京ICP备… footer line): a standalone grammar without one
    # fails at load, not on the first line the classifier reads
    copy = shutil.copytree(SHIPPED, tmp_path / "copy")
    segment = (copy / "segment.toml").read_text(encoding="utf-8")
    (copy / "segment.toml").write_text(segment.replace(f'id = "{rule_id}"', f'id = "{rule_id}_renamed"'), encoding="utf-8")
    with pytest.raises(GrammarError, match=rf"copy/segment\.toml \(rule {rule_id}\): \[rule\] missing"):
        sztext.load_grammar(copy, standalone=True)



def test_typed_table_gives_the_files_values_and_the_models_defaults() -> None:
    """sections.typed_table: the shipped header.toml sets max_issuers; an empty table gives every
    default of the model, the same as the model built with no arguments (a default written once)."""
    from sztext.sections import HeaderTunables, Tunables, typed_table

    grammar = sztext.load_grammar()
    assert typed_table(grammar.table("header", "tunables"), HeaderTunables).max_issuers == 64
    assert typed_table({"max_issuers": 3}, HeaderTunables).max_issuers == 3
    assert typed_table({}, Tunables) == Tunables()
    assert typed_table({"guess": False}, Tunables).guess is False
