"""Faults, signals and hostile input (issue 16): nothing lost, nothing hung."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import orjson
import pytest

import sztext
from sztext import batch as batch_mod
from sztext.batch import run_batch
from sztext.errors import InputError
from sztext.cli import main
from sztext.load.paths import os_path, record_path
from sztext.workers import OutputLockedError, is_transient, lock_output
from sztext.normalize import line_ends_as_lf
from sztext.export.table import MEASURE_COLUMNS, write_csv_rows

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_000 = SAMPLES / "000_7295ffc925fab055.txt"
SAMPLE_002 = SAMPLES / "002_2dc559b6324d11b4.txt"


# --- 1. CSV formula injection -------------------------------------------------------------

def test_csv_cells_starting_with_a_formula_character_are_quoted() -> None:
    row = dict.fromkeys(MEASURE_COLUMNS, "plain")
    row.update(path="=HYPERLINK(\"http://x\",\"y\")", title="+1+2", issuer="-2+3", heading="@SUM(A1)",
               marker="\tx", text="\rcmd", lead_units="甲\r乙", index=-1, total_cny=Decimal("-5"), amount_count=3,
               doc_number="深府办〔2024〕1号")
    buf = io.StringIO()
    write_csv_rows(buf, [row])
    (got,) = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert got["path"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert (got["title"], got["issuer"], got["heading"]) == ("'+1+2", "'-2+3", "'@SUM(A1)")
    assert (got["marker"], got["text"]) == ("'\tx", "'\rcmd")
    assert got["lead_units"] == "甲\r乙"  # a CR inside a cell stays in its cell
    # numbers stay numbers (a number is never a formula); other text is untouched
    assert (got["index"], got["total_cny"], got["amount_count"]) == ("-1", "-5", "3")
    assert got["doc_number"] == "深府办〔2024〕1号"


def test_batch_csv_neutralises_a_formula_heading(tmp_path: Path) -> None:
    # sample 002: "一、工作背景" — made hostile: "一、=HYPERLINK(...)工作背景"
    text = SAMPLE_002.read_text(encoding="utf-8")
    assert "一、工作背景" in text
    (tmp_path / "in.txt").write_text(text.replace("一、工作背景", '一、=HYPERLINK("http://x")工作背景', 1), encoding="utf-8")
    run_batch([tmp_path / "in.txt"], tmp_path / "out", jobs=1, progress=False, formats=("jsonl", "csv"))
    rows = list(csv.DictReader((tmp_path / "out" / "measures.csv").open(encoding="utf-8-sig")))
    assert rows[0]["heading"] == "'=HYPERLINK(\"http://x\")工作背景"
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    # JSON keeps the value as written: only the spreadsheet format is neutralised
    assert '"heading":"=HYPERLINK' in (tmp_path / "out" / "notices.jsonl").read_text(encoding="utf-8").replace(" ", "")


# --- 2. CR-only line ends, U+2028 and U+2029 ----------------------------------------------

@pytest.mark.parametrize("sep", ["\r", "\u2028", "\u2029"], ids=["CR", "LS", "PS"])
@pytest.mark.parametrize("sample", [SAMPLE_000, SAMPLE_002], ids=lambda p: p.name[:3])
def test_other_line_ends_keep_the_structure(sample: Path, sep: str) -> None:
    # 000 reads "  一、政務服務" and has 28 measures; before, CR-only text gave 0 of them
    lf = sample.read_text(encoding="utf-8")
    base, other = sztext.parse(lf), sztext.parse(lf.replace("\n", sep))
    other.verify()
    assert other.source_text == lf.replace("\n", sep)  # spans index the text as given, nothing dropped
    assert len(other.measures()) == len(base.measures()) > 20
    assert [(n.marker, n.path, n.span) for n in other.nodes()] == [(n.marker, n.path, n.span) for n in base.nodes()]
    # the same record, value for value and span for span; only the line ends in ``text`` differ
    escaped = json.dumps(sep)[1:-1]
    assert json.dumps(other.model_dump(mode="json")).replace(escaped, "\\n") == json.dumps(base.model_dump(mode="json"))


def test_line_ends_as_lf_is_one_for_one() -> None:
    text = "一、总则\r（一）\u2028二、\r\n三\u2029"
    assert line_ends_as_lf(text) == "一、总则\n（一）\n二、\r\n三\n"
    assert len(line_ends_as_lf(text)) == len(text)


# --- 3. File names that are not UTF-8 -----------------------------------------------------

GBK_NAME = "深圳市关于营商环境的通知".encode("gbk")  # not valid UTF-8: decoded with surrogateescape


def test_batch_carries_a_gbk_file_name_losslessly(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    gbk = os.fsdecode(os.fsencode(src) + b"/" + GBK_NAME + b".txt")
    shutil.copy(SAMPLE_002, gbk)
    shutil.copy(SAMPLE_002, src / "ok.txt")
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/" + GBK_NAME + b".missing.txt")
    summary = run_batch([src, missing], tmp_path / "out", jobs=2, progress=False, formats=("jsonl", "csv"))
    assert summary.documents == 2 and summary.errors == 1
    notices = [orjson.loads(line) for line in (tmp_path / "out" / "notices.jsonl").read_bytes().splitlines()]
    ok, other = sorted((n["source"]["path"] for n in notices), key=lambda p: not p.endswith("/in/ok.txt"))
    assert ok.endswith("/in/ok.txt")
    assert other.endswith(".txt") and "/in/\\xc9\\xee\\xdb\\xda" in other  # 深圳 is C9 EE DB DA in GBK
    paths = [ok, other]
    assert os_path(paths[1]) == gbk and os.path.isfile(os_path(paths[1]))  # the file is found again
    (error,) = [orjson.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_bytes().splitlines()]
    assert os_path(error["path"]) == missing and error["error"]["type"] == "FileNotFoundError"
    rows = list(csv.DictReader((tmp_path / "out" / "measures.csv").open(encoding="utf-8-sig")))
    assert {r["path"] for r in rows} == set(paths)


def test_parse_file_and_cli_accept_a_gbk_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gbk = os.fsdecode(os.fsencode(tmp_path) + b"/" + GBK_NAME + b".txt")
    shutil.copy(SAMPLE_002, gbk)
    (notice,) = sztext.parse_file(gbk)
    assert os_path(notice.source.path or "") == gbk
    assert orjson.loads(notice.model_dump_json())["source"]["path"] == record_path(gbk)
    assert main(["parse", gbk]) == 0
    assert orjson.loads(capsys.readouterr().out)["source"]["path"] == record_path(gbk)
    assert main(["check", gbk]) == 0
    assert "\\xc9\\xee" in capsys.readouterr().out


def test_record_path_round_trips() -> None:
    for raw in (GBK_NAME, "深圳.txt".encode("big5"), b"a\\x41\xff", "通知".encode("gbk"), "普通.txt".encode()):
        name = os.fsdecode(raw)
        recorded = record_path(name)
        recorded.encode("utf-8")  # valid Unicode
        assert os.fsencode(os_path(recorded)) == raw


# --- 4. Signals: stop soon, keep what is done, no orphan workers --------------------------

ROOT = Path(__file__).resolve().parents[1]


def _start_batch(tmp_path: Path, copies: int = 20) -> tuple[subprocess.Popen[bytes], list[int]]:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    for i in range(copies):
        shutil.copy(SAMPLE_002, src / f"c{i:03d}.txt")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "sztext", "batch", str(src), "--out", str(tmp_path / "out"), "--jobs", "2", "--no-progress"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list((tmp_path / "out" / ".parts").glob("*/done")):  # wait until the workers are busy
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    return proc, _children(proc.pid)


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(k) for k in out.split()]


def _running(pid: int) -> bool:
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def _wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while any(_running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [p for p in pids if _running(p)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(("signum", "status", "group"), [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, False)], ids=["INT", "TERM"])
def test_a_signal_stops_the_batch_and_keeps_what_is_done(tmp_path: Path, signum: int, status: int, group: bool) -> None:
    proc, workers = _start_batch(tmp_path)
    assert len(workers) == 2
    sent = time.monotonic()
    # Ctrl-C signals the whole process group; ``kill PID`` the parent only
    (os.killpg if group else os.kill)(proc.pid, signum)
    _, err = proc.communicate(timeout=60)
    assert time.monotonic() - sent < 15  # before: every queued input was parsed first
    lines = err.decode().splitlines()
    assert proc.returncode == status and len(lines) == 1 and "Traceback" not in err.decode()
    assert lines[0].startswith(f"sztext batch: interrupted by {signal.Signals(signum).name}: ")
    assert _wait_gone(workers, 5) == []
    done = [orjson.loads(line) for line in (tmp_path / "out" / "notices.jsonl").read_bytes().splitlines()]
    assert 0 < len(done) < 20  # what was finished is written; nothing half-written
    assert not list((tmp_path / "out" / ".parts").glob("*.tmp"))
    if group:
        summary = run_batch([tmp_path / "in"], tmp_path / "out", jobs=1, resume=True, progress=False, formats=("jsonl",))
        assert summary.skipped == len(done) and summary.documents == 20 and summary.errors == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    proc, workers = _start_batch(tmp_path)
    assert len(workers) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert _wait_gone(workers, 3) == []  # before: they went on, re-parented to pid 1


# --- 5. One run per output, stale temporaries, transient faults -----------------------------

def test_a_second_batch_on_the_same_out_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(SAMPLE_002, tmp_path / "a.txt")
    with lock_output(out):  # what a running batch holds
        assert main(["batch", str(tmp_path / "a.txt"), "--out", str(out), "--jobs", "1", "--no-progress"]) == 1
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and err[0].startswith("sztext: error: ") and f"pid {os.getpid()}" in err[0]
        assert not (out / "notices.jsonl").exists()
        with pytest.raises(OutputLockedError):
            run_batch([tmp_path / "a.txt"], out, jobs=1, progress=False)
    assert run_batch([tmp_path / "a.txt"], out, jobs=1, progress=False, formats=("jsonl",)).documents == 1  # released


def test_stale_temporaries_are_removed_at_start(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".parts" / "0123abcd.tmp").mkdir(parents=True)
    (out / ".parts" / "0123abcd.tmp" / "notices.jsonl").write_bytes(b'{"half":')
    (out / ".notices.jsonl.4242.deadbeef.tmp").write_bytes(b"partial")
    shutil.copy(SAMPLE_002, tmp_path / "a.txt")
    run_batch([tmp_path / "a.txt"], out, jobs=1, progress=False, formats=("jsonl",))
    assert not (out / ".parts" / "0123abcd.tmp").exists() and not (out / ".notices.jsonl.4242.deadbeef.tmp").exists()


@pytest.mark.parametrize(
    "fault",
    [OSError(errno.ENOSPC, "No space left on device"), OSError(errno.EIO, "Input/output error"), FileNotFoundError(errno.ENOENT, "vanished")],
    ids=["ENOSPC", "EIO", "vanished"],
)
def test_transient_faults_are_retried_by_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: OSError) -> None:
    shutil.copy(SAMPLE_002, tmp_path / "a.txt")
    shutil.copy(SAMPLE_000, tmp_path / "b.txt")
    real = batch_mod._read_text

    def flaky(path: Path, chunk_chars: int, grammar: object) -> object:
        if path.name == "a.txt":
            raise fault
        return real(path, chunk_chars, grammar)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_mod, "_read_text", flaky)
    first = run_batch([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out", jobs=1, progress=False, formats=("jsonl",))
    assert (first.documents, first.errors) == (1, 1)
    (error,) = [orjson.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_bytes().splitlines()]
    assert error["path"].endswith("a.txt") and error["error"]["message"].endswith(batch_mod.RETRY_NOTE)
    monkeypatch.setattr(batch_mod, "_read_text", real)  # the fault has passed
    again = run_batch([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out", jobs=1, resume=True, progress=False, formats=("jsonl",))
    assert (again.skipped, again.documents, again.errors) == (1, 2, 0)  # before: a.txt stayed an error for good


def test_a_verdict_on_the_input_stays_final(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run_batch([tmp_path / "empty.txt"], tmp_path / "out", jobs=1, progress=False, formats=("jsonl",), keep_parts=True)
    again = run_batch([tmp_path / "empty.txt"], tmp_path / "out", jobs=1, resume=True, progress=False, formats=("jsonl",))
    assert (again.skipped, again.errors) == (1, 1)
    assert is_transient(OSError(errno.ENOSPC, "full")) and not is_transient(InputError("empty"))


# --- 6. Bad arguments are typed errors; the CLI says one line --------------------------------

@pytest.mark.parametrize("path", [123, None, 4.5, ["a.txt"]], ids=["int", "None", "float", "list"])
def test_parse_file_refuses_a_non_path(path: object) -> None:
    with pytest.raises(sztext.ArgumentError, match="expected a file path"):
        sztext.parse_file(path)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [{"max_chars": "10"}, {"max_chars": 0}, {"max_chars": True}, {"mark_duplicates": "no"}, {"grammar_dir": 5}],
    ids=["max_chars_str", "max_chars_zero", "max_chars_bool", "mark_duplicates_str", "grammar_dir_int"],
)
def test_options_of_the_wrong_type_fail_at_once(kwargs: dict[str, object]) -> None:
    with pytest.raises(sztext.ArgumentError, match="Options\\."):
        sztext.Options(**kwargs)  # type: ignore[arg-type]
    # before: Options(max_chars="10") was accepted and parse() then failed with InternalError(TypeError)


def test_an_output_directory_that_cannot_be_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x")
    out = tmp_path / "file" / "out"  # under a regular file: NotADirectoryError
    with pytest.raises(sztext.ArgumentError, match="cannot create the output directory"):
        run_batch([SAMPLE_002], out, jobs=1, progress=False)
    assert main(["batch", str(SAMPLE_002), "--out", str(out), "--no-progress"]) == 1
    assert main(["parse", str(SAMPLE_002), "--format", "md", "--out", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line.startswith("sztext: error: ") for line in err)


NONCHARACTERS = ["\x00", "\x01", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff"]
PAGES = [
    "<html><body><p>关于印发方案的通知{c}<script>var a=1;</script>{c}各区人民政府：</p></body></html>",
    "<p>关于印发方案的通知{c}<span hidden>隐藏</span>{c}各区人民政府：</p>",
    '<div style="display:none">{c}</div><div>{c}<style>p{{}}</style>各区人民政府：</div>',
]


@pytest.mark.parametrize("char", NONCHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("page", PAGES, ids=["script", "hidden", "style"])
def test_characters_xml_forbids_next_to_dropped_elements(page: str, char: str, tmp_path: Path) -> None:
    # before: U+FFFE/U+FFFF next to a <script> or hidden element raised lxml's ValueError
    f = tmp_path / "page.html"
    f.write_bytes(page.format(c=char).encode("utf-8"))
    notices = sztext.parse_file(f)  # the forbidden characters are dropped with the markup
    assert any("各区人民政府" in n.source_text for n in notices)
    assert not any(char in n.source_text for n in notices)


def test_a_worker_whose_parent_is_gone_exits() -> None:
    # the portable path of worker_init: a worker that finds another parent than the batch's exits
    code = "import time; from sztext.workers import worker_init; worker_init(-1); time.sleep(30)"
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    assert done.returncode == 1 and time.monotonic() - started < 20
