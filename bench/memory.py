"""Peak memory of ``sztext batch`` on one growing archive (issue 5): flat, not proportional.

    python bench/memory.py                 # 25 MB and 100 MB archives of seed 004 copies
    python bench/memory.py --mb 100 1000   # sizes of your choice (1000 MB takes minutes)

Each size runs ``sztext batch FILE --out DIR --jobs 1 --format jsonl`` in a fresh process and
reports that process's peak resident memory. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "004_dc8ab61eb0bb8ed1.txt"


def peak_rss_mb(size_mb: float, tmp: Path) -> tuple[float, float, int]:
    seed = SEED.read_bytes()
    path = tmp / f"archive-{size_mb:g}MB.txt"
    with path.open("wb") as fh:
        written = 0
        while written < size_mb * 1e6:
            fh.write(seed + b"\n")
            written += len(seed) + 1
    out = tmp / f"out-{size_mb:g}"
    code = (
        "import resource, sys; from sztext.cli import main; status = main(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(status)"
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, "batch", str(path), "--out", str(out), "--jobs", "1", "--format", "jsonl", "--no-progress"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seconds = time.perf_counter() - started
    rss_kb = int(proc.stderr.strip().splitlines()[-1])
    documents = sum(1 for _ in (out / "notices.jsonl").open("rb"))
    path.unlink()
    shutil.rmtree(out)
    return rss_kb / 1024, seconds, documents


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, nargs="+", default=[25, 100])
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    try:
        print(f"{'archive':>10} {'documents':>10} {'peak RSS':>10} {'seconds':>8}")
        for size in args.mb:
            rss, seconds, docs = peak_rss_mb(size, tmp)
            print(f"{size:>8g}MB {docs:>10} {rss:>8.0f}MB {seconds:>8.1f}", flush=True)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
