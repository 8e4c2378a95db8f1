"""The publish report's comparison of two built sites, page by page (showcase/cli/publish_log.py)."""
from __future__ import annotations

from showcase.cli.publish_log import compare, read_page, site_pages, summary


def page(article: str, title: str = "页", withdrawn: bool = False) -> str:
    kind = "retracted" if withdrawn else "article"
    return (f"<html><head><title>{title}</title></head><body><nav>{article[:3]}</nav>"
            f'<div class="sc-page sc-page--{kind}"><article class="md-content__inner">{article}</article></div></body></html>')


def test_pages_are_compared_by_their_article_and_a_gone_or_noticed_page_is_withdrawn(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for site, pages in ((old, {"a": page("甲"), "b": page("乙"), "c": page("丙"), "d": page("丁")}),
                        (new, {"a": page("甲", title="改了标题"), "b": page("乙二"), "c": page("撤回", withdrawn=True),
                               "e": page("戊", title="新页")})):
        for name, html in pages.items():
            (site / name).mkdir(parents=True)
            (site / name / "index.html").write_text(html, encoding="utf-8")
        (site / "404.html").write_text(page(site.name), encoding="utf-8")
    changes = compare(site_pages(old), site_pages(new))
    assert changes.added == [("e/", "新页")]
    assert changes.changed == [("b/", "页")]  # a's article is the same: its <title> alone is chrome
    assert changes.withdrawn == [("c/", "页"), ("d/", "页")]
    text = summary(changes, None)
    assert text.splitlines()[0] == "与上次生成相比：新增 1 页，修改 1 页，撤下 2 页。"
    assert "  撤下  /d/  页" in text


def test_a_title_is_plain_text():
    assert read_page("<title>甲 &amp; 乙\n - 站</title>").title == "甲 & 乙 - 站"
