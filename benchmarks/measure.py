"""Running a command and measuring it: wall time, CPU of the whole process tree, peak memory of the
largest process, the machine's load. Linux only (/proc). Used by build_bench.py and serve_bench.py.
"""
from __future__ import annotations

import os
import platform
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Measured:
    returncode: int
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and every descendant seen
    peak_rss_mb: float  # the largest single process (its own peak), MB
    processes: int  # processes seen in the tree
    load_before: float
    load_after: float
    stdout: str = ""
    stderr: str = ""
    per_process: dict = field(default_factory=dict)  # pid → (command, cpu s, peak MB)


def loadavg() -> float:
    return os.getloadavg()[0]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _sample(pid: int, seen: dict) -> None:
    """CPU (utime+stime of the process itself) and VmHWM of `pid` and its descendants."""
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text()
            status = Path(f"/proc/{current}/status").read_text()
            cmd = Path(f"/proc/{current}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120]
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (own, not children's)
        hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0) / 1024
        old = seen.get(current, ("", 0.0, 0.0))
        seen[current] = (cmd or old[0], max(cpu, old[1]), max(hwm, old[2]))
        stack.extend(_children(current))


def run(command: list[str], cwd: Path | None = None, env: dict | None = None, interval: float = 0.05,
        timeout: float | None = None) -> Measured:
    """Run `command`, sampling its process tree every `interval` seconds."""
    load_before = loadavg()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, encoding="utf-8", errors="replace")
    seen: dict = {}
    out: dict = {}
    readers = [threading.Thread(target=lambda name, stream: out.__setitem__(name, stream.read()), args=(name, stream),
                                daemon=True) for name, stream in (("stdout", process.stdout), ("stderr", process.stderr))]
    for reader in readers:
        reader.start()
    usage = None
    while True:
        _sample(process.pid, seen)
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if timeout and time.perf_counter() - started > timeout:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(interval)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    # wait4's rusage: the process plus every descendant it waited for (exact, even for short-lived ones);
    # the samples add descendants nobody waited for (e.g. a multiprocessing forkserver's workers).
    own_and_waited = usage.ru_utime + usage.ru_stime
    sampled_others = sum(cpu for p, (_c, cpu, _m) in seen.items() if p != process.pid)
    sampled_top = seen.get(process.pid, ("", 0.0, 0.0))[1]
    cpu = max(own_and_waited, sampled_top + sampled_others)
    peak = max([usage.ru_maxrss / 1024] + [m for _c, _cpu, m in seen.values()])
    return Measured(process.returncode, wall, cpu, peak, len(seen), load_before, loadavg(),
                    out.get("stdout", ""), out.get("stderr", ""), seen)


def machine() -> dict:
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    mem = 0
    try:
        mem = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                       if line.startswith("MemTotal"))) // 1024
    except (OSError, StopIteration):
        pass
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pyyaml", "jieba"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:  # noqa: BLE001 — an absent package is simply not listed
            pass
    return {"cpu": model, "cores": cores, "memory_mb": mem, "python": platform.python_version(),
            "system": platform.platform(), **versions}


def tree_bytes(folder: Path, suffix: str | None = None) -> tuple[int, int]:
    """(files, bytes) under `folder`, optionally only names ending with `suffix`."""
    files = size = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            if suffix and not name.endswith(suffix):
                continue
            try:
                size += os.path.getsize(os.path.join(root, name))
                files += 1
            except OSError:
                pass
    return files, size


def speed_check(rounds: int = 5_000_000) -> float:
    """Seconds a fixed pure-Python loop takes now: this shared machine's speed drifts by tens of percent
    within an hour; runs measured side by side see the same drift, and this number shows it."""
    started = time.perf_counter()
    total = 0
    for i in range(rounds):
        total += i
    return time.perf_counter() - started
