"""The outline as Markdown: headings by level, each measure with its units and amounts."""

from __future__ import annotations

from ..models import Node, Notice

__all__ = ["to_markdown"]


def _amount(a: object) -> str:
    from ..models import Amount

    assert isinstance(a, Amount)
    if a.value is not None:
        return f"{a.text.strip()} = {a.value} {a.currency} ({a.qualifier})"
    return f"{a.text.strip()} = {a.low}–{a.high} {a.currency}"


def _node(node: Node, depth: int, out: list[str]) -> None:
    if node.kind == "paragraph":
        return
    level = min(6, depth + 2)
    title = node.heading or node.clean.strip().split("\n", 1)[0][:60]
    out.append(f"{'#' * level} {node.marker or ''} {title}".rstrip())
    out.append("")
    for group in node.unit_groups:
        roles = {"lead": "牵头", "responsible": "责任", "cooperating": "配合"}
        out.append("- 单位: " + "、".join(f"{u.name}（{roles[u.role]}）" for u in group))
    for a in node.amounts:
        out.append(f"- 金额: {_amount(a)}")
    if node.unit_groups or node.amounts:
        out.append("")
    for child in node.children:
        _node(child, depth + 1, out)


def to_markdown(notice: Notice) -> str:
    """A person-readable Markdown rendering of one document.

    >>> import sztext
    >>> print(to_markdown(sztext.parse("一、总体要求\\n（一）给予最高20万元奖励。（责任单位：市财政局）\\n")).splitlines()[0])
    # （未命名文件）
    """
    title = notice.title or notice.main_title
    out = [f"# {title.clean if title else '（未命名文件）'}", ""]
    facts = []
    if notice.doc_number:
        facts.append(f"- 发文字号: {notice.doc_number.clean}")
    if notice.issuer:
        facts.append(f"- 发文机关: {notice.issuer.clean}")
    if notice.signed_date and notice.signed_date.value:
        facts.append(f"- 成文日期: {notice.signed_date.value.isoformat()}")
    if notice.effective:
        e = notice.effective
        facts.append(f"- 施行: {e.text.strip()}")
    if facts:
        out.extend(facts + [""])
    for node in notice.body:
        _node(node, 0, out)
    return "\n".join(out).rstrip() + "\n"
