"""品牌展示赛: the list, and per competition its page, big screen, printables and results notice.

Per competition (`competitions/<id>/…`):
  index.md              the competition: rounds, 评分细则, finalists, results, notice, photos
  bigscreen/index.md    the venue's big screen (standalone template theme/bigscreen.html)
  results/index.md      the results table to print (成绩表), once results exist
  notice/index.md       the results notice (结果公示), once results exist and `results_notice` is set
  sheets/<round>/       a judge's blank scoring sheet per round (A4) — internal edition only

Scores become results in the model (showcase/domain/model.py → showcase/domain/competition/scoring.py), from the full
records; the pages only show them. Judges' names and marks reach a page only when the model kept
them (internal edition and `publish_scores: true`).
"""
from __future__ import annotations

from dataclasses import dataclass

from showcase.content.records import Record
from showcase.content.schema import Field, fields_of
from showcase.domain.model import Model
from showcase.domain.competition.scoring import (
    AGGREGATION_NAMES,
    EntryResult,
    Results,
    final_round,
    finalists,
    full_mark,
    number,
    plain,
)
from showcase.pages.common import record_page, section_page
from showcase.pages.spec import PageSpec

PRINT_META = {"hide": ["navigation", "toc"]}


class Fields(dict):
    """A record's nested object (a round, an entry …) as templates read it: like `Record`, an optional
    member the editor left out reads as None, and a name the schema does not know is a KeyError."""

    def __init__(self, data: dict, spec: Field):
        super().__init__(data)
        self.names = frozenset(f.name for f in spec.fields)

    def __missing__(self, key):
        if key in self.names:
            return None
        raise KeyError(key)


def views(competition: Record, name: str):
    """The competition's list `name` (rounds, criteria, entries, tiers) as `Fields`."""
    spec = fields_of("competition")[name].item
    return [Fields(item, spec) for item in competition.get(name, [])]


def view(competition: Record, name: str, value: dict | None = None):
    """One nested object (`results_notice`, or a member of a list field) as `Fields`, None if absent."""
    spec = fields_of("competition")[name]
    value = competition.get(name) if value is None else value
    return Fields(value, spec.item or spec) if value else None


@dataclass
class Finalist:
    """One entry as the pages show it: the entry's fields, its brand and unit, its result."""

    entry: dict
    brand: Record | None  # None when the brand is not in this edition
    unit: Record | None
    result: EntryResult | None

    @property
    def name(self) -> str:
        return self.brand.title if self.brand else "（未公开的品牌）"


@dataclass
class RoundInfo:
    round: dict
    rule: str
    rule_name: str
    weight: str  # "40%", or "" when the round does not count for the total
    vote_weight: str  # "30%" or ""
    judges_weight: str  # the judges' share when there is a public vote: "70%"


def pages(model: Model):
    yield section_page("competitions/index.md", "品牌展示赛", "competitions.md", "competitions", model=model,
                       items=[(c, model.results.get(c.id)) for c in model.competitions])
    for competition in model.competitions:
        yield from competition_pages(model, competition)


def results_notice(model: Model, competition: Record) -> tuple[str, str] | None:
    """(page, title) of the competition's results 公示 — it has one once its results are published and
    `results_notice` is filled in — else None. Listed on /notices/ too (showcase/pages/notices.py)."""
    if not (model.results[competition.id].published and competition.get("results_notice")):
        return None
    return f"competitions/{competition.id}/notice/index.md", f"关于{competition.title}结果的公示"


def competition_pages(model: Model, competition: Record):
    results = model.results[competition.id]
    base = f"competitions/{competition.id}/"
    people = {e["id"]: _finalist(model, competition, e, results) for e in competition.get("entries", [])}
    drawn = [people[e["id"]] for e in finalists(competition.fields)]
    ranked = [people[r.id] for r in results.entries] if results.complete else drawn
    rounds = round_infos(competition, results)
    awards = [(name, [people[r.id] for r in entries]) for name, entries in results.awards if entries]
    sheets = [] if model.edition.is_public else [
        (r.round, f"{base}sheets/{r.round['id']}/index.md") for r in rounds]
    notice_page = results_notice(model, competition)
    links = {
        "bigscreen": f"{base}bigscreen/index.md",
        "results": f"{base}results/index.md" if results.published else None,
        "notice": notice_page[0] if notice_page else None,
        "sheets": sheets,
    }
    context = dict(model=model, results=results, finalists=drawn, ranked=ranked, rounds=rounds, awards=awards,
                   others=[f for f in people.values() if f.entry["id"] not in {d.entry["id"] for d in drawn}],
                   full=full_mark(competition.fields), links=links, judges=_judges(competition, results),
                   plain=plain, criteria=views(competition, "criteria"), tiers=views(competition, "tiers"),
                   notice=view(competition, "results_notice"),
                   judge_names={j["id"]: j["name"] for j in _judges(competition, results)})
    yield record_page(competition, "competition.md", **context)
    yield _sub_page(competition, links["bigscreen"], f"{competition.title} · 大屏", "competition-bigscreen.md",
                    "competition-bigscreen", context,
                    meta={"template": "bigscreen.html", "search": {"exclude": True}, "sitemap": False},
                    stage=view(competition, "rounds", final_round(competition.fields)))
    if links["results"]:
        yield _sub_page(competition, links["results"], f"{competition.title} · 成绩表", "competition-results.md",
                        "competition-print", context, meta=PRINT_META)
    if notice_page:
        yield _sub_page(competition, notice_page[0], notice_page[1], "competition-notice.md", "competition-notice",
                        context, meta={})
    for round_, src in sheets:
        yield _sub_page(competition, src, f"{competition.title} · {round_['name']}评分表", "competition-sheet.md",
                        "competition-print", context, meta={**PRINT_META, "search": {"exclude": True}},
                        sheet_round=view(competition, "rounds", round_),
                        sheet_entries=sheet_entries(competition, round_, people))


def _sub_page(competition: Record, src: str, title: str, template: str, kind: str, context: dict,
              meta: dict, **extra) -> PageSpec:
    spec = record_page(competition, template, **context, **extra)
    spec.src_path, spec.title, spec.kind, spec.meta = src, title, kind, dict(meta)
    return spec


def _finalist(model: Model, competition: Record, entry: dict, results: Results) -> Finalist:
    brand = model.get("brand", entry.get("brand"))
    unit = model.get("unit", entry.get("unit")) or (model.unit_of(brand) if brand else None)
    return Finalist(view(competition, "entries", entry), brand, unit, results.of(entry["id"]))


def _judges(competition: Record, results: Results) -> list[dict]:
    """The panel — only when the model kept the judges' marks (internal edition, publish_scores)."""
    return list(competition.get("judges", [])) if results.with_judges else []


def round_infos(competition: Record, results: Results) -> list[RoundInfo]:
    infos = []
    for round_ in competition.get("rounds", []):
        rule = round_.get("aggregation") or competition.get("aggregation") or "mean"
        weight = results.weights.get(round_["id"])
        infos.append(RoundInfo(
            view(competition, "rounds", round_), rule, AGGREGATION_NAMES[rule],
            weight=_percent(weight) if weight is not None and len(results.weights) > 1 else "",
            vote_weight=_percent(round_["vote_weight"]) if round_.get("vote_weight") else "",
            judges_weight=_percent(1 - number(round_["vote_weight"])) if round_.get("vote_weight") else ""))
    return infos


def _percent(value) -> str:
    return f"{plain(number(value) * 100)}%"


def sheet_entries(competition: Record, round_: dict, people: dict) -> list[Finalist]:
    """Who a round's sheet lists: the final round lists the finalists in draw order; an earlier round
    every entry (drawn ones in draw order first)."""
    if round_["id"] == (final_round(competition.fields) or {}).get("id"):
        return [people[e["id"]] for e in finalists(competition.fields)]
    entries = competition.get("entries", [])
    ordered = sorted(range(len(entries)), key=lambda i: (entries[i].get("order") is None,
                                                         entries[i].get("order") or 0, i))
    return [people[entries[i]["id"]] for i in ordered]
