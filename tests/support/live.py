"""Running `showcase live` in tests: a demo project prepared for the day, the real server as a
subprocess on a free loopback port, and HTTP clients for judges and the host (httpx)."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from support.sites import copy_demo, showcase

COMPETITION = "brand-show-2023"


def live_project(dest: Path, vote_weight: str = "0.2") -> Path:
    """The demo with its competition not yet scored (scores removed) and a crowd vote in the final."""
    project = copy_demo(dest)
    path = competition_file(project)
    text = path.read_text(encoding="utf-8")
    text = text[: text.index("\nscores:\n") + 1]  # the comment above `scores` stays
    text = text.replace("time_limit: 8}", f"time_limit: 8, vote_weight: {vote_weight}}}")
    path.write_text(text, encoding="utf-8")
    return project


def competition_file(project: Path) -> Path:
    return project / "content" / "competitions" / f"{COMPETITION}.yml"


def issue_codes(project: Path) -> dict[str, str]:
    """`showcase live … --codes`: judge id (or "host") → PIN, as the command prints them."""
    result = showcase("live", COMPETITION, "--codes", cwd=project, check=True)
    return dict(re.findall(r"^(\w+)\t\S+\t(\d{6})$", result.stdout, re.M))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    """`showcase live` as a real process (so a test can SIGKILL it)."""

    def __init__(self, project: Path, port: int | None = None):
        self.project, self.port = project, port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "LiveServer":
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        self.process = subprocess.Popen([sys.executable, "-m", "showcase", "live", COMPETITION, "--port", str(self.port)],
                                        cwd=self.project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"showcase live exited: {self.process.stderr.read().decode()}")
            try:
                if httpx.get(self.url + "/api/screen", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError("showcase live did not start within 60 s")

    def kill(self) -> None:
        """SIGKILL: no chance to flush or close anything."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


class Client:
    """A phone or the host's laptop: its own cookies, the CSRF token it was given."""

    def __init__(self, url: str, user_agent: str = "test-phone"):
        self.http = httpx.Client(base_url=url, timeout=30, headers={"User-Agent": user_agent})
        self.csrf = ""

    def login(self, code: str) -> httpx.Response:
        response = self.http.post("/api/login", json={"code": code})
        if response.status_code == 200:
            self.csrf = response.json()["csrf"]
        return response

    def post(self, path: str, body: dict, csrf: bool = True) -> httpx.Response:
        headers = {"X-CSRF-Token": self.csrf} if csrf else {}
        return self.http.post(path, json=body, headers=headers)

    def get(self, path: str) -> httpx.Response:
        return self.http.get(path)

    def close(self) -> None:
        self.http.close()
