"""The competition day under load: `showcase live` with 30 judges submitting and 300 big-screen
browsers on the event stream at once, on 127.0.0.1 only (bounded: fixed counts, a fixed number of teams).

    python benchmarks/live_bench.py [--judges 30] [--screens 300] [--teams 10] [--work /tmp/showcase-live-bench]

Prepares a copy of the demo project whose competition has `--judges` judges and no scores, issues the
codes, starts the real server as a subprocess, opens `--screens` server-sent-event streams, then for
each team: the host puts it on stage, every judge submits at once (one thread per judge), the host
locks, records the crowd vote and publishes. Measures:

  submit      seconds from sending a judge's score to its acknowledgement (median, 95th percentile, max)
  screens     seconds from the host's publish request until every open stream has the new version
  stored      acknowledged submissions found in events.sqlite afterwards (must equal the count acknowledged)

Numbers, not assertions (tests/test_live_*.py check the behaviour). Results go to results-live.json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from measure import loadavg, machine  # noqa: E402

COMPETITION = "brand-show-2023"
CRITERIA = {"品牌内涵": 30, "创建举措": 30, "工作成效": 25, "展示效果": 15}


def prepare(work: Path, judges: int) -> Path:
    """A demo copy whose competition has `judges` judges, a crowd vote in the final and no scores yet."""
    project = work / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copytree(REPO / "content", project / "content")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    path = project / "content" / "competitions" / f"{COMPETITION}.yml"
    yml = path.read_text(encoding="utf-8")
    yml = yml[: yml.index("\nscores:\n") + 1].replace("time_limit: 8}", "time_limit: 8, vote_weight: 0.2}")
    panel = "".join(f"  - {{id: j{i}, name: 评委{i}, title: 评委}}\n" for i in range(1, judges + 1))
    yml = re.sub(r"judges:\n(?:  - .*\n)+", "judges:\n" + panel, yml)
    path.write_text(yml, encoding="utf-8")
    return project


def showcase(project: Path, *args: str, **kw) -> subprocess.Popen | subprocess.CompletedProcess:
    command = [sys.executable, "-m", "showcase", "live", COMPETITION, *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=True, **kw)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Screens:
    """`count` event-stream clients in a process of their own (so their parsing does not slow the judges'
    threads here); each stream's last seen version is in shared memory."""

    def __init__(self, url: str, count: int):
        self.versions = multiprocessing.Array("q", count, lock=False)
        self.connected = multiprocessing.Value("i", 0)
        self.process = multiprocessing.Process(target=follow_all, args=(url, count, self.versions, self.connected),
                                               daemon=True)
        self.process.start()

    def wait_all(self, version: int, timeout: float = 30.0) -> bool:
        started = time.monotonic()
        while min(self.versions) < version:
            if time.monotonic() - started > timeout:
                return False
            time.sleep(0.002)
        return True

    def stop(self) -> None:
        self.process.terminate()


def follow_all(url: str, count: int, versions, connected) -> None:
    async def follow(client, index):
        try:
            async with client.stream("GET", "/api/screen/stream") as response:
                connected.value += 1
                async for line in response.aiter_lines():
                    if line.startswith("id: "):
                        versions[index] = int(line[4:])
        except httpx.HTTPError:
            pass  # the server stopped at the end of the run

    async def main():
        limits = httpx.Limits(max_connections=count + 10, max_keepalive_connections=count + 10)
        async with httpx.AsyncClient(base_url=url, timeout=None, limits=limits) as client:
            await asyncio.gather(*(follow(client, i) for i in range(count)))

    asyncio.run(main())


def login(url: str, code: str, agent: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=url, timeout=60, headers={"User-Agent": agent})
    reply = client.post("/api/login", json={"code": code})
    reply.raise_for_status()
    return client, reply.json()["csrf"]


def run(args) -> dict:
    work = Path(args.work)
    project = prepare(work, args.judges)
    codes = dict(re.findall(r"^(\w+)\t\S+\t(\d{6})$", showcase(project, "--codes").stdout, re.M))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "showcase", "live", COMPETITION, "--port", str(port)],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(600):
            try:
                if httpx.get(url + "/api/screen", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        return measure(url, codes, args, project)
    finally:
        server.terminate()
        server.wait(10)


def measure(url: str, codes: dict, args, project: Path) -> dict:
    screens = Screens(url, args.screens)
    while screens.connected.value < args.screens:
        time.sleep(0.05)
    host, host_csrf = login(url, codes["host"], "host")
    judges = {j: login(url, codes[j], f"phone-{j}") for j in codes if j != "host"}
    entries = [e for e in re.findall(r"\{id: (e\d\d),", (project / "content" / "competitions" /
                                                          f"{COMPETITION}.yml").read_text(encoding="utf-8"))][: args.teams]
    latencies, acknowledged, publish_delays, missed = [], 0, [], 0

    def host_act(act, **body) -> int:
        reply = host.post(f"/api/host/{act}", json=body, headers={"X-CSRF-Token": host_csrf})
        reply.raise_for_status()
        return reply.json()["version"]

    def submit(judge, entry, number):
        client, csrf = judges[judge]
        values = {name: top - (number + int(judge[1:])) % 5 for name, top in CRITERIA.items()}
        started = time.perf_counter()
        reply = client.post("/api/score", json={"round": "final", "entry": entry, "values": values},
                            headers={"X-CSRF-Token": csrf})
        return time.perf_counter() - started, reply.status_code == 200

    with ThreadPoolExecutor(len(judges)) as pool:
        for number, entry in enumerate(entries):
            host_act("current", round="final", entry=entry)
            for seconds, ok in pool.map(lambda j: submit(j, entry, number), judges):
                latencies.append(seconds)
                acknowledged += ok
            host_act("lock", round="final", entry=entry)
            host_act("vote", round="final", entry=entry, vote=80)
            started = time.monotonic()
            version = host_act("publish", round="final", entry=entry)
            missed += not screens.wait_all(version)
            publish_delays.append(time.monotonic() - started)
    screens.stop()
    db = sqlite3.connect(project / "live" / COMPETITION / "events.sqlite")
    stored = db.execute("SELECT COUNT(*) FROM events WHERE kind = 'score'").fetchone()[0]
    db.close()
    ordered = sorted(latencies)
    return {
        "judges": len(judges), "screens": args.screens, "teams": len(entries), "submissions": len(latencies),
        "acknowledged": acknowledged, "stored": stored,
        "submit_median_ms": round(statistics.median(ordered) * 1000, 1),
        "submit_p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
        "submit_max_ms": round(ordered[-1] * 1000, 1),
        "screens_all_updated_median_ms": round(statistics.median(publish_delays) * 1000, 1),
        "screens_all_updated_max_ms": round(max(publish_delays) * 1000, 1),
        "publications_some_screen_missed": missed,
        "load_average": loadavg(), "machine": machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judges", type=int, default=30)
    parser.add_argument("--screens", type=int, default=300)
    parser.add_argument("--teams", type=int, default=10)
    parser.add_argument("--work", default="/tmp/showcase-live-bench")
    parser.add_argument("--out", default=str(HERE / "results-live.json"))
    args = parser.parse_args()
    result = run(args)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
