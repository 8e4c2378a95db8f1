"""更正: every correction the site has published, newest first, each linking to its page.

A newspaper prints its corrections where readers look for them; the site does the same: a record's
`corrections` show on its own page and here. Only published records are listed (a retracted
record's page is a withdrawal notice; its corrections are moot).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from showcase.content.records import Record
from showcase.kinds import KIND_NAMES
from showcase.domain.model import Model
from showcase.pages.common import section_page
from showcase.pages.pagination import page_title, paginate

SRC = "corrections/index.md"
PER_PAGE = 50


@dataclass(frozen=True)
class Correction:
    date: date
    note: str
    record: Record

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.record.kind, "")


def corrections_of(model: Model) -> list[Correction]:
    found = [Correction(c["date"], c["note"], record)
             for records in model.index.by_kind.values() for record in records.values()
             for c in record.get("corrections", [])]
    return sorted(found, key=lambda c: (c.date, c.record.kind, c.record.id), reverse=True)


def pages(model: Model):
    for pager in paginate(corrections_of(model), PER_PAGE, "corrections/"):
        spec = section_page(pager.src_path, page_title("更正", pager), "corrections.md", "corrections",
                            pager=pager, model=model)
        if pager.number > 1:
            spec.meta["search"] = {"exclude": True}
        yield spec
