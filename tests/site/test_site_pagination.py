"""Listings paginate: the brand wall and the exemplar lists of a site with more records than a page
holds (the fixture plus generated records), built through the real CLI in strict mode."""
from __future__ import annotations

from pathlib import Path

import pytest

from showcase.pages.brands import PER_PAGE as BRANDS_PER_PAGE
from showcase.pages.exemplars import PER_PAGE as EXEMPLARS_PER_PAGE
from support import sites
from support.site_html import headings, links, main_html, page_html, text_of

pytestmark = pytest.mark.slow  # a fixture grown to hundreds of records, built

EXTRA_FGW_BRANDS = BRANDS_PER_PAGE + 10  # with the fixture's 3 wenlv brands: 2 wall pages
EXTRA_DAG_BRANDS = 3
EXTRA_MEMBERS = EXEMPLARS_PER_PAGE + 5


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = sites.copy_fixture("site-showcase", tmp_path_factory.mktemp("site-many"))
    content = project / "content"
    for n in range(EXTRA_FGW_BRANDS):
        write(content / f"brands/fgw-{n:03d}/index.md",
              f"---\ntitle: 发改品牌{n:03d}\nunit: fgw\nslogan: 口号{n}\n---\n\n## 品牌内涵\n\n内涵{n}。\n")
    for n in range(EXTRA_DAG_BRANDS):
        write(content / f"brands/dag-{n}/index.md", f"---\ntitle: 档案品牌{n}\nunit: dag\n---\n\n正文。\n")
    for n in range(EXTRA_MEMBERS):
        write(content / f"exemplars/fs-m{n:03d}/index.md",
              f"---\ntitle: 党员{n:03d}\nkind: five_star_member\nunit: dag\nperson: {{name: 党员{n:03d}}}\n"
              f"stars: [学习型, 服务型]\nsummary: 事迹{n}。\n---\n\n## 事迹材料\n\n事迹{n}。\n")
    return sites.build(project)


def test_wall_splits_into_pages_and_every_brand_is_on_one(site):
    total = 4 + EXTRA_FGW_BRANDS + EXTRA_DAG_BRANDS
    pages = ["brands/", "brands/page/2/"]
    assert not (site / "brands/page/3").exists() and (site / "brands/page/2/index.html").is_file()
    on_pages = [t for url in pages for t in links(main_html(site, url), url)
                if t.startswith("brands/") and t.count("/") == 2 and "/page/" not in t and "#" not in t]
    brand_links = list(dict.fromkeys(on_pages))
    assert len(brand_links) == total
    assert "第2页，共2页（31–" in text_of(main_html(site, "brands/page/2/"))
    assert "党建品牌（第2页）" in page_html(site, "brands/page/2/").split("<title>")[1]


def test_a_unit_running_over_a_page_break_continues_with_its_heading(site):
    first = [t for _, t in headings(main_html(site, "brands/"), "h2")]
    second = [t for _, t in headings(main_html(site, "brands/page/2/"), "h2")]
    assert first == ["云川市文化和旅游局", "云川市发展和改革委员会"]
    assert second == ["云川市发展和改革委员会（续）", "云川市档案馆"]


def test_unit_chips_link_to_the_page_where_the_unit_starts(site):
    for url in ("brands/", "brands/page/2/"):
        chips = [t for t in links(main_html(site, url), url) if "#" in t]
        assert chips == ["brands/#云川市文化和旅游局", "brands/#云川市发展和改革委员会",
                         "brands/page/2/#云川市档案馆"]


def test_pager_links_both_ways(site):
    assert "brands/page/2/" in links(main_html(site, "brands/"), "brands/")
    second = links(main_html(site, "brands/page/2/"), "brands/page/2/")
    assert "brands/" in second  # 上一页 and page 1


def test_exemplar_list_paginates_and_its_compilation_holds_everyone(site):
    total = 2 + EXTRA_MEMBERS
    assert (site / "exemplars/five-star-members/page/2/index.html").is_file()
    listed = {t for url in ("exemplars/five-star-members/", "exemplars/five-star-members/page/2/")
              for t in links(main_html(site, url), url) if t.startswith("exemplars/fs-")}
    assert len(listed) == total
    compilation = main_html(site, "exemplars/five-star-members/compilation/")
    assert len(headings(compilation, "h2")) == total


def test_section_sidebar_stays_short(site):
    html = page_html(site, "brands/page/2/")
    nav = html.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "fgw-0" not in nav and "发改品牌" not in nav
