"""公示公告: the notices, and the competitions' results 公示 (pages of their own under competitions/)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from showcase.domain.model import Model
from showcase.domain.urls import page_path
from showcase.pages.common import record_page, section_page
from showcase.pages.competitions import results_notice


@dataclass(frozen=True)
class Listed:
    date: date
    title: str
    src: str  # the page, docs-relative
    record: object = None  # the notice record; None for a competition's 公示


def pages(model: Model):
    yield section_page("notices/index.md", "公示公告", "notices.md", "notices", model=model, items=listed(model))
    for notice in model.notices:
        yield record_page(notice, "notice.md", model=model)


def listed(model: Model) -> list[Listed]:
    """Newest first; a competition's 公示 is dated by the start of its 公示 period."""
    items = [Listed(n["date"], n.title, page_path(n), n) for n in model.notices]
    for competition in model.competitions:
        found = results_notice(model, competition)
        if found:
            items.append(Listed(competition["results_notice"]["start"], found[1], found[0]))
    return sorted(items, key=lambda item: item.date, reverse=True)  # stable: notices keep their order
