"""Pure logic of the showcase pages: pagination, counters, the 事迹汇编 helpers, anchors, numbers."""
from datetime import datetime
from pathlib import Path

import pytest
from pymdownx.slugs import slugify

from showcase.checks.run import check_content
from showcase.content.values import BEIJING
from showcase.domain.counters import campaign_counters, column_progress, honorees
from showcase.domain.edition import Edition, select
from showcase.domain.formatting import anchor, cn_number
from showcase.domain.model import build_model
from showcase.pages import brands
from showcase.pages import exemplars
from showcase.pages.compilation import demote, rebase_links
from showcase.pages.pagination import page_of, page_runs, page_src, page_title, paginate

FIXTURES = Path(__file__).parent / "fixtures"


def model_of(name: str):
    checked = check_content(FIXTURES / name / "content")
    assert not checked.problems.errors, checked.problems.report()
    edition = Edition(now=datetime(2025, 1, 1, tzinfo=BEIJING))
    return build_model(select(checked.records, edition), edition)


# ---- pagination ---------------------------------------------------------------------------------

def test_page_sources_are_directory_urls_under_the_listing():
    assert page_src("brands/", 1) == "brands/index.md"
    assert page_src("brands", 2) == "brands/page/2/index.md"
    assert page_src("exemplars/five-star-members/", 12) == "exemplars/five-star-members/page/12/index.md"
    assert page_src("", 3) == "page/3/index.md"


def test_paginate_splits_in_order_and_links_neighbours():
    items = list(range(61))
    pagers = paginate(items, 30, "brands/")
    assert [len(p.items) for p in pagers] == [30, 30, 1]
    assert [i for p in pagers for i in p.items] == items
    first, middle, last = pagers
    assert (first.prev_src, first.next_src) == (None, "brands/page/2/index.md")
    assert (middle.prev_src, middle.next_src) == ("brands/index.md", "brands/page/3/index.md")
    assert last.next_src is None and last.is_paged
    assert (last.first_index, last.last_index, last.total) == (60, 61, 61)
    assert page_title("党建品牌", first) == "党建品牌"
    assert page_title("党建品牌", last) == "党建品牌（第3页）"
    assert page_of(pagers, 45) is middle


def test_an_empty_listing_still_has_its_first_page():
    (only,) = paginate([], 30, "exemplars/red-flag-branches/")
    assert only.items == () and only.count == 1 and not only.is_paged
    with pytest.raises(ValueError):
        paginate([1], 0, "x/")


def test_the_page_bar_stays_short_for_thousands_of_items():
    pagers = paginate(range(1800), 24, "column/list/")  # the column's 1,800 articles: 75 pages
    assert len(pagers) == 75
    assert pagers[34].window() == [1, None, 33, 34, 35, 36, 37, None, 75]
    assert pagers[0].window() == [1, 2, 3, None, 75]
    assert pagers[74].window() == [1, None, 73, 74, 75]
    # a gap of exactly one page shows the page instead of "…"
    assert pagers[3].window() == [1, 2, 3, 4, 5, 6, None, 75]
    assert all(len(p.window()) <= 9 for p in pagers)


def test_runs_say_when_a_group_continues_from_the_page_before():
    items = ["a"] * 3 + ["b"] * 4 + ["c"]
    pagers = paginate(items, 5, "x/")
    runs = page_runs(pagers, key=lambda item: item)
    assert runs[0] == [("a", ("a",) * 3, False), ("b", ("b",) * 2, False)]
    assert runs[1] == [("b", ("b",) * 2, True), ("c", ("c",), False)]


def test_a_key_of_none_is_a_group_like_any_other():
    pagers = paginate([None, None, None], 2, "x/")
    runs = page_runs(pagers, key=lambda item: item)
    assert runs == [[(None, (None, None), False)], [(None, (None,), True)]]


# ---- 事迹汇编 helpers --------------------------------------------------------------------------------

def test_demote_moves_headings_down_but_not_inside_code():
    text = "## 事迹材料\n\n正文\n\n### 小标题\n\n```\n## 代码里的井号\n```\n#不是标题\n"
    assert demote(text) == "### 事迹材料\n\n正文\n\n#### 小标题\n\n```\n## 代码里的井号\n```\n#不是标题\n"


def test_rebase_links_repoints_relative_targets_only():
    text = ("![照片](photo.jpg \"图注\") [品牌](../../brands/x/index.md#品牌内涵) [外](https://example.org/a)"
            " [锚](#事迹) [站内](/abs/)\n\n[ref]: files/a.pdf\n")
    moved = rebase_links(text, "exemplars/fs-wang/index.md", "exemplars/five-star-members/compilation/index.md")
    assert "](../../fs-wang/photo.jpg \"图注\")" in moved
    assert "](../../../brands/x/index.md#品牌内涵)" in moved
    assert "](https://example.org/a)" in moved and "](#事迹)" in moved and "](/abs/)" in moved
    assert "[ref]: ../../fs-wang/files/a.pdf" in moved


# ---- formatting -------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["云川市文化和旅游局", "2022年度市级机关“红旗党支部”", "市文旅局“文旅红·一店一名片”党建品牌",
                                   "Alpha Beta_1", "“1+6”品牌矩阵", "事迹简介"])
def test_explicit_anchors_match_the_toc_slugify(title):
    assert anchor(title) == slugify(case="lower")(title, "-")


def test_anchors_keep_chinese_readable():
    assert anchor("2022年度市级机关“红旗党支部”") == "2022年度市级机关红旗党支部"


@pytest.mark.parametrize("value, shown", [(6.0, "6"), (2.4, "2.4"), (186000.0, "186000"), (0.125, "0.125"),
                                          (3, "3"), (None, "")])
def test_metric_numbers_read_as_written(value, shown):
    assert cn_number(value) == shown


# ---- derived data on the fixture --------------------------------------------------------------------

def test_counters_count_honorees_without_revoked_awards():
    model = model_of("site-showcase")
    counters = {c.kind: c for c in campaign_counters(model)}
    # brand exemplars: the exemplar page bx-hongqi, the brand `lone` named directly, a name without page
    assert counters["brand_exemplar"].count == 3 and counters["brand_exemplar"].pages == 1
    # red-flag branches: rf-shu and a name without a page
    assert counters["red_flag_branch"].count == 2
    # five-star members: 王红 (page) and 李明 (name only); 赵立's award is revoked, so not counted
    assert counters["five_star_member"].count == 2
    assert ("exemplar", "fs-zhao") not in honorees(model, "five_star_member")
    official = counters["five_star_member"]
    assert (official.official, official.measure, official.as_of.isoformat()) == (274, "名", "2023-04-21")


def test_column_progress_counts_published_articles_against_the_plan():
    (progress,) = column_progress(model_of("site-showcase"))
    assert (progress.published, progress.planned, progress.percent) == (2, 100, 2)
    assert progress.latest.id == "second"


def test_wall_orders_units_officially_and_sub_brands_after_their_parent():
    model = model_of("site-showcase")
    cards = brands.wall_cards(model)
    assert [c.brand.id for c in cards] == ["hongqi", "hongqi-guan", "hongqi-shu", "lone"]
    assert [c.level for c in cards] == ["main", "sub", "sub", "main"]
    assert cards[0].matrix_label == "“1+2”" and cards[1].parent.id == "hongqi"


def test_matrix_is_the_whole_tree_seen_from_any_member():
    model = model_of("site-showcase")
    tree = brands.matrix_of(model, model.get("brand", "hongqi-shu"))
    assert tree.brand.id == "hongqi" and tree.size == 3
    assert [(n.brand.id, n.current) for n in tree.children] == [("hongqi-guan", False), ("hongqi-shu", True)]
    assert brands.matrix_of(model, model.get("brand", "lone")) is None


def test_exemplar_year_and_honors_come_from_the_batches():
    model = model_of("site-showcase")
    card = exemplars.card(model, model.get("exemplar", "rf-shu"))
    assert card.year_label == "2021年度"
    assert [a.batch.id for a in card.awards] == ["rf-2021"]
    zhao = exemplars.card(model, model.get("exemplar", "fs-zhao"))
    assert zhao.awards[0].revoked["reason"] == "因违纪撤销"
