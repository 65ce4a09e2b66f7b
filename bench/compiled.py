"""Measured prototype (issue 19, "look past pure Python"): the same modules compiled with mypyc.

``python bench/compiled.py [--modules segment] [--repeat 5] [--keep DIR]`` copies ``sztext/`` and
``grammars/`` into two temporary directories, compiles the chosen modules of one copy with mypyc
(it ships with mypy; nothing else is needed but a C compiler and the Python headers), and times
both copies in child processes, in CPU time (``time.process_time``, best of ``--repeat``):

* the stage alone — ``segment_archive`` over the normalized view (``segment``), or the unit and
  money scans over every document range (``extract``);
* the whole parse — ``parse_archive`` of seed 004 ×4, ``parse_file`` of the corpus text files and
  HTML pages (the input classes of bench/classes.py).

Both children also print the sha256 of the JSON records of every parse: the compiled copy must
give the same bytes (the pure-Python modules stay the reference; the compiled ones are an
optional build, never a requirement). Module sets:

* ``segment`` — sztext/segment/*.py (the line classifier and the archive state machine);
* ``extract`` — sztext/extract/units.py, money.py (unit and money scanning);
* ``hot`` — both, plus tokenize.py.

Results and the decision: docs/performance.md, "Compiled prototype (mypyc)".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "segment": ["sztext/segment/kinds.py", "sztext/segment/rules.py", "sztext/segment/text.py", "sztext/segment/lines.py",
                "sztext/segment/classify.py", "sztext/segment/archive.py"],
    "extract": ["sztext/extract/units.py", "sztext/extract/money.py"],
}
# grammar.py (GuardedPattern, the wrapper of every pattern call) compiles too, but a compiled
# Grammar has no __dict__: its __getstate__ fails, so batch workers could not receive it
SETS["hot"] = [*SETS["segment"], *SETS["extract"], "sztext/tokenize.py"]
MYPY_INI = """[mypy]
python_version = 3.11
strict = True
plugins = pydantic.mypy
ignore_missing_imports = True
"""

CHILD = r'''
import hashlib, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import sztext
from sztext.export.json import dumps, to_record
from sztext.extract.money import extract_amounts
from sztext.extract.units import extract_unit_groups
from sztext.load import load_path
from sztext.normalize import normalize
from sztext.segment import segment_archive

assert sztext.__file__.startswith(sys.argv[1]), sztext.__file__
repeat = int(sys.argv[2])
root = Path(sys.argv[3])
shared = Path("/work/shared")
g = sztext.load_grammar()
seed = (root / "samples" / "004_dc8ab61eb0bb8ed1.txt").read_text(encoding="utf-8")
corpus = sorted((shared / "corpus").glob("*")) if (shared / "corpus").is_dir() else []
classes = {
    "seed 004 ×4 (archive text)": ("\n".join([seed] * 4), []),
    "corpus text files": (None, [p for p in corpus if p.suffix == ".txt" and "pagetext" not in p.name]),
    "corpus HTML pages": (None, [p for p in corpus if p.suffix == ".html"]),
}

def cpu(fn, setup=lambda: None):
    best = float("inf")
    for _ in range(repeat):
        arg = setup()
        t = time.process_time()
        fn(arg) if arg is not None else fn()
        best = min(best, time.process_time() - t)
    return best

out = {"compiled": sorted(str(p.relative_to(sys.argv[1])) for p in Path(sys.argv[1], "sztext").rglob("*.so"))}
for name, (text, files) in classes.items():
    texts = [text] if text is not None else [load_path(p).text for p in files]
    if not texts:
        continue
    views = [normalize(t, g) for t in texts]
    if text is not None:
        parse = lambda: [sztext.parse_archive(text)]
    else:
        parse = lambda: [sztext.parse_file(p) for p in files]
    records = parse()
    digest = hashlib.sha256(b"".join(dumps([to_record(n) for n in notices]) for notices in records)).hexdigest()
    ranges = [segment_archive(v, g) for v in views]

    def extract():
        for v, rs in zip(views, ranges):
            for r in rs:
                extract_unit_groups(v, g, r.start, r.end)
                extract_amounts(v, g, r.start, r.end)

    out[name] = {
        "chars": sum(len(t) for t in texts),
        # fresh views each run: the view keeps the line table segment built (tokenize reuses it)
        "segment": cpu(lambda vs: [segment_archive(v, g) for v in vs], lambda: [normalize(t, g) for t in texts]),
        "extract": cpu(extract),
        "parse": cpu(parse),
        "sha256": digest,
    }
print(json.dumps(out))
'''


def build(modules: list[str], into: Path) -> None:
    for part in ("sztext", "grammars"):
        shutil.copytree(ROOT / part, into / part, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    (into / "samples").symlink_to(ROOT / "samples")
    if modules:
        (into / "mypy.ini").write_text(MYPY_INI, encoding="utf-8")
        mypyc = Path(sys.executable).with_name("mypyc")
        done = subprocess.run([str(mypyc), *modules], cwd=into, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"mypyc failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")


def run(where: Path, repeat: int) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # a cache directory per copy: the grammar's cache file holds the derived tables pickled as
    # the pure copy's classes, which a compiled class cannot be built from (same sources, same key)
    env["SZTEXT_CACHE_DIR"] = str(where / ".sztext-cache")
    done = subprocess.run([sys.executable, "-c", CHILD, str(where), str(repeat), str(where)], check=True, capture_output=True, text=True, env=env, cwd=where)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--modules", choices=sorted(SETS), default="segment")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build here and keep it (default: a temporary directory)")
    args = ap.parse_args()
    if shutil.which("mypyc", path=str(Path(sys.executable).parent)) is None:
        print("mypyc not found next to this Python (pip install mypy): nothing to measure")
        return 0
    with tempfile.TemporaryDirectory(prefix="sztext_mypyc_") as tmp:
        base = args.keep or Path(tmp)
        pure, compiled = base / "pure", base / "compiled"
        for d in (pure, compiled):
            if d.exists():
                shutil.rmtree(d)
            d.mkdir(parents=True)
        build([], pure)
        build(SETS[args.modules], compiled)
        a, b = run(pure, args.repeat), run(compiled, args.repeat)
    print(f"mypyc prototype: {args.modules} ({len(b['compiled'])} modules compiled), CPU s best of {args.repeat}")  # type: ignore[arg-type]
    print(f"{'input':30} {'stage':8} {'pure':>8} {'mypyc':>8} {'speed-up':>8}")
    same = True
    for name, row in a.items():
        if name == "compiled":
            continue
        crow = b[name]
        assert isinstance(row, dict) and isinstance(crow, dict)
        for stage in ("segment", "extract", "parse"):
            print(f"{name:30} {stage:8} {row[stage]:8.3f} {crow[stage]:8.3f} {row[stage] / crow[stage]:7.2f}×")
        if row["sha256"] != crow["sha256"]:
            same = False
            print(f"  OUTPUT DIFFERS on {name}")
    print("outputs identical" if same else "OUTPUTS DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
