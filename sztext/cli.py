"""The command line: ``sztext parse | batch | check | review | schema | text``.

Errors are one line on stderr (``sztext: error: …``) with a non-zero exit status: 1 when an
input could not be parsed or a check failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

import orjson

from . import __version__
from .errors import InputError, SztextError

__all__ = ["main"]

FORMATS = ("jsonl", "json", "md", "csv", "akn", "labelstudio")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="sztext", description="Chinese government notices (公文) into structured, verifiable data.")
    ap.add_argument("--version", action="version", version=f"sztext {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse a file (every document in it) and print or write the records")
    p.add_argument("path", help="a .txt .md .html .pdf .docx or .ofd file; '-' reads standard input")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    p.add_argument("--out", help="write into this directory instead of standard output")
    p.add_argument("--single", action="store_true", help="treat the input as ONE document (no archive splitting)")
    p.add_argument("--grammar", help="a grammar directory laid over the shipped one (docs/grammar-format.md)")

    b = sub.add_parser("batch", help="convert many files: notices.jsonl, errors.jsonl, measures.csv/.parquet, tables/")
    b.add_argument("inputs", nargs="*", help="files and directories (recursively: .txt .text .md .html .htm .shtml .pdf .docx .ofd)")
    b.add_argument("--files-from", metavar="FILE", help="read input paths from FILE ('-': standard input), one per line")
    b.add_argument("--out", required=True, help="output directory")
    b.add_argument("--jobs", type=_positive_int, default=None, help="worker processes, at least 1 (default: all cores)")
    b.add_argument("--resume", action="store_true", help="skip inputs already fully written (same path and content)")
    b.add_argument("--format", action="append", choices=("jsonl", "csv", "parquet", "tables"), help="outputs to write (repeatable; default all; tables = the five researcher tables in OUT/tables/)")
    b.add_argument("--keep-parts", action="store_true", help="keep OUT/.parts after a complete run, so a later --resume converts only new inputs")
    b.add_argument("--excel", action="store_true", help="CSV tables for Excel on Chinese Windows (UTF-8 with BOM, CRLF)")
    b.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    b.add_argument("--list-skipped", action="store_true", help="list every file a directory scan did not take, with the reason")
    b.add_argument("--grammar", help="a grammar directory laid over the shipped one (docs/grammar-format.md)")

    c = sub.add_parser("check", help="verify every span and the outline tiling of every document")
    c.add_argument("paths", nargs="+")
    c.add_argument("--grammar", help="a grammar directory laid over the shipped one (docs/grammar-format.md)")

    r = sub.add_parser("review", help="write a self-contained HTML page showing every extracted value in its text")
    r.add_argument("paths", nargs="+", help="files (each becomes one page) or directories (their files, recursively)")
    r.add_argument("-o", "--out", required=True, help="the page (one input file) or a directory (pages plus index.html)")
    r.add_argument("--grammar", help="a grammar directory laid over the shipped one (docs/grammar-format.md)")

    sub.add_parser("schema", help="print the JSON Schema (2020-12) of a document record")

    t = sub.add_parser("text", help="print the decoded text that spans index (for HTML: the extracted text)")
    t.add_argument("path")
    return ap


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _fail(message: str, status: int = 1) -> int:
    print(f"sztext: error: {message}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _cmd_parse(args)
        if args.command == "batch":
            return _cmd_batch(args)
        if args.command == "check":
            return _cmd_check(args)
        if args.command == "review":
            return _cmd_review(args)
        if args.command == "schema":
            from .export.json import json_schema

            sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
            return 0
        if args.command == "text":
            from .load import load_path

            sys.stdout.write(load_path(args.path).text)
            return 0
    except SztextError as exc:
        return _fail(str(exc).splitlines()[0])
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        print("sztext: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # writing an output: a full disk, a directory that cannot be made
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}")
    return _fail(f"unknown command {args.command}", 2)


def _pipeline(args: argparse.Namespace) -> "object":
    from .grammar import load_grammar
    from .pipeline import Options, Pipeline

    grammar_dir = getattr(args, "grammar", None)
    return Pipeline(load_grammar(grammar_dir), Options(grammar_dir=grammar_dir))


def _cmd_parse(args: argparse.Namespace) -> int:
    from .export.json import dumps_json, dumps_jsonl_line
    from .export.markdown import to_markdown
    from .export.table import csv_text, measure_rows
    from .load import load_bytes
    from .load.paths import record_path
    from .pipeline import Pipeline

    pipeline = _pipeline(args)
    assert isinstance(pipeline, Pipeline)
    if args.path != "-" and Path(args.path).is_dir():
        return _fail(f"{args.path} is a directory; to convert every file in it use: sztext batch {args.path} --out OUT", 2)
    if args.path == "-":
        loaded = load_bytes(sys.stdin.buffer.read(), None)
    else:
        loaded = pipeline.load(args.path)
    path = None if args.path == "-" else record_path(args.path)
    notices = [pipeline.parse(loaded.text, path=path)] if args.single else pipeline.parse_archive(loaded.text, path=path)
    stem = Path(args.path).stem if path else "stdin"
    if args.format == "akn":
        from .export.akn import to_akn

        if not args.out:
            return _fail("--format akn writes one XML file per document: give --out DIR", 2)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for n in notices:
            (out / f"{stem}.{n.source.index:04d}.akn.xml").write_bytes(to_akn(n))
        return 0
    if args.format == "jsonl":
        data = b"".join(dumps_jsonl_line(n) for n in notices)
    elif args.format == "json":
        data = dumps_json(notices)
    elif args.format == "labelstudio":
        from .export.labelstudio import to_label_studio

        data = orjson.dumps(to_label_studio(notices), option=orjson.OPT_INDENT_2)
    elif args.format == "md":
        data = "\n".join(to_markdown(n) for n in notices).encode("utf-8")
    else:
        data = csv_text(row for n in notices for row in measure_rows(n)).encode("utf-8")
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{stem}.{args.format}").write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _cmd_review(args: argparse.Namespace) -> int:
    """One page per input file; with several inputs (or a directory) ``--out`` is a directory
    that also gets an ``index.html`` linking every page. An input that cannot be parsed is
    listed in the index with its error and the others still get their pages."""
    import html as html_mod

    from .export.review import to_review_html
    from .pipeline import Pipeline

    pipeline = _pipeline(args)
    assert isinstance(pipeline, Pipeline)
    from .batch import find_inputs

    files = find_inputs(args.paths)  # the files batch would take, so a review covers a batch's inputs
    out = Path(args.out)
    single = len(files) == 1 and not Path(args.paths[0]).is_dir() and not out.is_dir()
    if single:
        notices = pipeline.parse_file(files[0])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(to_review_html(notices, title=str(files[0])), encoding="utf-8")
        return 0
    out.mkdir(parents=True, exist_ok=True)
    rows, failed = [], 0
    for k, f in enumerate(files):
        name = f"{k:04d}_{f.stem}.html"
        try:
            notices = pipeline.parse_file(f)
        except SztextError as exc:
            failed += 1
            rows.append(f"<li>{html_mod.escape(str(f))}: <b>error</b> {html_mod.escape(str(exc).splitlines()[0])}</li>")
            continue
        (out / name).write_text(to_review_html(notices, title=str(f)), encoding="utf-8")
        label = "; ".join(n.title.clean for n in notices if n.title) or "(no title)"
        rows.append(f'<li><a href="{html_mod.escape(name)}">{html_mod.escape(str(f))}</a> — {len(notices)} document(s): {html_mod.escape(label)}</li>')
    index = (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>sztext review</title></head><body>'
        f"<h1>sztext review: {len(files)} file(s), {failed} error(s)</h1><ul>{''.join(rows)}</ul></body></html>"
    )
    (out / "index.html").write_text(index, encoding="utf-8")
    print(f"sztext: {len(files) - failed} page(s) and index.html in {out}, {failed} error(s)", file=sys.stderr)
    return 1 if failed else 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import DEFAULT_FORMATS, BatchInterrupted, run_batch
    from .pipeline import Options

    inputs: list[str] = list(args.inputs)
    if args.files_from:
        inputs += _read_path_list(args.files_from)
    if not inputs:
        print("sztext batch: no inputs (give files or directories, or --files-from FILE)", file=sys.stderr)
        return 2
    try:
        summary = run_batch(
            inputs,
            args.out,
            jobs=args.jobs,
            resume=args.resume,
            formats=args.format or DEFAULT_FORMATS,
            options=Options(grammar_dir=args.grammar),
            progress=False if args.no_progress else None,
            excel=args.excel,
            keep_parts=args.keep_parts,
        )
    except BatchInterrupted as exc:
        print(f"sztext batch: {exc}", file=sys.stderr)
        return exc.exit_status
    print(summary.line(), file=sys.stderr)
    if summary.skipped_line():
        print(summary.skipped_line(), file=sys.stderr)
    if args.list_skipped:
        for path, reason in summary.not_taken:
            print(f"skipped\t{reason}\t{path}", file=sys.stderr)
    _print_table(Path(args.out))
    return 1 if summary.errors else 0


def _read_path_list(source: str) -> list[str]:
    """Paths one per line, exactly as given (bytes decoded as the file system does, so a GBK
    name survives); blank lines are skipped, a trailing CR is dropped."""
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise InputError(f"--files-from {source}: {exc.strerror or exc}") from None
    return [os.fsdecode(line.rstrip(b"\r")) for line in data.split(b"\n") if line.strip()]


def _print_table(out: Path) -> None:
    """Documents, measures and amounts per input file, from the written notices.jsonl."""
    from collections import defaultdict

    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    notices = out / "notices.jsonl"
    if not notices.exists():
        return
    with notices.open("rb") as fh:
        for line in fh:
            rec = orjson.loads(line)
            s = stats[Path(rec["source"]["path"] or "-").name]
            s[0] += 1
            s[1] += _count_measures(rec["body"])
            s[2] += len(rec["amounts"])
    width = max([len(k) for k in stats] + [4])
    print(f"{'file':<{width}}  {'documents':>9}  {'measures':>8}  {'amounts':>7}", file=sys.stderr)
    for name, (d, m, a) in sorted(stats.items()):
        print(f"{name:<{width}}  {d:>9}  {m:>8}  {a:>7}", file=sys.stderr)


def _count_measures(nodes: list[dict[str, object]]) -> int:
    total = 0
    for node in nodes:
        children = node.get("children") or []
        assert isinstance(children, list)
        if node.get("number") is not None and not children:
            total += 1
        total += _count_measures(children)
    return total


def _cmd_check(args: argparse.Namespace) -> int:
    from .errors import VerificationError
    from .load.paths import record_path
    from .pipeline import Pipeline

    pipeline = _pipeline(args)
    assert isinstance(pipeline, Pipeline)
    failures = 0
    for given in args.paths:
        path = record_path(given)  # printable: a file name that is not UTF-8 as \xNN
        try:
            notices = pipeline.parse_file(given)
        except SztextError as exc:
            print(f"{path}: FAIL {str(exc).splitlines()[0]}")
            failures += 1
            continue
        bad = 0
        for n in notices:
            try:
                n.verify()
            except VerificationError as exc:
                bad += 1
                print(f"{path}#{n.source.index}: FAIL {exc}")
        spans = sum(1 for n in notices for _ in n.nodes())
        print(f"{path}: {'ok' if not bad else 'FAIL'} ({len(notices)} documents, {spans} outline nodes verified)")
        failures += bad
    return 1 if failures else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
