"""单位: the unit list in official order and one page per unit with everything linked to it —
current and former names, brands ("1+N" matrices), exemplars by kind, honors on the rolls (also
those without an exemplar page), competition entries and column articles."""
from __future__ import annotations

from showcase.content.records import Record
from showcase.kinds import EXEMPLAR_KIND_NAMES
from showcase.domain.model import Model
from showcase.pages import brands as brand_pages
from showcase.pages import exemplars as exemplar_pages
from showcase.pages.common import document, record_page, section_page


def honors_of(model: Model, unit: Record) -> list[tuple[Record, list]]:
    """[(batch, awards of the unit in that batch)], newest batch first, document order within."""
    out = []
    for batch in model.honors:
        awards = [a for a in model.awards.get(batch.id, []) if a.unit is not None and a.unit.id == unit.id]
        if awards:
            out.append((batch, awards))
    return out


def articles_of(model: Model, unit: Record, linked: dict) -> list[Record]:
    """Articles about the unit or about any of its brands and exemplars, newest first."""
    keys = {unit.key} | {r.key for kind in ("brand", "exemplar") for r in linked.get(kind, [])}
    found = {a.key: a for key in keys for a in model.articles_about.get(key, [])}
    return sorted(found.values(), key=lambda a: (a["date"], a["series_no"]), reverse=True)


def entries_of(model: Model, unit: Record) -> list[tuple]:
    """[(competition, entry, brand, result or None)] where the unit took part, newest competition first."""
    return [(c, e, model.get("brand", e.get("brand")),
             model.results[c.id].of(e["id"]) if c.id in model.results else None) for c in model.competitions
            for e in c.get("entries", []) if e.get("unit") == unit.id
            or (not e.get("unit") and (b := model.get("brand", e.get("brand"))) and b.get("unit") == unit.id)]


def summary(model: Model, unit: Record) -> dict:
    linked = model.by_unit.get(unit.id, {})
    return {"brands": len(linked.get("brand", [])),
            "exemplars": {kind: sum(1 for e in linked.get("exemplar", []) if e["kind"] == kind)
                          for kind in EXEMPLAR_KIND_NAMES},
            "honors": sum(1 for _, awards in honors_of(model, unit) for a in awards if not a.revoked),
            "articles": len(articles_of(model, unit, linked))}


def pages(model: Model):
    rows = [(unit, summary(model, unit)) for unit in model.units]
    yield document(section_page("units/index.md", "单位", "units.md", "units", model=model, rows=rows,
                                kind_names=EXEMPLAR_KIND_NAMES))
    wall = brand_pages.wall_cards(model)
    for unit in model.units:
        linked = model.by_unit.get(unit.id, {})
        exemplar_cards = [exemplar_pages.card(model, e) for e in linked.get("exemplar", [])]
        yield document(record_page(
            unit, "unit.md", model=model, linked=linked,
            brand_cards=[c for c in wall if c.unit is not None and c.unit.id == unit.id],
            exemplar_kinds=[(kind, name, [c for c in exemplar_cards if c.exemplar["kind"] == kind])
                            for kind, name in EXEMPLAR_KIND_NAMES.items()],
            honors=honors_of(model, unit), entries=entries_of(model, unit),
            articles=articles_of(model, unit, linked), summary=summary(model, unit),
        ))
