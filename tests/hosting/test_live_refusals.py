"""Every refusal of `showcase live` — wrong, replayed or revoked code, out-of-range or off-step score,
double submission, locked team, wrong round or team, missing CSRF token, too many code attempts — gives
its Chinese message and is logged as an event; the events table cannot be changed or emptied."""
from __future__ import annotations

import sqlite3

import pytest
from starlette.testclient import TestClient

from showcase.checks.run import check_content
from showcase.live.app import create_app
from showcase.live.rules import from_record
from showcase.live.service import Service
from showcase.live.state import HOST
from showcase.live.store import Store
from support.live import COMPETITION, live_project

VALUES = {"品牌内涵": 28, "创建举措": 27, "工作成效": 22, "展示效果": 14}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    project = live_project(tmp_path_factory.mktemp("live-refusals"))
    checked = check_content(project / "content")
    return from_record(checked.index.get("competition", COMPETITION), checked.index)


@pytest.fixture
def live(content, tmp_path):
    store = Store(tmp_path / "events.sqlite")
    service = Service(content, store)
    pins = service.issue_codes([j["id"] for j in content.judges] + [HOST])
    app = create_app(service)
    clients = []

    def client(agent="phone", address="10.0.0.5"):
        c = TestClient(app, client=(address, 50000), headers={"User-Agent": agent})
        clients.append(c)
        return c

    yield service, store, pins, client
    for c in clients:
        c.close()
    store.close()


def login(client, pin):
    reply = client.post("/api/login", json={"code": pin})
    client.headers["X-CSRF-Token"] = reply.json().get("csrf", "")
    return reply


def refused(store: Store) -> list[str]:
    return [e.data["message"] for e in store.since(0) if e.kind == "refused"]


def on_stage(service, pins, client, round_id="final", entry="e03"):
    host = client("host-laptop", "10.0.0.1")
    assert login(host, pins[HOST]).status_code == 200
    assert host.post("/api/host/current", json={"round": round_id, "entry": entry}).status_code == 200
    return host


def test_wrong_replayed_and_revoked_codes(live):
    service, store, pins, client = live
    phone = client()
    wrong = "000000" if "000000" not in pins.values() else "999999"
    reply = phone.post("/api/login", json={"code": wrong})
    assert reply.status_code == 403 and reply.json()["message"] == "评审码不正确，请核对后重新输入"
    assert login(phone, pins["j1"]).status_code == 200
    reply = client("another-phone").post("/api/login", json={"code": pins["j1"]})
    assert reply.status_code == 409 and "已经使用过，不能再次使用" in reply.json()["message"]
    host = on_stage(service, pins, client)
    assert host.post("/api/host/revoke", json={"judge": "j1"}).status_code == 200
    assert phone.get("/api/judge").status_code == 401  # the revoked code's session ended with it
    reply = client("third-phone").post("/api/login", json={"code": pins["j1"]})
    assert "已作废" in reply.json()["message"]
    new = host.post("/api/host/reissue", json={"judge": "j1"}).json()["code"]
    assert login(client("new-phone"), new).status_code == 200
    assert refused(store) == ["评审码不正确，请核对后重新输入",
                              "这个评审码已经使用过，不能再次使用；如需换手机，请找工作人员重新发码",
                              "这个评审码已作废，请找工作人员重新领取"]


def test_scores_out_of_range_off_step_double_locked_and_wrong_team(live):
    service, store, pins, client = live
    host = on_stage(service, pins, client)
    phone = client()
    login(phone, pins["j2"])
    bad = phone.post("/api/score", json={"round": "final", "entry": "e03",
                                         "values": {"品牌内涵": 31, "创建举措": 27.5, "工作成效": -1}})
    assert bad.status_code == 400
    assert bad.json()["messages"] == ["“品牌内涵”的分数 31 超出范围：应在 0 到 30 之间",
                                      "“创建举措”的分数 27.5 不符合评分精度：以 1 分为单位",
                                      "“工作成效”的分数 -1 超出范围：应在 0 到 25 之间", "缺少“展示效果”的分数"]
    wrong = phone.post("/api/score", json={"round": "prelim", "entry": "e06", "values": VALUES})
    assert wrong.status_code == 409 and wrong.json()["message"].startswith("现在评的是决赛的第1位 健康红马甲")
    assert phone.post("/api/score", json={"round": "final", "entry": "e03", "values": VALUES}).json()["total"] == "91"
    again = phone.post("/api/score", json={"round": "final", "entry": "e03", "values": VALUES})
    assert again.status_code == 409 and "不能重复提交" in again.json()["message"]
    fixed = phone.post("/api/score", json={"round": "final", "entry": "e03", "correction": True,
                                           "values": {**VALUES, "展示效果": 15}})
    assert fixed.json()["total"] == "92"
    assert host.post("/api/host/lock", json={"round": "final", "entry": "e03"}).status_code == 200
    late = phone.post("/api/score", json={"round": "final", "entry": "e03", "correction": True, "values": VALUES})
    assert late.status_code == 409 and "已锁定" in late.json()["message"]
    assert phone.get("/api/judge").json()["stage"]["mine"]["展示效果"] == "15"
    other = client("other-judge")
    login(other, pins["j3"])
    assert other.get("/api/judge").json()["stage"]["mine"] is None  # no judge sees another's scores
    screen = other.get("/api/screen").json()
    assert screen["current"]["submitted"] == 1 and screen["published"] is None  # progress, never values
    messages = refused(store)
    assert len(messages) == 4 and "已锁定" in messages[-1] and "不能重复提交" in messages[2]


def test_csrf_and_origin_are_required(live):
    service, store, pins, client = live
    on_stage(service, pins, client)
    phone = client()
    login(phone, pins["j3"])
    token = phone.headers.pop("X-CSRF-Token")
    missing = phone.post("/api/score", json={"round": "final", "entry": "e03", "values": VALUES})
    assert missing.status_code == 403 and missing.json()["message"] == "页面已过期（缺少安全令牌），请刷新页面后重试"
    foreign = phone.post("/api/score", json={"round": "final", "entry": "e03", "values": VALUES},
                         headers={"X-CSRF-Token": token, "Origin": "http://evil.example"})
    assert foreign.status_code == 403 and "请求来源不对" in foreign.json()["message"]
    assert refused(store) == ["页面已过期（缺少安全令牌），请刷新页面后重试", "请求来源不对：请直接在本机网址打开页面"]
    assert not service.state.scores


def test_code_entry_is_rate_limited_per_address(live):
    service, store, pins, client = live
    guesser = client("guesser", "10.0.0.66")
    wrong = next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in pins.values())
    for _ in range(5):
        assert guesser.post("/api/login", json={"code": wrong}).status_code == 403
    blocked = guesser.post("/api/login", json={"code": pins["j4"]})  # even the right code, now
    assert blocked.status_code == 429 and blocked.json()["message"].startswith("输入错误次数过多，请")
    assert login(client("judge-phone", "10.0.0.7"), pins["j4"]).status_code == 200  # other phones unaffected
    assert refused(store)[-1].startswith("输入错误次数过多")


def test_host_refusals_reopen_needs_a_reason_publish_needs_everyone(live):
    service, store, pins, client = live
    host = on_stage(service, pins, client)
    publish = host.post("/api/host/publish", json={"round": "final", "entry": "e03"})
    assert publish.status_code == 400
    assert publish.json()["messages"][0].startswith("还有评委没有提交：评委一、评委二")
    assert "请先锁定" in publish.json()["message"] and "群众投票" in publish.json()["message"]
    assert host.post("/api/host/vote", json={"round": "final", "entry": "e03", "vote": 101}).status_code == 400
    assert "不计群众投票" in host.post("/api/host/vote", json={"round": "prelim", "entry": "e03", "vote": 80}).json()["message"]
    host.post("/api/host/lock", json={"round": "final", "entry": "e03"})
    assert "原因" in host.post("/api/host/reopen", json={"round": "final", "entry": "e03"}).json()["message"]
    assert host.post("/api/host/reopen", json={"round": "final", "entry": "e03", "reason": "评委三误触"}).status_code == 200
    reopen = [e for e in store.since(0) if e.kind == "reopen"]
    assert reopen[0].data == {"reason": "评委三误触"} and reopen[0].device.startswith("10.0.0.1 · host-laptop")
    phone = client()
    assert phone.get("/api/host").status_code == 401  # the host console needs the host's code
    login(phone, pins["j5"])
    assert phone.post("/api/host/lock", json={"round": "final", "entry": "e03"}).status_code == 401


def test_events_are_append_only(live):
    service, store, pins, client = live
    db = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE events SET kind = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM events")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_a_restarted_service_resumes_from_the_events(live, content):
    service, store, pins, client = live
    host = on_stage(service, pins, client)
    phone = client()
    login(phone, pins["j6"])
    phone.post("/api/score", json={"round": "final", "entry": "e03", "values": VALUES})
    host.post("/api/host/lock", json={"round": "final", "entry": "e03"})
    again = Service(content, Store(store.path))
    assert again.state.current == ("final", "e03") and ("final", "e03") in again.state.locked
    assert again.state.scores[("final", "e03", "j6")].values == {k: str(v) for k, v in VALUES.items()}
    assert again.state.version == service.state.version


def test_an_acknowledged_score_is_already_committed(live):
    """Group commit never acknowledges before the COMMIT: another connection sees the row at once."""
    service, store, pins, client = live
    on_stage(service, pins, client)
    phone = client()
    login(phone, pins["j7"])
    assert phone.post("/api/score", json={"round": "final", "entry": "e03", "values": VALUES}).status_code == 200
    other = sqlite3.connect(store.path)
    rows = other.execute("SELECT judge, data FROM events WHERE kind = 'score'").fetchall()
    other.close()
    assert rows == [("j7", '{"values": {"创建举措": "27", "品牌内涵": "28", "展示效果": "14", "工作成效": "22"}}')]
