"""Finished pages kept between `showcase build`s (showcase/mkdocs/speed/page_store.py): a build from the store
is the same byte for byte as one that renders everything, after every kind of edit; a page is reused only
while nothing it is made of has changed. Speed is measured in benchmarks/ (build_bench.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import cache_entries
from support.sites import copy_demo, copy_fixture, own_theme, plugin_options, showcase
from support.sites import file_digests as digest

pytestmark = pytest.mark.slow  # each test builds the basic fixture or the demo, several times

STORE = Path(".cache") / "showcase-pages"
MARKER = "<!-- FROM-THE-PAGE-STORE -->"


def entries(project: Path) -> list[Path]:
    return cache_entries.entries(project, STORE)


def tamper(project: Path) -> int:
    """Mark every kept page, so a page taken from the store shows it."""
    def mark(entry):
        entry.rendered.output = entry.rendered.output.replace("</body>", MARKER + "</body>")
    return cache_entries.rewrite(project, STORE, mark)


def marked(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if MARKER in p.read_text(encoding="utf-8")}


def quiet(text: str) -> list[str]:
    """The build's messages without timings and the store's own count."""
    return sorted(line for line in text.splitlines()
                  if not any(w in line for w in ("秒", "seconds", "building", "直接沿用")))


def build(project: Path, site: Path, *args: str, seed: str = "0", workers: str = "0"):
    return showcase("build", "-d", str(site), "--workers", workers, *args, cwd=project, env={"PYTHONHASHSEED": seed})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_build_from_the_store_is_the_same_site_byte_for_byte(tmp_path, demo_image_cache):
    demo = copy_demo(tmp_path / "p", demo_image_cache)
    cold = build(demo, tmp_path / "cold", seed="1")
    assert cold.returncode == 0, cold.stderr
    assert len(entries(demo)) > 200  # every generated page outside the navigation was kept
    warm = build(demo, tmp_path / "warm", seed="2")  # another hash seed: nothing may depend on set order
    assert warm.returncode == 0, warm.stderr
    assert f"{len(entries(demo))} 个与上次相同、直接沿用，0 个重新生成" in warm.stderr
    a, b = digest(tmp_path / "cold"), digest(tmp_path / "warm")
    assert len(a) > 500 and a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert quiet(cold.stderr) == quiet(warm.stderr)


@pytest.fixture
def basic(tmp_path):
    project = copy_fixture("basic", tmp_path)
    own_theme(project)  # to edit
    assert build(project, tmp_path / "first").returncode == 0
    return project


def rebuild_and_compare(project: Path, tmp_path: Path, name: str, *args: str) -> set[str]:
    """Build from the (marked) store, then again with it emptied: the same HTML. Returns the pages
    taken from the store; the store is left holding this state's pages, marked."""
    kept = tamper(project)
    assert kept > 10
    warm = build(project, tmp_path / f"warm-{name}", *args)
    assert warm.returncode == 0, warm.stderr
    shutil.rmtree(project / STORE)
    fresh = build(project, tmp_path / f"fresh-{name}", *args)
    assert fresh.returncode == 0, fresh.stderr
    reused = marked(tmp_path / f"warm-{name}")
    a, b = digest(tmp_path / f"warm-{name}"), digest(tmp_path / f"fresh-{name}")
    assert a.keys() == b.keys()
    stale = [rel for rel in a if a[rel] != b[rel] and rel not in reused]
    assert stale == [], f"pages wrong after {name}: {stale}"
    return reused


def test_an_unchanged_build_reuses_every_kept_page(basic, tmp_path):
    reused = rebuild_and_compare(basic, tmp_path, "unchanged")
    assert {"column/2023/first/index.html", "column/2023/first/clipping/index.html",
            "brands/alpha/index.html"} <= reused
    assert "index.html" not in reused  # pages in the navigation are always rendered


def test_a_body_edit_renders_that_page_again(basic, tmp_path):
    article = basic / "content/column/2023/first.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n\n页面缓存测试正文标记\n", encoding="utf-8")
    reused = rebuild_and_compare(basic, tmp_path, "body")
    assert "column/2023/first/index.html" not in reused
    assert "brands/alpha/index.html" in reused  # lists the article by title only: unchanged
    page = tmp_path / "warm-body/column/2023/first/index.html"
    assert "页面缓存测试正文标记" in page.read_text(encoding="utf-8")
    search = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "warm-body/search").rglob("*.js"))
    assert "页面缓存测试正文标记"[:2] in search


def test_a_title_edit_reaches_every_listing(basic, tmp_path):
    article = basic / "content/column/2023/first.md"
    edit(article, "title: 让党旗在文旅窗口高高飘扬", "title: 改过的页面缓存测试标题")
    reused = rebuild_and_compare(basic, tmp_path, "title")
    site = tmp_path / "warm-title"
    listings = {p.relative_to(site).as_posix() for p in site.rglob("*.html")
                if "改过的页面缓存测试标题" in p.read_text(encoding="utf-8")}
    assert len(listings) > 3 and listings.isdisjoint(reused)


def test_a_field_only_the_theme_template_shows_updates_the_clipping(basic, tmp_path):
    """theme/clipping.html prints the column's name from the page spec, not from the page's Markdown,
    and the article's file is unchanged: only what the theme template read tells the store."""
    columns = basic / "content/columns.yml"
    name = next(line for line in columns.read_text(encoding="utf-8").splitlines() if line.strip().startswith("name:"))
    edit(columns, name, name.split("name:")[0] + "name: 改名后的页面缓存测试专栏")
    reused = rebuild_and_compare(basic, tmp_path, "column-name")
    assert "column/2023/first/clipping/index.html" not in reused
    clipping = tmp_path / "warm-column-name/column/2023/first/clipping/index.html"
    assert "改名后的页面缓存测试专栏" in clipping.read_text(encoding="utf-8")


def test_theme_config_and_edition_changes_render_everything(basic, tmp_path):
    edit(basic / "theme/main.html", "{% block content %}", '{% block content %}<p id="store-theme">主题改动</p>')
    assert rebuild_and_compare(basic, tmp_path, "theme") == set()
    assert 'id="store-theme"' in (tmp_path / "warm-theme/column/2023/first/index.html").read_text(encoding="utf-8")
    edit(basic / "mkdocs.yml", "site_name: 测试站", "site_name: 页面缓存测试站")
    assert rebuild_and_compare(basic, tmp_path, "config") == set()
    assert rebuild_and_compare(basic, tmp_path, "public", "--edition", "public") == set()
    assert rebuild_and_compare(basic, tmp_path, "base-url", "--base-url", "/dangjian/") == set()


def test_both_editions_built_in_turn_keep_their_pages(basic, tmp_path):
    assert build(basic, tmp_path / "public", "--edition", "public").returncode == 0
    again = build(basic, tmp_path / "internal", seed="3")
    public = build(basic, tmp_path / "public-again", "--edition", "public", seed="4")
    assert again.returncode == 0 and public.returncode == 0
    assert "，0 个重新生成" in again.stderr and "，0 个重新生成" in public.stderr
    assert digest(tmp_path / "first") == digest(tmp_path / "internal")
    assert digest(tmp_path / "public") == digest(tmp_path / "public-again")


def test_added_and_deleted_articles(basic, tmp_path):
    second = basic / "content/column/2023/second.md"
    third = basic / "content/column/2023/third.md"
    third.write_text(second.read_text(encoding="utf-8").replace("series_no: 2", "series_no: 3"), encoding="utf-8")
    reused = rebuild_and_compare(basic, tmp_path, "added")
    assert (tmp_path / "warm-added/column/2023/third/index.html").is_file()
    assert "column/2023/first/clipping/index.html" in reused  # pages that don't list it are kept
    third.unlink()
    rebuild_and_compare(basic, tmp_path, "deleted")
    assert not (tmp_path / "warm-deleted/column/2023/third/index.html").exists()


def test_a_new_page_keeps_the_others_and_resolves_links_to_it(basic, tmp_path):
    """The list of the site's files is not part of a page's key (adding an article would render every
    page again); a page's links are: the lookups its Markdown made must find the same files."""
    article = basic / "content/column/2023/first.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n见[联系方式](../../../contact.md)。\n", encoding="utf-8")
    before = build(basic, tmp_path / "before", "--no-strict")
    assert before.returncode == 0 and "contact.md" in before.stderr  # not found: MkDocs warns
    (basic / "content/contact.md").write_text("# 联系方式\n\n电话：内线 1234。\n", encoding="utf-8")
    reused = rebuild_and_compare(basic, tmp_path, "contact")
    assert "column/2023/first/index.html" not in reused  # its link now finds a page
    assert "brands/alpha/index.html" in reused
    html = (tmp_path / "warm-contact/column/2023/first/index.html").read_text(encoding="utf-8")
    assert 'href="../../../contact/"' in html


@pytest.mark.parametrize("workers", ["-1", "1"])  # reused in this process, or in a forked page worker
def test_a_reused_page_brings_its_warnings_back(basic, tmp_path, workers):
    article = basic / "content/column/2023/first.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n见[旧稿](old-story.md)。\n", encoding="utf-8")
    first = build(basic, tmp_path / "strict", workers=workers)
    assert first.returncode != 0 and "old-story.md" in first.stderr  # MkDocs' warning aborts the strict build
    again = build(basic, tmp_path / "again", workers=workers)
    assert "，0 个重新生成" in again.stderr  # every page from the store
    assert again.returncode != 0 and quiet(again.stderr) == quiet(first.stderr)
    relaxed = build(basic, tmp_path / "relaxed", "--no-strict", workers=workers)  # strictness: not in the key
    assert relaxed.returncode == 0 and "，0 个重新生成" in relaxed.stderr and "old-story.md" in relaxed.stderr


def test_a_damaged_store_is_rendered_again(basic, tmp_path):
    for number, path in enumerate(entries(basic)):
        path.write_bytes(b"" if number % 2 else b"not a store entry")
    second = build(basic, tmp_path / "second", workers="1")
    assert second.returncode == 0, second.stderr
    assert digest(tmp_path / "first") == digest(tmp_path / "second")


def test_an_unusable_store_folder_costs_speed_not_the_build(basic, tmp_path):
    shutil.rmtree(basic / STORE)
    (basic / STORE).write_text("不是文件夹", encoding="utf-8")
    second = build(basic, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert digest(tmp_path / "first") == digest(tmp_path / "second")


def test_the_store_can_be_turned_off(basic, tmp_path):
    shutil.rmtree(basic / STORE)
    plugin_options(basic, page_cache="")
    result = build(basic, tmp_path / "site")
    assert result.returncode == 0 and "直接沿用" not in result.stderr
    assert not (basic / STORE).exists()


def test_a_reused_page_keeps_its_text_and_index_part_and_takes_its_records_facts_as_they_are_now():
    import numpy as np

    from showcase import search
    from showcase.content.records import Record
    from showcase.pages.spec import PageSpec
    from showcase.search.indexer import page_postings

    def record(kind, id_, fields):
        return Record(kind=kind, id=id_, path=Path(f"content/{id_}.yml"), fields=fields)

    html = "<h2 id='a'>支部活动</h2><p>党员志愿服务进社区。</p>"
    unit = record("unit", "wl", {"name": "市文旅局"})
    spec = PageSpec("units/wl/index.md", "市文旅局", "unit.md", context={"record": unit})
    earlier = search.indexed_document(html, "units/wl/", "市文旅局", spec)
    same = search.reindexed_document(earlier, "units/wl/", "市文旅局", spec)
    assert same.sections == earlier.sections and same.grams is earlier.grams  # reused, not made again
    assert same.units == [("wl", "市文旅局")]
    renamed = record("unit", "wl", {"name": "市文化和旅游局"})
    spec.context["record"] = renamed
    fresh = search.reindexed_document(earlier, "units/wl/", "市文化和旅游局", spec)
    assert fresh.units == [("wl", "市文化和旅游局")] and fresh.sections == earlier.sections
    assert fresh.grams is not earlier.grams  # its title and fields are words of the index
    expected = page_postings(search.page_document(html, "units/wl/", "市文化和旅游局", spec))
    assert np.array_equal(fresh.grams.codes, expected.codes) and fresh.grams.words == expected.words
    assert np.array_equal(fresh.grams.weights, expected.weights)
