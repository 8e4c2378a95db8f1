"""品牌展示赛: the competitions list and one page per competition."""
from __future__ import annotations

from ..model import Model
from .common import record_page, section_page


def pages(model: Model):
    yield section_page("competitions/index.md", "品牌展示赛", "competitions.md", "competitions", model=model)
    for competition in model.competitions:
        entries = sorted(competition.get("entries", []), key=lambda e: e.get("order") or 0)
        yield record_page(competition, "competition.md", model=model,
                          entries=[(e, model.get("brand", e["brand"])) for e in entries])
