"""A column's articles by category (栏目分类) and by unit, each a paginated listing.

<base>category/            the categories of columns.yml with their counts
<base>category/<n>/        the n-th category of `categories` (1-based), in series order
<base>unit/                the units the column wrote about, in official order
<base>unit/<unit-id>/      one unit's articles

Categories are Chinese text, so their URL is their place in the column's `categories` list (URLs
never come from Chinese words); editors append new categories at the end (docs/column.md).
An article is about a unit when `related` names the unit, or a brand or exemplar of that unit.
"""
from __future__ import annotations

from dataclasses import dataclass

from showcase.content.records import Record
from showcase.domain.model import Model
from showcase.pages.column.archive import listing_page
from showcase.pages.column.series import ColumnView
from showcase.pages.pagination import page_title, paginate

PER_PAGE = 30


@dataclass(frozen=True)
class Group:
    name: str
    src: str  # the listing's first page
    base: str  # the listing's folder (for pagination)
    articles: tuple  # series order
    unit: Record | None = None


@dataclass(frozen=True)
class Facets:
    categories: tuple  # Group per category of the column (empty ones included: the plan shows)
    units: tuple  # Group per unit with articles, official order
    categories_src: str  # the index of categories
    units_src: str  # the index of units


def category_src(view: ColumnView, category: str | None) -> str | None:
    categories = view.column.get("categories", [])
    if not category or category not in categories:
        return None
    return view.src("category", str(categories.index(category) + 1))


def article_units(article: Record, model: Model) -> list[Record]:
    units = []
    for ref in article.get("related", []):
        target = model.resolve(("brand", "exemplar", "unit"), ref)
        unit = target if target is not None and target.kind == "unit" else (target and model.unit_of(target))
        if unit is not None and unit not in units:
            units.append(unit)
    return units


def facets(view: ColumnView, model: Model) -> Facets:
    categories = []
    for position, name in enumerate(view.column.get("categories", []), start=1):
        base = view.base + f"category/{position}/"
        categories.append(Group(name, base + "index.md", base,
                                tuple(a for a in view.articles if a.get("category") == name)))
    by_unit: dict[str, list[Record]] = {}
    for article in view.articles:
        for unit in article_units(article, model):
            by_unit.setdefault(unit.id, []).append(article)
    units = []
    for unit in model.units:  # official order
        if unit.id in by_unit:
            base = view.base + f"unit/{unit.id}/"
            units.append(Group(unit["name"], base + "index.md", base, tuple(by_unit[unit.id]), unit))
    return Facets(tuple(categories), tuple(units), view.src("category"), view.src("unit"))


def pages(view: ColumnView, model: Model):
    found = facets(view, model)
    name = view.column["name"]
    common = {"view": view, "facets": found, "model": model}
    if found.categories:
        yield listing_page(found.categories_src, f"{name} · 分类", "column_groups.md",
                           heading="按分类", groups=found.categories, **common)
    if found.units:
        yield listing_page(found.units_src, f"{name} · 单位", "column_groups.md",
                           heading="按单位", groups=found.units, **common)
    for group in found.categories + found.units:
        for pager in paginate(group.articles, PER_PAGE, group.base):
            yield listing_page(pager.src_path, page_title(f"{name} · {group.name}", pager), "column_list.md",
                               group=group, pager=pager, **common)
