"""The guard that tests never write into the repository (support/repo_guard.py), on a git checkout
made here: what counts as a file a test left behind, and what the session says about it."""
from __future__ import annotations

import subprocess

from support.repo_guard import report, stray_files


def git(cwd, *args):
    subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True)


def test_untracked_and_ignored_files_count_but_bytecode_and_pytest_cache_do_not(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text(".cache/\n__pycache__/\n.pytest_cache/\n")
    (tmp_path / "tracked.py").write_text("x = 1\n")
    git(tmp_path, "add", ".gitignore", "tracked.py")
    assert stray_files(tmp_path) == set()
    (tmp_path / ".cache" / "pages").mkdir(parents=True)
    (tmp_path / ".cache" / "pages" / "a.json").write_text("{}")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>")
    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    (tmp_path / "pkg" / "__pycache__" / "m.pyc").write_bytes(b"\0")
    (tmp_path / ".pytest_cache").mkdir()
    (tmp_path / ".pytest_cache" / "README.md").write_text("")
    assert stray_files(tmp_path) == {".cache/pages/a.json", "site/index.html"}


def test_outside_a_checkout_there_is_nothing_to_guard(tmp_path):
    assert stray_files(tmp_path / "not-a-repo") is None


def test_the_report_names_the_files_and_counts_the_rest():
    created = {f"site/p{i:02}.html" for i in range(25)}
    lines = report(created, most=3).splitlines()
    assert lines[1:] == ["  site/p00.html", "  site/p01.html", "  site/p02.html", "  … and 22 more"]
    assert "tmp_path" in lines[0]
