"""Validation of each act of the day against the competition and the current state.

Each function returns the problems (Chinese, as the phone or the host console shows them); an empty
list means the act may be recorded. They never change anything: service.py appends accepted acts.
"""
from __future__ import annotations

from showcase.domain.competition.scoring import rule_of, weights_of
from showcase.live.rules import LiveCompetition, check_values, parse_score
from showcase.live.state import State


def stage_problems(comp: LiveCompetition, state: State, round_id, entry_id) -> list[str]:
    """A judge may score only the team on stage, in the round on stage."""
    if state.current is None:
        return ["主持人还没有开始评分，请稍候"]
    if (round_id, entry_id) != state.current:
        now_round = comp.round(state.current[0]) or {"name": state.current[0]}
        return [f"现在评的是{now_round['name']}的{comp.entry_label(state.current[1])}，"
                f"不是这一轮或这支队伍；请刷新页面"]
    return []


def values_only(problems: list[str]) -> bool:
    """Whether every problem is with the numbers typed (not with the team, the round or the lock)."""
    return all(p.startswith(("“", "缺少", "没有“", "评分格式")) for p in problems)


def score_problems(comp: LiveCompetition, state: State, judge: str, round_id, entry_id, values,
                   correction: bool) -> list[str]:
    """A judge's first submission (`correction` False) or correction of a team's scores."""
    problems = stage_problems(comp, state, round_id, entry_id)
    if problems:
        return problems
    if (round_id, entry_id) in state.locked:
        return ["这支队伍的评分已锁定，不能再提交或更正；如有问题请找主持人"]
    given = (round_id, entry_id, judge) in state.scores
    if given and not correction:
        return ["你已提交过这支队伍的评分，不能重复提交；如需修改请点“更正”"]
    if correction and not given:
        return ["你还没有提交这支队伍的评分，无法更正；请先提交"]
    return check_values(comp.criteria(round_id), values)[1]


def team_problems(comp: LiveCompetition, round_id, entry_id) -> list[str]:
    problems = []
    if comp.round(round_id) is None:
        problems.append(f"没有轮次“{round_id}”")
    if comp.entry(entry_id) is None:
        problems.append(f"没有队伍“{entry_id}”")
    return problems


def lock_problems(comp: LiveCompetition, state: State, round_id, entry_id) -> list[str]:
    problems = team_problems(comp, round_id, entry_id)
    if not problems and (round_id, entry_id) in state.locked:
        problems.append("这支队伍已经锁定")
    return problems


def reopen_problems(comp: LiveCompetition, state: State, round_id, entry_id, reason) -> list[str]:
    problems = team_problems(comp, round_id, entry_id)
    if not problems and (round_id, entry_id) not in state.locked:
        problems.append("这支队伍没有锁定，无需重新开放")
    if not str(reason or "").strip():
        problems.append("重新开放必须写明原因（记入审计日志）")
    return problems


def vote_problems(comp: LiveCompetition, state: State, round_id, entry_id, vote) -> list[str]:
    problems = team_problems(comp, round_id, entry_id)
    if problems:
        return problems
    if not comp.round(round_id).get("vote_weight"):
        return [f"{comp.round(round_id)['name']}不计群众投票（没有 vote_weight）"]
    value = parse_score(vote)
    if value is None or not 0 <= value <= 100:
        return [f"群众投票得分“{vote}”应是 0 到 100 之间的数字（百分制）"]
    if (round_id, entry_id) in state.published:
        return ["这支队伍的得分已公布，不能再改群众投票；请先重新开放"]
    return []


def publish_problems(comp: LiveCompetition, state: State, round_id, entry_id) -> list[str]:
    problems = team_problems(comp, round_id, entry_id)
    if problems:
        return problems
    round_ = comp.round(round_id)
    missing = [j["name"] for j in comp.judges if j["id"] not in state.submitted(round_id, entry_id)]
    if missing:
        problems.append(f"还有评委没有提交：{'、'.join(missing)}")
    if (round_id, entry_id) not in state.locked:
        problems.append("请先锁定这支队伍的评分，再公布")
    if round_.get("vote_weight") and entry_id not in state.votes:
        problems.append("请先录入这支队伍的群众投票得分")
    if rule_of(round_, comp.fields) == "trimmed_mean" and len(comp.judges) < 3:
        problems.append("去掉最高分和最低分至少需要 3 位评委")
    return problems


def awards_problems(comp: LiveCompetition, state: State) -> list[str]:
    """The awards go on screen once every team is published in every round that counts."""
    missing = [f"{comp.round(r)['name']} {comp.entry_label(e['id'])}"
               for r in weights_of(comp.fields) for e in comp.entries if (r, e["id"]) not in state.published]
    if missing:
        return [f"还有 {len(missing)} 个得分没有公布：{'、'.join(missing[:5])}{'……' if len(missing) > 5 else ''}"]
    return []
