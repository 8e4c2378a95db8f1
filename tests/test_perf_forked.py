"""generator/forked.py: the content check of a big site shares its work with a forked copy of the
process; the outcome must be exactly what one process gives, and a failing child changes nothing."""
from __future__ import annotations

import os
import shutil

import pytest

from generator import forked
from generator.content.check import check_content
from support.sites import REPO

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork: POSIX only (Windows checks in one process)")


def squares(chunk):
    return [(os.getpid(), n * n) for n in chunk]


def test_halves_give_what_one_call_gives_with_the_second_half_elsewhere():
    items = list(range(1200))
    parts = forked.halves(squares, items)
    assert [value for part in parts for _, value in part] == [n * n for n in items]
    if forked.can_fork():  # two cores here: the second half was really done by another process
        assert {pid for pid, _ in parts[1]} != {os.getpid()} and {pid for pid, _ in parts[0]} == {os.getpid()}


def test_small_work_stays_in_this_process():
    assert forked.halves(squares, list(range(10))) == [squares(range(10))]


def test_a_failing_child_is_redone_here():
    parent = os.getpid()

    def work(chunk):
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return list(chunk)

    items = list(range(1000))
    assert [n for part in forked.halves(work, items) for n in part] == items


def test_an_error_here_surfaces_and_leaves_no_child_behind():
    def work(chunk):
        if chunk[0] == 0:
            raise ValueError("first half")
        return ["x" * 1000] * 10_000  # more than a pipe holds: the child must not hang on it

    with pytest.raises(ValueError):
        forked.halves(work, list(range(1000)))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # reaped


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


def test_a_big_site_is_checked_the_same_with_the_work_shared(many_records, monkeypatch):
    if not forked.can_fork():
        pytest.skip("one core (or threads running): the check never forks here")
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    shared = check_content(many_records)
    assert len(forks) >= 2  # loading and the text lint were shared
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    alone = check_content(many_records)
    assert len(alone.records) > forked.MIN_ITEMS
    assert [p.format() for p in shared.problems.items] == [p.format() for p in alone.problems.items]
    assert any(p.is_error for p in alone.problems.items)  # the planted problems were found
    assert [(r.kind, r.id, str(r.path), r.fields, r.body) for r in shared.records] == \
           [(r.kind, r.id, str(r.path), r.fields, r.body) for r in alone.records]
