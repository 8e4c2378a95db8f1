"""`score_step` (a round's or a criterion's): what `showcase check` says about it, and that the live
server accepts exactly the scores it allows."""
from __future__ import annotations

from fractions import Fraction

from showcase.checks.run import check_content
from showcase.live.rules import LiveCompetition, check_values
from support.sites import copy_fixture


def checked_with(tmp_path, old: str, new: str):
    project = copy_fixture("competition", tmp_path)
    path = project / "content" / "competitions" / "show-2024.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [p.format() for p in check_content(project / "content").problems.errors]


def test_half_points_allowed_by_the_round_pass(tmp_path):
    # the fixture's prelim scores have halves (35.5, 21.5 …): a step of 0.5 allows them
    assert checked_with(tmp_path, "aggregation: mean, weight: 0.3}", "aggregation: mean, weight: 0.3, score_step: 0.5}") == []


def test_scores_off_the_step_are_errors(tmp_path):
    errors = checked_with(tmp_path, "{name: 品牌内涵, max: 40,", "{name: 品牌内涵, max: 40, score_step: 1,")
    assert errors and all("不符合评分精度 1" in e and "分数应是 1 的整数倍" in e for e in errors)
    assert any("35.5" in e for e in errors)


def test_bad_steps_are_errors(tmp_path):
    errors = checked_with(tmp_path, "{name: 品牌内涵, max: 40,", "{name: 品牌内涵, max: 40, score_step: 0.3,")
    assert any("满分 40 不是评分精度 0.3 的整数倍" in e for e in errors)
    errors = checked_with(tmp_path / "b", "{name: 展示效果, max: 25,", "{name: 展示效果, max: 25, score_step: 0,")
    assert any("评分精度 0 应大于 0" in e for e in errors)


def test_live_accepts_what_the_step_allows():
    comp = LiveCompetition("x", {"rounds": [{"id": "r", "name": "决赛", "score_step": 0.5}],
                                 "criteria": [{"name": "内涵", "max": 30}, {"name": "效果", "max": 10, "score_step": 0.25}]})
    exact, problems = check_values(comp.criteria("r"), {"内涵": "27.5", "效果": 9.75})
    assert problems == [] and exact == {"内涵": Fraction(55, 2), "效果": Fraction(39, 4)}
    _, problems = check_values(comp.criteria("r"), {"内涵": 27.3, "效果": "9.8"})
    assert problems == ["“内涵”的分数 27.3 不符合评分精度：以 0.5 分为单位", "“效果”的分数 9.8 不符合评分精度：以 0.25 分为单位"]
