"""cProfile of one full parse: ``python bench/profile_parse.py FILE [--top 25] [--sort tottime] [--copies N]``.

The file is parsed once to warm up (grammar loaded, derived tables built), then profiled
``--runs`` times with ``parse_file`` (or ``parse_archive`` of ``--copies`` copies of its text,
as for seed 004 ×4). Prints the top functions; the lines quoted in bench/NOTES.md come from here.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sztext  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--copies", type=int, default=0, help="parse_archive of the text repeated N times")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    if args.copies:
        text = "\n".join([args.file.read_text(encoding="utf-8")] * args.copies)
        run = lambda: sztext.parse_archive(text)  # noqa: E731
    else:
        run = lambda: sztext.parse_file(args.file)  # noqa: E731
    run()
    prof = cProfile.Profile(timer=__import__("time").process_time)
    prof.enable()
    for _ in range(args.runs):
        run()
    prof.disable()
    pstats.Stats(prof).strip_dirs().sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
