"""showcase/mkdocs/speed/forked.py: the content check of a big site shares its work with a forked copy of the
process; the outcome must be exactly what one process gives, and a failing child changes nothing."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from showcase.mkdocs.speed import forked
from showcase.checks.run import check_content
from support.sites import REPO

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork: POSIX only (Windows checks in one process)")


@pytest.fixture
def forks(monkeypatch):
    """Forking allowed here whatever the cores (the test process may run other tests' threads, which
    this trivial work can't trip over), and the pids of the children made."""
    made = []
    real_fork = os.fork

    def fork():
        pid = real_fork()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(forked, "can_fork", lambda: True)
    monkeypatch.setattr(os, "fork", fork)
    return made


def squares(chunk):
    return [(os.getpid(), n * n) for n in chunk]


def test_halves_give_what_one_call_gives_with_the_second_half_elsewhere(forks):
    items = list(range(1200))
    parts = forked.halves(squares, items)
    assert [value for part in parts for _, value in part] == [n * n for n in items]
    assert {pid for pid, _ in parts[0]} == {os.getpid()} and {pid for pid, _ in parts[1]} == set(forks)


def test_small_work_stays_in_this_process(forks):
    assert forked.halves(squares, list(range(10))) == [squares(range(10))] and forks == []


def test_a_failing_child_is_redone_here(forks):
    parent = os.getpid()

    def work(chunk):
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return list(chunk)

    items = list(range(1000))
    assert [n for part in forked.halves(work, items) for n in part] == items and len(forks) == 1


def test_an_error_here_surfaces_and_leaves_no_child_behind(forks):
    def work(chunk):
        if chunk[0] == 0:
            raise ValueError("first half")
        return ["x" * 1000] * 10_000  # more than a pipe holds: the child must not hang on it

    with pytest.raises(ValueError):
        forked.halves(work, list(range(1000)))
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)  # ended and reaped


@pytest.fixture(scope="module")
def many_records(tmp_path_factory):
    """The demo's content with its column articles copied until there are well over MIN_ITEMS files,
    some of them with problems (a bad date, an unknown field, a typographic slip)."""
    root = tmp_path_factory.mktemp("forked") / "content"
    shutil.copytree(REPO / "content", root)
    articles = sorted((root / "column").rglob("index.md"))
    for n in range(forked.MIN_ITEMS):
        source = articles[n % len(articles)]
        target = source.parent.parent / f"copy{n:04d}" / "index.md"
        target.parent.mkdir()
        text = source.read_text(encoding="utf-8").replace("series_no:", f"series_no_{n}:" if n % 97 == 0 else "series_no:")
        if n % 89 == 0:
            text = text.replace("\n---\n", "\n---\n\n这是一段话,后面是半角逗号。\n", 1)
        target.write_text(text, encoding="utf-8")
        for asset in source.parent.iterdir():
            if asset.name != "index.md":
                shutil.copy(asset, target.parent / asset.name)
    return root


COMPARE = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    from showcase.mkdocs.speed import forked
    from showcase.checks.run import check_content
    from showcase.mkdocs.speed.processes import SHARED

    made = []
    real_fork = os.fork
    os.fork = lambda: made.append(1) or real_fork()
    forked.can_fork = lambda: True  # a fresh process, as the CLI's: no other thread
    shared = check_content(Path(sys.argv[1]), workers=SHARED)  # as the command line runs it
    alone = check_content(Path(sys.argv[1]))  # the core's default: one process
    records = lambda c: [(r.kind, r.id, str(r.path), repr(r.fields), r.body) for r in c.records]
    print(json.dumps({"forks": len(made), "records": len(alone.records),
                      "errors": sum(p.is_error for p in alone.problems.items),
                      "same_problems": [p.format() for p in shared.problems.items] == [p.format() for p in alone.problems.items],
                      "same_records": records(shared) == records(alone)}))
""")


def test_a_big_site_is_checked_the_same_with_the_work_shared(many_records):
    """In a process of its own, like `showcase check`/`build` (this test process may run threads)."""
    done = subprocess.run([sys.executable, "-c", COMPARE, str(many_records)], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["forks"] >= 2  # loading and the text lint were shared
    assert result["records"] > forked.MIN_ITEMS and result["errors"] > 0  # the planted problems were found
    assert result["same_problems"] and result["same_records"]
