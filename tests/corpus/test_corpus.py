"""The out-of-Shenzhen corpus (``../shared/corpus``, 45 real files): every file parses and
verifies, and a representative dozen match golden files written by reading the sources.

The goldens (``golden/<file>.json``) record, per document found, the title, document number,
issuers (the signature), signed and published dates and the document type, plus the number of
documents. Titles, document numbers and issuers are compared without whitespace: a title set over
two lines, a letter-spaced title (国 家 粮 食 应 急 预 案 的 函) and ``82 号`` are the same words.
Each (file, document, field) is its own case; known failures of the pipeline are strict xfails
with the reason (G33), so a field that starts to pass tells its owner to delete the entry.

The goldens were developed on: 0001, 0011, 0016, 0018, 0028, 0032, 0040, 0041, 0044, 0046 (the
layouts that forced grammar and segment changes). 0004, 0023, 0034 and 0038 only evaluate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sztext
from sztext import Notice

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
GOLDEN_DIR = Path(__file__).parent / "golden"
GOLDENS = {p.name.removesuffix(".json"): json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN_DIR.glob("*.json"))}
FIELDS = ("title", "doc_number", "issuers", "signed_date", "published_date", "doc_type")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is not available in this checkout")


# (file prefix, document index, field) -> reason.
KNOWN_FAILURES: dict[tuple[str, int, str], str] = {
}

_CACHE: dict[str, list[Notice]] = {}


def _parse(name: str) -> list[Notice]:
    if name not in _CACHE:
        _CACHE[name] = sztext.parse_file(CORPUS / name)
    return _CACHE[name]


def _squash(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


def _actual(notice: Notice, field: str) -> Any:
    if field == "title":
        return _squash(notice.title.clean) if notice.title else None
    if field == "doc_number":
        return _squash(notice.doc_number.clean) if notice.doc_number else None
    if field == "issuers":
        return [_squash(i.clean) for i in notice.issuers]
    if field in ("signed_date", "published_date"):
        value = getattr(notice, field)
        return value.value.isoformat() if value is not None and value.value is not None else None
    return getattr(notice, field)


def _expected(doc: dict[str, Any], field: str) -> Any:
    value = doc[field]
    if field in ("title", "doc_number"):
        return _squash(value)
    if field == "issuers":
        return [_squash(v) for v in value]
    return value


def _corpus_files() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".html", ".txt"))


@pytest.mark.parametrize("name", _corpus_files())
def test_every_corpus_file_parses_and_verifies(name: str) -> None:
    notices = _parse(name)
    assert notices, f"{name}: no document found"
    for notice in notices:
        notice.verify()
        assert notice.source.span[1] > notice.source.span[0]


def test_the_corpus_is_the_one_the_goldens_were_read_from() -> None:
    import hashlib

    for name, golden in GOLDENS.items():
        digest = hashlib.sha256((CORPUS / name).read_bytes()).hexdigest()
        assert digest == golden["sha256"], f"{name} changed since its golden was written"


@pytest.mark.parametrize("name", sorted(GOLDENS))
def test_number_of_documents(name: str) -> None:
    assert len(_parse(name)) == len(GOLDENS[name]["documents"])


def _cases() -> list[Any]:
    out = []
    for name, golden in GOLDENS.items():
        for index, doc in enumerate(golden["documents"]):
            for field in FIELDS:
                reason = KNOWN_FAILURES.get((name[:4], index, field))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                out.append(pytest.param(name, index, field, id=f"{name[:4]}-doc{index}-{field}", marks=marks))
    return out


@pytest.mark.parametrize(("name", "index", "field"), _cases())
def test_golden_field(name: str, index: int, field: str) -> None:
    notices = _parse(name)
    assert index < len(notices), f"{name}: document {index} not found ({len(notices)} found)"
    doc = GOLDENS[name]["documents"][index]
    assert _actual(notices[index], field) == _expected(doc, field), doc.get("notes", "")


def test_known_failures_name_real_cases() -> None:
    """Every known failure points at a golden file, document and field that exist."""
    names = {name[:4]: golden for name, golden in GOLDENS.items()}
    for prefix, index, field in KNOWN_FAILURES:
        assert prefix in names and index < len(names[prefix]["documents"]) and field in FIELDS, (prefix, index, field)
