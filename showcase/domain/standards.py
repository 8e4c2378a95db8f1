"""The evaluation standards of the 三创 campaign: which 达标项 a 红旗党支部 and which stars a 五星党员 may
carry, from campaign.yml's `standards` (a list of sets per exemplar kind, each from a year on) or the
defaults of showcase/content/schema.py. `allowed_standards` is the one list the check and the forms use.
"""
from __future__ import annotations

from showcase.content.records import Record
from showcase.content.schema import DEFAULT_STANDARDS

# exemplar kind → the exemplar's field that holds its standards
STANDARD_FIELDS = {"red_flag_branch": "standards", "five_star_member": "stars"}


def standard_sets(index, kind: str) -> list[tuple[int | None, tuple[str, ...]]]:
    """(from year or None, items) of an exemplar kind, oldest first; the default set when none is set."""
    campaign = index.get("campaign", "campaign") if index is not None else None
    sets = ((campaign.get("standards") or {}).get(kind) or []) if campaign is not None else []
    found = [(entry.get("from"), tuple(entry.get("items") or ())) for entry in sets if isinstance(entry, dict)]
    if not found:
        return [(None, DEFAULT_STANDARDS.get(kind, ()))]
    return sorted(found, key=lambda pair: pair[0] or 0)


def allowed_standards(index, kind: str, year: int | None = None) -> tuple[str, ...]:
    """The standards an exemplar of `kind` selected in `year` may carry: the set whose `from` is the
    latest not after `year` (the newest set when the year is unknown, the oldest before every `from`)."""
    sets = standard_sets(index, kind)
    if year is None:
        return sets[-1][1]
    chosen = sets[0][1]
    for start, items in sets:
        if start is None or start <= year:
            chosen = items
    return chosen


def selection_year(index, exemplar: Record) -> int | None:
    """The year of the earliest honor batch that awards the exemplar, if any."""
    years = [honor.get("year") for honor in (index.by_kind.get("honor", {}).values() if index is not None else ())
             if any(award.get("ref") in (exemplar.id, f"exemplar:{exemplar.id}") for award in honor.get("awards", []))]
    years = [year for year in years if isinstance(year, int)]
    return min(years) if years else None
