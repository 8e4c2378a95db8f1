"""Builds at the same time: one build per output folder (the other refused with the lock message and
its own exit code), and `site/` exchanged in one step — a reader polling it never finds it missing or
half-made."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from showcase.cli.site_swap import LOCKED_EXIT, build_lock, exchange, lock_path, swap_in
from support.sites import copy_fixture, file_digests, showcase

PAGE = "<html><body>{}" + "页面内容。" * 2000 + "</body></html>\n"
LOCK_MESSAGE = "另一个构建正在进行"


class Reader(threading.Thread):
    """Polls `site/index.html` and the site's top-level listing until stopped, noting what went wrong."""

    def __init__(self, site: Path, listing: set[str]):
        super().__init__(daemon=True)
        self.site, self.listing = site, listing
        self.stop, self.polls, self.faults = threading.Event(), 0, []

    def run(self):
        while not self.stop.is_set():
            try:
                text = (self.site / "index.html").read_text(encoding="utf-8")
            except OSError as exc:
                self.faults.append(f"{type(exc).__name__}: {exc}")
                continue
            if not text.rstrip().endswith("</html>"):
                self.faults.append(f"index.html cut short ({len(text)} characters)")
            # each name looked up afresh, as a web server does (a listing opened just before an exchange
            # shows the replaced site while it is being deleted)
            missing = [name for name in self.listing if not (self.site / name).exists()]
            if missing:
                self.faults.append(f"site/ without {missing[:3]}")
            self.polls += 1

    def finish(self) -> None:
        self.stop.set()
        self.join(10)


def fake_site(folder: Path, mark: str) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(PAGE.format(mark), encoding="utf-8")
    for name in ("assets", "search", "brands"):
        (folder / name).mkdir()
        (folder / name / "index.html").write_text(PAGE.format(mark), encoding="utf-8")
    return folder


def test_the_exchange_swaps_two_folders_in_one_step(tmp_path):
    first, second = fake_site(tmp_path / "a", "甲"), fake_site(tmp_path / "b", "乙")
    assert exchange(first, second), "renameat2(RENAME_EXCHANGE) should work on Linux's tmp file systems"
    assert "乙" in (first / "index.html").read_text(encoding="utf-8")
    assert "甲" in (second / "index.html").read_text(encoding="utf-8")


def test_a_reader_never_finds_site_missing_or_half_made_across_500_swaps(tmp_path):
    site = fake_site(tmp_path / "site", "0")
    reader = Reader(site, set(os.listdir(site)))
    reader.start()
    try:
        for number in range(1, 501):
            old = swap_in(fake_site(tmp_path / f".site.building-{number}", str(number)), site)
            assert old is not None and "site.old-" in old.name
            subprocess.run(["rm", "-rf", str(old)], check=True)
    finally:
        reader.finish()
    assert reader.faults == [], reader.faults[:5]
    assert reader.polls > 100  # the reader really ran alongside the swaps
    assert "500" in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_is_refused_while_another_holds_the_lock(tmp_path):
    project = copy_fixture("basic", tmp_path)
    site = project / "site"
    fake_site(site, "旧")
    before = file_digests(site)
    with build_lock(site.resolve()):
        result = showcase("build", cwd=project)
    assert result.returncode == LOCKED_EXIT, result.stderr
    assert f"site: 错误: {LOCK_MESSAGE}（进程 {os.getpid()}，" in result.stderr
    assert "— 等它结束再试" in result.stderr and "Traceback" not in result.stderr
    assert file_digests(site) == before  # refused: nothing written
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]
    assert lock_path(site).is_file()


@pytest.mark.slow
def test_twenty_pairs_of_concurrent_builds_end_cleanly_and_site_is_never_absent(tmp_path):
    project = copy_fixture("basic", tmp_path)
    assert showcase("build", cwd=project).returncode == 0
    site = project / "site"
    reader = Reader(site, set(os.listdir(site)))
    reader.start()
    outcomes = []
    try:
        for _ in range(20):
            pair = [subprocess.Popen([sys.executable, "-m", "showcase", "build"], cwd=project, text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env={**os.environ, "PYTHONIOENCODING": "utf-8"}) for _ in range(2)]
            outcomes.append([(p.returncode, out, err) for p in pair for out, err in [p.communicate(timeout=180)]])
    finally:
        reader.finish()
    assert reader.faults == [], reader.faults[:5]
    for pair in outcomes:
        codes = sorted(code for code, _, _ in pair)
        assert codes in ([0, 0], [0, LOCKED_EXIT]), pair
        for code, out, err in pair:
            assert "Traceback" not in err and "Error" not in err, err
            assert ("完成" in out) if code == 0 else (LOCK_MESSAGE in err and "等它结束再试" in err)
    assert reader.polls > 100
    deadline = time.monotonic() + 30  # replaced sites are deleted by a detached process
    while any(p.name.startswith(".site.") for p in project.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site.")]
