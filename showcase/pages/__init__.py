"""Page families: each module turns the model into the `PageSpec`s of one part of the site."""
from __future__ import annotations

from showcase.domain.model import Model
from showcase.pages import brands
from showcase.pages import column
from showcase.pages import competitions
from showcase.pages import exemplars
from showcase.pages import home
from showcase.pages import honors
from showcase.pages import notices
from showcase.pages import retracted
from showcase.pages import units
from showcase.pages import corrections
from showcase.pages import search as search_page
from showcase.pages.spec import PageSpec, StaticFile

FAMILIES = (home, brands, exemplars, honors, units, column, competitions, notices, retracted, corrections,
            search_page)


def all_pages(model: Model) -> list[PageSpec | StaticFile]:
    """Every output of every family: Markdown pages (PageSpec) and other files (StaticFile)."""
    outputs: list[PageSpec | StaticFile] = []
    for family in FAMILIES:
        outputs.extend(family.pages(model))
    return outputs
