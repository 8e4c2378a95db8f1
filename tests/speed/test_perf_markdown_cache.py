"""Converted Markdown kept between builds (showcase/mkdocs/speed/markdown_cache.py): a build that reuses it
is the same byte for byte as one that converts everything, and an entry is never reused once anything
its page depends on has changed. The store of finished pages is off here (it would skip the conversions
altogether; tests/speed/test_perf_page_store.py). Speed is measured in benchmarks/ (build_bench.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support import cache_entries
from support.sites import copy_demo, copy_fixture, plugin_options, showcase
from support.sites import file_digests as digest

pytestmark = pytest.mark.slow  # each test builds a site twice or more

CACHE = Path(".cache") / "showcase-markdown"
MARKER = "<p>FROM-THE-CACHE</p>"


def entries(project: Path) -> list[Path]:
    return cache_entries.entries(project, CACHE)


def tamper(project: Path) -> int:
    """Mark every cached conversion, so a page built from the cache shows it."""
    def mark(entry):
        entry.content += MARKER
    return cache_entries.rewrite(project, CACHE, mark)


def quiet(text: str) -> list[str]:
    return sorted(line for line in text.splitlines() if not any(w in line for w in ("秒", "seconds", "building")))


def build(project: Path, site: Path, *args: str, seed: str = "0"):
    return showcase("build", "-d", str(site), *args, cwd=project, env={"PYTHONHASHSEED": seed})


def test_a_build_from_the_cache_is_the_same_site_byte_for_byte(tmp_path, demo_image_cache):
    demo = copy_demo(tmp_path / "p", demo_image_cache)
    plugin_options(demo, page_cache="")
    cold = build(demo, tmp_path / "cold", seed="1")
    assert cold.returncode == 0, cold.stderr
    assert len(entries(demo)) > 200  # every page's conversion was kept
    warm = build(demo, tmp_path / "warm", seed="2")  # another hash seed: nothing may depend on set order
    assert warm.returncode == 0, warm.stderr
    a, b = digest(tmp_path / "cold"), digest(tmp_path / "warm")
    assert len(a) > 500 and a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert quiet(cold.stderr) == quiet(warm.stderr)


@pytest.fixture
def basic(tmp_path):
    project = copy_fixture("basic", tmp_path)
    content = project / "content"
    (content / "about.md").write_text("# 关于\n\n见[编辑指南](guide.md#提交)。\n", encoding="utf-8")
    (content / "guide.md").write_text("# 编辑指南\n\n## 提交\n\n按月提交。\n", encoding="utf-8")
    plugin_options(project, page_cache="")
    return project


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_entries_are_reused_and_an_edited_page_is_converted_again(basic, tmp_path):
    assert build(basic, tmp_path / "first").returncode == 0
    assert tamper(basic) > 5
    second = build(basic, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert MARKER in page(tmp_path / "second", "about")  # reused: nothing changed
    about = basic / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace("见", "请见"), encoding="utf-8")
    third = build(basic, tmp_path / "third")
    assert third.returncode == 0, third.stderr
    html = page(tmp_path / "third", "about")
    assert "请见" in html and MARKER not in html  # edited: converted again
    assert MARKER in page(tmp_path / "third", "guide")  # untouched: still reused


def test_a_removed_link_target_brings_the_warning_back(basic, tmp_path):
    first = build(basic, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    assert 'href="../guide/#提交"' in page(tmp_path / "first", "about")
    (basic / "content" / "guide.md").unlink()
    strict = build(basic, tmp_path / "strict")
    assert strict.returncode != 0  # the page is converted again, MkDocs' warning aborts the strict build
    assert "about.md" in strict.stderr and "guide.md" in strict.stderr
    again = build(basic, tmp_path / "again")  # the warning is kept with the entry and replayed
    assert again.returncode != 0 and quiet(again.stderr) == quiet(strict.stderr)
    assert not (tmp_path / "strict").exists() and not (tmp_path / "again").exists()


def test_a_new_link_target_is_linked(basic, tmp_path):
    about = basic / "content" / "about.md"
    about.write_text("# 关于\n\n见[联系方式](contact.md)。\n", encoding="utf-8")
    first = build(basic, tmp_path / "first", "--no-strict")
    assert first.returncode == 0, first.stderr
    assert "contact.md" in first.stderr and 'href="contact.md"' in page(tmp_path / "first", "about")
    (basic / "content" / "contact.md").write_text("# 联系方式\n\n电话：内线 1234。\n", encoding="utf-8")
    second = build(basic, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert 'href="../contact/"' in page(tmp_path / "second", "about")


def test_a_damaged_cache_is_converted_again(basic, tmp_path):
    assert build(basic, tmp_path / "first").returncode == 0
    for number, path in enumerate(entries(basic)):
        path.write_bytes(b"" if number % 2 else b"not a cache entry")
    second = build(basic, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert digest(tmp_path / "first") == digest(tmp_path / "second")


def test_the_cache_can_be_turned_off(basic, tmp_path):
    plugin_options(basic, markdown_cache="")
    assert build(basic, tmp_path / "site").returncode == 0
    assert not (basic / CACHE).exists()


def test_links_to_anchors_are_checked_after_a_verbose_build(basic, tmp_path):
    """`mkdocs build -v` converts without noting links to anchors (MkDocs skips them at DEBUG): its
    entries must not stand in for a normal build's, which checks them."""
    config = basic / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nvalidation:\n" in text
    config.write_text(text.replace("\nvalidation:\n", "\nvalidation:\n  anchors: warn\n", 1), encoding="utf-8")
    (basic / "content" / "about.md").write_text("# 关于\n\n见[编辑指南](guide.md#没有这一节)。\n", encoding="utf-8")
    verbose = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-v", "-d", str(tmp_path / "verbose")],
                             cwd=basic, capture_output=True, text=True, encoding="utf-8")
    assert "about.md" in verbose.stderr + verbose.stdout
    normal = build(basic, tmp_path / "normal")
    assert normal.returncode != 0 and "没有这一节" in normal.stderr
