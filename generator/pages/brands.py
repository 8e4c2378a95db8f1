"""品牌: the brand wall and one page per brand with its "1+N" matrix and derived honors."""
from __future__ import annotations

from ..model import Model
from .common import record_page, section_page


def pages(model: Model):
    yield section_page("brands/index.md", "党建品牌", "brands.md", "brands",
                       groups=brands_by_unit(model), model=model)
    for brand in model.brands:
        yield record_page(
            brand, "brand.md", model=model,
            unit=model.unit_of(brand),
            parent=model.get("brand", brand.get("parent")),
            children=model.sub_brands.get(brand.id, []),
            awards=model.awards_of.get(brand.key, []),
            articles=model.articles_about.get(brand.key, []),
        )


def brands_by_unit(model: Model) -> list[tuple]:
    """[(unit, [brands])] in official unit order; sub-brands follow their parent."""
    groups = []
    for unit in model.units:
        brands = model.by_unit.get(unit.id, {}).get("brand", [])
        if brands:
            groups.append((unit, brands))
    return groups
