"""荣誉榜: honor batches by year, each list in document order."""
from __future__ import annotations

from ..model import Model
from .common import record_page, section_page


def pages(model: Model):
    yield section_page("honors/index.md", "荣誉榜", "honors.md", "honors", model=model)
    for batch in model.honors:
        yield record_page(batch, "honor.md", model=model, awards=model.awards.get(batch.id, []))
