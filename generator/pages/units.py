"""单位: the unit list in official order and one page per unit with everything linked to it."""
from __future__ import annotations

from ..model import Model
from .common import record_page, section_page


def pages(model: Model):
    yield section_page("units/index.md", "单位", "units.md", "units", model=model)
    for unit in model.units:
        yield record_page(unit, "unit.md", model=model, linked=model.by_unit.get(unit.id, {}))
