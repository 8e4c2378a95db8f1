"""先进典型: the overview, one paginated list per kind, one list per year, the printable 事迹汇编 of
each kind, and one page per exemplar with its honor line.

An exemplar's year is the year of the honor batch that named it (derived from content/honors/):
the list of a kind is grouped by batch, newest first, units in official order within a batch.
"""
from __future__ import annotations

from dataclasses import dataclass

from showcase.content.records import Record
from showcase.kinds import EXEMPLAR_KIND_NAMES, EXEMPLAR_SLUGS, YEARS_DIR
from showcase.domain.model import Award, Model
from showcase.pages.common import document, record_page, section_page
from showcase.pages.compilation import COMPILATION_DIR, batch_compilation_src, compilation_page, story
from showcase.pages.pagination import page_runs, page_title, paginate

PER_PAGE = 30
KIND_SLUGS = EXEMPLAR_SLUGS


@dataclass(frozen=True)
class ExemplarCard:
    exemplar: Record
    unit: Record | None
    brand: Record | None
    awards: tuple  # Award, newest first

    @property
    def kind_name(self) -> str:
        return EXEMPLAR_KIND_NAMES[self.exemplar["kind"]]

    @property
    def batch(self) -> Record | None:
        """The batch that names it most recently (its year on lists)."""
        return self.awards[0].batch if self.awards else None

    @property
    def year_label(self) -> str:
        batch = self.batch
        return (batch.get("label") or f"{batch['year']}年度") if batch else "未列入评选批次"


def kind_base(kind: str) -> str:
    return f"exemplars/{KIND_SLUGS[kind]}/"


def kind_src(kind: str) -> str:
    return kind_base(kind) + "index.md"


def kind_compilation_src(kind: str) -> str:
    return f"{kind_base(kind)}{COMPILATION_DIR}/index.md"


def year_src(year: int) -> str:
    return f"exemplars/{YEARS_DIR}/{year}/index.md"


def awards_of(model: Model, exemplar: Record) -> list[Award]:
    """Its awards, newest first: those naming it, and for a brand exemplar those naming its brand."""
    awards = list(model.awards_of.get(exemplar.key, []))
    brand = model.get("brand", exemplar.get("brand"))
    if brand is not None and exemplar["kind"] == "brand_exemplar":
        awards += [a for a in model.awards_of.get(brand.key, [])
                   if a.target == brand and a.batch["type"] == "brand_exemplar" and a not in awards]
    return sorted(awards, key=lambda a: (-a.batch["year"], a.batch.id, a.position))


def card(model: Model, exemplar: Record) -> ExemplarCard:
    return ExemplarCard(exemplar, model.unit_of(exemplar), model.get("brand", exemplar.get("brand")),
                        tuple(awards_of(model, exemplar)))


def kind_cards(model: Model, kind: str) -> list[ExemplarCard]:
    """Cards of one kind: newest batch first (then those on no roll), official unit order within."""
    cards = [card(model, e) for e in model.exemplars if e["kind"] == kind]  # model: unit order
    return sorted(cards, key=lambda c: (c.batch is None, -(c.batch["year"] if c.batch else 0),
                                        c.batch.id if c.batch else ""))


def years(cards) -> dict[int, list[ExemplarCard]]:
    """year → cards honored that year (an exemplar honored twice is in both years), newest first."""
    by_year: dict[int, list[ExemplarCard]] = {}
    for c in cards:
        for year in sorted({a.batch["year"] for a in c.awards}, reverse=True):
            by_year.setdefault(year, []).append(c)
    return dict(sorted(by_year.items(), reverse=True))


def by_kind(cards) -> list[tuple]:
    """[(kind, name, cards of that kind)] for every kind, in the schema's order."""
    return [(kind, name, [c for c in cards if c.exemplar["kind"] == kind])
            for kind, name in EXEMPLAR_KIND_NAMES.items()]


def pages(model: Model):
    cards_by_kind = {kind: kind_cards(model, kind) for kind in EXEMPLAR_KIND_NAMES}
    all_cards = [c for cards in cards_by_kind.values() for c in cards]
    by_year = years(all_cards)
    yield document(section_page(
        "exemplars/index.md", "先进典型", "exemplars.md", "exemplars", model=model,
        kinds=by_kind(all_cards), by_year=by_year, by_unit=unit_table(model, cards_by_kind),
        kind_src=kind_src, year_src=year_src, kind_compilation_src=kind_compilation_src))
    for kind, cards in cards_by_kind.items():
        name = EXEMPLAR_KIND_NAMES[kind]
        pagers = paginate(cards, PER_PAGE, kind_base(kind))
        for pager, groups in zip(pagers, page_runs(pagers, key=lambda c: c.year_label)):
            yield document(section_page(
                pager.src_path, page_title(name, pager), "exemplar-list.md", "exemplars", model=model,
                pager=pager, groups=groups, exemplar_kind=kind, kind_name=name,
                compilation_src=kind_compilation_src(kind)))
        yield compilation_page(kind_compilation_src(kind), f"{name}事迹汇编", back_src=kind_src(kind), model=model,
                               stories=[story(model, c.exemplar, list(c.awards)) for c in cards])
    for year, cards in by_year.items():
        # the year's batches, each with its printable 事迹汇编 (its stories are these cards')
        batches = sorted({a.batch for c in cards for a in c.awards if a.batch["year"] == year},
                         key=lambda b: b.id)
        yield document(section_page(year_src(year), f"{year}年度先进典型", "exemplar-year.md", "exemplars",
                                    year=year, model=model, kind_src=kind_src, kinds=by_kind(cards),
                                    batches=[(b, batch_compilation_src(b)) for b in batches]))
    for exemplar in model.exemplars:
        c = card(model, exemplar)
        yield document(record_page(
            exemplar, "exemplar.md", model=model, card=c,
            unit=c.unit, brand=c.brand, awards=list(c.awards),
            articles=list(reversed(model.articles_about.get(exemplar.key, []))),
            kind_name=c.kind_name, kind_src=kind_src(exemplar["kind"]),
            compilation_src=kind_compilation_src(exemplar["kind"]),
        ))


def unit_table(model: Model, cards_by_kind: dict) -> list[tuple]:
    """[(unit, {kind: count})] for units with exemplars, in official order."""
    rows = []
    for unit in model.units:
        counts = {kind: sum(1 for c in cards if c.unit is not None and c.unit.id == unit.id)
                  for kind, cards in cards_by_kind.items()}
        if any(counts.values()):
            rows.append((unit, counts))
    return rows
