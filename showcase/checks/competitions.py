"""`showcase check` for showcase competitions: scores, judges, weights, quotas and ties.

Registered in showcase/checks/run.py. Every message points at the line to change (path:line), in the
editors' words; scoring rules themselves live in showcase/domain/competition/scoring.py.
"""
from __future__ import annotations

import difflib
from collections import Counter
from fractions import Fraction

from showcase.checks.context import CheckContext
from showcase.content.problems import Problems
from showcase.content.records import Record
from showcase.domain.competition.scoring import (
    AGGREGATION_NAMES,
    finalists,
    is_number,
    number,
    plain,
    rule_of,
    score_competition,
    weights_of,
)


def check_competitions(records: list[Record], context: CheckContext, problems: Problems) -> None:
    for record in records:
        if record.kind == "competition":
            before = len(problems.errors)
            check_structure(record, problems)
            check_scores(record, context, problems)
            check_weights(record, problems)
            check_votes(record, problems)
            check_quotas(record, problems)
            if len(problems.errors) == before:  # ties only make sense on scores that add up
                check_ties(record, context, problems)


def _label(record: Record, context: CheckContext, entry: dict) -> str:
    brand = context.index.get("brand", entry.get("brand") or "")
    return f"{entry['id']}（{brand.title}）" if brand else entry["id"]


def _duplicates(record: Record, problems: Problems, field: str, key: str, what: str, hint: str) -> None:
    first: dict = {}
    for i, item in enumerate(record.get(field, [])):
        value = item.get(key)
        if value is None:
            continue
        if value in first:
            problems.error(record.path, record.line(field, i, key),
                           f"{what}“{value}”重复（第 {record.line(field, first[value], key)} 行已有）", hint)
        else:
            first[value] = i


def check_structure(record: Record, problems: Problems) -> None:
    """Ids, names and draw positions that must be unique; maxima, periods."""
    _duplicates(record, problems, "rounds", "id", "轮次标识", "每一轮用不同的 id")
    _duplicates(record, problems, "criteria", "name", "评分标准", "每项评分标准的名称不能相同")
    _duplicates(record, problems, "judges", "id", "评委标识", "每位评委用不同的 id")
    _duplicates(record, problems, "entries", "id", "队伍标识", "每支队伍用不同的 id")
    _duplicates(record, problems, "entries", "order", "出场顺序", "每支队伍的 order 不同：按抽签结果填写 1、2、3……")
    _duplicates(record, problems, "tiers", "name", "奖项", "每个奖项只写一次，名额写在 quota 里")
    for i, criterion in enumerate(record.get("criteria", [])):
        if is_number(criterion.get("max")) and number(criterion["max"]) <= 0:
            problems.error(record.path, record.line("criteria", i, "max"),
                           f"评分标准“{criterion['name']}”的满分应大于 0", "改正 max")
    for i, entry in enumerate(record.get("entries", [])):
        if entry.get("order") is not None and entry["order"] < 1:
            problems.error(record.path, record.line("entries", i, "order"), "出场顺序从 1 开始",
                           "按抽签结果填写 1、2、3……")
    for i, round_ in enumerate(record.get("rounds", [])):
        if round_.get("time_limit") is not None and round_["time_limit"] < 1:
            problems.error(record.path, record.line("rounds", i, "time_limit"), "展示时限应至少 1 分钟",
                           "time_limit 写分钟数，如 8")
    notice = record.get("results_notice")
    if notice and notice.get("start") and notice.get("end") and notice["end"] < notice["start"]:
        problems.error(record.path, record.line("results_notice", "end"), "公示结束日期早于开始日期",
                       "改正 results_notice 的 start 或 end")


def check_scores(record: Record, context: CheckContext, problems: Problems) -> None:
    """Every score names a known round, entry, judge and criteria, within each criterion's max; every
    judge of a round scores every entry of it once."""
    rounds = {r["id"]: r for r in record.get("rounds", [])}
    judges = [j["id"] for j in record.get("judges", [])]
    entries = {e["id"]: e for e in record.get("entries", [])}
    criteria = {c["name"]: c for c in record.get("criteria", [])}
    scores = record.get("scores", [])
    if scores and not criteria:
        problems.error(record.path, record.line("scores"), "有评分但没有评分细则（criteria）",
                       "先写 criteria：每项评分标准的名称和满分")
    seen: dict[tuple, int] = {}
    valid = []  # (round, entry, judge) of scores that name known things
    for i, score in enumerate(scores):
        known = True
        for key, table, what, hint in (
                ("round", rounds, "轮次", "rounds"), ("entry", entries, "队伍", "entries"),
                ("judge", judges, "评委", "judges")):
            value = score.get(key)
            if value is not None and value not in table:
                known = False
                close = difflib.get_close_matches(value, list(table), n=1, cutoff=0.6)
                listed = "、".join(list(table)[:12]) or "（空）"
                problems.error(record.path, record.line("scores", i, key),
                               f"评分中的{what}“{value}”不在 {hint} 里",
                               f"是不是想写 {close[0]}？" if close else f"改正标识，或先在 {hint} 中加上（已有：{listed}）")
        _check_values(record, i, score, criteria, problems)
        if not known:
            continue
        key = (score["round"], score["entry"], score["judge"])
        if key in seen:
            round_name = rounds[key[0]]["name"]
            problems.error(record.path, record.line("scores", i),
                           f"评委 {key[2]} 在{round_name}中给 {_label(record, context, entries[key[1]])}打了两次分"
                           f"（第 {seen[key]} 行已有）",
                           "删除重复的一行，或改正这一行的 round/entry/judge")
            continue
        seen[key] = record.line("scores", i)
        valid.append(key)
    _check_missing(record, context, rounds, judges, entries, valid, problems)


def _check_values(record: Record, i: int, score: dict, criteria: dict, problems: Problems) -> None:
    values = score.get("values") or {}
    misspelt = set()  # criteria an unknown name probably means: not also reported as missing
    for name, value in values.items():
        line = record.line("scores", i, "values", name)
        if name not in criteria:
            close = difflib.get_close_matches(str(name), [c for c in criteria if c not in values], n=1, cutoff=0.5)
            misspelt.update(close)
            problems.error(record.path, line, f"评分项“{name}”不在评分细则（criteria）中",
                           f"是不是想写 {close[0]}？" if close else f"评分细则：{'、'.join(criteria)}")
            continue
        if not is_number(value):
            problems.error(record.path, line, f"“{name}”的分数“{value}”不是数字", "只写数字，如 27 或 27.5")
            continue
        top = criteria[name].get("max")
        if number(value) < 0:
            problems.error(record.path, line, f"“{name}”的分数 {value} 是负数", f"分数在 0 到 {top} 之间")
        elif is_number(top) and number(value) > number(top):
            problems.error(record.path, line, f"“{name}”得分 {value} 超过满分 {top}",
                           f"改正这一分数（0 到 {top} 之间）")
    for name in criteria:
        if name not in values and name not in misspelt:
            problems.error(record.path, record.line("scores", i, "values"),
                           f"这一行缺少“{name}”的分数", f"补上 {name}: 分数")


def _check_missing(record, context, rounds, judges, entries, valid, problems) -> None:
    """Per round with scores: its panel (the judges who scored in it) must score each of its entries —
    the entries scored by anyone in it, and, for a round that counts for the total, every finalist."""
    counting = _safe_weights(record)
    finalist_ids = [e["id"] for e in finalists(record.fields)]
    entry_index = {e["id"]: i for i, e in enumerate(record.get("entries", []))}
    judge_index = {j: i for i, j in enumerate(judges)}
    for round_id, round_ in rounds.items():
        in_round = [k for k in valid if k[0] == round_id]
        if not in_round:
            continue  # not scored yet: results wait, nothing is missing
        panel = [j for j in judges if any(k[2] == j for k in in_round)]
        for judge in judges:
            if judge not in panel:
                problems.warning(record.path, record.line("judges", judge_index[judge], "id"),
                                 f"评委 {judge} 在{round_['name']}中没有打分，按缺席计算",
                                 "如果不是缺席，补上这位评委的打分")
        scored = {k[1] for k in in_round}
        expected = [e for e in entries if e in scored or (round_id in counting and e in finalist_ids)]
        for entry_id in expected:
            line = record.line("entries", entry_index[entry_id], "id")
            label = _label(record, context, entries[entry_id])
            if entry_id not in scored:
                problems.error(record.path, line, f"队伍 {label}没有{round_['name']}的评分",
                               f"补上每位评委在{round_['name']}中给这支队伍的打分")
                continue
            missing = [j for j in panel if (round_id, entry_id, j) not in valid]
            if missing:
                problems.error(record.path, line,
                               f"评委 {'、'.join(missing)} 没有给 {label}在{round_['name']}中打分",
                               "补上缺少的打分（每位评委对每支队伍一行）")
        rule = rule_of(round_, record.fields)
        if rule == "trimmed_mean" and len(panel) < 3:
            index = list(rounds).index(round_id)
            problems.error(record.path, record.line("rounds", index, "aggregation"),
                           f"{round_['name']}只有 {len(panel)} 位评委打分，不能{AGGREGATION_NAMES[rule]}",
                           "去掉最高分和最低分至少需要 3 位评委；评委不足时改用 aggregation: mean")


def _safe_weights(record: Record) -> dict:
    try:
        return weights_of(record.fields)
    except (ValueError, ZeroDivisionError):
        return {}


def check_weights(record: Record, problems: Problems) -> None:
    rounds = record.get("rounds", [])
    weighted = [(i, r) for i, r in enumerate(rounds) if r.get("weight") is not None]
    for i, round_ in weighted:
        if not 0 <= number(round_["weight"]) <= 1:
            problems.error(record.path, record.line("rounds", i, "weight"),
                           f"{round_['name']}的权重 {round_['weight']} 应在 0 到 1 之间", "如 0.6 表示占 60%")
    for i, round_ in enumerate(rounds):
        vote = round_.get("vote_weight")
        if vote is not None and not 0 <= number(vote) < 1:
            problems.error(record.path, record.line("rounds", i, "vote_weight"),
                           f"{round_['name']}的群众投票权重 {vote} 应在 0 到 1 之间（不含 1）",
                           "如 0.3 表示群众投票占本轮得分的 30%")
    if weighted:
        total = sum((number(r["weight"]) for _, r in weighted), Fraction(0))
        if total != 1:
            parts = "、".join(f"{r['name']} {r['weight']}" for _, r in weighted)
            problems.error(record.path, record.line("rounds", weighted[0][0], "weight"),
                           f"各轮权重之和为 {plain(total)}（{parts}），应为 1",
                           "改正 weight，使各轮之和为 1；只按决赛计分时删除所有 weight")


def check_votes(record: Record, problems: Problems) -> None:
    voted_rounds = [r for r in record.get("rounds", []) if r.get("vote_weight")]
    final_ids = {e["id"] for e in finalists(record.fields)}
    for i, entry in enumerate(record.get("entries", [])):
        vote = entry.get("vote")
        if vote is not None and not 0 <= number(vote) <= 100:
            problems.error(record.path, record.line("entries", i, "vote"),
                           f"群众投票得分 {vote} 应在 0 到 100 之间", "按百分制填写（得票率 × 100 或折算后的分数）")
        if vote is None and voted_rounds and entry["id"] in final_ids and record.get("scores"):
            problems.error(record.path, record.line("entries", i, "id"),
                           f"{voted_rounds[0]['name']}计入群众投票，但队伍 {entry['id']} 没有 vote",
                           "加上 vote: 群众投票得分（百分制）")
        if vote is not None and not voted_rounds:
            problems.warning(record.path, record.line("entries", i, "vote"),
                             "填写了群众投票得分，但没有哪一轮设置 vote_weight，投票不计分",
                             "在计入投票的轮次加上 vote_weight（如 0.3），或删除 vote")


def check_quotas(record: Record, problems: Problems) -> None:
    tiers = record.get("tiers", [])
    if not tiers:
        return
    count = len(finalists(record.fields))
    seats = sum(t["quota"] for t in tiers)
    names = "、".join(f"{t['name']} {t['quota']}" for t in tiers)
    for i, tier in enumerate(tiers):
        if tier["quota"] < 1:
            problems.error(record.path, record.line("tiers", i, "quota"), f"{tier['name']}的名额应至少为 1",
                           "改正 quota，或删除这个奖项")
        explicit = sum(1 for e in record.get("entries", []) if e.get("award") == tier["name"])
        if explicit > tier["quota"]:
            problems.warning(record.path, record.line("tiers", i, "quota"),
                             f"直接指定为{tier['name']}的队伍有 {explicit} 支，超过名额 {tier['quota']}",
                             "核对 entries 中的 award，或调整名额")
    if seats > count:
        problems.error(record.path, record.line("tiers"),
                       f"奖项名额合计 {seats} 个（{names}），多于决赛队伍 {count} 支", "核对各奖项的 quota")
    elif seats < count:
        problems.warning(record.path, record.line("tiers"),
                         f"奖项名额合计 {seats} 个（{names}），少于决赛队伍 {count} 支：{count - seats} 支队伍不获奖",
                         "如果所有队伍都获奖，调整 quota 使合计等于队伍数")


def check_ties(record: Record, context: CheckContext, problems: Problems) -> None:
    results = score_competition(record.fields)
    tier_line = {t["name"]: record.line("tiers", i, "name") for i, t in enumerate(record.get("tiers", []))}
    for tie in results.boundary_ties:
        names = "、".join(_label(record, context, r.entry) for r in tie.entries)
        total = tie.entries[0].total
        if tie.lower:
            effect = f"均评为{tie.upper}，{tie.lower}相应减少名额"
            boundary = f"{tie.upper}与{tie.lower}"
        else:
            effect = f"均评为{tie.upper}，获奖队伍多于名额"
            boundary = f"{tie.upper}与未获奖"
        problems.warning(record.path, tier_line.get(tie.upper, record.line("tiers")),
                         f"{names}总分并列 {total}（第 {tie.entries[0].rank} 名），跨越{boundary}的名额界限：{effect}",
                         "如需严格按名额，按评审规则决定先后，在这些队伍的 entries 中用 award 直接指定奖项")
