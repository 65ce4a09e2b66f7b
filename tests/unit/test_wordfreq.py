"""jieba's dictionary read one first character at a time (sztext.wordfreq) scores exactly as jieba's
own table: the same best-segmentation score to the bit on real lines, the same frequencies."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from sztext import grammarcache
from sztext.wordfreq import WordFreq, _split, jieba_dictionary, word_freq

jieba = pytest.importorskip("jieba")
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
WORDS = regex.compile(r"[^\p{P}\p{Z}\s]+")  # the pieces mojibake scores (sztext.mojibake._WORDS)

# real lines of two issuers: a Shenzhen municipal notice (samples/000) and a provincial one with
# mojibake (samples/001), plus a garbled reading as repair compares it
LINES = [
    "深圳市人民政府关于印发深圳市促进消费持续恢复若干措施的通知",
    "各区人民政府，市政府直属各单位：",
    "广东省人民政府办公厅关于印发广东省推动新型储能产业高质量发展指导意见的通知",
    "粤府办〔2023〕4号",
    "鍚勫競浜烘皯鏀垮簻",
]


@pytest.fixture(scope="module")
def dt() -> object:
    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    return jieba.dt


def _jieba_score(dt: object, piece: str) -> float:
    route: dict[int, tuple[float, int]] = {}
    dt.calc(piece, dt.get_DAG(piece), route)  # type: ignore[attr-defined]
    return float(route[0][0])


def test_scores_equal_jiebas_on_real_lines(dt: object) -> None:
    wf = word_freq()
    pieces = [m.group() for line in LINES for m in WORDS.finditer(line)]
    pieces += [m.group()[:40] for p in sorted(SAMPLES.glob("00[01]_*.txt")) for m in WORDS.finditer(p.read_text(encoding="utf-8"))][:3000]
    assert len(pieces) > 1000
    assert [wf.route_score(p) for p in pieces] == [_jieba_score(dt, p) for p in pieces]


def test_frequencies_and_prefixes_equal_jiebas(dt: object) -> None:
    wf = word_freq()
    freq = dt.FREQ  # type: ignore[attr-defined]
    assert wf.total == dt.total  # type: ignore[attr-defined]
    for word in ("人民政府", "人民政", "通知", "储能", "深圳市", "粤府", "鍚勫"):
        assert wf.get(word) == freq.get(word), word
    assert wf.get("人民政") == 0  # a prefix that is no word
    assert wf.get("") is None


def test_the_split_dictionary_is_cached_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SZTEXT_CACHE_DIR", str(tmp_path))
    word_freq.cache_clear()
    try:
        first = word_freq()
        (cached,) = tmp_path.glob("*.words.pickle")
        word_freq.cache_clear()
        again = word_freq()
        assert again is not first and again.total == first.total
        assert again.route_score("深圳市人民政府") == first.route_score("深圳市人民政府")
        assert grammarcache.read_cached(cached.name.removesuffix(".words.pickle"), "words") is not None
    finally:
        word_freq.cache_clear()


def test_a_small_dictionary_reads_as_jieba_reads_it(tmp_path: Path) -> None:
    """gen_pfdict's rules: a later line wins, a prefix that is no word is 0, the total counts every line."""
    path = tmp_path / "dict.txt"
    path.write_bytes("中国 10 ns\n中国人 5 n\n中 3 zg\n中国 7 ns\n".encode())
    total, packed = _split(path)
    wf = WordFreq(total, packed)
    assert total == 25
    assert (wf.get("中"), wf.get("中国"), wf.get("中国人"), wf.get("国")) == (3, 7, 5, None)
    jieba_dt = jieba.Tokenizer(str(path))
    jieba_dt.check_initialized()
    for piece in ("中国人", "中国中", "人中国"):
        assert wf.route_score(piece) == _jieba_score(jieba_dt, piece)
    assert jieba_dictionary().name == "dict.txt"
