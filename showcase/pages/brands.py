"""品牌: the brand wall (cards grouped by unit, paginated) and one page per brand with its "1+N" matrix.

A brand's level is derived: 主品牌 when it has no (published) parent, 子品牌 otherwise. Its honors,
sub-brands, competition results (theme/showcase/_brand_results.md) and related articles come from
the model, never typed twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from showcase.content.records import Record
from showcase.domain.model import Award, Model
from showcase.pages.common import document, record_page, section_page
from showcase.pages.pagination import page_runs, page_title, paginate

PER_PAGE = 30  # cards per wall page: six rows of five at desktop width, fifteen of two on a phone


@dataclass(frozen=True)
class BrandCard:
    """What a card (wall, home, unit page) shows about a brand."""

    brand: Record
    unit: Record | None
    parent: Record | None  # the published parent brand ("1" of the matrix)
    children: tuple  # published sub-brands

    @property
    def level(self) -> str:
        return "sub" if self.parent else "main"

    @property
    def level_name(self) -> str:
        return "子品牌" if self.parent else "主品牌"

    @property
    def matrix_label(self) -> str:
        """“1+6” for a main brand with six sub-brands, else empty."""
        return f"“1+{len(self.children)}”" if self.children else ""


@dataclass
class MatrixNode:
    """A node of the "1+N" tree drawn on brand pages."""

    brand: Record
    children: list["MatrixNode"] = field(default_factory=list)
    current: bool = False

    @property
    def size(self) -> int:
        return 1 + sum(child.size for child in self.children)


def card(model: Model, brand: Record) -> BrandCard:
    return BrandCard(brand=brand, unit=model.unit_of(brand), parent=model.get("brand", brand.get("parent")),
                     children=tuple(_sorted(model.sub_brands.get(brand.id, []))))


def _sorted(brands) -> list[Record]:
    # Within a unit there is no official order: the older brand first, then by id (stable).
    return sorted(brands, key=lambda b: (b.get("launched") is None, b.get("launched") or 0, b.id))


def wall_cards(model: Model) -> list[BrandCard]:
    """Every brand once, units in official order; each main brand followed by its sub-brands."""
    cards: list[BrandCard] = []
    placed: set = set()

    def place(brand: Record) -> None:
        if brand.key in placed:
            return
        placed.add(brand.key)
        cards.append(card(model, brand))
        for child in _sorted(model.sub_brands.get(brand.id, [])):
            if child.get("unit") == brand.get("unit"):  # a sub-brand of another unit stays with its unit
                place(child)

    for unit in model.units:
        brands = model.by_unit.get(unit.id, {}).get("brand", [])
        tops = [b for b in brands if not model.get("brand", b.get("parent"))
                or model.get("brand", b["parent"]).get("unit") != unit.id]
        for brand in _sorted(tops):
            place(brand)
        for brand in _sorted(brands):  # anything a parent chain did not reach (defensive)
            place(brand)
    return cards


def matrix_of(model: Model, brand: Record) -> MatrixNode | None:
    """The whole "1+N" tree the brand belongs to (from its top brand), or None for a lone brand."""
    top, seen = brand, {brand.id}
    while (parent := model.get("brand", top.get("parent"))) and parent.id not in seen:
        seen.add(parent.id)
        top = parent

    def node(b: Record, path: frozenset) -> MatrixNode:
        kids = [c for c in _sorted(model.sub_brands.get(b.id, [])) if c.id not in path]
        return MatrixNode(b, [node(c, path | {c.id}) for c in kids], current=b.id == brand.id)

    tree = node(top, frozenset({top.id}))
    return tree if tree.children else None


def honors_of(model: Model, brand: Record) -> list[Award]:
    """The brand's awards (its own and its exemplar's), newest batch first, each once."""
    awards = model.awards_of.get(brand.key, [])
    return sorted(awards, key=lambda a: (-a.batch["year"], a.batch.id, a.position))


def pages(model: Model):
    cards = wall_cards(model)
    pagers = paginate(cards, PER_PAGE, "brands/")
    unit_index = wall_unit_index(model, pagers)
    stats = {"total": len(cards), "main": sum(1 for c in cards if c.level == "main"),
             "sub": sum(1 for c in cards if c.level == "sub"),
             "matrices": sum(1 for c in cards if c.children),
             "units": len({c.unit.id for c in cards if c.unit})}
    runs = page_runs(pagers, key=lambda c: c.unit)
    for pager, groups in zip(pagers, runs):
        spec = section_page(pager.src_path, page_title("党建品牌", pager), "brands.md", "brands",
                            pager=pager, groups=groups, unit_index=unit_index, stats=stats, model=model)
        spec.meta["hide"] = ["navigation", "toc"]  # the unit chips index the wall; the width goes to the cards
        yield spec
    exemplars_of: dict[str, list[Record]] = {}
    for exemplar in model.exemplars:
        if exemplar.get("brand"):
            exemplars_of.setdefault(exemplar["brand"], []).append(exemplar)
    for brand in model.brands:
        yield document(record_page(
            brand, "brand.md", model=model,
            card=card(model, brand),
            unit=model.unit_of(brand),
            parent=model.get("brand", brand.get("parent")),
            children=_sorted(model.sub_brands.get(brand.id, [])),
            matrix=matrix_of(model, brand),
            awards=honors_of(model, brand),
            exemplars=exemplars_of.get(brand.id, []),
            articles=list(reversed(model.articles_about.get(brand.key, []))),
        ))


def wall_unit_index(model: Model, pagers) -> list[tuple]:
    """[(unit, brand count, src of the wall page where the unit's cards start)] in official order."""
    first: dict[str, str] = {}
    count: dict[str, int] = {}
    for pager in pagers:
        for c in pager.items:
            if c.unit is not None:
                first.setdefault(c.unit.id, pager.src_path)
                count[c.unit.id] = count.get(c.unit.id, 0) + 1
    return [(unit, count[unit.id], first[unit.id]) for unit in model.units if unit.id in first]
