"""The live day's results, by the competition's own rules (showcase/domain/competition/scoring.py).

`live_fields` is the competition's YAML as it will read after `--export` (the day's scores and votes
filled in), so the screen, the export and `showcase build` compute the same numbers with the same code.
"""
from __future__ import annotations

import copy
from fractions import Fraction

from showcase.domain.competition.scoring import RoundScore, competition_ranks, plain, round_half_up, score_competition
from showcase.live.rules import LiveCompetition, parse_score
from showcase.live.state import State


def yaml_number(text: str):
    """A score as the YAML holds it: 28 (int) or 27.5 (float whose repr is the exact decimal)."""
    value = parse_score(text)
    return int(value) if value.denominator == 1 else float(plain(value))


def live_scores(comp: LiveCompetition, state: State) -> list[dict]:
    """The day's scores as `scores` rows, by round, draw order and judge order."""
    rows = []
    for round_ in comp.rounds:
        for entry in comp.entries:
            for judge in comp.judges:
                given = state.scores.get((round_["id"], entry["id"], judge["id"]))
                if given:
                    values = {c.name: yaml_number(given.values[c.name]) for c in comp.criteria(round_["id"])}
                    rows.append({"round": round_["id"], "entry": entry["id"], "judge": judge["id"], "values": values})
    return rows


def live_fields(comp: LiveCompetition, state: State) -> dict:
    """The competition's fields with the day's scores (replacing the rounds scored live) and votes."""
    fields = copy.deepcopy(comp.fields)
    scored = {key[0] for key in state.scores}
    kept = [s for s in fields.get("scores") or [] if s.get("round") not in scored]
    fields["scores"] = kept + live_scores(comp, state)
    for entry in fields.get("entries") or []:
        if entry["id"] in state.votes:
            entry["vote"] = yaml_number(state.votes[entry["id"]])
    return fields


def round_scores(comp: LiveCompetition, state: State, round_id: str, entry_ids: list[str]) -> dict[str, RoundScore]:
    """Teams' scores in one round, with each judge's mark (and which trimmed_mean dropped): the round
    alone and unweighted counts by itself (scoring rule 4), so one call scores it for every team."""
    fields = live_fields(comp, state)
    only = dict(next(r for r in fields["rounds"] if r["id"] == round_id))
    only.pop("weight", None)
    fields["rounds"] = [only]
    fields["entries"] = [{k: v for k, v in e.items() if k != "order"} for e in fields["entries"] if e["id"] in entry_ids]
    fields["scores"] = [s for s in fields["scores"] if s["round"] == round_id and s["entry"] in entry_ids]
    results = score_competition(fields, with_judges=True)
    return {r.id: r.rounds[round_id] for r in results.entries if round_id in r.rounds}


def round_score(comp: LiveCompetition, state: State, round_id: str, entry_id: str) -> RoundScore | None:
    return round_scores(comp, state, round_id, [entry_id]).get(entry_id)


def shown(value: Fraction) -> str:
    return str(round_half_up(value))


def ranking(comp: LiveCompetition, state: State, round_id: str) -> list[dict]:
    """The published teams of a round, best first, with competition ranks (1, 2, 2, 4)."""
    published = [entry_id for r, entry_id in state.published if r == round_id]
    scores = round_scores(comp, state, round_id, published)
    rows = [{"entry": entry_id, "score": round_half_up(scores[entry_id].score)}
            for entry_id in published if entry_id in scores]
    rows.sort(key=lambda row: -row["score"])
    for row, rank in zip(rows, competition_ranks([row["score"] for row in rows])):
        row["rank"], row["score"] = rank, str(row["score"])
    return rows


def final_results(comp: LiveCompetition, state: State):
    """The whole competition's results (totals, ranks, awards by tiers) from the day's scores."""
    return score_competition(live_fields(comp, state))
