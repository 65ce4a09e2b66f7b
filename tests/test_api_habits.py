"""Python and CLI habits users expect (issue: researcher tables, review page, API): a short repr,
measures() as a list, sztext.Warning, a warning when parse() is given an archive, pipe() over
in-memory texts, a JSON record verified again against its text, CLI hints."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import sztext
from sztext.cli import main

REPO = Path(__file__).parents[1]
ARCHIVE = REPO / "samples" / "004_dc8ab61eb0bb8ed1.txt"  # 37 Shenzhen notices in one file
NOTICE = (
    "深圳市人民政府关于印发若干措施的通知\n深府规〔2024〕6号\n各区人民政府：\n"
    "一、对新引进企业给予最高1000万元奖励。（责任单位：市商务局）\n二、加强保障。\n深圳市人民政府\n2024年5月18日\n"
)


def test_repr_is_short_and_says_what_it_is() -> None:
    notice = sztext.parse_file(ARCHIVE)[3]
    text = repr(notice)
    assert len(text) < 300 and len(notice.model_dump_json()) > 2000
    assert text.startswith("<Notice ") and "#3" in text and "measures=7" in text


def test_measures_is_a_list() -> None:
    notice = sztext.parse(NOTICE)
    measures = notice.measures()
    assert isinstance(measures, list) and [m.marker for m in measures] == ["一、", "二、"]


def test_warning_is_exported() -> None:
    assert sztext.Warning is sztext.models.Warning and "Warning" in sztext.__all__


def test_parse_of_an_archive_warns_and_points_to_parse_archive() -> None:
    text = ARCHIVE.read_text(encoding="utf-8")
    notice = sztext.parse(text)
    codes = [w for w in notice.warnings if w.code == "several_documents"]
    assert codes and "parse_archive" in codes[0].message
    assert not any(w.code == "several_documents" for w in sztext.parse(NOTICE).warnings)


@pytest.mark.parametrize("jobs", [1, 2])
def test_pipe_keeps_order_and_records_errors(jobs: int) -> None:
    texts = [NOTICE, "", NOTICE.replace("深府规〔2024〕6号", "粤府〔2023〕1号")]
    results = list(sztext.pipe(texts, jobs=jobs, errors="record"))
    assert isinstance(results[1], sztext.ErrorRecord) and results[1].error.type == "InputError"
    assert [r.doc_number.clean for r in (results[0], results[2])] == ["深府规〔2024〕6号", "粤府〔2023〕1号"]  # type: ignore[union-attr]
    results[2].verify()  # type: ignore[union-attr]  # the source text came back from the worker too
    with pytest.raises(sztext.InputError):
        list(sztext.pipe(texts, jobs=jobs))
    with pytest.raises(sztext.InputError):
        list(sztext.pipe(texts, jobs=0))


def test_pipe_archive_mode_gives_a_list_per_text() -> None:
    (notices,) = sztext.pipe([ARCHIVE.read_text(encoding="utf-8")], archive=True)
    assert isinstance(notices, list) and len(notices) == 37


def test_a_json_record_can_be_verified_against_its_text() -> None:
    notice = sztext.parse(NOTICE)
    line = orjson.dumps(notice.model_dump(mode="json"))
    again = sztext.Notice.from_record(line, NOTICE)
    again.verify()
    assert again == notice
    with pytest.raises(sztext.VerificationError):
        sztext.Notice.from_record(line, NOTICE.replace("深府规", "粤府规")).verify()


def test_cli_parse_of_a_directory_points_to_batch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(REPO / "samples")]) == 2
    assert "sztext batch" in capsys.readouterr().err


def test_cli_jobs_must_be_at_least_one(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(ARCHIVE), "--out", str(tmp_path), "--jobs", "0"])
    assert exc.value.code == 2


def test_license_file_matches_the_declared_licence() -> None:
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert 'license = "MIT"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_duplicates_among_many_documents_with_one_title() -> None:
    # a 公告 series: one title, shared boilerplate, different lists; the repeat of one is found,
    # and no other document is taken for a duplicate (the postings cap keeps this linear)
    def doc(k: int) -> str:
        items = "".join(f"第{k}号文件的第{j}项措施是加强管理和服务工作的内容。" for j in range(8))
        return f"关于公布名单的公告\n各有关单位：\n{items}本公告自发布之日起施行。各单位要认真贯彻落实。\n深圳市人民政府\n2024年1月5日\n"

    notices = sztext.parse_archive("".join(doc(k) for k in range(120)) + doc(50))
    assert len(notices) == 121
    assert [n.duplicate_of for n in notices if n.duplicate_of is not None] == [50]


def test_verify_catches_an_emptied_outline_and_bad_warning_spans() -> None:
    notice = sztext.parse(NOTICE)
    notice.verify()
    emptied = notice.model_copy(update={"body": []})
    emptied._source_text = NOTICE
    with pytest.raises(sztext.VerificationError):
        emptied.verify()
    bad = notice.model_copy(update={"warnings": [sztext.Warning(code="x", message="m", span=(5, 10_000))]})
    bad._source_text = NOTICE
    with pytest.raises(sztext.VerificationError):
        bad.verify()
