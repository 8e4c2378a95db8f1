"""Checks across brands: the "1+N" parent chain must end."""
from __future__ import annotations

from showcase.checks.context import CheckContext
from showcase.content.problems import Problems
from showcase.content.records import Record


def check_brand_tree(records: list[Record], context: CheckContext, problems: Problems) -> None:
    """A parent chain must end: `a → b → a` would make the "1+N" matrix endless."""
    brands = context.index.by_kind.get("brand", {})
    for brand in brands.values():
        seen = [brand.id]
        current = brand
        while (parent_id := current.get("parent")) and (parent := brands.get(parent_id)):
            if parent_id in seen:
                chain = " → ".join(seen + [parent_id])
                problems.error(brand.path, brand.line("parent"), f"上级品牌形成循环：{chain}",
                               "“1+N”矩阵只能有一层上级：改正其中一个 parent")
                break
            seen.append(parent_id)
            current = parent

