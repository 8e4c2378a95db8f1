"""The big screen's view of the day and its server-sent event stream.

`snapshot` is everything the screen shows, as JSON-ready data, with the state's version (the id of the
last event): the current team, how many judges have submitted (never their values), the last published
score with each judge's total and the dropped highest and lowest, the round's running ranking, and the
awards by tiers once published. `Screen` hands each new snapshot to every connected screen; a reloaded
page (or a reconnecting EventSource) simply gets the newest one, so a reload resumes.
"""
from __future__ import annotations

import asyncio
import json

from showcase.domain.competition.scoring import AGGREGATION_NAMES, plain, rule_of
from showcase.live.results import final_results, ranking, round_score, shown
from showcase.live.rules import LiveCompetition
from showcase.live.state import State

KEEPALIVE_SECONDS = 15.0


def team(comp: LiveCompetition, entry_id: str) -> dict:
    entry = comp.entry(entry_id) or {"id": entry_id}
    return {"id": entry_id, "name": comp.names.get(entry_id) or entry_id, "unit": comp.units.get(entry_id, ""),
            "order": entry.get("order"), "presenter": entry.get("presenter") or ""}


def snapshot(comp: LiveCompetition, state: State, cache: dict | None = None) -> dict:
    """The screen's view; `cache` (results_version → results part) spares recomputing the published
    scores on every submission — they change only with a lock, reopen, vote, publication or the awards."""
    view = {"version": state.version, "title": comp.title, "current": None}
    if state.current:
        round_id, entry_id = state.current
        round_ = comp.round(round_id) or {"name": round_id}
        view["current"] = {"round": round_id, "round_name": round_["name"], **team(comp, entry_id),
                           "submitted": len(state.submitted(round_id, entry_id)), "judges": len(comp.judges),
                           "locked": (round_id, entry_id) in state.locked}
    cache = {} if cache is None else cache
    if state.results_version not in cache:
        cache.clear()
        cache[state.results_version] = results_view(comp, state)
    return {**view, **cache[state.results_version]}


def results_view(comp: LiveCompetition, state: State) -> dict:
    view = {"published": None, "ranking": [], "awards": None}
    if state.published:
        view["published"] = published_view(comp, state, *state.published[-1])
        round_id = state.published[-1][0]
        view["ranking_round"] = (comp.round(round_id) or {"name": round_id})["name"]
        view["ranking"] = [{**row, **team(comp, row["entry"])} for row in ranking(comp, state, round_id)]
    if state.awards_published:
        view["awards"] = awards_view(comp, state)
    return view


def published_view(comp: LiveCompetition, state: State, round_id: str, entry_id: str) -> dict:
    score = round_score(comp, state, round_id, entry_id)
    round_ = comp.round(round_id)
    rule = rule_of(round_, comp.fields)
    marks = [{"total": m.shown, "dropped": m.dropped} for m in score.marks] if score else []
    return {"round": round_id, "round_name": round_["name"], **team(comp, entry_id), "marks": marks,
            "rule": AGGREGATION_NAMES[rule], "judges_score": shown(score.judges_score) if score else "",
            "vote": plain(score.vote) if score and score.vote is not None else None,
            "score": shown(score.score) if score else ""}


def awards_view(comp: LiveCompetition, state: State) -> list[dict]:
    results = final_results(comp, state)
    return [{"name": name, "entries": [{**team(comp, r.id), "total": str(r.total)} for r in entries]}
            for name, entries in results.awards if entries]


def sse_message(version: int, payload: str) -> str:
    return f"id: {version}\nevent: state\ndata: {payload}\n\n"


class Screen:
    """The newest snapshot and the connected screens waiting for the next one (one event loop)."""

    def __init__(self, version: int = 0, payload: str = "{}"):
        self.version, self.payload = version, payload
        self._changed = asyncio.Event()
        self.clients = 0

    def update(self, view: dict) -> None:
        if view["version"] < self.version:
            return  # an older snapshot computed late: the screens already have a newer one
        self.version, self.payload = view["version"], json.dumps(view, ensure_ascii=False)
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def stream(self, last_seen: int | None):
        """SSE text: the newest snapshot now (unless the client has it), then each new one."""
        self.clients += 1
        sent = last_seen
        try:
            while True:
                if sent != self.version:
                    sent = self.version
                    yield sse_message(self.version, self.payload)
                    continue
                changed = self._changed
                try:
                    await asyncio.wait_for(changed.wait(), KEEPALIVE_SECONDS)
                except asyncio.TimeoutError:
                    yield ": keepalive\n\n"
        finally:
            self.clients -= 1
