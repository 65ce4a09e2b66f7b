"""Beyond one machine: the engine-neutral parse_record, and parity of the Dask path with a local
``sztext batch`` (the same sorted records, byte for byte). Ray Data and Spark recipes of the
cookbook run on a local cluster when those engines are installed (skipped, saying so, when not)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import sztext
from sztext.batch import run_batch

REPO = Path(__file__).parents[1]
INPUTS = sorted(str(p.resolve()) for p in (REPO / "samples").glob("*.txt"))


def _sorted_lines(lines: list[bytes]) -> list[bytes]:
    return sorted(lines, key=lambda b: (orjson.loads(b)["source"]["path"], orjson.loads(b)["source"]["index"]))


def test_parse_record_for_a_path_and_its_bytes_agree() -> None:
    path = INPUTS[4]  # samples/004: 37 notices
    by_path = sztext.parse_record(path)
    by_bytes = sztext.parse_record(Path(path).read_bytes(), path=path)
    assert len(by_path) == 37 and by_path == by_bytes
    assert sztext.parse_record(str(REPO / "no-such-file.txt"))[0]["error"]["type"] in ("FileNotFoundError", "InputError")
    assert sztext.parse_record(123)[0]["error"]["type"] == "TypeError"  # type: ignore[arg-type]


def test_dask_path_gives_the_records_of_a_local_batch(tmp_path: Path) -> None:
    db = pytest.importorskip("dask.bag")
    from sztext.dask import parse_paths, write_bag

    run_batch(INPUTS, tmp_path / "local", jobs=1, formats=("jsonl",), progress=False)
    local = (tmp_path / "local" / "notices.jsonl").read_bytes().splitlines()
    import dask

    with dask.config.set(scheduler="processes", num_workers=2):
        write_bag(parse_paths(db.from_sequence(INPUTS, npartitions=3)), tmp_path / "dask")
    remote = [line for f in sorted((tmp_path / "dask").glob("notices-*.jsonl")) for line in f.read_bytes().splitlines()]
    assert len(local) == len(remote) > 40
    assert _sorted_lines(local) == _sorted_lines(remote)


def test_ray_data_recipe() -> None:
    ray = pytest.importorskip("ray", reason="Ray is not installed: the Ray Data recipe was not run")
    import ray.data

    ray.init(num_cpus=1, include_dashboard=False, ignore_reinit_error=True)
    try:
        def parse_batch(batch: dict[str, list[str]]) -> dict[str, list[bytes]]:
            return {"record": [orjson.dumps(r) for p in batch["path"] for r in sztext.parse_record(str(p))]}

        ds = ray.data.from_items([{"path": p} for p in INPUTS])
        out = ds.map_batches(parse_batch, batch_size=2)
        assert out.count() == sum(len(sztext.parse_record(p)) for p in INPUTS)
    finally:
        ray.shutdown()


def test_spark_recipe() -> None:
    pytest.importorskip("pyspark", reason="PySpark is not installed: the Spark recipe was not run")
    from pyspark.sql import SparkSession

    from pyspark.sql.pandas.types import from_arrow_schema

    # the cookbook's recipe: mapInArrow over the paths, each task yielding table_batch rows with
    # the published schema; the amounts Spark collects are those of sztext.tables, value for value
    def parse_amounts(batches):  # type: ignore[no-untyped-def]
        for batch in batches:
            records = [r for p in batch.column("path").to_pylist() for r in sztext.parse_record(p)]
            yield sztext.table_batch(records, "amounts")

    spark = SparkSession.builder.master("local[1]").getOrCreate()
    try:
        paths = spark.createDataFrame([(p,) for p in INPUTS], ["path"])
        schema = from_arrow_schema(sztext.table_schemas()["amounts"])
        rows = paths.mapInArrow(parse_amounts, schema).collect()
        local = sztext.table_batch([r for p in INPUTS for r in sztext.parse_record(p)], "amounts").to_pylist()
        assert sorted((r.amount_id, r.value, r.qualifier, r.start) for r in rows) == sorted((r["amount_id"], r["value"], r["qualifier"], r["start"]) for r in local)
        assert len(rows) == len(sztext.tables([n for p in INPUTS for n in sztext.parse_file(p)])["amounts"]) > 100
    finally:
        spark.stop()
