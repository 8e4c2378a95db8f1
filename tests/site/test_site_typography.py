"""Chinese typography in the built pages of the one-of-each fixture (through the real command): the
measure word of an honor batch's counts, dates and 文号 kept in one piece, and the big screen's slide
of a brand that has no logo."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support.sites import REPO, build, copy_fixture

pytestmark = pytest.mark.slow  # builds of a fixture, ~3 s each

BATCHES = {
    # people, each linked to a five-star member's page: counted in 名
    "2023-youxiu.yml": """title: 2023年度市级机关优秀共产党员
type: other
year: 2023
doc_no: 云直工〔2023〕18号
decided_on: 2023-06-28
official_count: 18
awards:
  - {ref: star-li, name: 李红梅, unit: fgw}
""",
    # brands: counted in 个
    "2023-jiti.yml": """title: 2023年度机关党建创新案例
type: other
year: 2023
official_count: 7
awards:
  - {ref: alpha, name: 文旅红, unit: wenlv}
""",
    # nothing linked, the batch says what it counts
    "2023-dangwu.yml": """title: 2023年度优秀党务工作者
type: other
year: 2023
official_count: 12
measure: 名
awards:
  - {ref: null, name: 赵明, unit: wenlv}
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_fixture("one-of-each", tmp_path_factory.mktemp("typography"))
    for name, text in BATCHES.items():
        (project / "content" / "honors" / name).write_text(text, encoding="utf-8")
    return build(project)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_an_honor_batch_counts_people_in_ming_and_groups_in_ge(site):
    page = lambda batch: text_of((site / "honors" / batch / "index.html").read_text(encoding="utf-8"))
    assert "文件公布：18名" in page("2023-youxiu") and "本站列出：1名" in page("2023-youxiu")
    assert "文件公布：7个" in page("2023-jiti")
    assert "文件公布：12名" in page("2023-dangwu")
    assert "文件公布：3名" in page("2022-five-star")  # a kind of exemplar: its own measure word
    listing = text_of((site / "honors" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"优秀共产党员 云直工〔2023〕18号 2023年6月28日 18名 1名", listing), listing


def test_dates_and_document_numbers_are_one_unbreakable_word(site):
    html = (site / "honors" / "2023-youxiu" / "index.html").read_text(encoding="utf-8")
    assert '<span class="sc-nobr">云直工〔2023〕18号</span>' in html
    assert '<span class="sc-nobr">2023年6月28日</span>' in html
    article = (site / "column" / "2023" / "first" / "index.html").read_text(encoding="utf-8")
    spans = re.findall(r'<span class="sc-nobr">([^<]+)</span>', article)
    assert spans and all(re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日|.+〔\d{4}〕\d+号", s) for s in spans), spans
    # every date the article shows as text is inside one
    shown = re.findall(r"\d{4}年\d{1,2}月\d{1,2}日", text_of(article.split('<div class="md-content"', 1)[1]))
    assert len(shown) == len([s for s in spans if s.endswith("日")])


def test_a_brand_without_a_logo_gets_no_stand_in_logo_on_the_big_screen(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    shutil.copy(REPO / "content" / "brands" / "jt-tongda" / "logo.png", project / "content" / "brands" / "alpha")
    brand = project / "content" / "brands" / "alpha" / "index.md"
    brand.write_text(brand.read_text(encoding="utf-8").replace("unit: wenlv\n", "unit: wenlv\nlogo: logo.png\n", 1),
                     encoding="utf-8")
    html = (build(project) / "competitions" / "story-2022" / "bigscreen" / "index.html").read_text(encoding="utf-8")
    slides = re.findall(r'<section class="bs-slide bs-slide--entry.*?</section>', html, re.S)
    assert len(slides) == 2
    with_logo = [s for s in slides if "文旅红" in s]
    without = [s for s in slides if "文旅红" not in s]
    assert len(with_logo) == len(without) == 1
    assert 'class="bs-logo"' in with_logo[0] and "<img" in with_logo[0].split('class="bs-logo"')[1]
    assert 'class="bs-logo"' not in without[0] and "bs-initials" not in without[0]
    name = re.search(r'<h2 class="bs-name">([^<]+)</h2>', without[0]).group(1)
    assert len(name) > 2 and f">{name[:2]}<" not in without[0]  # the name, never its first two characters
