"""GBK mojibake detection and repair (sztext/mojibake.py, grammars/mojibake.toml).

The ground truth is tests/golden/noise_seeds.json. A reader built it by hand from samples/000,
/001 and /003. For each spot it gives the line and column, the garbled text, and what the spot
reads. Every spot there was also used while developing the rules and tuning the tunables, so
these rows show the rules work on what they were built on, not that they generalise. Generalising
is covered by the precision tests: samples/002 and /004 (not used for tuning), real ``?`` put
into their lines, and hand-made counterexamples.

A repair's confidence is in its ``rule_id`` suffix: none = the surviving bytes alone;
``.inferred`` = a lost byte came from structure (the marker sequence, or the document's own
glosses); ``.guessed`` = a lost byte was chosen by the dictionary among the candidates the
bytes allow. NOT_REPAIRABLE lists the spots whose reading the bytes cannot give, each with the
reason.
"""

from __future__ import annotations

import bisect
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import regex

import sztext
from sztext.mojibake import find_mojibake
from sztext.normalize import Edit, normalize

REPO = Path(__file__).resolve().parents[3]
GOLDEN = json.loads((REPO / "tests" / "golden" / "noise_seeds.json").read_text(encoding="utf-8"))
SEEDS = ("000", "001", "003")
CLEAN_SAMPLES = ("002", "004")
BROKEN_GLOSS = regex.compile(r"\?[a-zà-ɏ]+\)")  # the golden file's regex for a gloss without '('


def _source(seed: str) -> str:
    (path,) = (REPO / "samples").glob(f"{seed}_*.txt")
    return path.read_text(encoding="utf-8")


def _where(source: str, pos: int) -> tuple[int, int]:
    """(1-based line, 0-based column) of a source offset, as the golden file counts them."""
    starts = [0, *(m.end() for m in regex.finditer(r"\n", source))]
    line = bisect.bisect_right(starts, pos)
    return line, pos - starts[line - 1]


@pytest.fixture(scope="module")
def found(grammar: sztext.Grammar) -> dict[str, list[Edit]]:
    return {seed: find_mojibake(_source(seed), grammar) for seed in SEEDS + CLEAN_SAMPLES}


# --- detection: exactly the golden spots --------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_finds_exactly_the_golden_spots(seed: str, found: dict[str, list[Edit]]) -> None:
    source = _source(seed)
    spots = Counter((*_where(source, e.start), source[e.start : e.end]) for e in found[seed] if e.kind == "mojibake")
    golden = Counter((s["line"], s["column"], s["text"]) for s in GOLDEN[seed]["mojibake"])
    assert spots == golden


@pytest.mark.parametrize("seed", CLEAN_SAMPLES)
def test_no_spot_in_clean_samples(seed: str, found: dict[str, list[Edit]]) -> None:
    assert found[seed] == []


# --- repair: equals what the spot reads, wherever the bytes allow -------------------------------

# (seed, line, column) -> (what the repair gives, why it cannot give the golden reading)
NOT_REPAIRABLE = {
    ("003", 33, 85): (
        "模化應",
        "規?;瘧?。 reads 規模化應用。 The pair AA D3 (應's trail byte, 用's lead byte) vanished right "
        "before the closing '?', which is 用's trail byte C3. Both bytes of 用 are gone, and nothing "
        "in the surviving bytes says a fourth character was there.",
    ),
}

# The confidence of every repair (rule_id suffix). Headings: a number with vanished bytes is
# inferred from the sequence (（六） after （五）); 指導/構/加強/創 after a '?' come from the
# document's glosses (dǎo, gòu, qiáng, chuàng). Guessed: the dictionary chose among the candidates
# of a lost byte (the '?' of an inline spot, a trail byte before '?' without a known reading,
# a vanished pair inside the heading text such as 升企 in 提升企業).
CONFIDENCE = {
    ("000", 9, 160): "guessed",  # 口: its trail byte went with the ',' into the closing '?'
    ("000", 53, 250): "inferred",  # jié/yōu are glossed elsewhere: 節 → 9D, 優 → 9E
    ("000", 61, 25): "guessed",  # 。: the lost lead byte before A3 (。 rather than 常)
    ("001", 6, 252): "guessed",  # fàn is glossed nowhere else; 營商 is the document's word
    ("001", 8, 0): "inferred",
    ("001", 12, 164): "inferred",
    ("001", 22, 0): "guessed",
    ("001", 30, 0): "inferred",
    ("001", 35, 0): "inferred",
    ("001", 50, 0): "exact",
    ("001", 54, 0): "guessed",
    ("001", 56, 162): "inferred",
    ("001", 56, 412): "inferred",
    ("001", 58, 0): "guessed",
    ("001", 68, 0): "inferred",
    ("001", 71, 0): "guessed",  # 滾: the pair of ）'s trail byte and 滾's lead byte vanished
    ("003", 10, 0): "guessed",
    ("003", 33, 85): "guessed",
    ("003", 35, 0): "guessed",
    ("003", 43, 54): "guessed",
    ("003", 45, 0): "guessed",
    ("003", 48, 0): "inferred",  # （十二）: 十 and 十二 and 十三 leave the same bytes
    ("003", 55, 0): "exact",
    ("003", 61, 0): "exact",
    ("003", 69, 0): "exact",
    ("003", 75, 0): "inferred",
    ("003", 80, 0): "exact",
    ("003", 89, 0): "inferred",
    ("003", 93, 0): "exact",
    ("003", 98, 0): "guessed",
    ("003", 100, 0): "exact",
    ("003", 104, 0): "exact",  # '€' is the cp936 byte 0x80, 穩's trail byte
    ("003", 106, 0): "inferred",
    ("003", 109, 0): "exact",
    ("003", 111, 0): "inferred",
}

SPOTS = [
    pytest.param(seed, spot, id=f"{seed}:{spot['line']}:{spot['column']}:{spot['reads']}")
    for seed in SEEDS
    for spot in GOLDEN[seed]["mojibake"]
]


def _edit_at(found: dict[str, list[Edit]], seed: str, line: int, column: int) -> Edit:
    source = _source(seed)
    (edit,) = [e for e in found[seed] if e.kind == "mojibake" and _where(source, e.start) == (line, column)]
    return edit


@pytest.mark.parametrize(("seed", "spot"), SPOTS)
def test_repair_reads_as_the_golden_file_says(seed: str, spot: dict[str, Any], found: dict[str, list[Edit]]) -> None:
    key = (seed, int(spot["line"]), int(spot["column"]))
    edit = _edit_at(found, *key)
    assert _source(seed)[edit.start : edit.end] == spot["text"]
    if key in NOT_REPAIRABLE:
        partial, _reason = NOT_REPAIRABLE[key]
        assert edit.replacement == partial != spot["reads"]
    else:
        assert edit.replacement == spot["reads"]


@pytest.mark.parametrize(("seed", "spot"), SPOTS)
def test_repair_says_how_sure_it_is(seed: str, spot: dict[str, Any], found: dict[str, list[Edit]]) -> None:
    key = (seed, int(spot["line"]), int(spot["column"]))
    edit = _edit_at(found, *key)
    rule, _, suffix = edit.rule_id.partition(".")[2].partition(".")
    assert rule in {"heading_shift", "gloss_straddle", "inline_shift"}
    assert (suffix or "exact") == CONFIDENCE[key]


def test_confidence_table_covers_every_spot() -> None:
    assert set(CONFIDENCE) == {(seed, s["line"], s["column"]) for seed in SEEDS for s in GOLDEN[seed]["mojibake"]}


# --- together with the gloss rule: every gloss accounted for ------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_normalize_accounts_for_every_gloss_and_spot(seed: str, grammar: sztext.Grammar) -> None:
    source = _source(seed)
    view = normalize(source, grammar)
    gold = GOLDEN[seed]
    glosses = [e for e in view.edits if e.kind == "pinyin"]
    spots = [e for e in view.edits if e.kind == "mojibake"]
    broken = sum(len(BROKEN_GLOSS.findall(source[e.start : e.end])) for e in spots)
    assert len(glosses) == gold["pinyin_glosses_intact"]
    assert broken == len(gold["pinyin_glosses_broken"])
    assert len(glosses) + broken == gold["pinyin_glosses"]
    assert len(spots) == len(gold["mojibake"])
    # every '?' of the seeds belongs to a spot, so none is left in the clean text
    assert "?" not in view.clean
    for noise in view.noise():
        assert source[noise.span[0] : noise.span[1]] == noise.text


def test_glosses_after_a_realigning_letter_are_reported(found: dict[str, list[Edit]]) -> None:
    """samples/001: c(diǎn) o(hù) O(shè) I(yè) F(tuán) ×2 gloss 點 護 設 業 團, whose ASCII trail
    byte ended a spot; the Han-only gloss rule of noise.toml cannot see them."""
    source = _source("001")
    after = [source[e.start - 1 : e.end] for e in found["001"] if e.kind == "pinyin"]
    assert after == ["c(diǎn)", "o(hù)", "O(shè)", "I(yè)", "F(tuán)", "F(tuán)"]
    assert {e.rule_id for e in found["001"] if e.kind == "pinyin"} == {"mojibake.realigned_gloss"}


# --- mechanisms on fragments --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "garbled", "repaired", "rule_id"),
    [
        pytest.param("(五)構建\n?。┮婪ūWo(hù)市場", "?。┮婪ūWo", "\u3000（六）依法保護", "mojibake.heading_shift.inferred",
                     id="number lost: next after (五)"),
        pytest.param("(二)優化\n三、保障\n?。┮婪ūWo", "?。┮婪ūWo", "\u3000（六）依法保護",
                     "mojibake.heading_shift.guessed", id="number lost, neither 3 nor 1 fits: smallest, guessed"),
        pytest.param("(十二)構建\n三、保障\n?。ㄒ唬┘訌?qiáng)", "?。ㄒ唬┘訌?qiáng)", "\u3000（一）加強",
                     "mojibake.heading_shift.guessed", id="reading not glossed in the document: dictionary"),
        pytest.param("三、保障\n(一)強(qiáng)化\n?。ǘ┘訌?qiáng)", "?。ǘ┘訌?qiáng)", "\u3000（二）加強",
                     "mojibake.heading_shift.inferred", id="restart after a section, reading from the document"),
        pytest.param("?。ň牛┙ㄔO(shè)高水平", "?。ň牛┙ㄔO", "\u3000（九）建設", "mojibake.heading_shift",
                     id="every byte survived"),
    ],
)
def test_fragments(text: str, garbled: str, repaired: str, rule_id: str, grammar: sztext.Grammar) -> None:
    edits = [e for e in find_mojibake(text, grammar) if e.kind == "mojibake"]
    assert [(text[e.start : e.end], e.replacement, e.rule_id) for e in edits] == [(garbled, repaired, rule_id)]


# --- precision: real '?' and rare characters stay -----------------------------------------------

COUNTEREXAMPLES = [
    "是否需要?請聯系我們。",
    "是否需要?请联系客服QQ",
    "什麼是AI?AI是人工智能。",
    "通信與地面?5G、物聯網融合發展",
    "你好吗?我很好。I'm fine",
    "問題?Yes",
    "符合條件的?可申請補貼。",
    "?。",
    "?。.png",
    "?請於2020年前答復",
    "龘靐齉爩?鱻麤龗",
    "重點區域(PPP)項目?是",
]


@pytest.mark.parametrize("text", COUNTEREXAMPLES)
def test_counterexamples(text: str, grammar: sztext.Grammar) -> None:
    assert find_mojibake(text, grammar) == []


def _lines_with_a_question_mark(seed: str) -> list[str]:
    """Lines of a clean sample (about 150 of them) with a real '?' after a Han character, and
    with '?。' at their start (a heading that lost its marker is the heading rule's shape)."""
    out = []
    lines = _source(seed).split("\n")
    for n, line in enumerate(lines):
        hans = [m.end() for m in regex.finditer(r"\p{Han}", line)]
        if n % max(1, len(lines) // 150) or not hans:
            continue
        at = hans[len(hans) // 3]
        out += [line[:at] + "?" + line[at:], "?。" + line.lstrip()]
    return out


@pytest.mark.parametrize("seed", CLEAN_SAMPLES)
def test_real_question_marks_in_clean_samples(seed: str, grammar: sztext.Grammar) -> None:
    texts = _lines_with_a_question_mark(seed)
    assert len(texts) > 50
    assert [(t[:40], find_mojibake(t, grammar)) for t in texts if find_mojibake(t, grammar)] == []


# --- tunables -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def no_guess(tmp_path_factory: pytest.TempPathFactory) -> sztext.Grammar:
    """The shipped grammar with ``guess = false``: only bytes and structure repair."""
    folder = tmp_path_factory.mktemp("grammar")
    for f in sztext.grammar.default_grammar_dir().glob("*.toml"):
        shutil.copy(f, folder / f.name)
    path = folder / "mojibake.toml"
    text = path.read_text(encoding="utf-8")
    assert "\nguess = true\n" in text
    path.write_text(text.replace("\nguess = true\n", "\nguess = false\n"), encoding="utf-8")
    return sztext.load_grammar(folder)


@pytest.mark.parametrize(
    ("text", "repaired", "rule_id"),
    [
        pytest.param("(九)建設\n?。ㄊ┨嵘髽I(yè)投資", "\u3000（十）提审業", "mojibake.heading_shift.inferred",
                     id="plain re-pairing kept where a vanished pair would be a guess"),
        pytest.param("(三)推進\n?。ㄋ模L動推進", "\u3000（四）〓", "mojibake.heading_shift.partial",
                     id="lost lead byte: placeholder"),
        pytest.param("開展?fàn)I商環境", "", "mojibake.gloss_straddle.partial", id="nothing recovered: empty"),
    ],
)
def test_without_guessing(text: str, repaired: str, rule_id: str, no_guess: sztext.Grammar) -> None:
    (edit,) = [e for e in find_mojibake(text, no_guess) if e.kind == "mojibake"]
    assert (edit.replacement, edit.rule_id) == (repaired, rule_id)


def test_rules_run_on_the_source(grammar: sztext.Grammar) -> None:
    rules = grammar.rules_of("mojibake")
    assert rules and all(r.tags.get("on") == "source" for r in rules)
    assert {r.tags.get("shape") for r in rules if r.tags.get("role") == "detect"} == {"heading", "gloss", "inline"}
