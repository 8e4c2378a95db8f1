"""`showcase serve` under load: N simultaneous loopback GETs, and how many get an answer.

    python benchmarks/serve_load.py [--requests 200] [--timeout 10] [--work /tmp/showcase-serve-load]

Copies the demo (content/, mkdocs.yml, theme/) into --work, starts `showcase serve` on 127.0.0.1 and a
free port, waits until it answers, then opens N connections at once (one thread each, released
together by a barrier) to a mix of pages and assets, each bounded by --timeout seconds. Reports:

  answered     a complete HTTP response (any status; the statuses are counted)
  refused      the connection was refused or reset before a response
  unanswered   no response within --timeout (connect or read)

plus latency percentiles of the answered ones. Loopback only; nothing leaves the machine.
"""
from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS = ("/", "/404.html", "/sitemap.xml")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_demo(work: Path) -> Path:
    project = work / "demo"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in ("content", "theme", "mkdocs.yml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copy2(source, project / name)
    return project


def get(port: int, path: str, timeout: float) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_ready(process: subprocess.Popen, port: int, timeout: float = 600) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            raise SystemExit("serve ended before answering")
        try:
            if get(port, "/", 5)[0] == 200:
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("serve never answered")


def asset_paths(port: int) -> list[str]:
    """Pages and assets the demo's home page links to, so the mix is what a browser asks for."""
    import re

    html = get(port, "/", 10)[1].decode("utf-8", "replace")
    links = re.findall(r'(?:href|src)="([^"#?]+)', html)
    local = [("/" + link.lstrip("./")) if not link.startswith("/") else link for link in links if ":" not in link]
    return list(dict.fromkeys([*PATHS, *local]))[:40]


def one(port: int, path: str, timeout: float, barrier: threading.Barrier, results: list, index: int) -> None:
    barrier.wait()
    started = time.monotonic()
    try:
        status, _ = get(port, path, timeout)
        results[index] = ("answered", status, time.monotonic() - started)
    except (ConnectionRefusedError, ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
        results[index] = ("refused", None, time.monotonic() - started)
    except (TimeoutError, socket.timeout, OSError):
        results[index] = ("unanswered", None, time.monotonic() - started)


def fire(port: int, paths: list[str], count: int, timeout: float) -> dict:
    """`count` simultaneous GETs; every thread is joined within timeout + a margin (bounded run)."""
    results: list = [None] * count
    barrier = threading.Barrier(count)
    threads = [threading.Thread(target=one, args=(port, paths[i % len(paths)], timeout, barrier, results, i),
                                daemon=True) for i in range(count)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, started + 2 * timeout + 5 - time.monotonic()))
    return summarize([r or ("unanswered", None, 2 * timeout) for r in results], time.monotonic() - started)


def summarize(results: list, wall: float) -> dict:
    kinds = collections.Counter(kind for kind, _, _ in results)
    latencies = sorted(seconds for kind, _, seconds in results if kind == "answered")

    def pct(p: float) -> float | None:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 3) if latencies else None

    return {"requests": len(results), "answered": kinds["answered"], "refused": kinds["refused"],
            "unanswered": kinds["unanswered"],
            "statuses": dict(collections.Counter(str(status) for kind, status, _ in results if kind == "answered")),
            "p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99), "max": pct(1.0),
            "mean": round(statistics.mean(latencies), 3) if latencies else None, "wall": round(wall, 2)}


def start_serve(project: Path, port: int, log_path: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHOWCASE_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return subprocess.Popen([sys.executable, "-m", "showcase", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            cwd=project, stdout=log_path.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True, env={**env, "PYTHONIOENCODING": "utf-8"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "showcase-serve-load")
    args = parser.parse_args()
    project = copy_demo(args.work)
    port = free_port()
    process = start_serve(project, port, args.work / "serve.log")
    try:
        ready = wait_ready(process, port)
        paths = asset_paths(port)
        rounds = [fire(port, paths, args.requests, args.timeout) for _ in range(args.rounds)]
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
    print(json.dumps({"ready_s": round(ready, 1), "paths": len(paths), "timeout_s": args.timeout,
                      "rounds": rounds}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
