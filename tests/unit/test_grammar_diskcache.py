"""A compiled grammar kept on disk per content digest (sztext.grammarcache, issue 19's cold start):
a new process reads it instead of compiling, gets the same grammar and the same parse, and an
edited grammar, a broken file or a cache turned off all fall back to compiling."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import sztext
from sztext import grammar as grammar_module
from sztext import grammarcache
from sztext.export.json import dumps, to_record

from test_overlay import NOTICE, PARTS

OLD = time.time_ns() - 3600 * 10**9


def _overlay(tmp_path: Path, text: str = PARTS) -> Path:
    directory = tmp_path / "g"
    directory.mkdir(exist_ok=True)
    (directory / "headings.toml").write_text(text, encoding="utf-8")
    for file in directory.rglob("*.toml"):
        os.utime(file, ns=(OLD, OLD))
    return directory


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the grammars compiled in this process, as a new process starts."""
    monkeypatch.setattr(grammar_module, "_CACHE", {})
    monkeypatch.setattr(grammar_module, "_STAMPS", {})


def _no_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("compiled although a cached grammar was on disk")

    monkeypatch.setattr(grammar_module, "_compile", refuse)


def _json(grammar_dir: Path) -> bytes:
    options = sztext.Options(grammar_dir=str(grammar_dir))
    return dumps(to_record(sztext.parse(NOTICE, options=options)))


def test_a_new_process_reads_the_compiled_grammar_instead_of_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(tmp_path / "cache"))
    _new_process(monkeypatch)
    directory = _overlay(tmp_path)
    compiled = sztext.load_grammar(directory)
    expected = _json(directory)
    assert len(list((tmp_path / "cache").glob("*.grammar.pickle"))) == 1
    _new_process(monkeypatch)
    _no_compile(monkeypatch)
    read = sztext.load_grammar(directory)
    assert read is not compiled and read.digest == compiled.digest
    assert [(r.id, r.pattern.pattern, r.anchors) for r in read.by_id.values()] == [(r.id, r.pattern.pattern, r.anchors) for r in compiled.by_id.values()]
    # the overlay's rule matches as compiled: 第一部分 read as a part, its number 一
    m = read.rule("headings.part_bufen").pattern.match("第一部分 总体要求")
    assert m is not None and m.group("num") == "一"
    assert _json(directory) == expected


def test_an_edited_grammar_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(tmp_path / "cache"))
    _new_process(monkeypatch)
    first = sztext.load_grammar(_overlay(tmp_path))
    _new_process(monkeypatch)
    second = sztext.load_grammar(_overlay(tmp_path, PARTS.replace("第二部分 重点任务", "第二部分 主要任务")))
    assert second.digest != first.digest
    assert len(list((tmp_path / "cache").glob("*.grammar.pickle"))) == 2


def test_a_broken_file_is_compiled_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(tmp_path / "cache"))
    _new_process(monkeypatch)
    directory = _overlay(tmp_path)
    sztext.load_grammar(directory)
    (file,) = (tmp_path / "cache").glob("*.grammar.pickle")
    file.write_bytes(file.read_bytes()[:1000])  # truncated: a process stopped mid-write elsewhere
    _new_process(monkeypatch)
    g = sztext.load_grammar(directory)
    assert g.rule("headings.part_bufen").pattern.search("第二部分 重点任务") is not None
    assert file.stat().st_size > 1000  # written whole again


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SZTEXT_CACHE_DIR", "")
    _new_process(monkeypatch)
    assert grammarcache.cache_dir() is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    sztext.load_grammar(_overlay(tmp_path))
    assert not list(tmp_path.rglob("*.grammar.pickle"))
    monkeypatch.delenv("SZTEXT_CACHE_DIR")
    assert grammarcache.cache_dir() == tmp_path / "sztext"


def test_a_bad_grammar_is_refused_and_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(tmp_path / "cache"))
    _new_process(monkeypatch)
    directory = _overlay(tmp_path, PARTS.replace("(?P<num>${cn})部分)", "(?P<num>${cn}部分)"))  # unbalanced
    with pytest.raises(sztext.GrammarError, match="does not compile"):
        sztext.load_grammar(directory)
    assert not list((tmp_path / "cache").glob("*.grammar.pickle"))


def test_only_the_most_recent_grammars_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(tmp_path / "cache"))
    _new_process(monkeypatch)
    for n in range(grammarcache.KEEP + 3):
        grammarcache.write_cached(f"key{n:02d}", {"n": n})
        os.utime(tmp_path / "cache" / f"key{n:02d}.grammar.pickle", ns=(OLD + n * 10**9, OLD + n * 10**9))
    kept = sorted(p.name for p in (tmp_path / "cache").glob("*.grammar.pickle"))
    assert len(kept) == grammarcache.KEEP and kept[0] == "key03.grammar.pickle"
    assert grammarcache.read_cached("key10") == {"n": 10} and grammarcache.read_cached("key00") is None


def test_the_key_follows_content_directory_and_code() -> None:
    key = grammarcache.cache_key("a" * 64, "/g", False)
    assert key == grammarcache.cache_key("a" * 64, "/g", False)
    assert len({key, grammarcache.cache_key("b" * 64, "/g", False), grammarcache.cache_key("a" * 64, "/h", False),
                grammarcache.cache_key("a" * 64, "/g", True)}) == 4


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes only")
def test_a_directory_others_can_write_is_neither_read_nor_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(cache))
    _new_process(monkeypatch)
    directory = _overlay(tmp_path)
    sztext.load_grammar(directory)
    (file,) = cache.glob("*.grammar.pickle")
    os.chmod(cache, 0o777)  # a shared directory: a pickle there could be anybody's code
    _new_process(monkeypatch)
    _no_compile(monkeypatch)
    with pytest.raises(AssertionError, match="compiled although"):
        sztext.load_grammar(directory)  # the cached file is not read: it compiles
    file.unlink()
    monkeypatch.undo()
    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(cache))
    _new_process(monkeypatch)
    sztext.load_grammar(directory)
    assert not list(cache.glob("*.grammar.pickle"))  # and nothing is written there


def test_the_derived_tables_are_kept_with_the_grammar_and_read_back_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tables a first parse builds (the view table, segment's prepared rules, the lexicons) are
    written into the grammar's file once; a new process reads them, builds none and parses the same."""
    from sztext.normalize import _build_view_table
    from sztext.segment.rules import _prepare

    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(tmp_path / "cache"))
    _new_process(monkeypatch)
    directory = _overlay(tmp_path)
    expected = _json(directory)
    built = sztext.load_grammar(directory)
    assert _build_view_table in built._derived and _prepare in built._derived
    (file,) = (tmp_path / "cache").glob("*.grammar.pickle")
    written = file.stat().st_mtime_ns
    _new_process(monkeypatch)
    _no_compile(monkeypatch)
    read = sztext.load_grammar(directory)
    assert set(read._derived) == set(built._derived)
    assert read._derived[_build_view_table] == built._derived[_build_view_table]
    # segment's prepared rules are the read grammar's own rule objects, not copies
    assert read._derived[_prepare].number_rules[0] is read.rule("docnumber.bracket")
    before = dict(read._derived)
    assert _json(directory) == expected
    assert all(read._derived[build] is value for build, value in before.items()) and len(read._derived) == len(before)  # none built again
    assert file.stat().st_mtime_ns == written  # nothing new: not written again


def _unpicklable_table(grammar: object) -> object:
    return lambda text: text  # a lambda does not pickle


def test_a_table_that_does_not_pickle_is_left_out_and_not_written_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(tmp_path / "cache"))
    _new_process(monkeypatch)
    directory = _overlay(tmp_path)
    _json(directory)
    first = sztext.load_grammar(directory)
    first.derived(_unpicklable_table)
    first.persist_derived()
    (file,) = (tmp_path / "cache").glob("*.grammar.pickle")
    written = file.stat().st_mtime_ns
    _new_process(monkeypatch)
    read = sztext.load_grammar(directory)
    assert _unpicklable_table not in read._derived and len(read._derived) == len(first._derived) - 1
    assert read.derived(_unpicklable_table)("深府规") == "深府规"  # built again in this process
    read.persist_derived()
    assert file.stat().st_mtime_ns == written
