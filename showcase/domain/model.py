"""The linked model of one edition: records by id and the relations derived between them.

Honors, competition results, related articles and sub-brands are derived here — an editor never
types a relation twice.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from showcase.content.index import RecordIndex
from showcase.content.records import Record
from showcase.domain.edition import Edition, Selection
from showcase.lint.raw_html import inert_page
from showcase.domain.competition.scoring import Results, score_competition


@dataclass
class Award:
    batch: Record
    position: int  # 1-based, in document order
    name: str
    unit: Record | None
    target: Record | None  # the exemplar or brand page, when published in this edition
    revoked: dict | None


@dataclass
class Model:
    edition: Edition
    index: RecordIndex  # published records only
    retracted: list[Record]
    units: list[Record] = field(default_factory=list)  # official order
    brands: list[Record] = field(default_factory=list)
    exemplars: list[Record] = field(default_factory=list)
    honors: list[Record] = field(default_factory=list)  # newest first
    competitions: list[Record] = field(default_factory=list)
    articles: list[Record] = field(default_factory=list)  # by date, then series number
    notices: list[Record] = field(default_factory=list)  # newest first
    columns: list[Record] = field(default_factory=list)
    newspapers: list[Record] = field(default_factory=list)
    campaign: Record | None = None
    home: dict = field(default_factory=dict)  # title and body of content/index.md
    site: dict = field(default_factory=dict)  # the build's site name and url (mkdocs.yml site_url, may be "")
    sub_brands: dict[str, list[Record]] = field(default_factory=dict)
    awards_of: dict[tuple, list[Award]] = field(default_factory=dict)  # (kind, id) → awards
    awards: dict[str, list[Award]] = field(default_factory=dict)  # batch id → awards in order
    articles_about: dict[tuple, list[Record]] = field(default_factory=dict)  # (kind, id) → articles
    by_unit: dict[str, dict[str, list[Record]]] = field(default_factory=dict)  # unit → kind → records
    results: dict[str, Results] = field(default_factory=dict)  # competition id → scoring results
    results_of: dict[tuple, list[tuple]] = field(default_factory=dict)  # brand key → [(competition, EntryResult or None, entry)]

    # Public edition: internal-by-nature values taken out of the records (edition.select); only
    # derivations of public figures read them, through full_fields — never a template.
    withheld: dict[tuple, dict] = field(default_factory=dict)

    def full_fields(self, record: Record) -> dict:
        """The record's fields including withheld internal ones (e.g. scores for public totals)."""
        return {**record.fields, **self.withheld.get(record.key, {})}

    def get(self, kind: str, record_id: str | None) -> Record | None:
        return self.index.get(kind, record_id) if record_id else None

    def resolve(self, kinds: tuple, value: str) -> Record | None:
        found = self.index.resolve(kinds, value)
        return found[0] if len(found) == 1 else None

    def unit_of(self, record: Record) -> Record | None:
        return self.get("unit", record.get("unit"))


def build_model(selection: Selection, edition: Edition, home: dict | None = None) -> Model:
    published = selection.published
    index = RecordIndex(published)
    of = lambda kind: [r for r in published if r.kind == kind]  # noqa: E731
    model = Model(edition=edition, index=index, retracted=selection.retracted, home=inert_page(home or {}),
                  withheld=selection.withheld)
    model.units = sorted(of("unit"), key=lambda r: (r.get("order", 0), r.id))
    unit_order = {u.id: i for i, u in enumerate(model.units)}
    by_unit_order = lambda r: (unit_order.get(r.get("unit"), 10**6), r.id)  # noqa: E731
    model.brands = sorted(of("brand"), key=by_unit_order)
    model.exemplars = sorted(of("exemplar"), key=by_unit_order)
    model.honors = sorted(of("honor"), key=lambda r: (-r["year"], r.id))
    model.competitions = sorted(of("competition"), key=lambda r: r["date"], reverse=True)
    model.articles = sorted(of("article"), key=lambda r: (r["date"], r["series_no"]))
    model.notices = sorted(of("notice"), key=lambda r: (r["date"], r.id), reverse=True)
    model.columns = of("column")
    model.newspapers = of("newspaper")
    campaigns = of("campaign")
    model.campaign = campaigns[0] if campaigns else None
    _link_brands(model)
    _link_awards(model)
    _link_articles(model)
    _link_units(model)
    _link_results(model)
    return model


def _link_brands(model: Model) -> None:
    children = defaultdict(list)
    for brand in model.brands:
        if model.get("brand", brand.get("parent")):
            children[brand["parent"]].append(brand)
    model.sub_brands = dict(children)


def _link_awards(model: Model) -> None:
    awards_of = defaultdict(list)
    for batch in model.honors:
        listed = []
        for position, award in enumerate(batch.get("awards", []), start=1):
            target = model.resolve(("exemplar", "brand"), award["ref"]) if award.get("ref") else None
            entry = Award(batch, position, award["name"], model.get("unit", award.get("unit")), target,
                          award.get("revoked"))
            listed.append(entry)
            if target is not None:
                awards_of[target.key].append(entry)
        model.awards[batch.id] = listed
    # A brand exemplar's honor is also the brand's honor.
    for exemplar in model.exemplars:
        brand = model.get("brand", exemplar.get("brand"))
        if brand is not None:
            for award in awards_of.get(exemplar.key, []):
                if award not in awards_of[brand.key]:
                    awards_of[brand.key].append(award)
    model.awards_of = dict(awards_of)


def _link_articles(model: Model) -> None:
    about = defaultdict(list)
    for article in model.articles:
        for ref in article.get("related", []):
            target = model.resolve(("brand", "exemplar", "unit"), ref)
            if target is not None:
                about[target.key].append(article)
    model.articles_about = dict(about)


def _link_units(model: Model) -> None:
    by_unit: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for record in model.brands + model.exemplars:
        by_unit[record["unit"]][record.kind].append(record)
    for competition in model.competitions:
        for entry in competition.get("entries", []):
            if entry.get("unit") and competition not in by_unit[entry["unit"]]["competition"]:
                by_unit[entry["unit"]]["competition"].append(competition)
    for unit in model.units:
        for article in model.articles_about.get(unit.key, []):
            by_unit[unit.id]["article"].append(article)
    model.by_unit = {unit: dict(kinds) for unit, kinds in by_unit.items()}


def _link_results(model: Model) -> None:
    """Scores → totals, ranks, awards, from the full records (judges' marks kept only where the edition
    may show them). The public edition's records hold no scores: they come from `full_fields`."""
    results_of = defaultdict(list)
    for competition in model.competitions:
        with_judges = bool(competition.get("publish_scores")) and not model.edition.is_public
        results = score_competition(model.full_fields(competition), with_judges=with_judges)
        model.results[competition.id] = results
        for entry in competition.get("entries", []):
            brand = model.get("brand", entry.get("brand"))
            if brand is not None:
                results_of[brand.key].append((competition, results.of(entry["id"]), entry))
    model.results_of = dict(results_of)
