"""Differential harness for performance work: every output must stay byte for byte the same.

``python bench/differential.py --make /tmp/perf_baseline`` dumps the JSON of
``sztext.parse_file(f)`` for every file of samples/, the shared corpus and seeds and a fixed
60-file sample of the dev corpus (held-out files, numbers ending in 3 or 7, left out) into the
directory; ``python bench/differential.py --check /tmp/perf_baseline`` parses them again and
reports every file whose bytes differ (exit status 1). A file that raises is recorded as its
error type and message, so a change in what fails is a difference too. ``grammar_digest`` is
compared as a placeholder: it is the sha256 of the grammar files, so any grammar edit changes it
by design (a speed hint in a pattern, for one), while everything read from the text must not. Keep the baseline outside
the repository and make it before the change being tested.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sztext  # noqa: E402
from sztext.export.json import dumps, to_record  # noqa: E402

SHARED = Path("/work/shared")
DEV_SAMPLE = 60


def inputs() -> list[Path]:
    files: list[Path] = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file() and p.suffix != ".toml")
    for sub in ("corpus", "seeds"):
        d = SHARED / sub
        if d.is_dir():
            files += sorted(p for p in d.iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".htm", ".md"))
    dev = SHARED / "devcorpus" / "docs"
    if dev.is_dir():
        # not held out: a 4-digit number not ending in 3 or 7; every k-th file, so the sample is fixed
        tuned = sorted(p for p in dev.iterdir() if p.is_file() and not re.match(r"\d{3}[37]_", p.name))
        step = max(1, len(tuned) // DEV_SAMPLE)
        files += tuned[::step][:DEV_SAMPLE]
    return files


_DIGEST = re.compile(rb'"grammar_digest": "[0-9a-f]{64}"')


def same(a: bytes, b: bytes) -> bool:
    return _DIGEST.sub(b'"grammar_digest": "*"', a) == _DIGEST.sub(b'"grammar_digest": "*"', b)


def key(path: Path) -> str:
    return f"{path.parent.name}__{path.name}.json"


def dump(path: Path) -> bytes:
    try:
        notices = sztext.parse_file(path)
    except sztext.SztextError as exc:
        return f"ERROR {type(exc).__name__}: {exc}\n".encode()
    return dumps([to_record(n) for n in notices], indent=True) + b"\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--make", type=Path, help="write the baseline into this directory")
    group.add_argument("--check", type=Path, help="compare with the baseline in this directory")
    args = ap.parse_args()
    files = inputs()
    t0 = time.process_time()
    bad = 0
    for path in files:
        data = dump(path)
        if args.make:
            args.make.mkdir(parents=True, exist_ok=True)
            (args.make / key(path)).write_bytes(data)
            continue
        ref = args.check / key(path)
        if not ref.exists():
            print(f"NO BASELINE {path}")
            bad += 1
        elif not same(ref.read_bytes(), data):
            print(f"DIFFERS {path} (baseline {hashlib.sha1(ref.read_bytes()).hexdigest()[:8]}, now {hashlib.sha1(data).hexdigest()[:8]})")
            bad += 1
    what = "written" if args.make else ("identical" if not bad else f"{bad} differ")
    print(f"{len(files)} files {what} ({time.process_time() - t0:.1f} s CPU)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
