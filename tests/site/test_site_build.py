"""The showcase pages built from tests/fixtures/site-showcase through the real CLI (strict mode):
the pages, the links between them, derived data (honors, sub-brands, counters), Chinese conventions."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import sites
from support.site_html import between, headings, ids, links, main_html, page_html, section, text_of


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = sites.copy_fixture("site-showcase", tmp_path_factory.mktemp("site-showcase"))
    return sites.build(project)


SHOWCASE_PAGES = [
    "", "brands/", "brands/hongqi/", "brands/hongqi-guan/", "brands/hongqi-shu/", "brands/lone/",
    "exemplars/", "exemplars/brand-exemplars/", "exemplars/red-flag-branches/", "exemplars/five-star-members/",
    "exemplars/brand-exemplars/compilation/", "exemplars/red-flag-branches/compilation/",
    "exemplars/five-star-members/compilation/", "exemplars/years/2022/", "exemplars/years/2021/",
    "exemplars/bx-hongqi/", "exemplars/rf-shu/", "exemplars/fs-wang/", "exemplars/fs-zhao/",
    "honors/", "honors/bx-2022/", "honors/rf-2021/", "honors/fs-2022/", "honors/fs-2022/compilation/",
    "honors/bx-2022/compilation/", "honors/rf-2021/compilation/", "units/", "units/wenlv/", "units/fgw/", "units/dag/",
]


def test_every_showcase_page_is_built(site):
    missing = [url for url in SHOWCASE_PAGES if not (site / url / "index.html").is_file()]
    assert not missing


def resolve(site: Path, target: str) -> Path:
    path = target.split("#")[0]
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def test_every_link_and_anchor_on_showcase_pages_resolves(site):
    broken = []
    for url in SHOWCASE_PAGES:
        for target in links(main_html(site, url), url):
            file = resolve(site, target)
            if not file.is_file():
                broken.append(f"{url} → {target}")
            elif "#" in target and file.suffix == ".html":
                anchor = target.split("#", 1)[1]
                if anchor not in ids(file.read_text(encoding="utf-8")):
                    broken.append(f"{url} → {target} (no such anchor)")
    assert not broken, "\n".join(broken)


# ---- brand wall -------------------------------------------------------------------------------------

def test_wall_groups_brands_by_unit_in_official_order(site):
    html = main_html(site, "brands/")
    assert [text for _, text in headings(html, "h2")] == ["云川市文化和旅游局", "云川市发展和改革委员会"]
    # units.yml order: wenlv 1, fgw 2 — neither id order nor pinyin (发 f < 文 w) would give this
    chips = [t for t in links(html, "brands/") if "#" in t]
    assert chips == ["brands/#云川市文化和旅游局", "brands/#云川市发展和改革委员会"]
    assert "本站收录党建品牌4个，其中主品牌2个、子品牌2个，“1+N”品牌矩阵1个，分属2个单位" in text_of(html)


def test_wall_cards_show_name_unit_slogan_and_level(site):
    html = main_html(site, "brands/")
    cards = re.findall(r'<div class="sc-card sc-card--brand sc-card--(\w+)" data-level="\w+">(.*?)</div>\s*</div>',
                       html, re.S)
    by_title = {text_of(body).split(" ")[0]: (level, text_of(body)) for level, body in cards}
    assert by_title["红旗飘飘"] == ("main", "红旗飘飘 市文旅局 · 主品牌 “1+2” “让党旗在文旅窗口飘扬”")
    assert by_title["书香领航"][0] == "sub" and "子品牌 · 属于红旗飘飘" in by_title["书香领航"][1]
    assert "发改先行" in by_title
    # the level filter needs no script: radio inputs and CSS
    assert 'class="sc-filter--main"' in html and "<script" not in html


def test_brand_without_logo_gets_a_generated_cover_and_logo_is_processed(site):
    html = main_html(site, "brands/")
    assert 'class="sc-picture sc-cover"' in html  # lone has no logo
    srcs = re.findall(r'<img [^>]*src="([^"]+)"', html)
    assert srcs and all((site / "brands" / src).resolve().is_file() for src in srcs)
    assert not any(src.endswith("logo.png") for src in srcs)  # processed, never copied raw


# ---- brand page -------------------------------------------------------------------------------------

def test_brand_page_shows_every_field_in_its_searchable_content(site):
    text = text_of(main_html(site, "brands/hongqi/"))
    for shown in ["“让党旗在文旅窗口飘扬”", "所属单位：云川市文化和旅游局", "创建支部：市文化和旅游局机关党委",
                  "创建时间：2018年6月28日", "标识释义 红色飘带环抱金色圆心。", "品牌内涵", "主要做法", "工作成效",
                  "12.6万人次 服务游客 截至2023年12月31日", "2个 子品牌数量", "文旅融合", "品牌矩阵"]:
        assert shown in text, shown
    assert "2.0" not in text


def test_brand_headings_keep_readable_chinese_anchors(site):
    found = dict(headings(main_html(site, "brands/hongqi/"), "h2"))
    for anchor in ["标识释义", "品牌内涵", "主要做法", "工作成效", "成效数据", "品牌矩阵", "荣誉", "相关报道"]:
        assert anchor in found, anchor
    assert not [hid for hid in found if hid.startswith("_")]


def test_matrix_is_drawn_as_a_tree_from_any_member(site):
    tree = section(main_html(site, "brands/hongqi/"), "sc-tree")
    assert links(tree, "brands/hongqi/") == ["brands/hongqi-guan/", "brands/hongqi-shu/"]
    assert 'aria-current="page">红旗飘飘' in tree
    sub = main_html(site, "brands/hongqi-shu/")
    assert "品牌层级：子品牌（上级品牌：红旗飘飘）" in text_of(sub)
    sub_tree = section(sub, "sc-tree")
    assert "brands/hongqi/" in links(sub_tree, "brands/hongqi-shu/")
    assert "brands/hongqi-guan/" in links(sub_tree, "brands/hongqi-shu/")  # its sibling
    assert 'aria-current="page">书香领航' in sub_tree
    assert "品牌矩阵" not in text_of(main_html(site, "brands/lone/"))


def test_brand_honors_are_derived_from_the_batches(site):
    # hongqi is honored through its exemplar page, lone by name in the batch: both show the honor line
    for url in ("brands/hongqi/", "brands/lone/"):
        honors = between(main_html(site, url), "荣誉")
        assert text_of(honors) == "2021—2022年度市级机关党建品牌先进典型 云直工〔2023〕3号"
        assert links(honors, url) == ["honors/bx-2022/"]
    assert "荣誉" not in dict(headings(main_html(site, "brands/hongqi-guan/"), "h2")).values()


def test_brand_related_articles_and_exemplars(site):
    html = main_html(site, "brands/hongqi/")
    assert links(between(html, "相关报道"), "brands/hongqi/") == ["column/2023/first/"]
    assert "《云川日报》2023年4月21日 第3版" in text_of(between(html, "相关报道"))
    assert links(between(html, "先进典型事迹"), "brands/hongqi/") == ["exemplars/bx-hongqi/"]


# ---- exemplars --------------------------------------------------------------------------------------

def test_exemplar_page_has_the_honor_line_and_badges(site):
    text = text_of(main_html(site, "exemplars/rf-shu/"))
    assert "2021年度市级机关“红旗党支部” 云直工〔2022〕4号" in text
    assert "红旗党支部" in text and "所在支部：云川市图书馆党支部" in text
    assert "队伍坚强有力 队伍先进纯洁 党务健全规范" in text_of(section(main_html(site, "exemplars/rf-shu/"), "sc-badges"))
    person = text_of(main_html(site, "exemplars/fs-wang/"))
    assert "姓名：王红（市发改委综合科科长）" in person and "五星：5星" in person
    assert "事迹简介 王红同志长期在综合科工作。" in person


def test_a_revoked_honor_is_marked_on_the_exemplar_page(site):
    html = main_html(site, "exemplars/fs-zhao/")
    line = re.search(r'<p class="sc-honor-line sc-honor-line--revoked">(.*?)</p>', html, re.S).group(1)
    assert "<del>" in line and text_of(line) == "2022年度市级机关“五星党员”标兵 云直工〔2023〕6号 已于2024年5月10日撤销"


def test_kind_lists_group_by_batch_year_and_link_their_compilation(site):
    html = main_html(site, "exemplars/five-star-members/")
    assert [t for _, t in headings(html, "h2")] == ["2022年度"]
    assert links(html, "exemplars/five-star-members/")[:1] == ["exemplars/five-star-members/compilation/"]
    assert {"exemplars/fs-wang/", "exemplars/fs-zhao/"} <= set(links(html, "exemplars/five-star-members/"))
    overview = main_html(site, "exemplars/")
    assert "exemplars/years/2021/" in links(overview, "exemplars/")
    year = main_html(site, "exemplars/years/2021/")
    assert "市图书馆党支部" in text_of(year) and "王红" not in text_of(year)
    assert "honors/rf-2021/compilation/" in links(year, "exemplars/years/2021/")  # the year's printable view


def test_compilation_holds_every_story_with_demoted_headings_and_its_images(site):
    html = main_html(site, "exemplars/brand-exemplars/compilation/")
    assert [t for _, t in headings(html, "h2")] == ["市文旅局“红旗飘飘”党建品牌"]
    assert ("事迹材料" in [t for _, t in headings(html, "h3")]
            and "一套指引管创建" in [t for _, t in headings(html, "h4")])
    imgs = re.findall(r'<img [^>]*src="([^"]+)"', html)
    assert imgs and all((site / "exemplars/brand-exemplars/compilation" / s).resolve().is_file() for s in imgs)
    five = main_html(site, "exemplars/five-star-members/compilation/")
    assert [t for _, t in headings(five, "h2")] == ["王红", "赵立"]
    assert "sc-story__title" in five


def test_batch_compilation_follows_document_order_and_lists_names_without_story(site):
    html = main_html(site, "honors/fs-2022/compilation/")
    assert [t for _, t in headings(html, "h2")] == ["王红", "赵立", "名单中的其他获奖者"]
    assert "李明（云川市文化和旅游局）" in text_of(html)


# ---- honors -----------------------------------------------------------------------------------------

def test_honor_roll_lists_batches_by_year_with_document_number_date_and_counts(site):
    html = main_html(site, "honors/")
    assert [t for _, t in headings(html, "h2")] == ["2022年", "2021年"]
    text = text_of(html)
    assert "2021—2022年度市级机关党建品牌先进典型 云直工〔2023〕3号 2023年1月18日 20个 3个" in text
    assert "2022年度市级机关“五星党员”标兵 云直工〔2023〕6号 2023年3月15日 83名 3名（其中撤销1名）" in text


def test_batch_lists_awards_in_document_order_and_keeps_revoked_ones(site):
    html = main_html(site, "honors/fs-2022/")
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>\s*<td>(.*?)</td>", html, re.S)
    assert [(n, text_of(name)) for n, name in rows] == [("1", "王红"), ("2", "李明"), ("3", "赵立")]
    assert "<del>" in rows[2][1]
    text = text_of(html)
    assert "赵立的称号已于2024年5月10日撤销。撤销原因：因违纪撤销" in text
    assert "文件公布：83名" in text and "本站列出：3名（名单节选，完整名单以文件为准）" in text


# ---- units ------------------------------------------------------------------------------------------

def test_units_in_official_order_with_former_names(site):
    html = main_html(site, "units/")
    unit_links = [t for t in links(html, "units/") if t.startswith("units/")]
    assert unit_links == ["units/wenlv/", "units/fgw/", "units/dag/"]
    assert "曾用名：云川市文化广电新闻出版局" in text_of(html)


def test_unit_page_gathers_everything_linked_to_the_unit(site):
    html = main_html(site, "units/wenlv/")
    text = text_of(html)
    assert "曾用名：云川市文化广电新闻出版局（使用至2019年1月15日）" in text
    targets = set(links(html, "units/wenlv/"))
    assert {"brands/hongqi/", "brands/hongqi-guan/", "brands/hongqi-shu/", "exemplars/bx-hongqi/",
            "exemplars/rf-shu/", "honors/fs-2022/", "column/2023/first/", "column/2023/second/"} <= targets
    assert "李明" in text_of(between(html, "荣誉"))  # an award without an exemplar page still counts
    dag = text_of(main_html(site, "units/dag/"))
    assert "赵立" in dag and "已于2024年5月10日撤销" in dag


# ---- home -------------------------------------------------------------------------------------------

def test_home_counters_beside_the_official_figures(site):
    text = text_of(main_html(site, ""))
    assert "品牌先进典型 74个 官方累计74个 · 本站收录3个 · 截至2023年4月21日" in text
    assert "红旗党支部 178个 官方累计178个 · 本站收录2个 · 截至2023年4月21日" in text
    assert "五星党员标兵 274名 官方累计274名 · 本站收录2名 · 截至2023年4月21日" in text
    assert "已刊发2篇 / 计划100篇" in text


def test_home_links_latest_articles_notices_featured_brands_and_sections(site):
    targets = links(main_html(site, ""), "")
    assert targets.index("column/2023/second/") < targets.index("column/2023/first/")  # newest first
    for target in ["notices/n1/", "brands/lone/", "brands/", "exemplars/five-star-members/", "column/",
                   "competitions/", "honors/", "units/"]:
        assert target in targets, target
    # only the brand marked `featured: true`
    assert "brands/hongqi/" not in targets


# ---- conventions ------------------------------------------------------------------------------------

def test_dates_and_counts_follow_chinese_conventions(site):
    for url in SHOWCASE_PAGES:
        text = text_of(main_html(site, url))
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), url
        assert not re.search(r"\d\.0(?!\d)", text), url


def test_no_markdown_syntax_leaks_into_the_text(site):
    for url in SHOWCASE_PAGES:
        text = text_of(main_html(site, url))
        assert not re.search(r"\]\(|\*\*|\{[#.]|\{%|\{\{", text), url


def test_search_finds_structured_fields_on_the_entity_pages(site):
    from showcase.search.query import IndexReader  # the site's own index, read as the browser would

    reader = IndexReader(site / "search/data")

    def urls(text: str) -> set[str]:
        return {reader.doc(doc)["u"] for doc in reader.find(text)}

    for text, page in [("让党旗在文旅窗口飘扬", "brands/hongqi/"), ("市文化和旅游局机关党委", "brands/hongqi/"),
                       ("云直工〔2022〕4号", "exemplars/rf-shu/"), ("队伍先进纯洁", "exemplars/rf-shu/"),
                       ("市发改委综合科科长", "exemplars/fs-wang/"), ("万人次", "brands/hongqi/")]:
        assert any(page in url for url in urls(text)), (text, urls(text))
    assert not any("/compilation/" in url for url in urls("王红同志长期在综合科工作"))


def test_sidebar_lists_sections_only(site):
    html = page_html(site, "brands/hongqi/")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.S).group(0)
    assert "hongqi-guan" not in nav and "红旗飘飘" not in nav


def test_a_record_id_that_a_listing_uses_is_refused(tmp_path):
    project = sites.copy_fixture("site-showcase", tmp_path)
    page = project / "content/brands/page"
    page.mkdir()
    (page / "index.md").write_text("---\ntitle: 冒名\nunit: fgw\n---\n正文。\n", encoding="utf-8")
    result = sites.showcase("check", cwd=project)
    assert result.returncode != 0
    assert ("content/brands/page/index.md:1: 错误: 品牌标识“page”已被网站用作栏目网址（brands/page/）"
            in result.stdout + result.stderr)


@pytest.mark.slow
def test_a_draft_shows_only_in_the_preview_and_is_marked_there(tmp_path):
    project = sites.copy_fixture("site-showcase", tmp_path)
    brand = project / "content/brands/lone/index.md"
    brand.write_text(brand.read_text(encoding="utf-8").replace("featured: true\n", "featured: true\nstatus: draft\n"),
                     encoding="utf-8")
    preview = sites.build(project, "--drafts", site_dir=tmp_path / "preview")
    card = re.search(r'<div class="sc-card sc-card--brand[^"]*"[^>]*>(?:(?!sc-card--brand).)*?发改先行.*?'
                     r'sc-card__meta.*?</p>', main_html(preview, "brands/"), re.S).group(0)
    assert "草稿" in text_of(card)
    site = sites.build(project, site_dir=tmp_path / "site")
    assert "brands/lone/" not in links(main_html(site, "brands/"), "brands/")
    assert "本站收录党建品牌3个" in text_of(main_html(site, "brands/"))
