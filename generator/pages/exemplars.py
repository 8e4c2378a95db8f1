"""先进典型: lists per kind and one page per exemplar."""
from __future__ import annotations

from ..content.schema import EXEMPLAR_KIND_NAMES
from ..model import Model
from .common import record_page, section_page


def pages(model: Model):
    yield section_page("exemplars/index.md", "先进典型", "exemplars.md", "exemplars",
                       kinds=exemplars_by_kind(model), kind_names=EXEMPLAR_KIND_NAMES, model=model)
    for exemplar in model.exemplars:
        yield record_page(
            exemplar, "exemplar.md", model=model,
            unit=model.unit_of(exemplar),
            brand=model.get("brand", exemplar.get("brand")),
            awards=model.awards_of.get(exemplar.key, []),
            articles=model.articles_about.get(exemplar.key, []),
            kind_name=EXEMPLAR_KIND_NAMES[exemplar["kind"]],
        )


def exemplars_by_kind(model: Model) -> list[tuple]:
    return [(kind, name, [e for e in model.exemplars if e["kind"] == kind])
            for kind, name in EXEMPLAR_KIND_NAMES.items()]
