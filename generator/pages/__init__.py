"""Page families: each module turns the model into the `PageSpec`s of one part of the site."""
from __future__ import annotations

from ..model import Model
from . import brands, column, competitions, exemplars, home, honors, notices, retracted, units
from . import corrections
from ..search import page as search_page
from .spec import PageSpec, StaticFile

FAMILIES = (home, brands, exemplars, honors, units, column, competitions, notices, retracted, corrections,
            search_page)


def all_pages(model: Model) -> list[PageSpec | StaticFile]:
    """Every output of every family: Markdown pages (PageSpec) and other files (StaticFile)."""
    outputs: list[PageSpec | StaticFile] = []
    for family in FAMILIES:
        outputs.extend(family.pages(model))
    return outputs
