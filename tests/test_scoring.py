"""showcase/domain/competition/scoring.py on hand-worked examples: every expected number below was computed by hand
(the working is in the comments), never by running the code."""
from decimal import Decimal
from fractions import Fraction

import pytest

from showcase.domain.competition.scoring import (
    aggregate,
    competition_ranks,
    finalists,
    number,
    round_half_up,
    score_competition,
    weights_of,
)


def competition(rounds, marks, entries=None, tiers=(), criteria=(("得分", 100),)):
    """A competition's fields from {(round, entry): [judge totals…]} (one criterion unless given)."""
    entries = entries or [{"id": e} for e in sorted({e for _, e in marks})]
    scores = []
    for (round_id, entry), totals in marks.items():
        for j, total in enumerate(totals, start=1):
            values = total if isinstance(total, dict) else {criteria[0][0]: total}
            scores.append({"round": round_id, "entry": entry, "judge": f"j{j}", "values": values})
    return {"rounds": rounds, "criteria": [{"name": n, "max": m} for n, m in criteria],
            "entries": entries, "scores": scores, "tiers": [{"name": n, "quota": q} for n, q in tiers]}


# ---- aggregation ------------------------------------------------------------------------------

def test_mean():
    # (85 + 90 + 88) / 3 = 263 / 3 = 87.666… → 87.67
    assert aggregate([Fraction(85), Fraction(90), Fraction(88)], "mean") == Fraction(263, 3)
    assert round_half_up(Fraction(263, 3)) == Decimal("87.67")


def test_trimmed_mean_drops_one_highest_and_one_lowest_even_when_tied():
    # 90, 90, 86, 80, 80: one 90 and one 80 go → (90 + 86 + 80) / 3 = 256/3 = 85.33.
    # (Dropping every tied highest and lowest would leave 86 alone — the wrong reading of the rule.)
    values = [Fraction(v) for v in (90, 80, 86, 90, 80)]
    assert aggregate(values, "trimmed_mean") == Fraction(256, 3)
    assert round_half_up(aggregate(values, "trimmed_mean")) == Decimal("85.33")


def test_trimmed_mean_when_all_judges_agree_and_with_too_few_judges():
    assert aggregate([Fraction(80)] * 3, "trimmed_mean") == 80
    with pytest.raises(ValueError):
        aggregate([Fraction(80), Fraction(90)], "trimmed_mean")


def test_sum():
    assert aggregate([Fraction(27, 2), Fraction(30)], "sum") == Fraction(87, 2)  # 13.5 + 30 = 43.5


def test_numbers_are_read_exactly():
    # 0.1 as a float is 0.1000000000000000055…; an editor's 0.1 means one tenth.
    assert number(0.1) == Fraction(1, 10)
    assert number(8.5) == Fraction(17, 2)
    assert number("27.5") == Fraction(55, 2)
    with pytest.raises(ValueError):
        number(True)


# ---- rounding and ranks -----------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (Fraction("85.125"), "85.13"),   # float round(85.125, 2) gives 85.12 (binary 85.12499…)
    (Fraction("2.675"), "2.68"),     # float round(2.675, 2) gives 2.67
    (Fraction(1, 3), "0.33"),
    (Fraction(2, 3), "0.67"),
    (Fraction("0.005"), "0.01"),
    (Fraction("0.0049999"), "0.00"),
    (Fraction(90), "90.00"),
    (Fraction("-1.005"), "-1.01"),   # half away from zero
])
def test_round_half_up(value, expected):
    assert str(round_half_up(value)) == expected


def test_competition_ranking():
    assert competition_ranks([90, 85, 85, 80]) == [1, 2, 2, 4]
    assert competition_ranks([85, 90, 85]) == [2, 1, 2]
    assert competition_ranks([70, 70, 70]) == [1, 1, 1]


# ---- whole competitions -----------------------------------------------------------------------

def test_round_weights_and_a_trimmed_final():
    # prelim (mean, 40%): a 80, 84, 88 → 84;  b 90, 90, 93 → 91
    # final (trimmed, 60%): a 90, 95, 85, 88, 92 → drop 95 and 85 → (90+88+92)/3 = 90
    #                       b 80, 85, 85, 70, 95 → drop 95 and 70 → (80+85+85)/3 = 250/3 = 83.333…
    # total a = 0.4×84 + 0.6×90 = 33.6 + 54 = 87.60
    # total b = 0.4×91 + 0.6×250/3 = 36.4 + 50 = 86.40
    fields = competition(
        [{"id": "prelim", "name": "初赛", "aggregation": "mean", "weight": 0.4},
         {"id": "final", "name": "决赛", "aggregation": "trimmed_mean", "weight": 0.6}],
        {("prelim", "a"): [80, 84, 88, 84, 84], ("prelim", "b"): [90, 90, 93, 91, 91],
         ("final", "a"): [90, 95, 85, 88, 92], ("final", "b"): [80, 85, 85, 70, 95]})
    results = score_competition(fields)
    a, b = results.of("a"), results.of("b")
    assert (a.total, b.total) == (Decimal("87.60"), Decimal("86.40"))
    assert (a.rank, b.rank) == (1, 2)
    assert a.rounds["prelim"].judges_score == 84
    assert b.rounds["final"].judges_score == Fraction(250, 3)
    assert str(b.rounds["final"].shown) == "83.33"
    assert [r.id for r in results.entries] == ["a", "b"]


def test_public_vote_share_is_scaled_to_the_round_full_mark():
    # Criteria total 50. Judges' mean for a: (44 + 46) / 2 = 45 (out of 50); vote 60 out of 100 → 30
    # out of 50. Vote weight 0.3: 0.7 × 45 + 0.3 × 30 = 31.5 + 9 = 40.5.
    # b: judges 40, vote 100 → 50: 0.7 × 40 + 0.3 × 50 = 28 + 15 = 43.0 — the vote lifts b above a.
    fields = competition(
        [{"id": "final", "name": "决赛", "aggregation": "mean", "vote_weight": 0.3}],
        {("final", "a"): [44, 46], ("final", "b"): [40, 40]},
        entries=[{"id": "a", "vote": 60}, {"id": "b", "vote": 100}], criteria=(("得分", 50),))
    results = score_competition(fields)
    assert results.of("a").total == Decimal("40.50")
    assert results.of("b").total == Decimal("43.00")
    assert [r.id for r in results.entries] == ["b", "a"]
    assert results.of("a").rounds["final"].vote == 60


def test_only_the_total_is_rounded():
    # prelim (mean of 8, 30%): 87×7 + 88 = 697 → 697/8 = 87.125 (shown 87.13)
    # final (trimmed of 5, 70%, vote 20%): 92, 95, 88, 92, 90 → (92+92+90)/3 = 274/3;
    #   0.8 × 274/3 + 0.2 × 90 = 1096/15 + 18 = 1366/15 = 91.0666… (shown 91.07)
    # exact: 0.3 × 87.125 + 0.7 × 1366/15 = 26.1375 + 63.74666… = 89.88416… → 89.88
    # rounding the rounds first would give 0.3 × 87.13 + 0.7 × 91.07 = 26.139 + 63.749 = 89.888 → 89.89
    fields = competition(
        [{"id": "prelim", "name": "初赛", "aggregation": "mean", "weight": 0.3},
         {"id": "final", "name": "决赛", "aggregation": "trimmed_mean", "weight": 0.7, "vote_weight": 0.2}],
        {("prelim", "a"): [87] * 7 + [88], ("final", "a"): [92, 95, 88, 92, 90]},
        entries=[{"id": "a", "vote": 90}])
    a = score_competition(fields).of("a")
    assert (str(a.rounds["prelim"].shown), str(a.rounds["final"].shown)) == ("87.13", "91.07")
    assert a.total == Decimal("89.88")


def test_criteria_add_up_per_judge():
    # Two criteria; judge totals: j1 27.5 + 18 = 45.5, j2 26 + 19.5 = 45.5, j3 25 + 17 = 42 → mean 133/3 = 44.33
    fields = competition(
        [{"id": "final", "name": "决赛"}],
        {("final", "a"): [{"内涵": 27.5, "展示": 18}, {"内涵": 26, "展示": 19.5}, {"内涵": 25, "展示": 17}]},
        criteria=(("内涵", 30), ("展示", 20)))
    assert score_competition(fields).of("a").total == Decimal("44.33")


def test_without_weights_the_last_round_decides():
    fields = competition([{"id": "prelim", "name": "初赛"}, {"id": "final", "name": "决赛"}],
                         {("prelim", "a"): [99], ("final", "a"): [70]})
    assert weights_of(fields) == {"final": 1}
    assert score_competition(fields).of("a").total == Decimal("70.00")


def test_tiers_by_quota_with_a_tie_across_a_boundary():
    # totals 95, 90, 90, 85, 80 → ranks 1, 2, 2, 4, 5; quotas 一等奖 2, 二等奖 2, 三等奖 1.
    # The tie for 2nd straddles the 一/二 boundary: both get 一等奖 (3 in all), 二等奖 keeps 1 seat (85),
    # 三等奖 80.
    fields = competition([{"id": "final", "name": "决赛"}],
                         {("final", e): [t] for e, t in zip("abcde", (95, 90, 90, 85, 80))},
                         tiers=(("一等奖", 2), ("二等奖", 2), ("三等奖", 1)))
    results = score_competition(fields)
    assert [(r.id, r.rank, r.tied) for r in results.entries] == [
        ("a", 1, False), ("b", 2, True), ("c", 2, True), ("d", 4, False), ("e", 5, False)]
    assert {r.id: r.award for r in results.entries} == {"a": "一等奖", "b": "一等奖", "c": "一等奖",
                                                         "d": "二等奖", "e": "三等奖"}
    [tie] = results.boundary_ties
    assert (tie.upper, tie.lower, [r.id for r in tie.entries]) == ("一等奖", "二等奖", ["b", "c"])


def test_a_tie_inside_a_tier_is_no_boundary_tie():
    fields = competition([{"id": "final", "name": "决赛"}],
                         {("final", e): [t] for e, t in zip("abc", (95, 90, 90))},
                         tiers=(("一等奖", 1), ("二等奖", 2)))
    results = score_competition(fields)
    assert results.boundary_ties == []
    assert [r.award for r in results.entries] == ["一等奖", "二等奖", "二等奖"]


def test_tie_at_the_last_seat_awards_both():
    fields = competition([{"id": "final", "name": "决赛"}],
                         {("final", e): [t] for e, t in zip("abc", (95, 90, 90))}, tiers=(("一等奖", 2),))
    results = score_competition(fields)
    assert [r.award for r in results.entries] == ["一等奖"] * 3
    assert results.boundary_ties[0].lower is None


def test_explicit_award_overrides_and_takes_a_seat():
    # a 95, b 90, c 85, d 80. c is given 一等奖 outright: it takes one of the two 一等奖 seats, so by rank
    # a gets the other, b falls to 二等奖, d to 三等奖. e's 最佳人气奖 is no tier and takes no seat.
    fields = competition(
        [{"id": "final", "name": "决赛"}],
        {("final", e): [t] for e, t in zip("abcde", (95, 90, 85, 80, 70))},
        entries=[{"id": "a"}, {"id": "b"}, {"id": "c", "award": "一等奖"}, {"id": "d"},
                 {"id": "e", "award": "最佳人气奖"}],
        tiers=(("一等奖", 2), ("二等奖", 1), ("三等奖", 2)))
    results = score_competition(fields)
    assert {r.id: r.award for r in results.entries} == {"a": "一等奖", "b": "二等奖", "c": "一等奖",
                                                         "d": "三等奖", "e": "最佳人气奖"}
    assert results.of("c").award_explicit and not results.of("a").award_explicit
    assert [(name, [r.id for r in rs]) for name, rs in results.awards] == [
        ("一等奖", ["a", "c"]), ("二等奖", ["b"]), ("三等奖", ["d"]), ("最佳人气奖", ["e"])]


def test_incomplete_scores_give_no_ranks_but_keep_explicit_awards():
    fields = competition([{"id": "final", "name": "决赛"}], {("final", "a"): [90]},
                         entries=[{"id": "a", "order": 2}, {"id": "b", "order": 1, "award": "优秀奖"}],
                         tiers=(("一等奖", 1),))
    results = score_competition(fields)
    assert not results.complete
    assert [r.id for r in results.entries] == ["b", "a"]  # draw order
    assert all(r.rank is None for r in results.entries)
    assert results.of("a").total == Decimal("90.00")  # its own total exists; ranking waits
    assert results.of("a").award is None
    assert results.published and results.awards[-1][0] == "优秀奖"


def test_finalists_are_the_drawn_entries_in_draw_order():
    fields = {"entries": [{"id": "x", "order": 2}, {"id": "y"}, {"id": "z", "order": 1}]}
    assert [e["id"] for e in finalists(fields)] == ["z", "x"]
    assert [e["id"] for e in finalists({"entries": [{"id": "p"}, {"id": "q"}]})] == ["p", "q"]


def test_judges_marks_are_kept_only_when_asked():
    fields = competition([{"id": "final", "name": "决赛", "aggregation": "trimmed_mean"}],
                         {("final", "a"): [90, 80, 85]})
    assert score_competition(fields).of("a").rounds["final"].marks == []
    marks = score_competition(fields, with_judges=True).of("a").rounds["final"].marks
    assert [(m.judge, m.shown, m.dropped) for m in marks] == [("j1", "90", "high"), ("j2", "80", "low"),
                                                              ("j3", "85", "")]


def test_demo_competition_totals():
    """content/competitions/brand-show-2023.yml, two entries worked by hand.

    e01 prelim (mean of 7): 97 + 92 + 93 + 94 + 92 + 93 + 92 = 653 → 653/7 = 93.2857…
        final (trimmed): 95, 92, 90, 93, 97, 92, 96 → drop 97 and 90 → (95+92+93+92+96)/5 = 468/5 = 93.6
        total = 0.4 × 653/7 + 0.6 × 93.6 = 37.3142… + 56.16 = 93.4742… → 93.47
    e10 prelim: 80 + 75 + 79 + 81 + 79 + 79 + 84 = 557 → 557/7 = 79.5714…
        final: 82, 77, 77, 81, 82, 77, 83 → drop 83 and one 77 → (82+77+81+82+77)/5 = 399/5 = 79.8
        total = 0.4 × 557/7 + 0.6 × 79.8 = 31.8285… + 47.88 = 79.7085… → 79.71
    """
    from pathlib import Path

    from showcase.checks.run import check_content

    checked = check_content(Path(__file__).resolve().parents[1] / "content")
    record = next(r for r in checked.records if r.kind == "competition" and r.id == "brand-show-2023")
    results = score_competition(record.fields)
    assert results.of("e01").total == Decimal("93.47")
    assert results.of("e10").total == Decimal("79.71")
    assert results.complete and [r.rank for r in results.entries] == list(range(1, 11))
