"""Worker processes render pages for big builds (showcase/mkdocs/speed/workers.py): the site must be the same
byte for byte, and errors must surface as they do without workers. Speed is measured in benchmarks/."""
from __future__ import annotations

from pathlib import Path

import pytest

from support.sites import copy_demo, copy_fixture, own_theme, plugin_options, showcase
from support.sites import file_digests as digest

pytestmark = pytest.mark.slow  # demo builds with and without workers

SERIAL = ("--workers", "-1")
ONE_WORKER = ("--workers", "1")  # a worker even for a small site


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_image_cache):
    project = copy_demo(tmp_path_factory.mktemp("perf-parallel"), demo_image_cache)
    plugin_options(project, page_cache="")  # every page rendered, by the workers or not
    return project


def build(project: Path, site: Path, workers: tuple, *args: str):
    return showcase("build", "-d", str(site), *workers, *args, cwd=project, env={"PYTHONHASHSEED": "0"})


def without_fragments(project: Path) -> tuple:
    """A copy of the project's mkdocs.yml with the plugin's `fragments: false`, as `-f` arguments."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - showcase:\n" in text, "the demo fixture sets plugin options: update without_fragments"
    variant = project / "mkdocs-no-fragments.yml"
    variant.write_text(text.replace("\n  - showcase:\n", "\n  - showcase:\n      fragments: false\n", 1), encoding="utf-8")
    return ("-f", variant.name)


def test_a_worker_builds_the_same_demo_site_byte_for_byte(demo, tmp_path):
    serial = build(demo, tmp_path / "serial", SERIAL)
    assert serial.returncode == 0, serial.stderr
    parallel = build(demo, tmp_path / "parallel", ONE_WORKER)
    assert parallel.returncode == 0, parallel.stderr
    a, b = digest(tmp_path / "serial"), digest(tmp_path / "parallel")
    assert len(a) > 500  # pages, images, search shards, assets
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    # Same log too, apart from timings: the workers' pages' messages reach the main process.
    strip = lambda text: sorted(line for line in text.splitlines() if not any(w in line for w in ("秒", "seconds", "building")))  # noqa: E731
    assert strip(serial.stderr) == strip(parallel.stderr)


def test_public_edition_with_a_worker_is_the_same(demo, tmp_path):
    serial = build(demo, tmp_path / "serial", SERIAL, "--edition", "public")
    parallel = build(demo, tmp_path / "parallel", ONE_WORKER, "--edition", "public")
    assert serial.returncode == 0 and parallel.returncode == 0, serial.stderr + parallel.stderr
    assert digest(tmp_path / "serial") == digest(tmp_path / "parallel")


def broken_theme_project(tmp_path: Path) -> Path:
    """The basic fixture with a theme whose page template fails on brand pages only."""
    project = copy_fixture("basic", tmp_path)
    main = own_theme(project, tmp_path / "theme") / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block content %}",
        '{% block content %}{% if showcase and showcase.kind == "brand" %}{{ showcase.no_such.thing }}{% endif %}', 1),
        encoding="utf-8")
    return project


def test_a_page_failing_in_a_worker_fails_the_build_as_without_workers(tmp_path):
    project = broken_theme_project(tmp_path)
    good = project / "site"
    good.mkdir()
    (good / "index.html").write_text("old site", encoding="utf-8")
    serial = build(project, good, SERIAL)
    parallel = build(project, good, ONE_WORKER)
    assert serial.returncode == parallel.returncode == 1
    last = lambda text: text.strip().splitlines()[-1]  # noqa: E731
    assert "no_such" in last(serial.stderr) and "原有网站保持不变" in last(serial.stderr)
    assert last(parallel.stderr) == last(serial.stderr)
    assert "Error building page 'brands/" in parallel.stderr  # rendered again here, failed as MkDocs says
    assert (good / "index.html").read_text(encoding="utf-8") == "old site"
    # No staging or replaced folder left behind (the build lock's file stays by design).
    assert [p.name for p in project.iterdir() if p.name.startswith(".site") and not p.name.endswith(".lock")] == []


def test_navigation_rendered_once_per_set_of_links_changes_nothing(demo, tmp_path):
    """showcase/mkdocs/speed/fragments.py reuses Material's navigation and tabs between pages that see the
    same relative links, and its config, style and script blocks between pages of the same depth: the
    site must be what rendering them on every page gives."""
    each = build(demo, tmp_path / "each", SERIAL, *without_fragments(demo))
    shared = build(demo, tmp_path / "shared", SERIAL)
    assert each.returncode == 0 and shared.returncode == 0, each.stderr + shared.stderr
    a, b = digest(tmp_path / "each"), digest(tmp_path / "shared")
    assert a.keys() == b.keys() and [n for n in a if a[n] != b[n]] == []
    html = (tmp_path / "shared" / "column" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="md-tabs__item') >= 8 and 'md-nav--primary' in html
    brand = next(p for p in sorted((tmp_path / "shared" / "brands").iterdir()) if p.is_dir())
    for page, base in (("index.html", "."), ("column/index.html", ".."), (f"brands/{brand.name}/index.html", "../..")):
        html = (tmp_path / "shared" / page).read_text(encoding="utf-8")
        prefix = "" if base == "." else f"{base}/"
        assert f'"base": "{base}"' in html and f'src="{prefix}assets/js/search.js"' in html, page
