"""Streamed batch vs in-memory parse (issues 16, 19): CPU time, identical records, peak memory.

    python bench/streaming.py                    # seed 004 ×4, 12 MB of corpus texts, one 12 MB document
    python bench/streaming.py --copies 8 --mb 24 --doc-mb 0 --no-memory
    python bench/streaming.py --only document --doc-mb 4

A file over the streaming threshold (2 MB: ``sztext.batch.CHUNK_CHARS`` × 2 bytes) is read by
``sztext batch`` in chunks (``iter_records``: sztext/load/stream.py, ``Pipeline.iter_stream``).
For each input this prints the CPU time (``time.process_time``, best of ``--repeat``) of

* in memory: the bytes decoded whole and ``Pipeline.iter_results`` over the text (what
  ``parse_file`` does), every record serialised as ``sztext batch`` writes it;
* streamed: ``iter_records`` on the file (chunks), every record serialised the same way;

their ratio (issue 19 aims at 1.1× at most), how many records differ between the two (byte for
byte, issue 16 wants none), and — each in a fresh process, ``ru_maxrss`` — the peak resident
memory of both, as MB and as a multiple of the file's size. The inputs are written to a
temporary directory: seed 004 repeated ``--copies`` times, and the corpus text files
(``../shared/corpus/*.txt``, skipped when absent) concatenated to ``--mb`` MB, and one document
of ``--doc-mb`` MB (the body of samples/002 repeated; the segmenter finds one document). Peak
memory is measured with the records written and forgotten, as ``sztext batch`` does. Nothing is
asserted; the numbers are for reading (docs/performance.md, bench/NOTES.md).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sztext.batch import iter_records  # noqa: E402
from sztext.export.json import dumps_jsonl_line  # noqa: E402
from sztext.load import load_bytes  # noqa: E402
from sztext.pipeline import Pipeline  # noqa: E402

SEED = ROOT / "samples" / "004_dc8ab61eb0bb8ed1.txt"
SAMPLE_002 = ROOT / "samples" / "002_2dc559b6324d11b4.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def iter_in_memory(path: Path, pipeline: Pipeline) -> Iterator[bytes]:
    loaded = load_bytes(path.read_bytes(), str(path))
    return (dumps_jsonl_line(r) for r in pipeline.iter_results(loaded.text, path=str(path)))


def iter_streamed(path: Path, pipeline: Pipeline) -> Iterator[bytes]:
    return (dumps_jsonl_line(r) for r in iter_records(path, pipeline))


def in_memory(path: Path, pipeline: Pipeline) -> list[bytes]:
    return list(iter_in_memory(path, pipeline))


def streamed(path: Path, pipeline: Pipeline) -> list[bytes]:
    return list(iter_streamed(path, pipeline))


def cpu(fn: object, path: Path, pipeline: Pipeline, repeat: int) -> tuple[float, list[bytes]]:
    best = float("inf")
    out: list[bytes] = []
    for _ in range(repeat):
        t = time.process_time()
        out = fn(path, pipeline)  # type: ignore[operator]
        best = min(best, time.process_time() - t)
    return best, out


_PEAK = """
import resource, sys
sys.path.insert(0, {root!r})
from pathlib import Path
sys.argv = ["x"]
import streaming
from sztext.pipeline import Pipeline
for record in getattr(streaming, {how!r})(Path({path!r}), Pipeline()):
    pass  # written and forgotten, as sztext batch does
try:  # this process's own high-water mark (ru_maxrss would keep the forking parent's)
    print(next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_mb(path: Path, how: str) -> float:
    """Peak RSS (MB) of a fresh process that imports sztext and parses ``path`` one way."""
    code = _PEAK.format(root=str(ROOT / "bench"), how=how, path=str(path))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return int(proc.stdout.strip().splitlines()[-1]) / 1024


def corpus_concatenation(mb: float) -> bytes:
    texts = [p.read_bytes().rstrip(b"\n") + b"\n\n" for p in sorted(CORPUS.glob("*.txt"))]
    out = bytearray()
    while texts and len(out) < mb * 1e6:
        for t in texts:
            out += t
    return bytes(out)


def one_document(mb: float) -> bytes:
    """One document of ``mb`` MB: the body of samples/002 (a news text of 20 cases, no header
    lines, so the segmenter never cuts it) repeated."""
    text = SAMPLE_002.read_text(encoding="utf-8")
    body = text[: text.rfind("责任编辑")].encode("utf-8")
    return body * max(1, int(mb * 1e6 / len(body)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=4, help="copies of seed 004 in the first input")
    ap.add_argument("--mb", type=float, default=12.0, help="size of the corpus concatenation")
    ap.add_argument("--doc-mb", type=float, default=12.0, help="size of the one-document input (0: skip)")
    ap.add_argument("--only", choices=("seed", "corpus", "document"), nargs="+", help="run only these inputs")
    ap.add_argument("--repeat", type=int, default=1, help="CPU time: best of this many runs")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory subprocesses")
    args = ap.parse_args()
    pipeline = Pipeline()
    in_memory(SEED, pipeline)  # warm: grammar, caches
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        only = set(args.only or ("seed", "corpus", "document"))
        if "seed" in only and args.copies:
            seed = SEED.read_bytes().rstrip(b"\n") + b"\n"
            path = Path(tmp) / f"seed004x{args.copies}.txt"
            path.write_bytes(seed * args.copies)
            inputs.append((f"seed 004 ×{args.copies}", path))
        if "corpus" in only and args.mb and CORPUS.is_dir() and list(CORPUS.glob("*.txt")):
            path = Path(tmp) / "corpus-concat.txt"
            path.write_bytes(corpus_concatenation(args.mb))
            inputs.append((f"corpus texts concatenated ({args.mb:g} MB)", path))
        if "document" in only and args.doc_mb:
            path = Path(tmp) / "one-document.txt"
            path.write_bytes(one_document(args.doc_mb))
            inputs.append((f"one document ({args.doc_mb:g} MB)", path))
        print(f"{'input':<40} {'MB':>6} {'docs':>6} {'in memory':>10} {'streamed':>9} {'ratio':>6} {'differ':>6}"
              + ("" if args.no_memory else f" {'peak in memory':>15} {'peak streamed':>14}"))
        for name, path in inputs:
            whole_s, whole = cpu(in_memory, path, pipeline, args.repeat)
            stream_s, stream = cpu(streamed, path, pipeline, args.repeat)
            differ = sum(1 for a, b in zip(whole, stream) if a != b) + abs(len(whole) - len(stream))
            size = path.stat().st_size / 1e6
            line = f"{name:<40} {size:>6.1f} {len(whole):>6} {whole_s:>9.2f}s {stream_s:>8.2f}s {stream_s / whole_s:>5.2f}× {differ:>6}"
            if not args.no_memory:
                mem_whole, mem_stream = peak_mb(path, "iter_in_memory"), peak_mb(path, "iter_streamed")
                line += f" {mem_whole:>6.0f} MB {mem_whole / size:>4.0f}× {mem_stream:>5.0f} MB {mem_stream / size:>4.0f}×"
            print(line, flush=True)


if __name__ == "__main__":
    main()
