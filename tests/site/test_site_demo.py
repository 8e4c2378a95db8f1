"""The showcase pages of the demo content (the session's `demo_site`), checked against the content
files themselves: every brand on the wall, units in official order, matrices, honor lines, rolls."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from support.site_html import between, headings, links, main_html, section, text_of
from support.sites import REPO

CONTENT = REPO / "content"


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}


def published(meta: dict) -> bool:
    return meta.get("status", "published") == "published" and not meta.get("publish_at")


def brands() -> dict[str, dict]:
    return {p.parent.name: meta for p in sorted(CONTENT.glob("brands/*/index.md")) if published(meta := front_matter(p))}


def units() -> list[dict]:
    return sorted(yaml.safe_load((CONTENT / "units.yml").read_text(encoding="utf-8")), key=lambda u: u["order"])


def test_every_published_brand_is_on_the_wall_once(demo_site):
    html = main_html(demo_site, "brands/")
    on_wall = [t.split("/")[1] for t in links(html, "brands/")
               if re.fullmatch(r"brands/[a-z0-9-]+/", t) and "#" not in t]
    titles = re.findall(r'<p class="sc-card__title"><a [^>]*>([^<]+)</a>', html)
    assert sorted(set(on_wall)) == sorted(brands()) and len(titles) == len(brands())
    assert "ybj-yizhanqing" not in on_wall  # a draft stays out


def test_wall_units_follow_the_official_order(demo_site):
    html = main_html(demo_site, "brands/")
    with_brands = {meta["unit"] for meta in brands().values()}
    expected = [u["name"] for u in units() if u["id"] in with_brands]
    assert [t for _, t in headings(html, "h2")] == expected


def test_every_matrix_shows_all_its_sub_brands(demo_site):
    all_brands = brands()
    parents = {meta["parent"] for meta in all_brands.values() if meta.get("parent")}
    assert parents, "the demo has 1+N matrices"
    for parent in parents:
        children = sorted(b for b, meta in all_brands.items() if meta.get("parent") == parent)
        url = f"brands/{parent}/"
        html = main_html(demo_site, url)
        assert f"“1+{len(children)}”品牌矩阵" in [t for _, t in headings(html, "h2")]
        tree_links = [t.split("/")[1] for t in links(section(html, "sc-tree"), url)]
        assert sorted(tree_links) == children
        for child in children:  # each sub-brand names its parent and draws the same tree
            child_html = main_html(demo_site, f"brands/{child}/")
            assert f"上级品牌：{all_brands[parent]['title']}" in text_of(child_html)
            assert f"brands/{parent}/" in links(section(child_html, "sc-tree"), f"brands/{child}/")


def test_the_honor_line_reads_as_in_the_document(demo_site):
    text = text_of(main_html(demo_site, "exemplars/rf-zjj-wuye/"))
    assert "2022年度市级机关“红旗党支部” 云直工〔2023〕5号" in text


def test_brand_and_sub_brand_honors_derived_from_exemplars(demo_site):
    batch = yaml.safe_load((CONTENT / "honors/bx-2021-2022.yml").read_text(encoding="utf-8"))
    line = f"{batch['title']} {batch['doc_no']}"
    for brand in ("wenlv-yidian", "wenlv-bwg"):  # named through bx-wenlv-yidian / bx-wenlv-bwg
        assert line in text_of(between(main_html(demo_site, f"brands/{brand}/"), "荣誉"))


def test_every_batch_lists_its_awards_in_document_order_and_marks_revoked(demo_site):
    for path in sorted(CONTENT.glob("honors/*.yml")):
        batch = yaml.safe_load(path.read_text(encoding="utf-8"))
        url = f"honors/{path.stem}/"
        html = main_html(demo_site, url)
        rows = re.findall(r"<tr>\s*<td>(\d+)</td>\s*<td>(.*?)</td>\s*<td>.*?</td>\s*<td>(.*?)</td>", html, re.S)
        assert [int(n) for n, _, _ in rows] == list(range(1, len(batch["awards"]) + 1)), url
        for (_, name_html, note), award in zip(rows, batch["awards"]):
            assert award["name"] in text_of(name_html) or award.get("ref"), url
            assert ("撤销" in note) == bool(award.get("revoked")), (url, award["name"])
        if batch.get("official_count"):
            measure = "名" if batch["type"] == "five_star_member" else "个"
            assert f"文件公布：{batch['official_count']}{measure}" in text_of(html)


def test_a_retracted_exemplar_stays_on_the_roll_by_name_without_a_link(demo_site):
    html = main_html(demo_site, "honors/rf-2021/")
    row = re.search(r"<tr>\s*<td>5</td>(.*?)</tr>", html, re.S).group(1)
    assert "市生态环境监测站党支部" in text_of(row) and "<del>" in row
    assert "exemplars/rf-sthjj-jiance/" not in links(row, "honors/rf-2021/")


def test_home_counters_show_the_official_figures_with_their_dates(demo_site):
    text = text_of(main_html(demo_site, ""))
    figures = yaml.safe_load((CONTENT / "campaign.yml").read_text(encoding="utf-8"))["figures"]
    for figure in figures:
        measure = "名" if figure["kind"] == "five_star_member" else "个"
        as_of = figure["as_of"]
        match = re.search(rf"官方累计{figure['official']}{measure} · 本站收录(\d+){measure} · "
                          rf"截至{as_of.year}年{as_of.month}月{as_of.day}日", text)
        assert match and 0 < int(match.group(1)) <= figure["official"]
    column = yaml.safe_load((CONTENT / "columns.yml").read_text(encoding="utf-8"))[0]
    articles = [p for p in CONTENT.glob("column/**/*.md") if p.name != "index.md" or p.parent.name != "column"]
    count = sum(1 for p in articles if (meta := front_matter(p)).get("series_no") and published(meta))
    assert f"已刊发{count}篇 / 计划{column['planned_total']}篇" in text


def test_home_links_to_column_competition_and_notices(demo_site):
    targets = links(main_html(demo_site, ""), "")
    assert any(t.startswith("column/20") for t in targets)
    assert any(re.fullmatch(r"competitions/[a-z0-9-]+/", t) for t in targets)
    assert any(re.fullmatch(r"notices/[a-z0-9-]+/", t) for t in targets)


def test_no_markdown_syntax_leaks_into_any_showcase_page(demo_site):
    pages = [""] + [str(p.parent.relative_to(demo_site)) + "/" for section in ("brands", "exemplars", "honors", "units")
                    for p in (demo_site / section).rglob("index.html")
                    if "md-content__inner" in p.read_text(encoding="utf-8")]  # not alias redirect pages
    assert len(pages) > 60
    for url in pages:
        text = text_of(main_html(demo_site, url))
        assert not re.search(r"\]\(|\*\*|\{[#.]|\{%|\{\{", text), url
