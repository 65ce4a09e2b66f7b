"""The public API: names, return types, errors (STYLE.md G18–G24)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sztext

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NOTICE = "深圳市人民政府关于印发若干措施的通知\n深府规〔2024〕6号\n各区人民政府，市政府直属各单位：\n现将《若干措施》印发给你们，请认真组织实施。\n深圳市人民政府\n2024年5月18日\n"


def test_all_names_exist() -> None:
    for name in sztext.__all__:
        assert hasattr(sztext, name), name


def test_errors_derive_from_base() -> None:
    for exc in (sztext.GrammarError, sztext.InputError, sztext.DecodeError, sztext.InputTooLargeError, sztext.VerificationError, sztext.RegexTimeoutError, sztext.InternalError):
        assert issubclass(exc, sztext.SztextError)
    assert issubclass(sztext.InputError, ValueError)


@pytest.mark.parametrize("bad", ["", "   \n\t", "\u3000\n"], ids=["empty", "spaces", "ideographic-space"])
def test_empty_text_is_input_error(bad: str) -> None:
    with pytest.raises(sztext.InputError, match="empty"):
        sztext.parse(bad)


def test_not_a_string_is_input_error() -> None:
    with pytest.raises(sztext.InputError, match="expected text"):
        sztext.parse(b"bytes")  # type: ignore[arg-type]


def test_lone_surrogate_is_input_error() -> None:
    with pytest.raises(sztext.InputError, match="surrogate at offset 2"):
        sztext.parse("通知\ud800")


def _broken_citations(*args: object) -> list[object]:
    raise IndexError("list index out of range")


def test_a_defect_inside_the_pipeline_is_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug (here an IndexError injected into one extractor) reaches the caller as a SztextError
    naming the stage, with the original chained; the lone surrogate above keeps its own cause."""
    monkeypatch.setattr("sztext.pipeline.extract_citations", _broken_citations)
    with pytest.raises(sztext.InternalError, match=r"^internal error in parse: IndexError: list index out of range") as info:
        sztext.parse(NOTICE)
    assert isinstance(info.value.__cause__, IndexError) and info.value.stage == "parse"
    with pytest.raises(sztext.InternalError, match="in document 0: IndexError"):
        sztext.parse_archive(NOTICE)


def test_a_defect_in_one_document_of_a_batch_loses_only_that_document(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def second_one_breaks(*args: object) -> list[object]:
        calls.append(1)
        if len(calls) == 2:
            raise KeyError("boom")
        return []

    monkeypatch.setattr("sztext.pipeline.extract_citations", second_one_breaks)
    text = (SAMPLES / "004_dc8ab61eb0bb8ed1.txt").read_text(encoding="utf-8")
    results = list(sztext.Pipeline().iter_results(text, path="004.txt"))
    errors = [r for r in results if isinstance(r, sztext.ErrorRecord)]
    assert len(results) == 37 and len(errors) == 1
    assert (errors[0].index, errors[0].error.type) == (1, "InternalError")
    assert errors[0].error.message.startswith("internal error in document 1: KeyError")


def test_memory_error_is_not_called_a_defect(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_memory(*args: object) -> list[object]:
        raise MemoryError

    monkeypatch.setattr("sztext.pipeline.extract_citations", no_memory)
    with pytest.raises(MemoryError):
        sztext.parse(NOTICE)


def test_size_limit() -> None:
    with pytest.raises(sztext.InputTooLargeError, match="more than the limit of 10"):
        sztext.parse("通知" * 10, options=sztext.Options(max_chars=10))


def test_parse_returns_one_notice_with_header() -> None:
    n = sztext.parse(NOTICE)
    assert isinstance(n, sztext.Notice)
    assert n.title is not None and n.title.text == "深圳市人民政府关于印发若干措施的通知"
    assert n.doc_number is not None and (n.doc_number.agency, n.doc_number.year, n.doc_number.serial) == ("深府规", 2024, 6)
    assert n.issuer is not None and n.issuer.text == "深圳市人民政府"
    assert [a.text for a in n.addressees] == ["各区人民政府", "市政府直属各单位"]
    n.verify()


def test_parse_archive_and_iter_parse_agree() -> None:
    text = (SAMPLES / "004_dc8ab61eb0bb8ed1.txt").read_text(encoding="utf-8")
    listed = sztext.parse_archive(text)
    streamed = list(sztext.iter_parse(text))
    assert [n.model_dump(mode="json") for n in listed] == [n.model_dump(mode="json") for n in streamed]


def test_parse_file_str_and_gb18030_bytes_agree(tmp_path: Path) -> None:
    """G31: the same text through str, a UTF-8 file and a GB18030 file gives the same records."""
    text = (SAMPLES / "004_dc8ab61eb0bb8ed1.txt").read_text(encoding="utf-8")
    gb = tmp_path / "004.txt"
    gb.write_bytes(text.encode("gb18030"))
    from_str = [n.model_dump(mode="json") for n in sztext.parse_archive(text)]
    from_file = [n.model_dump(mode="json") for n in sztext.parse_file(gb)]
    for record in from_file:
        record["source"]["path"] = None
    assert from_file == from_str


def test_spans_index_the_text_given() -> None:
    n = sztext.parse(NOTICE)
    for node in n.nodes():
        assert NOTICE[node.span[0] : node.span[1]] == node.text


def test_verify_catches_a_broken_span() -> None:
    n = sztext.parse(NOTICE)
    assert n.title is not None
    broken = n.model_copy(update={"title": n.title.model_copy(update={"span": (1, 5)})})
    broken._source_text = n.source_text
    with pytest.raises(sztext.VerificationError, match="TextValue span"):
        broken.verify()


def test_verify_catches_an_outline_gap() -> None:
    n = sztext.parse(NOTICE)
    body = list(n.body)
    first = body[0].model_copy(update={"span": (body[0].span[0], body[0].span[1] - 1), "text": body[0].text[:-1]})
    broken = n.model_copy(update={"body": [first, *body[1:]]})
    broken._source_text = n.source_text
    with pytest.raises(sztext.VerificationError, match="gap or overlap"):
        broken.verify()


def test_verification_error_context() -> None:
    err = sztext.VerificationError("bad", start=3)
    assert err.get_context("各区人民政府：\n") == "各区人民政府：\n   ^\n"


def test_model_dump_uses_contract_names() -> None:
    n = sztext.parse("本办法自2024年6月1日起施行，有效期5年。\n")
    record = n.model_dump(mode="json")
    for key in ("source", "sztext_version", "grammar_digest", "title", "main_title", "doc_type", "doc_number", "issuer",
                "issuers", "addressees", "cc", "signed_date", "published_date", "effective", "repeals", "body", "amounts",
                "dates", "citations", "noise", "warnings"):
        assert key in record
    if record["effective"] is not None:
        assert "from" in record["effective"]


def test_empty_results_are_lists_not_none() -> None:
    n = sztext.parse("各区人民政府：\n")
    assert n.amounts == [] and n.dates == [] and n.repeals == [] and n.citations == []


def test_samples_manifest_matches_files() -> None:
    import hashlib
    import tomllib

    manifest = tomllib.loads((SAMPLES / "MANIFEST.toml").read_text(encoding="utf-8"))
    listed = {s["file"]: s for s in manifest["sample"]}
    assert set(listed) == {p.name for p in SAMPLES.glob("*.txt")}
    for name, entry in listed.items():
        data = (SAMPLES / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
        assert len(data.decode("utf-8")) == entry["chars"], name


def test_cc_line_gives_one_value_per_body() -> None:
    n = sztext.parse("深圳市人民政府关于X的通知\n各区人民政府：\n现印发。\n深圳市人民政府\n2024年1月1日\n抄送：市委办公厅，市人大常委会办公厅。\n")
    assert [c.clean for c in n.cc] == ["市委办公厅", "市人大常委会办公厅"]
    n.verify()


def test_pipeline_uses_the_grammar_dir_of_its_options(tmp_path: Path) -> None:
    with pytest.raises(sztext.GrammarError, match="no \\*.toml grammar files"):
        sztext.Pipeline(options=sztext.Options(grammar_dir=str(tmp_path)))


def test_non_ascii_digits_are_not_money_and_do_not_crash() -> None:
    n = sztext.parse("补贴5元٣角")
    assert [a.text for a in n.amounts] == ["5元"]
