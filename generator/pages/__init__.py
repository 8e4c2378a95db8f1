"""Page families: each module turns the model into the `PageSpec`s of one part of the site."""
from __future__ import annotations

from ..model import Model
from . import brands, column, competitions, exemplars, home, honors, notices, retracted, units
from .spec import PageSpec

FAMILIES = (home, brands, exemplars, honors, units, column, competitions, notices, retracted)


def all_pages(model: Model) -> list[PageSpec]:
    specs: list[PageSpec] = []
    for family in FAMILIES:
        specs.extend(family.pages(model))
    return specs
