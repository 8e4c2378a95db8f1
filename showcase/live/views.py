"""What the judge's phone and the host console are shown (JSON-ready), from the state.

A judge sees the team on stage, the criteria with their maxima and steps, and only the judge's own
scores; the host sees who has submitted (names, never values), locks, votes and publications.
"""
from __future__ import annotations

from showcase.domain.competition.scoring import plain
from showcase.live.rules import LiveCompetition
from showcase.live.screen import team
from showcase.live.state import HOST, Session, State


def judge_view(comp: LiveCompetition, state: State, session: Session) -> dict:
    judge = comp.judge(session.judge) or {"name": session.judge}
    view = {"title": comp.title, "judge": session.judge, "judge_name": judge["name"], "stage": None}
    if state.current is None:
        return view
    round_id, entry_id = state.current
    mine = state.scores.get((round_id, entry_id, session.judge))
    view["stage"] = {
        "round": round_id, "round_name": comp.round(round_id)["name"], "team": team(comp, entry_id),
        "criteria": [{"name": c.name, "max": plain(c.max), "step": plain(c.step), "description": c.description}
                     for c in comp.criteria(round_id)],
        "mine": dict(mine.values) if mine else None,
        "locked": (round_id, entry_id) in state.locked,
    }
    return view


def host_view(comp: LiveCompetition, state: State) -> dict:
    rounds = []
    for round_ in comp.rounds:
        rid = round_["id"]
        teams = []
        for entry in comp.entries:
            key = (rid, entry["id"])
            done = set(state.submitted(*key))
            teams.append({**team(comp, entry["id"]), "locked": key in state.locked,
                          "published": key in state.published, "vote": state.votes.get(entry["id"]),
                          "submitted": [j["name"] for j in comp.judges if j["id"] in done],
                          "waiting": [j["name"] for j in comp.judges if j["id"] not in done]})
        rounds.append({"id": rid, "name": round_["name"], "vote": bool(round_.get("vote_weight")), "teams": teams})
    judges = [{"id": j["id"], "name": j["name"], "code": code_status(state, j["id"])} for j in comp.judges]
    return {"title": comp.title, "version": state.version, "current": list(state.current or []) or None,
            "rounds": rounds, "judges": judges, "awards_published": state.awards_published,
            "refusals": state.refusals}


def code_status(state: State, key: str) -> str:
    if key in state.revoked:
        return "已作废"
    if key not in state.codes:
        return "未发码"
    return "已使用" if key in state.used else "未使用"


def host_code_ready(state: State) -> bool:
    return HOST in state.codes
