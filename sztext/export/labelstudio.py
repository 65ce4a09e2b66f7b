"""Label Studio pre-annotations: each document becomes a task whose text is the document's own
text, with every extracted value as a predicted span label, so people can correct extractions in
Label Studio and hand them back as goldens (:func:`spans_from_task` reads an exported task).

Labels are the kinds of the review page (``doc_number``, ``addressees``, ``amounts``, ``unit`` …,
see :func:`sztext.export.review.review_values`); offsets are relative to the task text, which is
``notice.text``; ``meta.offset`` gives its start in the input text.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..models import Notice
from .review import review_values

__all__ = ["LABEL_CONFIG", "to_label_studio", "spans_from_task"]

# The labelling interface that matches the tasks (paste into the project's Labeling Setup).
LABEL_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="title"/><Label value="main_title"/><Label value="doc_number"/><Label value="issuer"/>
    <Label value="issuers"/><Label value="signer"/><Label value="addressees"/><Label value="cc"/>
    <Label value="signed_date"/><Label value="published_date"/><Label value="dates"/><Label value="effective"/>
    <Label value="amounts"/><Label value="unit"/><Label value="citations"/><Label value="repeals"/><Label value="noise"/>
    <Label value="validity"/><Label value="legal_level"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>"""


def to_label_studio(notices: list[Notice]) -> list[dict[str, Any]]:
    """One Label Studio task per document, with sztext's values as ``predictions``.

    >>> import sztext
    >>> (task,) = to_label_studio([sztext.parse("深府规〔2024〕6号\\n各区人民政府：\\n现印发。\\n")])
    >>> [(r["value"]["labels"], r["value"]["text"]) for r in task["predictions"][0]["result"]]
    [(['doc_number'], '深府规〔2024〕6号'), (['addressees'], '各区人民政府')]
    """
    tasks = []
    for notice in notices:
        offset = notice.source.span[0]
        text = notice.text
        result = []
        for k, v in enumerate(review_values(notice)):
            if v.end <= v.start:
                continue
            label = "unit" if v.kind == "unit" else v.kind
            result.append({
                "id": f"v{k}", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": v.start - offset, "end": v.end - offset, "text": text[v.start - offset : v.end - offset], "labels": [label]},
            })
        tasks.append({
            "data": {"text": text, "path": notice.source.path, "index": notice.source.index},
            "meta": {"offset": offset, "grammar_digest": notice.grammar_digest},
            "predictions": [{"model_version": f"sztext {__version__}", "result": result}],
        })
    return tasks


def spans_from_task(task: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """The labelled spans of an exported task — the people's annotations if it has any, else the
    predictions — as ``(label, start, end, text)`` with offsets into the input text."""
    offset = int(task.get("meta", {}).get("offset", 0))
    sources = task.get("annotations") or task.get("predictions") or []
    out = []
    for source in sources[:1]:
        for r in source.get("result", []):
            value = r.get("value", {})
            for label in value.get("labels", []):
                out.append((label, int(value["start"]) + offset, int(value["end"]) + offset, value.get("text", "")))
    return sorted(out, key=lambda x: (x[1], x[2], x[0]))
