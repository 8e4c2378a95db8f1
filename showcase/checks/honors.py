"""Checks across honor batches: each award's name as written must be the record it links to."""
from __future__ import annotations

import re

from showcase.checks.context import CheckContext
from showcase.content.problems import Problems, display_path
from showcase.content.records import Record

_QUOTED = re.compile(r"“([^”]+)”")


def linked_names(target: Record, index) -> set[str]:
    """The names an award may call the record it links: a person's name; a brand's title (also through
    the brand an exemplar stands for); the exemplar's own title and branch."""
    person = target.get("person")
    if isinstance(person, dict) and person.get("name"):
        return {person["name"]}
    names = {target.get("title"), target.get("branch")}
    brand = index.get("brand", target.get("brand")) if target.kind == "exemplar" and target.get("brand") else None
    if brand is not None:
        names.add(brand.get("title"))
    return {name for name in names if name}


def _matches(name: str, target: Record, names: set[str]) -> bool:
    if target.get("person"):
        return name.strip() in names
    written = _QUOTED.findall(name) or [name]
    return any(w in n or n in w for w in written for n in names)


def check_award_names(records: list[Record], context: CheckContext, problems: Problems) -> None:
    """林茜 for the exemplar 林倩: the honor roll would show one name and link the other person's page."""
    for honor in records:
        if honor.kind != "honor":
            continue
        for i, award in enumerate(honor.get("awards", [])):
            ref, name = award.get("ref"), award.get("name")
            found = context.index.resolve(("exemplar", "brand"), ref) if ref and name else []
            if len(found) != 1:
                continue
            target = found[0]
            names = linked_names(target, context.index)
            if names and not _matches(name, target, names):
                what = "姓名" if target.get("person") else "名称"
                shown = "、".join(f"“{n}”" for n in sorted(names))
                problems.warning(honor.path, honor.line("awards", i, "name"),
                                 f"获奖名称“{name}”与所链接的 {target.id}（{display_path(target.path)}）的{what}{shown}不一致",
                                 "核对文件原文：写错的一方改正；确是同一对象而名称已变更的，可忽略此提示")
