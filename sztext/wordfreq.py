"""jieba's word frequencies, loaded one first character at a time: what mojibake repair scores with.

Mojibake repair (:mod:`sztext.mojibake`) scores a candidate reading by its best segmentation under
jieba's dictionary. Loading that dictionary whole (``jieba.dt.check_initialized``: 349,046 words
and their 580,000 prefixes as one dict, from jieba's marshal cache) cost ~0.5–1.3 s CPU in every
process whose first document has a lost byte (issue 19), while a document's repairs read the
words of a few hundred first characters.

Here the dictionary file jieba ships (``jieba/dict.txt``) is read once as jieba reads it
(``Tokenizer.gen_pfdict``: a word's frequency, 0 for a prefix that is no word, a later line
winning), split by first character (a word and its prefixes start with the same one) and kept
packed in the cache directory (:mod:`sztext.grammarcache`, ``kind="words"``; without a cache it
is read in each process): a character's keys as one string, their frequencies as one array,
which become a dict (in C: ``dict(zip(…))``) when a word with that first character is looked up.
So each bucket is jieba's own table restricted to the keys starting with its character, and
:meth:`WordFreq.route_score` is ``Tokenizer.get_DAG`` + ``Tokenizer.calc``'s ``route[0][0]``
computed with the same float operations: the same scores to the bit
(``tests/unit/test_wordfreq.py`` compares them with jieba's on real lines). The global
``jieba.dt`` is not read, so a program that adds words to it does not change sztext's repairs.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
from array import array
from math import log
from pathlib import Path

from .grammarcache import read_cached, write_cached

__all__ = ["WordFreq", "word_freq", "jieba_dictionary"]

_FORMAT = 2  # the layout of the cached buckets


class WordFreq:
    """Word → frequency (0 for a prefix of a word that is no word itself), one first character at a time."""

    __slots__ = ("total", "_logtotal", "_packed", "_loaded")

    def __init__(self, total: int, packed: dict[str, tuple[str, bytes]]) -> None:
        self.total = total
        self._logtotal = log(total)
        # first character -> (its keys joined by newlines, their frequencies as an array("q"))
        self._packed = packed
        self._loaded: dict[str, dict[str, int]] = {}

    def bucket(self, first: str) -> dict[str, int]:
        """The words and prefixes starting with the character ``first``, with their frequencies."""
        bucket = self._loaded.get(first)
        if bucket is None:
            packed = self._packed.get(first)
            bucket = dict(zip(packed[0].split("\n"), array("q", packed[1]))) if packed else {}
            self._loaded[first] = bucket
        return bucket

    def get(self, word: str) -> int | None:
        """The frequency of ``word`` (0 for a prefix only), ``None`` when the dictionary has neither."""
        return self.bucket(word[0]).get(word) if word else None

    def route_score(self, piece: str) -> float:
        """The log-probability of ``piece``'s best segmentation (jieba's ``calc`` over its ``get_DAG``)."""
        n = len(piece)
        dag: list[list[int]] = []
        for k in range(n):
            bucket = self.bucket(piece[k])
            ends = []
            i = k
            frag = piece[k]
            while i < n and frag in bucket:
                if bucket[frag]:
                    ends.append(i)
                i += 1
                frag = piece[k : i + 1]
            dag.append(ends or [k])
        score = [0.0] * (n + 1)
        logtotal = self._logtotal
        for idx in range(n - 1, -1, -1):
            bucket = self.bucket(piece[idx])
            score[idx] = max(log(bucket.get(piece[idx : x + 1]) or 1) - logtotal + score[x + 1] for x in dag[idx])
        return score[0]


def jieba_dictionary() -> Path:
    """The dictionary file of the installed jieba (found without importing jieba)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ImportError("jieba is not installed: mojibake repair needs its dictionary")
    return Path(spec.origin).parent / "dict.txt"


def _split(path: Path) -> tuple[int, dict[str, tuple[str, bytes]]]:
    """The total frequency and, by first character, the table ``gen_pfdict`` builds from the file
    (a word's frequency, a later line winning; 0 for a prefix that is no word), packed."""
    total = 0
    tables: dict[str, dict[str, int]] = {}
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip().decode("utf-8")
            try:
                word, freq = line.split(" ")[:2]
                n = int(freq)
            except ValueError:
                raise ValueError(f"invalid dictionary entry in {path} at Line {lineno}: {line}") from None
            table = tables.setdefault(word[0], {})
            table[word] = n
            total += n
            for end in range(1, len(word)):
                table.setdefault(word[:end], 0)
    return total, {first: ("\n".join(t), array("q", t.values()).tobytes()) for first, t in tables.items()}


@functools.cache
def word_freq() -> WordFreq:
    """jieba's dictionary, split by first character (from the cache directory when it is there)."""
    path = jieba_dictionary()
    st = os.stat(path)
    where = hashlib.sha256(str(path).encode()).hexdigest()[:16]
    key = f"jieba-{_FORMAT}-{st.st_size}-{st.st_mtime_ns}-{where}"
    cached = read_cached(key, "words")
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], int) and isinstance(cached[1], dict):
        return WordFreq(cached[0], cached[1])
    total, packed = _split(path)
    write_cached(key, (total, packed), "words")
    return WordFreq(total, packed)
