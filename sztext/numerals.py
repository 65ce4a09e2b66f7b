"""The one Chinese-numeral reader: every stage that reads a number written in Chinese asks here.

Numbers in a notice are written in a few ways, and each stage reads the way its text writes them:

- :func:`marker_number` — a heading marker's number (``二十八、``, ``第一百零五条``): 一 … 九十九
  read directly, anything else by cn2an's ``smart`` mode (``〇`` read as ``零``); ``None`` when
  it is not a whole number. Used by tokenize.
- :func:`integer` — the integer part of an amount (``一百二十万``, ``壹万``, ``两千``, ``1百01``):
  cn2an's ``smart`` mode, :class:`ValueError` when it is not an integer. Used by money.
- :func:`date_number` — a year, month or day (``二〇二一``, ``十二``, ``07``): Arabic digits as
  they are, Chinese by cn2an's ``normal`` mode (digit strings digit by digit, counted numerals by
  value); ``None`` when not a whole number. Used by dates.
- :func:`sequence_number` — 1–99 only as subsection markers write them (``十一``, ``二十三``; not
  ``一十``). Used by the mojibake repair to follow a numbered sequence.
- :func:`arabic` — the ASCII digits of a 文号's year or serial (``〔2024〕6号``). Used by docnumber.

cn2an is imported on the first numeral it has to read (0.1 s at import, and many texts need none),
and its readings are cached: a reading is a pure function of the text and the mode.

>>> marker_number("二十八"), integer("一百零五"), date_number("二〇二一"), sequence_number("十二")
(28, 105, 2021, 12)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, NoReturn

__all__ = ["DIGITS", "marker_number", "small_number", "integer", "date_number", "sequence_number", "write_small", "arabic"]

DIGITS = "一二三四五六七八九"
_DIGIT = {c: i for i, c in enumerate(DIGITS, start=1)}
Mode = Literal["smart", "normal"]


@lru_cache(maxsize=8192)
def _cn2an(text: str, mode: Mode) -> int | float | Exception:
    """cn2an's reading of ``text`` in ``mode``, or the exception it raised (cached either way)."""
    import cn2an  # imported here: 0.1 s at import, and most texts need no Chinese numeral read

    try:
        value: int | float = cn2an.cn2an(text, mode)
    except Exception as exc:  # kept (without its frames) and raised again by a caller that wants it
        return exc.with_traceback(None)
    return value


def _raise(exc: Exception) -> NoReturn:
    raise exc


def small_number(token: str) -> int | None:
    """一 … 九十九 (X, 十, 十Y, X十, X十Y) read directly, exactly as cn2an's smart mode reads them
    (tests/unit/test_numerals.py checks all 99 against cn2an); ``None`` for any other token.

    >>> small_number("十二"), small_number("二十"), small_number("一十"), small_number("一百")
    (12, 20, 10, None)
    """
    n = len(token)
    if n == 1:
        return 10 if token == "十" else _DIGIT.get(token)
    ten = token.find("十")
    if ten < 0 or n > 3 or ten > 1:
        return None
    tens = _DIGIT.get(token[0], 0) if ten == 1 else 1
    ones = _DIGIT.get(token[ten + 1], 0) if ten + 1 < n else 0
    if (ten == 1 and tens == 0) or (ten + 1 < n and (ones == 0 or ten + 2 != n)):
        return None
    return tens * 10 + ones


def marker_number(token: str) -> int | None:
    """The number of a Chinese heading marker: 一 → 1, 二十八 → 28, 一百零五 → 105, 二〇 → 20.

    ``None`` when cn2an does not read the token as a whole number (``十十``).

    >>> marker_number("一百零五"), marker_number("两"), marker_number("十十")
    (105, 2, None)
    """
    small = small_number(token)
    return small if small is not None else _marker_cn2an(token)


def _marker_cn2an(token: str) -> int | None:
    value = _cn2an(token.replace("〇", "零"), "smart")
    if isinstance(value, (ValueError, KeyError, IndexError, TypeError)):
        return None
    if isinstance(value, Exception):
        _raise(value)
    return int(value) if value == int(value) else None


def integer(text: str) -> int:
    """The integer a Chinese (or mixed) numeral writes, read by cn2an's smart mode.

    Raises:
        ValueError: the text is not an integer numeral (and whatever else cn2an raises for it).

    >>> integer("一百二十万"), integer("壹万"), integer("两千"), integer("1百01")
    (1200000, 10000, 2000, 101)
    """
    value = _cn2an(text, "smart")
    if isinstance(value, Exception):
        _raise(value)
    if not isinstance(value, int):
        raise ValueError(f"not an integer numeral: {text!r}")
    return value


def date_number(text: str) -> int | None:
    """A year, month or day written in Arabic digits or Chinese numerals, else ``None``.

    Chinese digit strings read digit by digit (``二〇二四`` → 2024), counted numerals by value
    (``三十一`` → 31): cn2an's normal mode.

    >>> date_number("二〇二四"), date_number("十二"), date_number("18"), date_number("十十")
    (2024, 12, 18, None)
    """
    if text.isascii():
        return int(text) if text.isdigit() else None
    # a year's zero typed as the letter O (二OO三, grammars/dates.toml year_c)
    value = _cn2an(text.replace("O", "〇"), "normal")
    if isinstance(value, ValueError):  # cn2an's only error for text that is not a numeral ("十十")
        return None
    if isinstance(value, Exception):
        _raise(value)
    return value if isinstance(value, int) else None


def write_small(n: int) -> str:
    """The Chinese numeral of 1–99 as subsection markers write it (十一, 二十, 二十三).

    >>> write_small(11), write_small(20), write_small(23)
    ('十一', '二十', '二十三')
    """
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS[tens - 1] + "十")
    return head + (DIGITS[units - 1] if units else "")


_SEQUENCE = {write_small(n): n for n in range(1, 100)}


def sequence_number(text: str | None) -> int | None:
    """1–99 written the way subsection markers write them (:func:`write_small`), else ``None``.

    >>> sequence_number("二十三"), sequence_number("一十"), sequence_number(None)
    (23, None, None)
    """
    return _SEQUENCE.get(text or "")


def arabic(text: str) -> int:
    """The value of a run of ASCII digits (a 文号's year or serial, matched by ``[0-9]``)."""
    return int(text)
