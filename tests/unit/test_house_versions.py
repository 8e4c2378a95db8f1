"""The installed MkDocs and Python-Markdown are the versions speed/internals.py and the copies in
speed/markdown/ were checked against, and pyproject.toml pins exactly those: an upgrade fails here
instead of silently turning the Markdown shortcuts off (or breaking a private name)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from showcase.mkdocs.speed import internals
from showcase.mkdocs.speed.markdown import blocks, prettify, toc

from support.sites import REPO


def pins() -> dict[str, set[tuple]]:
    """`name==x.y.z` dependencies of pyproject.toml, as {name: {(x, y, z)}}."""
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    found: dict[str, set[tuple]] = {}
    for line in dependencies:
        if m := re.fullmatch(r"([A-Za-z0-9_.-]+)==([0-9.]+)", line.replace(" ", "")):
            found.setdefault(m[1].lower(), set()).add(tuple(int(p) for p in m[2].split(".")))
    return found


def test_installed_markdown_and_mkdocs_are_the_checked_versions():
    assert internals.version_problems() == []


def test_the_version_check_fails_outside_the_checked_versions():
    installed = internals.installed_versions()
    assert internals.version_problems({**installed, "markdown": (3, 12, 0)})[0].startswith("markdown 3.12.0 不在")
    assert len(internals.version_problems({"markdown": (3, 10, 0), "mkdocs": (1, 7, 0)})) == 2


def test_pyproject_pins_the_checked_versions():
    pinned = pins()
    for name, versions in internals.CHECKED_VERSIONS.items():
        assert pinned.get(name) == set(versions), f"pyproject.toml must pin {name}=={versions}"


def test_every_markdown_copy_uses_the_one_list_of_checked_versions():
    for module in (blocks, prettify, toc):
        assert module.CHECKED_VERSIONS is internals.CHECKED_VERSIONS["markdown"]
