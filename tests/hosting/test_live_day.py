"""A whole competition day through `showcase live`'s HTTP interface: 2 rounds, 7 judges, 10 teams,
trimmed mean in the final with a crowd vote; judges submit concurrently; the server is SIGKILLed in the
middle of a round and restarted; then export, `showcase check`, `showcase build`, and the built results
page equals the live results and an independent computation of the rules (done here, by hand)."""
from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
import yaml

from support.live import COMPETITION, Client, LiveServer, competition_file, issue_codes, live_project
from support.sites import REPO, build, showcase

JUDGES = [f"j{i}" for i in range(1, 8)]
VOTES = {"e01": 92, "e02": 85, "e03": 78, "e04": 88, "e05": 73, "e06": 81, "e07": 69, "e08": 90, "e09": 76, "e10": 64}
KILL_AT = ("final", 4)  # the 5th team of the final: killed after 4 of 7 judges have submitted

pytestmark = pytest.mark.slow  # a whole competition day, a kill, an export and a site build


def demo_scores() -> dict:
    """(round, entry, judge) → values: the demo competition's own (valid) scores, used as the day's."""
    data = yaml.safe_load((REPO / "content" / "competitions" / f"{COMPETITION}.yml").read_text(encoding="utf-8"))
    return {(s["round"], s["entry"], s["judge"]): s["values"] for s in data["scores"]}


def draw_order() -> list[str]:
    data = yaml.safe_load((REPO / "content" / "competitions" / f"{COMPETITION}.yml").read_text(encoding="utf-8"))
    return [e["id"] for e in sorted(data["entries"], key=lambda e: e["order"])]


def expected_totals(scores: dict) -> dict[str, Decimal]:
    """The rules, computed independently: prelim mean ×0.4 + final (trimmed mean ×0.8 + vote ×0.2) ×0.6."""
    totals = {}
    for entry in VOTES:
        prelim = [Fraction(sum(scores[("prelim", entry, j)].values())) for j in JUDGES]
        final = sorted(Fraction(sum(scores[("final", entry, j)].values())) for j in JUDGES)
        prelim_score = sum(prelim) / len(prelim)
        judges = sum(final[1:-1]) / (len(final) - 2)
        final_score = Fraction(8, 10) * judges + Fraction(2, 10) * VOTES[entry]
        exact = Fraction(4, 10) * prelim_score + Fraction(6, 10) * final_score
        totals[entry] = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return totals


def expected_awards(totals: dict) -> dict[str, str]:
    ranked = sorted(totals, key=lambda e: -totals[e])
    assert len(set(totals.values())) == len(totals), "the day's data should have no ties"
    tiers = ["一等奖"] * 2 + ["二等奖"] * 3 + ["三等奖"] * 5
    return dict(zip(ranked, tiers))


def submit_all(clients: dict, round_id: str, entry: str, scores: dict, judges: list[str]) -> None:
    def one(judge):
        reply = clients[judge].post("/api/score", {"round": round_id, "entry": entry,
                                                   "values": scores[(round_id, entry, judge)]})
        assert reply.status_code == 200, reply.text
        return reply.json()["total"]

    with ThreadPoolExecutor(len(judges)) as pool:
        totals = list(pool.map(one, judges))
    assert totals == [str(sum(scores[(round_id, entry, j)].values())) for j in judges]


def host_ok(host: Client, act: str, **body) -> dict:
    reply = host.post(f"/api/host/{act}", body)
    assert reply.status_code == 200, reply.text
    return reply.json()


def screen_at(client: Client, version: int) -> dict:
    """The big screen's state once it has caught up with `version` (it follows acts within a second)."""
    deadline = time.monotonic() + 5
    while True:
        screen = client.get("/api/screen").json()
        if screen["version"] >= version or time.monotonic() > deadline:
            return screen
        time.sleep(0.02)


def submitted(host: Client, round_id: str, entry: str) -> list[str]:
    view = host.get("/api/host").json()
    teams = next(r for r in view["rounds"] if r["id"] == round_id)["teams"]
    return next(t for t in teams if t["id"] == entry)["submitted"]


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    project = live_project(tmp_path_factory.mktemp("live-day"))
    original = competition_file(project).read_text(encoding="utf-8")
    codes = issue_codes(project)
    scores, order = demo_scores(), draw_order()
    server = LiveServer(project).start()
    host = Client(server.url, "host-laptop")
    clients = {j: Client(server.url, f"phone-{j}") for j in JUDGES}
    screens = []
    try:
        assert host.login(codes["host"]).status_code == 200
        for judge, client in clients.items():
            assert client.login(codes[judge]).status_code == 200
        for round_id in ("prelim", "final"):
            for index, entry in enumerate(order):
                host_ok(host, "current", round=round_id, entry=entry)
                if (round_id, index) == KILL_AT:
                    submit_all(clients, round_id, entry, scores, JUDGES[:4])
                    server.kill()
                    server.start()  # same port, same cookies: the phones carry on
                    assert submitted(host, round_id, entry) == ["评委一", "评委二", "评委三", "评委四"]
                    submit_all(clients, round_id, entry, scores, JUDGES[4:])
                else:
                    submit_all(clients, round_id, entry, scores, JUDGES)
                host_ok(host, "lock", round=round_id, entry=entry)
                if round_id == "final":
                    host_ok(host, "vote", round=round_id, entry=entry, vote=VOTES[entry])
                version = host_ok(host, "publish", round=round_id, entry=entry)["version"]
                screens.append(((round_id, entry), screen_at(host, version)))
        final_screen = screen_at(host, host_ok(host, "awards")["version"])
    finally:
        for client in [host, *clients.values()]:
            client.close()
        server.stop()
    export = showcase("live", COMPETITION, "--export", cwd=project)
    return {"project": project, "original": original, "scores": scores, "screens": screens,
            "final_screen": final_screen, "export": export}


def test_every_published_score_is_the_rules_score(day):
    scores = day["scores"]
    for (round_id, entry), screen in day["screens"]:
        published = screen["published"]
        assert (published["round"], published["id"]) == (round_id, entry)
        judge_totals = [Fraction(sum(scores[(round_id, entry, j)].values())) for j in JUDGES]
        assert [Fraction(m["total"]) for m in published["marks"]] == judge_totals
        if round_id == "final":  # trimmed mean: the first highest and the first lowest struck through
            dropped = [m["dropped"] for m in published["marks"]]
            assert dropped.count("high") == 1 and dropped.count("low") == 1
            assert judge_totals[dropped.index("high")] == max(judge_totals)
            assert judge_totals[dropped.index("low")] == min(judge_totals)
            kept = sorted(judge_totals)[1:-1]
            exact = Fraction(8, 10) * sum(kept) / len(kept) + Fraction(2, 10) * VOTES[entry]
        else:
            assert all(not m["dropped"] for m in published["marks"])
            exact = sum(judge_totals) / len(judge_totals)
        assert Decimal(published["score"]) == (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
            Decimal("0.01"), ROUND_HALF_UP)


def test_live_awards_equal_the_independent_computation(day):
    totals = expected_totals(day["scores"])
    awards = expected_awards(totals)
    live = {e["id"]: (tier["name"], Decimal(e["total"])) for tier in day["final_screen"]["awards"] for e in tier["entries"]}
    assert live == {entry: (awards[entry], totals[entry]) for entry in totals}


def test_export_then_check_and_build_give_the_live_results(day):
    assert day["export"].returncode == 0, day["export"].stdout + day["export"].stderr
    project = day["project"]
    assert showcase("check", cwd=project).returncode == 0
    site = build(project)
    page = (site / "competitions" / COMPETITION / "results" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    rows = re.findall(r"(\d+) (\S+) \S+ (\d+\.\d\d) (\d+) (\d+\.\d\d) (\d+\.\d\d) ([一二三]等奖)", text)
    live = {e["name"]: (tier["name"], e["total"]) for tier in day["final_screen"]["awards"] for e in tier["entries"]}
    assert len(rows) == 10
    assert {name: (award, total) for _, name, _, _, _, total, award in rows} == live
    totals = expected_totals(day["scores"])
    assert sorted(Decimal(total) for *_, total, _ in rows) == sorted(totals.values())


def test_export_changes_only_scores_and_votes(day):
    text = competition_file(day["project"]).read_text(encoding="utf-8")
    head, _, rows = text.partition("\nscores:\n")
    assert re.sub(r", vote: \d+\}", "}", head) + "\n" == day["original"]  # comments and the rest, byte for byte
    assert len(rows.splitlines()) == 140  # 2 rounds × 10 teams × 7 judges
    exported = yaml.safe_load(text)
    assert {(s["round"], s["entry"], s["judge"]): s["values"] for s in exported["scores"]} == day["scores"]
    assert {e["id"]: e["vote"] for e in exported["entries"]} == VOTES


def test_audit_csv_has_every_act_and_no_secret(day):
    audit = (day["project"] / "live" / COMPETITION / "audit.csv").read_text(encoding="utf-8-sig")
    assert audit.count(",提交评分,") == 140
    assert audit.count(",锁定,") == 20 and audit.count(",公布得分,") == 20 and audit.count(",录入群众投票,") == 10
    assert "phone-j3" in audit and "pbkdf2" not in audit and "csrf" not in audit
