"""`showcase build --print` on the demo: every publication as a PDF a printer can take as it is —
TOC page numbers that lead to their titles, page numbers in the footers, embedded subset fonts,
bookmarks, one sheet per judge; and the pages that link them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from showcase.checks.run import check_content
from support.pdf import (fill_ratios, font_names, font_problems, footer_numbers, outline_titles, page_texts,
                         squeeze, toc_items)
from support.sites import REPO, build, copy_demo, showcase

pytestmark = pytest.mark.slow  # builds the demo with its printed publications


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    project = copy_demo(tmp_path_factory.mktemp("demo-print"))
    return build(project, "--print")


def booklets(site: Path) -> list[Path]:
    return sorted(p for p in (site / "print").rglob("*.pdf") if p.name != "sheets.pdf")


def test_every_publication_is_written(printed):
    records = check_content(printed.parent / "content").records
    batches = {r.id for r in records if r.kind == "honor"}
    years = {r["date"].year for r in records if r.kind == "article" and r.status == "published"}
    written = {p.relative_to(printed / "print").as_posix() for p in (printed / "print").rglob("*.pdf")}
    assert {f"honors/{b}.pdf" for b in batches} <= written
    assert {f"column/sanchuang/{y}.pdf" for y in years} <= written
    assert {"brands/all.pdf", "competitions/brand-show-2023/sheets.pdf",
            "competitions/brand-show-2023/brands.pdf", "exemplars/red-flag-branch-2021.pdf"} <= written


def test_pages_link_their_pdfs(printed):
    for page, pdf in [("honors/bx-2021-2022/index.html", "print/honors/bx-2021-2022.pdf"),
                      ("column/archive/2023/index.html", "print/column/sanchuang/2023.pdf"),
                      ("competitions/brand-show-2023/index.html", "print/competitions/brand-show-2023/sheets.pdf"),
                      ("brands/index.html", "print/brands/all.pdf"),
                      ("exemplars/years/2021/index.html", "print/exemplars/five-star-member-2021.pdf")]:
        html = (printed / page).read_text(encoding="utf-8")
        links = re.findall(r'class="sc-page-links sc-print-links[^"]*">(.*?)</p>', html)
        assert links, page
        hrefs = re.findall(r'href="([^"]+\.pdf)"', links[0])
        resolved = {((printed / page).parent / href).resolve() for href in hrefs}
        assert (printed / pdf).resolve() in resolved, (page, hrefs)
        assert all(p.is_file() for p in resolved)


def test_site_without_print_has_no_print_links(demo_site):
    assert not (demo_site / "print").exists()
    pages = [p.read_text(encoding="utf-8") for p in demo_site.rglob("*.html")]
    assert not any("sc-print-links" in text or ".pdf\"" in text for text in pages)
    preface = (REPO / "content/honors/bx-2021-2022.preface.md").read_text(encoding="utf-8").splitlines()[0][:30]
    assert not any(preface in text for text in pages)  # the 前言 is for the printed booklet only
    assert not [p for p in demo_site.rglob("*") if "preface" in p.name]


def test_toc_page_numbers_lead_to_their_titles(printed):
    checked = 0
    for pdf in booklets(printed):
        items, numbers, texts = toc_items(pdf), footer_numbers(pdf), [squeeze(t) for t in page_texts(pdf)]
        assert len(items) >= 2, pdf
        for title, number in items:
            assert numbers.count(number) == 1, (pdf.name, title, number)
            assert title in texts[numbers.index(number)], (pdf.name, title, number)
            checked += 1
    assert checked >= 100


def test_each_entry_starts_a_page_unless_run_on(printed):
    pdf = printed / "print/honors/rf-2021.pdf"
    numbers, texts = footer_numbers(pdf), page_texts(pdf)
    for title, number in toc_items(pdf):
        first_lines = squeeze("".join(texts[numbers.index(number)].splitlines()[:3]))
        assert title in first_lines, title


def test_footers_number_every_page_but_the_cover(printed):
    for pdf in booklets(printed):
        numbers = footer_numbers(pdf)
        assert numbers[0] is None, pdf.name
        assert numbers[1:] == list(range(2, len(numbers) + 1)), pdf.name


def test_footer_numbers_are_outer_aligned(printed):
    import pdfplumber

    with pdfplumber.open(str(printed / "print/brands/all.pdf")) as pdf:
        for page in pdf.pages[1:6]:
            dashes = [c for c in page.chars if c["text"] == "—" and c["top"] > page.height * 0.85]
            middle = sum(c["x0"] for c in dashes) / len(dashes)
            odd = page.page_number % 2 == 1
            assert (middle > page.width / 2) == odd, page.page_number


def test_fonts_are_embedded_subsets(printed):
    for pdf in sorted((printed / "print").rglob("*.pdf")):
        assert font_problems(pdf) == [], pdf.name
        names = font_names(pdf)
        assert all(re.match(r"/[A-Z]{6}\+", name) for name in names), names
        assert any("Serif-CJK" in name or "FangSong" in name for name in names), names


def test_bookmarks_list_the_entries(printed):
    pdf = printed / "print/honors/bx-2021-2022.pdf"
    outline = outline_titles(pdf)
    titles = [title for title, _ in toc_items(pdf)]
    assert [t for t in outline if t in titles] == titles
    assert "前言" in outline and "目录" in outline


def test_preface_is_printed_when_the_batch_has_one(printed):
    with_preface = squeeze("".join(page_texts(printed / "print/honors/bx-2021-2022.pdf")[1:3]))
    assert "前言" in with_preface and "汇编成册" in with_preface
    assert "前言" not in [t for t, _ in toc_items(printed / "print/honors/rf-2021.pdf")]


def test_score_sheets_one_per_judge(printed):
    pdf = printed / "print/competitions/brand-show-2023/sheets.pdf"
    texts = page_texts(pdf)
    sheets = [t for t in texts if "评委编号" in t]
    judges = next(r for r in check_content(printed.parent / "content").records if r.kind == "competition")["judges"]
    assert len(sheets) == len(judges)
    assert [re.search(r"评委编号：\s*(\d+)", t).group(1) for t in sheets] == [f"{i:02d}" for i in range(1, len(judges) + 1)]
    for text in sheets:
        assert "评委签名" in text
        lines = text.splitlines()
        for name in ("品牌内涵", "创建举措", "工作成效", "展示效果", "（30分）", "（100分）"):
            assert any(name in line for line in lines), name  # never "品牌内/涵" or "（30/分）"
    assert "成绩表" in texts[-1] and "一等奖" in texts[-1]


def test_run_on_packs_entries(printed, tmp_path):
    project = printed.parent
    separate, packed = tmp_path / "separate.pdf", tmp_path / "packed.pdf"
    args = ("print", "exemplars", "five_star_member", "--year", "2021")
    showcase(*args, "-o", str(separate), cwd=project, check=True)
    showcase(*args, "--run-on", "-o", str(packed), cwd=project, check=True)
    assert len(page_texts(packed)) < len(page_texts(separate))
    numbers, ratios = footer_numbers(packed), fill_ratios(packed)
    first_entry = numbers.index(toc_items(packed)[1][1])  # [0] is the 名单
    body = ratios[first_entry:-1]
    assert body and min(body) >= 0.25, ratios
