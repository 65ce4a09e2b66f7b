"""The grammar cache follows the files' content, not their path: an edited grammar file is seen by
the next ``parse(options=…)``, and an unchanged directory is not read again (sztext.grammar._stamp)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import sztext
from sztext import grammar as grammar_module
from sztext import pipeline as pipeline_module
from sztext import sections

from shared_fixtures import outline
from test_overlay import NOTICE, PARTS

OLD = time.time_ns() - 3600 * 10**9  # an hour ago


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """utime sets ctime to now, inside the two-second window in which a file is always re-read;
    the tests of the stamp trust files at once (the window has its own test)."""
    monkeypatch.setattr(grammar_module, "_RACY_NS", 0)


def _age(directory: Path) -> None:
    for file in directory.rglob("*.toml"):
        os.utime(file, ns=(OLD, OLD))


def _kinds(directory: Path) -> list[str]:
    return [kind for _, kind, _ in outline(sztext.parse(NOTICE, options=sztext.Options(grammar_dir=str(directory))))]


def test_an_edited_grammar_file_is_seen_by_the_next_parse(tmp_path: Path) -> None:
    directory = tmp_path / "g"
    directory.mkdir()
    (directory / "headings.toml").write_text(PARTS, encoding="utf-8")
    _age(directory)
    # 第一部分 总体要求 / 第二部分 重点任务 are parts only with the overlay's style
    assert _kinds(directory) == ["part", "part", "section", "section"]
    assert _kinds(directory) == ["part", "part", "section", "section"]  # from the stamp cache
    # the same style edited to read 第X部分 as chapters: the next parse reads chapters
    (directory / "headings.toml").write_text(PARTS.replace('kind = "part", ', "").replace("tags = { ", 'tags = { kind = "chapter", '), encoding="utf-8")
    assert _kinds(directory) == ["chapter", "chapter", "section", "section"]
    (directory / "headings.toml").unlink()
    (directory / "doctypes.toml").write_text('version = 1\ndescription = "overlay"\n[table.extra]\n"纪要" = "纪要"\n', encoding="utf-8")
    assert _kinds(directory) == ["section", "section"]  # a removed file is noticed too


def test_a_same_size_edit_with_the_old_mtime_is_still_seen(tmp_path: Path) -> None:
    """mtime and size put back as they were (a copy tool, a coarse clock): ctime still moves."""
    directory = tmp_path / "g"
    directory.mkdir()
    file = directory / "headings.toml"
    file.write_text(PARTS, encoding="utf-8")
    _age(directory)
    first = sztext.load_grammar(directory)
    assert sztext.load_grammar(directory) is first
    # 部分 → 部份: the same number of bytes, a different pattern
    edited = PARTS.replace("第(?P<num>${cn})部分", "第(?P<num>${cn})部份")
    assert len(edited.encode()) == len(PARTS.encode()) and edited != PARTS
    file.write_text(edited, encoding="utf-8")
    os.utime(file, ns=(OLD, OLD))
    second = sztext.load_grammar(directory)
    assert second is not first and second.digest != first.digest
    assert "部份" in second.rule("headings.part_bufen").pattern.pattern


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The directories load_grammar reads from now on (each call of sections.read_directory)."""
    reads: list[Path] = []
    real = sections.read_directory

    def counting(path: Path) -> object:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(grammar_module, "read_directory", counting)
    return reads


def test_an_unchanged_grammar_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "g"
    directory.mkdir()
    (directory / "headings.toml").write_text(PARTS, encoding="utf-8")
    _age(directory)
    first = sztext.load_grammar(directory)
    reads = _count_reads(monkeypatch)
    assert sztext.load_grammar(directory) is first
    assert reads == []
    # a file written just now is re-read every time (its mtime tick may not be over)
    monkeypatch.setattr(grammar_module, "_RACY_NS", 2_000_000_000)
    (directory / "headings.toml").write_text(PARTS, encoding="utf-8")
    assert sztext.load_grammar(directory) is first  # same content: the same compiled grammar
    assert sztext.load_grammar(directory) is first
    assert len(reads) == 4  # the overlay and the shipped directory, twice


def test_a_cached_load_of_the_shipped_grammar_reads_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """issue 19: load_grammar ran on every parse_file and read and hashed all the files (0.56 ms);
    with the stamp a repeated load reads none (its cost is measured in bench/, not asserted here)."""
    monkeypatch.setattr(grammar_module, "_RACY_NS", 0)  # a fresh checkout's files are not 'just written'
    first = sztext.load_grammar()
    reads = _count_reads(monkeypatch)
    for _ in range(3):
        assert sztext.load_grammar() is first
    assert reads == []


def test_one_pipeline_per_options_follows_the_edits(tmp_path: Path) -> None:
    directory = tmp_path / "g"
    directory.mkdir()
    (directory / "headings.toml").write_text(PARTS, encoding="utf-8")
    options = sztext.Options(grammar_dir=str(directory))
    first = sztext.Pipeline.for_options(options)
    assert sztext.Pipeline.for_options(options) is first
    (directory / "headings.toml").write_text(PARTS.replace("第二部分 重点任务", "第二部分 主要任务"), encoding="utf-8")
    second = sztext.Pipeline.for_options(options)
    assert second is not first and second.grammar.digest != first.grammar.digest
    assert [p for o, p in pipeline_module._BY_OPTIONS.items() if o == options] == [second]  # the old one let go


def test_a_compiled_grammar_is_read_only_and_still_pickles() -> None:
    import pickle

    g = sztext.load_grammar()
    with pytest.raises(TypeError, match="read-only"):
        g.table("money", "currency")["美金"] = "USD"  # type: ignore[index]
    with pytest.raises(TypeError, match="read-only"):
        g.rule("headings.cn_comma").tags["kind"] = "part"  # type: ignore[index]
    with pytest.raises(TypeError, match="read-only"):
        g.by_id.pop("headings.cn_comma")  # type: ignore[attr-defined]
    copy = pickle.loads(pickle.dumps(g))
    assert copy.table("money", "currency") == g.table("money", "currency") and copy.digest == g.digest
    assert isinstance(copy.table("money", "currency"), grammar_module.FrozenDict)
