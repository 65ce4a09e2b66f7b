"""sztext batch (issue 5): every document of every good input, an error record for each bad
one, both tables, resume, determinism across job counts, streaming of large archives, Dask."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from sztext import batch as batch_mod
from sztext.batch import find_inputs, run_batch
from sztext.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED_004 = SAMPLES / "004_dc8ab61eb0bb8ed1.txt"
DOCS_004 = 37


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two copies of seed 004, a GB18030 copy, an archive of 3 copies joined, an empty and a binary file."""
    root = tmp_path_factory.mktemp("inputs")
    text = SEED_004.read_text(encoding="utf-8")
    (root / "a").mkdir()
    shutil.copy(SEED_004, root / "a" / "copy1.txt")
    shutil.copy(SEED_004, root / "a" / "copy2.txt")
    (root / "gb18030.txt").write_bytes(text.encode("gb18030"))
    (root / "joined.txt").write_text("\n".join([text] * 3), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (root / "ignored.bin").write_bytes(b"not an input")
    return root


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_find_inputs_recursive_and_sorted(inputs: Path) -> None:
    names = [p.relative_to(inputs).as_posix() for p in find_inputs([inputs])]
    assert names == ["a/copy1.txt", "a/copy2.txt", "binary.txt", "empty.txt", "gb18030.txt", "joined.txt"]


def test_batch_writes_every_document_and_error(inputs: Path, tmp_path: Path) -> None:
    summary = run_batch([inputs], tmp_path, jobs=2, progress=False)
    notices = _lines(tmp_path / "notices.jsonl")
    errors = _lines(tmp_path / "errors.jsonl")
    per_file: dict[str, int] = {}
    for n in notices:
        source = n["source"]
        assert isinstance(source, dict)
        per_file[Path(str(source["path"])).name] = per_file.get(Path(str(source["path"])).name, 0) + 1
    assert per_file["copy1.txt"] == per_file["copy2.txt"] == per_file["gb18030.txt"] == DOCS_004
    assert per_file["joined.txt"] == 3 * DOCS_004
    assert sorted(Path(str(e["path"])).name for e in errors) == ["binary.txt", "empty.txt"]
    assert {e["error"]["type"] for e in errors} == {"DecodeError"}  # type: ignore[index]
    assert summary.documents == 6 * DOCS_004 and summary.errors == 2
    rows = list(csv.DictReader((tmp_path / "measures.csv").open(encoding="utf-8-sig")))
    assert rows and set(rows[0]) >= {"doc_number", "node_path", "lead_units", "responsible_units", "total_cny", "max_cny"}
    pq = pytest.importorskip("pyarrow.parquet")
    assert pq.read_table(tmp_path / "measures.parquet").num_rows == len(rows)


def test_same_output_whatever_the_job_count(inputs: Path, tmp_path: Path) -> None:
    run_batch([inputs], tmp_path / "j1", jobs=1, progress=False)
    run_batch([inputs], tmp_path / "j2", jobs=2, progress=False)
    for name in ("notices.jsonl", "errors.jsonl", "measures.csv"):
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes(), name


def test_resume_skips_finished_inputs_without_duplicates(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run_batch([inputs], tmp_path, jobs=1, progress=False, keep_parts=True)
    before = (tmp_path / "notices.jsonl").read_bytes()
    calls: list[str] = []
    real = batch_mod.process_path

    def counting(path: str, *args: object) -> object:
        calls.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_mod, "process_path", counting)
    second = run_batch([inputs], tmp_path, jobs=1, resume=True, progress=False)
    assert calls == [] and second.skipped == first.inputs
    assert (tmp_path / "notices.jsonl").read_bytes() == before


def test_resume_reprocesses_a_changed_input(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    f = src / "n.txt"
    f.write_text("深府规〔2024〕6号\n各区人民政府：\n现印发。\n", encoding="utf-8")
    run_batch([src], tmp_path / "out", jobs=1, progress=False, keep_parts=True)
    f.write_text("深府规〔2024〕7号\n各区人民政府：\n现印发。\n", encoding="utf-8")
    run_batch([src], tmp_path / "out", jobs=1, resume=True, progress=False)
    (record,) = _lines(tmp_path / "out" / "notices.jsonl")
    assert record["doc_number"]["serial"] == 7  # type: ignore[index]


def test_parts_are_removed_after_a_complete_run_and_kept_on_request(inputs: Path, tmp_path: Path) -> None:
    run_batch([inputs], tmp_path / "a", jobs=1, progress=False)
    assert not (tmp_path / "a" / ".parts").exists() and (tmp_path / "a" / "notices.jsonl").stat().st_size > 0
    run_batch([inputs], tmp_path / "b", jobs=1, progress=False, keep_parts=True)
    assert list((tmp_path / "b" / ".parts").glob("*/done"))


def test_streaming_large_archive_matches_whole_parse(tmp_path: Path) -> None:
    """A file read in small chunks gives the same documents, with spans into the whole text."""
    text = "\n".join([SEED_004.read_text(encoding="utf-8")] * 2)
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    from sztext.pipeline import Pipeline

    streamed = [r.model_dump(mode="json") for r in batch_mod.iter_records(path, Pipeline(), chunk_chars=100_000)]
    assert len(streamed) == 2 * DOCS_004
    for rec in streamed:
        s, e = rec["source"]["span"]
        assert text[s:e].strip()
        if rec["title"]:
            ts, te = rec["title"]["span"]
            assert text[ts:te] == rec["title"]["text"]
    assert [r["source"]["index"] for r in streamed] == list(range(2 * DOCS_004))  # type: ignore[index]


def test_outputs_are_written_atomically(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash while writing a table leaves no partial file under the final name."""
    def boom(fh: object, parts: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch_mod, "_write_csv_rows", boom)
    with pytest.raises(OSError, match="No space left"):
        run_batch([inputs / "a"], tmp_path, jobs=1, progress=False)
    assert not (tmp_path / "measures.csv").exists()
    assert not list(tmp_path.glob(".measures.csv.*"))


def test_a_vanished_input_becomes_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_004, src / "a.txt")
    (src / "b.txt").write_text("各区人民政府：\n现印发。\n", encoding="utf-8")
    real = batch_mod.iter_records

    def vanish(path: Path, *args: object, **kw: object) -> object:
        if path.name == "b.txt":
            path.unlink()
        return real(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_mod, "iter_records", vanish)
    summary = run_batch([src], tmp_path / "out", jobs=1, progress=False)
    errors = _lines(tmp_path / "out" / "errors.jsonl")
    assert summary.documents == DOCS_004
    assert [Path(str(e["path"])).name for e in errors] == ["b.txt"]


def test_cli_batch_exit_status(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(inputs / "a"), "--out", str(tmp_path / "ok"), "--jobs", "1", "--no-progress"]) == 0
    assert main(["batch", str(inputs), "--out", str(tmp_path / "bad"), "--jobs", "1", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "documents" in err and "errors" in err


def test_dask_local_cluster(inputs: Path, tmp_path: Path) -> None:
    db = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    from sztext.dask import parse_paths, write_bag

    paths = [str(p) for p in find_inputs([inputs])]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, distributed.Client(cluster):
        bag = parse_paths(db.from_sequence(paths, npartitions=3))
        documents, errors = write_bag(bag, tmp_path)
    assert documents == 6 * DOCS_004 and errors == 2
    jsonl = sorted(tmp_path.glob("notices-*.jsonl"))
    assert sum(len(p.read_text(encoding="utf-8").splitlines()) for p in jsonl) == documents
    pq = pytest.importorskip("pyarrow.parquet")
    assert pq.read_table(tmp_path / "measures").num_rows > 0


_REAL_PROCESS_PATH = batch_mod.process_path


def _process_or_die(path: str, *args: object) -> object:
    """Module level, so the pool can pickle it by name; forked workers have this module."""
    if Path(path).name == "die.txt":
        import os

        os._exit(3)  # the worker process dies without a word
    return _REAL_PROCESS_PATH(path, *args)  # type: ignore[arg-type]


def test_a_dying_worker_costs_only_its_own_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers are forked after the patch, so they inherit it (Linux start method)."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("needs the fork start method to inject the fault into workers")
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SEED_004, src / name)
    (src / "die.txt").write_text("各区人民政府：\n现印发。\n", encoding="utf-8")
    monkeypatch.setattr(batch_mod, "process_path", _process_or_die)
    summary = run_batch([src], tmp_path / "out", jobs=2, progress=False)
    errors = _lines(tmp_path / "out" / "errors.jsonl")
    assert [(Path(str(e["path"])).name, e["error"]["type"]) for e in errors] == [("die.txt", "WorkerDiedError")]  # type: ignore[index]
    assert summary.documents == 3 * DOCS_004


def test_a_missing_input_path_is_an_error_record(tmp_path: Path) -> None:
    shutil.copy(SEED_004, tmp_path / "a.txt")
    summary = run_batch([tmp_path / "a.txt", tmp_path / "gone.txt"], tmp_path / "out", jobs=1, progress=False)
    errors = _lines(tmp_path / "out" / "errors.jsonl")
    assert summary.documents == DOCS_004
    assert [(Path(str(e["path"])).name, e["error"]["type"]) for e in errors] == [("gone.txt", "FileNotFoundError")]  # type: ignore[index]


def test_a_large_html_page_is_extracted_not_streamed(tmp_path: Path) -> None:
    """HTML is parsed whole whatever its size: streamed markup would be read as text."""
    body = "".join(f"<p>{line}</p>" for line in SEED_004.read_text(encoding="utf-8").splitlines())
    page = tmp_path / "big.html"
    page.write_text(f"<html><head><meta name=\"PubDate\" content=\"2024-05-29\"></head><body>{body}</body></html>", encoding="utf-8")
    from sztext.pipeline import Pipeline

    records = list(batch_mod.iter_records(page, Pipeline(), chunk_chars=10_000))
    assert len(records) == DOCS_004
    first = records[0].model_dump(mode="json")
    assert "<p>" not in str(first["body"])


def test_the_same_file_named_twice_is_converted_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(SEED_004, tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    summary = run_batch([tmp_path / "a.txt", Path("a.txt")], tmp_path / "out", jobs=1, progress=False)
    assert summary.inputs == 1 and summary.documents == DOCS_004


def test_parquet_takes_amounts_with_many_decimals(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    (tmp_path / "in.txt").write_text("一、给予补贴1.23456元。\n二、给予奖励3万元。\n", encoding="utf-8")
    run_batch([tmp_path / "in.txt"], tmp_path / "out", jobs=1, progress=False)
    values = [str(v) for v in pq.read_table(tmp_path / "out" / "measures.parquet").column("total_cny").to_pylist()]
    assert values == ["1.2346", "30000.0000"]


def test_resume_does_not_reuse_parts_made_with_another_grammar(tmp_path: Path) -> None:
    import shutil as sh

    from sztext.grammar import default_grammar_dir
    from sztext.pipeline import Options

    (tmp_path / "in.txt").write_text("深府规〔2024〕6号\n各区人民政府：\n现印发。\n", encoding="utf-8")
    run_batch([tmp_path / "in.txt"], tmp_path / "out", jobs=1, progress=False, keep_parts=True)
    other = tmp_path / "grammars"
    sh.copytree(default_grammar_dir(), other)
    with (other / "charmap.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    second = run_batch([tmp_path / "in.txt"], tmp_path / "out", jobs=1, resume=True, progress=False, options=Options(grammar_dir=str(other)))
    assert second.skipped == 0
