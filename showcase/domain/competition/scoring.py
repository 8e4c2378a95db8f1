"""Scoring a showcase competition (品牌展示赛): from judges' raw scores to totals, ranks and awards.

Pure functions of a competition's validated fields (`record.fields`). The rules, stated to readers
on the competition page (theme/showcase/_competition_rules.md) and to editors in docs/competitions.md:

1. A judge's score of an entry in a round is the sum of the judge's criterion scores.
2. The round's judges' score aggregates the panel's scores by the round's `aggregation` (else the
   competition's, else `mean`): `mean`; `trimmed_mean` — 去掉一个最高分和一个最低分 (exactly one of
   each, even when several judges gave the same highest or lowest score), then the mean; `sum`.
3. With a public vote (round `vote_weight` w, entry `vote` out of 100), the round score is
   (1 − w) × judges' score + w × vote scaled to the round's full mark.
4. The total is Σ round weight × round score. When no round has a weight, the last round alone
   decides (earlier rounds only qualify entries for it).
5. Arithmetic is exact (fractions, no intermediate rounding); only the total is rounded, half up
   (四舍五入), to two decimals. Round scores are shown rounded the same way, for display only.
6. Ranks: competition ranking on the rounded total — equal totals share the better rank and the
   next rank is skipped (1, 2, 2, 4).
7. Awards: tiers in their listed order take entries by rank within their quotas. An entry's
   explicit `award` overrides and takes a seat of that tier (an award not among the tiers takes no
   seat). Tied entries share a place: a tie across a tier boundary gives all of them the higher
   tier and the next tier correspondingly fewer seats (and `showcase check` warns).

Finalists are the entries with a draw `order` (all entries when none has one). Results exist only
when every finalist has a score in every counting round: partial rankings are never shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import groupby

AGGREGATION_NAMES = {"mean": "平均分", "trimmed_mean": "去掉一个最高分和一个最低分后的平均分", "sum": "总和"}
HUNDRED = Fraction(100)


def number(value) -> Fraction:
    """An editor's number, exactly: 8.5 → 17/2, 0.1 → 1/10 (never the float's binary approximation)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Fraction, Decimal)):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, float):
        value = repr(value)
    return Fraction(value)


def is_number(value) -> bool:
    try:
        number(value)
    except (ValueError, ZeroDivisionError):
        return False
    return True


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """四舍五入 to `places` decimals, exactly (no float on the way): 85.125 → 85.13, 85.124999… → 85.12."""
    scale = 10 ** places
    magnitude = abs(value) * scale
    whole = int(magnitude + Fraction(1, 2))  # floor(x + 1/2) for x ≥ 0: ties go up
    rounded = Decimal(whole).scaleb(-places).quantize(Decimal(1).scaleb(-places))
    return -rounded if value < 0 else rounded


def aggregate(values: list[Fraction], rule: str) -> Fraction:
    """The panel's score from each judge's score (rule 2)."""
    values = list(values)
    if not values:
        raise ValueError("no scores to aggregate")
    if rule == "sum":
        return sum(values, Fraction(0))
    if rule == "trimmed_mean":
        if len(values) < 3:
            raise ValueError("trimmed_mean needs at least 3 judges")
        ordered = sorted(values)
        kept = ordered[1:-1]  # one highest and one lowest only, however many share them
        return sum(kept, Fraction(0)) / len(kept)
    if rule == "mean":
        return sum(values, Fraction(0)) / len(values)
    raise ValueError(f"unknown aggregation {rule!r}")


def competition_ranks(values: list) -> list[int]:
    """Standard competition ranking (1, 2, 2, 4) of `values`, higher is better, in input order."""
    ordered = sorted(values, reverse=True)
    first_position = {}
    for position, value in enumerate(ordered, start=1):
        first_position.setdefault(value, position)
    return [first_position[value] for value in values]


# ---- the competition's structure -----------------------------------------------------------------

def rounds_of(fields: dict) -> list[dict]:
    return list(fields.get("rounds") or [])


def rule_of(round_: dict, fields: dict) -> str:
    return round_.get("aggregation") or fields.get("aggregation") or "mean"


def full_mark(fields: dict) -> Fraction:
    """One judge's full mark: the sum of the criteria's maxima."""
    return sum((number(c["max"]) for c in fields.get("criteria") or [] if is_number(c.get("max"))), Fraction(0))


def weights_of(fields: dict) -> dict[str, Fraction]:
    """Round id → weight of the rounds that count for the total (rule 4)."""
    rounds = rounds_of(fields)
    if not rounds:
        return {}
    given = {r["id"]: number(r["weight"]) for r in rounds if r.get("weight") is not None}
    if not given:
        return {rounds[-1]["id"]: Fraction(1)}
    return {rid: w for rid, w in given.items() if w > 0}


def finalists(fields: dict) -> list[dict]:
    """Entries in the final, in draw order: those with `order`, or every entry when none has one."""
    entries = list(fields.get("entries") or [])
    drawn = [e for e in entries if e.get("order") is not None]
    if not drawn:
        return entries
    return sorted(drawn, key=lambda e: (e["order"], e["id"]))


def final_round(fields: dict) -> dict | None:
    """The round shown on the big screen: the last with a time limit, else the last round."""
    rounds = rounds_of(fields)
    timed = [r for r in rounds if r.get("time_limit")]
    return (timed or rounds or [None])[-1]


# ---- results -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mark:
    """One judge's score of one entry in one round."""

    judge: str
    values: dict  # criterion name → Fraction
    total: Fraction
    dropped: str = ""  # "high" | "low": the score trimmed_mean left out

    @property
    def shown(self) -> str:
        return plain(self.total)


@dataclass
class RoundScore:
    round: dict
    rule: str
    judges_score: Fraction  # the panel's aggregate (rule 2)
    vote: Fraction | None  # the public vote, out of 100
    score: Fraction  # after the vote (rule 3)
    full: Fraction  # the round's full mark
    judges: int  # panel size
    marks: list[Mark] = field(default_factory=list)  # empty unless the edition may show them

    @property
    def shown(self) -> Decimal:
        return round_half_up(self.score)


@dataclass
class EntryResult:
    entry: dict
    rounds: dict[str, RoundScore] = field(default_factory=dict)
    exact_total: Fraction | None = None
    total: Decimal | None = None  # rounded half up to 0.01 (rule 5)
    rank: int | None = None
    tied: bool = False  # shares its rank with another entry
    award: str | None = None
    award_explicit: bool = False

    @property
    def id(self) -> str:
        return self.entry["id"]


@dataclass
class BoundaryTie:
    """Tied entries that straddle a tier boundary: all got `upper`; `lower` had a seat fewer."""

    upper: str
    lower: str | None  # None: the boundary between the last tier and no award
    entries: list[EntryResult]


@dataclass
class Results:
    entries: list[EntryResult]  # finalists: by rank when complete, else in draw order
    complete: bool  # every finalist has a total, so ranks and quota awards exist
    weights: dict[str, Fraction]
    awards: list[tuple[str, list[EntryResult]]]  # award name → entries, tiers first in their order
    boundary_ties: list[BoundaryTie]
    with_judges: bool  # whether individual marks were kept (internal edition + publish_scores)

    @property
    def published(self) -> bool:
        """Anything to announce: ranked totals or at least one award."""
        return self.complete or any(entries for _, entries in self.awards)

    def of(self, entry_id: str) -> EntryResult | None:
        return next((r for r in self.entries if r.id == entry_id), None)


def score_competition(fields: dict, with_judges: bool = False) -> Results:
    """Results of a competition from its fields. Scores that fail `showcase check` are skipped here
    (the check reports them); `with_judges` keeps each judge's marks (never for the public edition)."""
    weights = weights_of(fields)
    rounds = {r["id"]: r for r in rounds_of(fields)}
    criteria = [c["name"] for c in fields.get("criteria") or []]
    marks = _marks_by_round_entry(fields, set(rounds), criteria)
    one_full = full_mark(fields)
    results = [EntryResult(entry) for entry in finalists(fields)]
    for result in results:
        for round_id in weights:
            given = marks.get((round_id, result.id))
            if given:
                scored = _round_score(rounds[round_id], fields, given, result.entry, one_full, with_judges)
                if scored is not None:
                    result.rounds[round_id] = scored
        if weights and all(rid in result.rounds for rid in weights):
            result.exact_total = sum((w * result.rounds[rid].score for rid, w in weights.items()), Fraction(0))
            result.total = round_half_up(result.exact_total)
    complete = bool(results) and all(r.total is not None for r in results)
    if complete:
        ranks = competition_ranks([r.total for r in results])
        for result, rank in zip(results, ranks):
            result.rank = rank
            result.tied = ranks.count(rank) > 1
        results.sort(key=lambda r: (r.rank, r.entry.get("order") or 0, r.id))
    awards, ties = _assign_awards(results, fields.get("tiers") or [], complete)
    return Results(results, complete, weights, awards, ties, with_judges)


def _marks_by_round_entry(fields: dict, round_ids: set, criteria: list) -> dict[tuple, list[Mark]]:
    """(round, entry) → the judges' marks; a judge's repeated score and malformed values are skipped."""
    marks: dict[tuple, list[Mark]] = {}
    seen = set()
    for score in fields.get("scores") or []:
        key = (score.get("round"), score.get("entry"))
        values = score.get("values") or {}
        if key[0] not in round_ids or (key + (score.get("judge"),)) in seen:
            continue
        try:
            exact = {name: number(values.get(name)) for name in criteria}
        except (ValueError, ZeroDivisionError):
            continue
        if not exact:
            continue
        seen.add(key + (score.get("judge"),))
        marks.setdefault(key, []).append(Mark(score["judge"], exact, sum(exact.values(), Fraction(0))))
    return marks


def _round_score(round_: dict, fields: dict, given: list[Mark], entry: dict, one_full: Fraction,
                 with_judges: bool) -> RoundScore | None:
    rule = rule_of(round_, fields)
    try:
        judges_score = aggregate([m.total for m in given], rule)
    except ValueError:
        return None  # e.g. trimmed_mean with fewer than three judges: reported by the check
    full = one_full * (len(given) if rule == "sum" else 1)
    score, vote = judges_score, None
    vote_weight = round_.get("vote_weight")
    if vote_weight:
        if not is_number(entry.get("vote")):
            return None  # a missing vote: reported by the check
        w, vote = number(vote_weight), number(entry["vote"])
        score = (1 - w) * judges_score + w * vote / HUNDRED * full
    kept = _mark_dropped(given) if (with_judges and rule == "trimmed_mean") else list(given)
    return RoundScore(round_, rule, judges_score, vote, score, full, len(given), kept if with_judges else [])


def _mark_dropped(given: list[Mark]) -> list[Mark]:
    """Which marks trimmed_mean left out: the first highest and the first lowest in panel order."""
    totals = [m.total for m in given]
    high = totals.index(max(totals))
    low = totals.index(min(totals))
    if low == high:  # every judge gave the same score: drop two different marks all the same
        low = next(i for i in range(len(given)) if i != high)
    return [Mark(m.judge, m.values, m.total, "high" if i == high else "low" if i == low else "")
            for i, m in enumerate(given)]


def _assign_awards(results: list[EntryResult], tiers: list[dict], complete: bool):
    """Explicit awards, then the quota tiers by rank (rule 7). Returns (awards, boundary ties)."""
    names = [t["name"] for t in tiers]
    for result in results:
        if result.entry.get("award"):
            result.award, result.award_explicit = result.entry["award"], True
    ties: list[BoundaryTie] = []
    if complete and tiers:
        seats = [max(0, t["quota"] - sum(1 for r in results if r.award_explicit and r.award == t["name"]))
                 for t in tiers]
        boundaries = [sum(seats[: i + 1]) for i in range(len(seats))]  # cumulative seats
        pool = [r for r in results if not r.award_explicit]  # already in rank order
        position = 0
        for _rank, group in groupby(pool, key=lambda r: r.rank):
            group = list(group)
            tier = next((i for i, end in enumerate(boundaries) if position < end), None)
            if tier is None:
                break
            for result in group:
                result.award = names[tier]
            if position + len(group) > boundaries[tier]:
                lower = next((names[i] for i in range(tier + 1, len(names)) if seats[i] > 0), None)
                ties.append(BoundaryTie(names[tier], lower, group))
            position += len(group)
    awards = [(name, [r for r in results if r.award == name]) for name in names]
    others = []
    for result in results:
        if result.award and result.award not in names and result.award not in others:
            others.append(result.award)
    awards += [(name, [r for r in results if r.award == name]) for name in others]
    return awards, ties


def plain(value: Fraction) -> str:
    """A judge's score as typed: 28 → "28", 27.5 → "27.5" (exact; finite decimals only)."""
    if value.denominator == 1:
        return str(value.numerator)
    text = str(round_half_up(value, 4)).rstrip("0")
    return text.rstrip(".")
