"""The home page's campaign counters, computed from the content and set beside the official figures.

"本站收录" counts the honorees the site's honor rolls and exemplar pages hold: every award of a
batch of that kind that is not revoked, plus exemplar pages of that kind that no roll lists, each
honoree once (a brand honored twice is one brand). The official figure (content/campaign.yml) is the
committee's cumulative count, usually larger: the site holds a selection.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from showcase.content.records import Record
from showcase.kinds import EXEMPLAR_KIND_NAMES, measure_of
from showcase.domain.model import Model


@dataclass(frozen=True)
class Counter:
    kind: str  # exemplar kind
    label: str  # 品牌先进典型
    measure: str  # 个 | 名
    count: int  # honorees on the site
    pages: int  # of which have their own exemplar page
    official: int | None = None
    as_of: date | None = None
    source: str | None = None


@dataclass(frozen=True)
class ColumnProgress:
    column: Record
    published: int
    planned: int
    latest: Record | None  # the newest article of the column

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.published / self.planned)) if self.planned else 0


def honorees(model: Model, kind: str) -> set:
    """Who holds an honor of `kind` on this site: page keys, or (name, unit) for names without a page."""
    exemplar_of_brand = {e["brand"]: e for e in model.exemplars if e["kind"] == kind and e.get("brand")}
    held, revoked = set(), set()
    for batch in model.honors:
        if batch["type"] != kind:
            continue
        for award in model.awards.get(batch.id, []):
            if award.target is not None and award.target.kind == "brand":  # a brand named directly
                who = exemplar_of_brand.get(award.target.id, award.target).key
            elif award.target is not None:
                who = award.target.key
            else:
                who = (award.name, award.unit.id if award.unit else None)
            (revoked if award.revoked else held).add(who)
    # exemplar pages no roll names; one whose only award was revoked stays out
    held |= {e.key for e in model.exemplars if e["kind"] == kind and e.key not in revoked}
    return held


def campaign_counters(model: Model) -> list[Counter]:
    figures = {f["kind"]: f for f in (model.campaign.get("figures", []) if model.campaign else [])}
    counters = []
    for kind, label in EXEMPLAR_KIND_NAMES.items():
        held = honorees(model, kind)
        figure = figures.get(kind, {})
        counters.append(Counter(
            kind=kind, label=label, measure=measure_of(kind), count=len(held),
            pages=sum(1 for e in model.exemplars if e["kind"] == kind and e.key in held),
            official=figure.get("official"), as_of=figure.get("as_of"), source=figure.get("source")))
    return counters


def column_progress(model: Model) -> list[ColumnProgress]:
    """已刊发 N 篇 / 计划 M 篇, per column (retracted and unpublished articles are not counted)."""
    progress = []
    for column in model.columns:
        articles = [a for a in model.articles if a["column"] == column.id]
        progress.append(ColumnProgress(column=column, published=len(articles),
                                       planned=column["planned_total"],
                                       latest=articles[-1] if articles else None))
    return progress
