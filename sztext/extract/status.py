"""Legal status as a legal database prints it: 时效性 (现行有效, 失效 …) and 效力级别 (部门规章 …).

Driven by ``grammars/status.toml``. Only evidence is read: a labelled metadata field of the
document (``【时效性】现行有效``, ``时效性：现行有效``, ``效力级别：部门规章；时效状态：现行有效``) with a value
from the databases' closed lists, before the document's first numbered heading. Nothing is
inferred from dates, repeals or the title: where no field is printed the value is ``None``.
"""

from __future__ import annotations

from ..grammar import Grammar
from ..models import TextValue
from ..normalize import TextView

__all__ = ["extract_legal_status"]

_FILE = "status"


def extract_legal_status(view: TextView, grammar: Grammar, start: int, end: int) -> tuple[TextValue | None, TextValue | None]:
    """The printed 时效性 and 效力级别 in ``view.text[start:end]`` (view offsets): the first field of
    each, as a value whose ``text`` is the printed value (现行有效) and whose span is its place
    in the source; ``None`` for a field that is not printed.

    >>> from sztext import load_grammar
    >>> from sztext.normalize import normalize
    >>> g = load_grammar()
    >>> text = "【发文字号】 京经信发〔2022〕87号\\n【时效性】 现行有效\\n【效力级别】 地方规范性文件\\n"
    >>> validity, level = extract_legal_status(normalize(text, g), g, 0, len(text))
    >>> validity.text, level.text, text[slice(*level.span)]
    ('现行有效', '地方规范性文件', '地方规范性文件')
    """
    found: list[TextValue | None] = []
    region = view.text[start:end]
    for name in ("validity", "legal_level"):
        rule = grammar.rule(f"{_FILE}.{name}")
        m = rule.pattern.search(view.text, start, end) if rule.may_match(region) else None
        found.append(view.value(m.start("value"), m.end("value")) if m is not None else None)
    return found[0], found[1]
