"""Search in built sites: what is indexed, what never is (retracted, public edition), loud failures."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support import sites

from showcase.checks.run import check_content
from showcase.content.schema import fields_of
from showcase.search.query import IndexReader
from showcase.domain.urls import page_path, url_of

REPO = Path(__file__).resolve().parents[1]


def indexed_urls(site: Path) -> list[str]:
    reader = IndexReader(site / "search" / "data")
    return [reader.doc(i)["u"] for i in range(reader.manifest["docs"])]


def search_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (site / "search" / "data").rglob("*.js"))


def test_every_indexed_page_exists_once(demo_site):
    urls = indexed_urls(demo_site)
    assert len(urls) == len(set(urls)) > 100
    for url in urls:
        assert (demo_site / url / "index.html").is_file(), url


def test_record_pages_are_indexed_and_retracted_ones_are_not(demo_site):
    records = check_content(REPO / "content").records
    urls = set(indexed_urls(demo_site))
    retracted = [url_of(page_path(r)) for r in records if r.status == "retracted"]
    assert retracted
    for url in retracted:
        assert (demo_site / url / "index.html").is_file()  # the withdrawal notice answers …
        assert url not in urls  # … but search never offers it
    brands = [url_of(page_path(r)) for r in records if r.kind == "brand" and r.status == "published"
              and r.visibility == "public"]
    assert set(brands) <= urls


def test_the_results_page_exists_and_is_not_itself_a_result(demo_site):
    page = (demo_site / "search" / "index.html").read_text(encoding="utf-8")
    assert "data-sc-search-page" in page and 'name="kind"' in page and 'name="unit"' in page
    assert "search/" not in indexed_urls(demo_site)


def test_every_page_has_our_search_box_and_not_materials(demo_site):
    for path in [demo_site / "index.html", demo_site / "brands" / "wenlv-yidian" / "index.html"]:
        page = path.read_text(encoding="utf-8")
        assert page.count("data-sc-search ") + page.count("data-sc-search>") == 1
        assert 'data-md-component="search"' not in page and 'name="search"' not in page
        assert "assets/js/search-engine.js" in page and "assets/js/search.js" in page
    assert not (demo_site / "search" / "search_index.json").exists()


def test_the_index_stays_small_per_file(demo_site):
    data = demo_site / "search" / "data"
    assert max(p.stat().st_size for p in (data / "s").glob("*.js")) < 200_000
    assert (data / "index.js").stat().st_size < 50_000


# ---- public edition ----------------------------------------------------------------------------------

def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in strings_in(v)]
    return []


def internal_texts() -> list[str]:
    """Text only the internal edition may show: internal records' bodies and fields, internal fields."""
    texts = []
    for record in check_content(REPO / "content").records:
        spec = fields_of(record.kind)
        if record.visibility == "internal":
            texts += [s for s in re.split(r"[。！？\n]", record.body) if len(s.strip(" #*-")) >= 12]
            texts += [v for k, v in record.fields.items() if isinstance(v, str) and len(v) >= 8
                      and k in spec and spec[k].type in ("text", "markdown")]
        for name, field in spec.items():
            if field.internal:
                texts += [s for s in strings_in(record.fields.get(name)) if len(s) >= 3
                          and re.search("[\u4e00-\u9fff]", s)]
    return sorted({t.strip(" #*-") for t in texts})


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    project = sites.copy_demo(tmp_path_factory.mktemp("search-public"))
    return sites.build(project, "--edition", "public")


def test_public_edition_search_holds_nothing_internal(public_site, demo_site):
    # What the edition withholds (internal records, internal fields) must not be findable. A few
    # such strings legitimately reach public pages (an internal branch's name in the public honor
    # list); those are the edition's call, so only text no public page shows is checked.
    html = "\n".join(p.read_text(encoding="utf-8") for p in public_site.rglob("*.html"))
    withheld = [t for t in internal_texts() if t not in html]
    assert len(withheld) >= 5, withheld  # the demo has internal records and fields: not vacuous
    text = search_text(public_site)
    assert not [t for t in withheld if t in text]
    assert [t for t in withheld if t in search_text(demo_site)]  # the intranet edition does find them


def test_public_edition_indexes_no_internal_page(public_site):
    records = check_content(REPO / "content").records
    internal = {url_of(page_path(r)) for r in records if r.visibility == "internal" and r.kind in
                ("brand", "exemplar", "article", "notice")}
    assert internal
    assert not internal & set(indexed_urls(public_site))


# ---- loud failures -----------------------------------------------------------------------------------

def test_a_theme_without_the_search_engine_fails_the_build(tmp_path):
    project = sites.copy_fixture("basic", tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    (theme / "assets" / "js" / "search-engine.js").unlink()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(str(REPO / "theme"), str(theme)),
                      encoding="utf-8")
    result = sites.showcase("build", "-d", str(project / "site"), cwd=project)
    assert result.returncode != 0
    assert "站内检索索引生成失败" in result.stderr and "search-engine.js" in result.stderr
    assert not (project / "site").exists()  # nothing half-built is left behind
