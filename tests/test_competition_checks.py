"""`showcase check` on competitions: each mistake an editor makes in a competition file gives one
message at the exact file:line, all of them in one run (showcase/checks/competitions.py)."""
from pathlib import Path

import pytest

from support.sites import copy_fixture, showcase

COMPETITION = "content/competitions/show-2024.yml"


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing `needle` — expected lines come from the file itself."""
    found = [i for i, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(found) >= nth, f"{needle!r} not in the file"
    return found[nth - 1]


def edit(project: Path, *replacements, path: str = COMPETITION) -> str:
    file = project / path
    text = file.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    file.write_text(text, encoding="utf-8")
    return text


def check(project: Path):
    result = showcase("check", cwd=project)
    return result.returncode, result.stdout.splitlines()


@pytest.fixture
def project(tmp_path):
    return copy_fixture("competition", tmp_path)


def test_fixture_and_demo_competitions_are_clean(project):
    code, lines = check(project)
    assert code == 0, lines
    assert not [line for line in lines if "competitions/" in line], lines
    # The demo's competition: no problem reported against it (other demo content may still change).
    from showcase.checks.run import check_content

    demo = Path(__file__).resolve().parents[1] / "content"
    problems = [p.format() for p in check_content(demo).problems.items if "brand-show-2023" in p.path]
    assert problems == []


def test_every_score_mistake_reported_at_its_line_in_one_run(project):
    j2_final_a = "{round: final, entry: a, judge: j2, values: {品牌内涵: 38, 创建举措: 34, 展示效果: 23}}"
    j5_prelim_c = "{round: prelim, entry: c, judge: j5, values: {品牌内涵: 35, 创建举措: 31, 展示效果: 22}}"
    j4_final_b = "{round: final, entry: b, judge: j4, values: {品牌内涵: 36, 创建举措: 33, 展示效果: 22}}"
    j1_prelim_d = "{round: prelim, entry: d, judge: j1, values: {品牌内涵: 36, 创建举措: 32, 展示效果: 22}}"
    j3_final_d = "{round: final, entry: d, judge: j3, values: {品牌内涵: 34, 创建举措: 29, 展示效果: 21}}"
    text = edit(
        project,
        # above the max (40)
        (j2_final_a, j2_final_a.replace("品牌内涵: 38", "品牌内涵: 41")),
        # j5 scores c twice in the prelim (the second row was meant for d)…
        (j1_prelim_d, j5_prelim_c),
        # … an unknown judge and criterion name
        (j4_final_b, "{round: final, entry: b, judge: j9, values: {品牌内函: 36, 创建举措: 33, 展示效果: 22}}"),
        # an unknown entry and a missing criterion
        (j3_final_d, "{round: final, entry: dd, judge: j3, values: {品牌内涵: 34, 创建举措: 29}}"),
    )
    code, lines = check(project)
    assert code == 1
    path = COMPETITION
    first_c = line_of(text, j5_prelim_c)
    second_c = line_of(text, j5_prelim_c, 2)
    expected = [
        f"{path}:{line_of(text, '品牌内涵: 41')}: 错误: “品牌内涵”得分 41 超过满分 40 — 改正这一分数（0 到 40 之间）",
        f"{path}:{second_c}: 错误: 评委 j5 在初赛中给 c（清风审计）打了两次分（第 {first_c} 行已有） — "
        "删除重复的一行，或改正这一行的 round/entry/judge",
        f"{path}:{line_of(text, 'judge: j9')}: 错误: 评分中的评委“j9”不在 judges 里 — 改正标识，或先在 judges 中加上（已有：j1、j2、j3、j4、j5）",
        f"{path}:{line_of(text, '品牌内函')}: 错误: 评分项“品牌内函”不在评分细则（criteria）中 — 是不是想写 品牌内涵？",
        f"{path}:{line_of(text, 'entry: dd')}: 错误: 评分中的队伍“dd”不在 entries 里 — 是不是想写 d？",
        f"{path}:{line_of(text, 'entry: dd')}: 错误: 这一行缺少“展示效果”的分数 — 补上 展示效果: 分数",
        # the judges' rows that went missing: j1 for d in the prelim, j4 for b and j3 for d in the final
        f"{path}:{line_of(text, 'id: d, brand: anxin')}: 错误: 评委 j1 没有给 d（安心民政）在初赛中打分 — "
        "补上缺少的打分（每位评委对每支队伍一行）",
        f"{path}:{line_of(text, 'id: b, brand: lvye')}: 错误: 评委 j4 没有给 b（绿野先锋）在决赛中打分 — "
        "补上缺少的打分（每位评委对每支队伍一行）",
        f"{path}:{line_of(text, 'id: d, brand: anxin')}: 错误: 评委 j3 没有给 d（安心民政）在决赛中打分 — "
        "补上缺少的打分（每位评委对每支队伍一行）",
    ]
    for message in expected:
        assert message in lines, "\n".join(lines)
    assert lines[-1].startswith(f"检查完成：{len(expected)} 个错误")


def test_weights_quotas_votes_and_trimmed_mean(project):
    text = edit(
        project,
        ("aggregation: mean, weight: 0.3}", "aggregation: mean, weight: 0.4}"),
        ("  - {name: 三等奖, quota: 2}", "  - {name: 三等奖, quota: 3}"),
        ("order: 1, presenter: 林青松, vote: 80,", "order: 1, presenter: 林青松,"),
    )
    code, lines = check(project)
    path = COMPETITION
    assert f"{path}:{line_of(text, 'weight: 0.4')}: 错误: 各轮权重之和为 1.1（初赛 0.4、决赛 0.7），应为 1 — " \
           "改正 weight，使各轮之和为 1；只按决赛计分时删除所有 weight" in lines
    assert f"{path}:{line_of(text, 'tiers:')}: 错误: 奖项名额合计 5 个（一等奖 1、二等奖 1、三等奖 3），多于决赛队伍 4 支 — " \
           "核对各奖项的 quota" in lines
    assert f"{path}:{line_of(text, 'id: b, brand: lvye')}: 错误: 决赛计入群众投票，但队伍 b 没有 vote — " \
           "加上 vote: 群众投票得分（百分制）" in lines
    assert code == 1


def test_too_few_judges_for_trimmed_mean_and_an_absent_judge(project):
    # Only j1 and j2 scored the final: j3–j5 are absent (warnings), and two judges cannot be trimmed.
    text = (project / COMPETITION).read_text(encoding="utf-8")
    kept = [line for line in text.split("\n")
            if not ("round: final" in line and any(f"judge: j{j}" in line for j in (3, 4, 5)))]
    (project / COMPETITION).write_text("\n".join(kept), encoding="utf-8")
    text = "\n".join(kept)
    code, lines = check(project)
    path = COMPETITION
    assert f"{path}:{line_of(text, 'id: final')}: 错误: 决赛只有 2 位评委打分，不能去掉一个最高分和一个最低分后的平均分 — " \
           "去掉最高分和最低分至少需要 3 位评委；评委不足时改用 aggregation: mean" in lines
    assert f"{path}:{line_of(text, 'id: j3')}: 警告: 评委 j3 在决赛中没有打分，按缺席计算 — 如果不是缺席，补上这位评委的打分" in lines
    assert code == 1


def test_tie_across_a_tier_boundary_is_a_warning_naming_the_entries(project):
    # c and d tie for 3rd (84.59). With 一等奖 1, 二等奖 2, 三等奖 1 the tie straddles 二/三等奖.
    text = edit(project, ("  - {name: 二等奖, quota: 1}", "  - {name: 二等奖, quota: 2}"),
                ("  - {name: 三等奖, quota: 2}", "  - {name: 三等奖, quota: 1}"))
    code, lines = check(project)
    assert code == 0, lines
    assert f"{COMPETITION}:{line_of(text, '二等奖')}: 警告: d（安心民政）、c（清风审计）总分并列 84.59（第 3 名），" \
           "跨越二等奖与三等奖的名额界限：均评为二等奖，三等奖相应减少名额 — " \
           "如需严格按名额，按评审规则决定先后，在这些队伍的 entries 中用 award 直接指定奖项" in lines


def test_fewer_seats_than_finalists_is_a_warning(project):
    text = edit(project, ("  - {name: 三等奖, quota: 2}", "  - {name: 三等奖, quota: 1}"))
    code, lines = check(project)
    assert code == 0
    assert f"{COMPETITION}:{line_of(text, 'tiers:')}: 警告: 奖项名额合计 3 个（一等奖 1、二等奖 1、三等奖 1），" \
           "少于决赛队伍 4 支：1 支队伍不获奖 — 如果所有队伍都获奖，调整 quota 使合计等于队伍数" in lines


def test_duplicate_draw_order_and_bad_notice_period(project):
    text = edit(project, ("unit: mzj, order: 3", "unit: mzj, order: 2"),
                ("results_notice: {start: 2024-05-22, end: 2024-05-28",
                 "results_notice: {start: 2024-05-22, end: 2024-05-20"))
    code, lines = check(project)
    assert code == 1
    first = line_of(text, "unit: swj, order: 2")
    assert f"{COMPETITION}:{line_of(text, 'unit: mzj, order: 2')}: 错误: 出场顺序“2”重复（第 {first} 行已有） — " \
           "每支队伍的 order 不同：按抽签结果填写 1、2、3……" in lines
    assert f"{COMPETITION}:{line_of(text, 'results_notice')}: 错误: 公示结束日期早于开始日期 — " \
           "改正 results_notice 的 start 或 end" in lines
