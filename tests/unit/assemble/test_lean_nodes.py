"""The outline's nodes hold no memory they need not (issue 16, bench/hostile.py agency_lines):
a field without values is the one shared empty list, and ``clean`` is ``text`` where nothing
was cleaned. The JSON, equality, copies and pickling are those of ordinary lists."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import sztext
from sztext.export.json import dumps_jsonl_line
from sztext.models import NO_ITEMS, Notice

TEXT = "深圳市人民政府关于印发若干措施的通知\n深府规〔2024〕6号\n各区人民政府：\n一、总体要求\n给予最高20万元奖励。\n" + "市财政局\n" * 50 + "2024年5月18日\n"


def test_empty_node_fields_share_one_list_and_clean_shares_text() -> None:
    notice = sztext.parse(TEXT)
    nodes = list(notice.nodes())
    empty = [getattr(n, f) for n in nodes for f in ("unit_groups", "amounts", "dates", "citations", "children") if not getattr(n, f)]
    assert len(empty) > 200 and all(e is NO_ITEMS for e in empty)
    plain = [n for n in nodes if n.clean == n.text]
    assert len(plain) > 40 and all(n.clean is n.text for n in plain)
    assert any(n.amounts for n in nodes)  # values still go where they belong


def test_the_shared_empty_list_is_a_list_that_cannot_be_changed() -> None:
    assert isinstance(NO_ITEMS, list) and NO_ITEMS == [] and json.dumps(NO_ITEMS) == "[]"
    for change in (lambda: NO_ITEMS.append(1), lambda: NO_ITEMS.extend([1]), lambda: NO_ITEMS.insert(0, 1), lambda: NO_ITEMS.__iadd__([1])):
        with pytest.raises(TypeError):
            change()
    assert NO_ITEMS == [] and copy.copy(NO_ITEMS) is NO_ITEMS and copy.deepcopy(NO_ITEMS) is NO_ITEMS
    assert pickle.loads(pickle.dumps(NO_ITEMS)) is NO_ITEMS


def test_a_notice_with_shared_lists_copies_pickles_and_round_trips() -> None:
    notice = sztext.parse(TEXT)
    line = dumps_jsonl_line(notice)
    assert dumps_jsonl_line(copy.deepcopy(notice)) == line
    assert dumps_jsonl_line(pickle.loads(pickle.dumps(notice))) == line
    assert notice.model_dump(mode="json") == json.loads(line)
    again = Notice.from_record(line, TEXT)
    assert again == notice and dumps_jsonl_line(again) == line
    again.verify()
    node = next(n for n in notice.nodes() if not n.amounts)
    grown = node.model_copy(update={"amounts": [*node.amounts]})
    grown.amounts.append(None)  # type: ignore[arg-type]  # a list of its own
    assert NO_ITEMS == []
