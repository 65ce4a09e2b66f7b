"""File names in records: always valid Unicode, and the file they name can be found again.

POSIX file names are bytes. Python decodes a name that is not UTF-8 (GBK names from Windows
zips are common) with ``surrogateescape``: each undecodable byte becomes a lone surrogate
U+DC80–U+DCFF, which no JSON writer accepts (orjson refuses it, and a ``\\udcNN`` escape is
refused by orjson, pydantic and most other readers). In a record such a name is written with
each undecodable byte as the four characters ``\\xNN`` (Python's ``backslashreplace``): every
JSON reader accepts it, the readable part stays readable, and :func:`os_path` gives the name
back exactly.
"""

from __future__ import annotations

import os
import re

__all__ = ["record_path", "record_text", "os_path"]

_ESCAPE = re.compile(r"\\x([89a-f][0-9a-f])")
_SURROGATE = re.compile("[\ud800-\udfff]")


def record_text(text: str) -> str:
    """``text`` with each lone surrogate of an undecodable byte as ``\\xNN`` (another lone
    surrogate as ``\\uNNNN``; other text as is).

    >>> record_text("/in/\\udccd\\udca8.txt")
    '/in/\\\\xcd\\\\xa8.txt'
    """
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def record_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """The form of a file name written in records: :func:`record_text` of the name as the file
    system decodes it.

    >>> record_path(os.fsdecode(b"/in/\\xc9\\xee\\xdb\\xda.txt"))  # 深圳 in GBK
    '/in/\\\\xc9\\\\xee\\\\xdb\\\\xda.txt'
    """
    name = os.fspath(path)
    return record_text(os.fsdecode(name) if isinstance(name, bytes) else name)


def os_path(recorded: str) -> str:
    """The file name a record's ``path`` stands for (the inverse of :func:`record_path`).

    A name that is valid UTF-8 is returned as it is, also when it holds a literal ``\\x``.

    >>> os.fsencode(os_path("/in/\\\\xc9\\\\xee\\\\xdb\\\\xda.txt")).decode("gbk")
    '/in/深圳.txt'
    """
    if "\\x" not in recorded:
        return recorded
    raw = _ESCAPE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), recorded)
    return raw if raw != recorded and record_text(raw) == recorded else recorded
