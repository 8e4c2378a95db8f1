"""Which publication a request names, how it becomes bytes, and what a site's print build holds.

`showcase print KIND [ID]` and `showcase build --print` both come through here, so a PDF on the
site is the same file the command writes.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from showcase.content.workers import IN_THIS_PROCESS, Workers
from showcase.domain.model import Model
from showcase.publications import collect
from showcase.publications.booklet import Booklet
from showcase.publications.collect import Options, PrintError
from showcase.publications.sheets import score_sheets

KINDS = {"honors": "事迹汇编（评选批次）", "exemplars": "事迹汇编（类别和年度）", "brands": "品牌汇编",
         "column": "剪报集", "sheets": "评分表和成绩表"}
FORMATS = ("pdf", "docx")
PRINT_DIR = "print"


@dataclass(frozen=True)
class Request:
    kind: str
    id: str | None = None
    year: int | None = None


def booklet_for(model: Model, request: Request, options: Options) -> Booklet:
    booklet = replace(_booklet(model, request, options), to_html=options.markdown)
    return replace(booklet, preview=True) if options.preview else booklet


def _booklet(model: Model, request: Request, options: Options) -> Booklet:
    kind, ident, year = request.kind, request.id, request.year
    if kind not in KINDS:
        raise PrintError(f"错误: 不认识的出版物“{kind}” — 可用：" + "、".join(f"{k}（{v}）" for k, v in KINDS.items()))
    if kind == "honors":
        if not ident:
            raise PrintError(f"错误: 缺少评选批次 — 写成 showcase print honors 批次标识；可用：{collect.choices(model.honors)}")
        return collect.honor_batch(model, ident, options)
    if kind == "exemplars":
        if not ident:
            raise PrintError("错误: 缺少类别 — 写成 showcase print exemplars brand_exemplar --year 2022")
        return collect.exemplar_year(model, ident, year, options)
    if kind == "brands":
        return collect.brands(model, options, year=year, competition_id=ident)
    if kind == "column":
        return collect.clippings(model, year, options, column_id=ident)
    if not ident:
        raise PrintError(f"错误: 缺少展示赛 — 写成 showcase print sheets 展示赛标识；可用：{collect.choices(model.competitions)}")
    return score_sheets(model, ident, options)


def render(booklet: Booklet, fmt: str, template_dir: Path, roots: tuple, refused: list | None = None) -> bytes:
    """The booklet as PDF or .docx bytes."""
    from showcase.publications.fonts import pick_fonts

    if fmt == "docx":
        if booklet.kind == "sheets":
            raise PrintError("错误: 评分表只出 PDF — 去掉 --format docx")
        from showcase.publications.docx import booklet_docx

        return booklet_docx(booklet, pick_fonts())
    from showcase.publications.html import render_booklet
    from showcase.publications.pdf import html_to_pdf

    template = "sheets.html" if booklet.kind == "sheets" else "booklet.html"
    html = render_booklet(booklet, pick_fonts(), template_dir, template)
    return html_to_pdf(html, template_dir, roots, refused)


@dataclass(frozen=True)
class SitePrint:
    path: str  # under site/, e.g. print/honors/bx-2021-2022.pdf
    request: Request
    key: str  # the page that links it: honors/<id>, exemplars/<year>, brands, competitions/<id>, column/<id>/<year>
    label: str  # the link's text


def site_prints(model: Model) -> list[SitePrint]:
    """Every PDF `showcase build --print` writes for this edition, with the page that links it."""
    found = [SitePrint(f"{PRINT_DIR}/honors/{b.id}.pdf", Request("honors", b.id), f"honors/{b.id}", "事迹汇编")
             for b in model.honors if any(a.target is not None for a in model.awards.get(b.id, []))]
    kinds_years = sorted({(b["type"], b["year"]) for b in model.honors if b["type"] in collect.EXEMPLAR_KIND_NAMES})
    found += [SitePrint(f"{PRINT_DIR}/exemplars/{kind.replace('_', '-')}-{year}.pdf", Request("exemplars", kind, year),
                        f"exemplars/{year}", f"{collect.EXEMPLAR_KIND_NAMES[kind]}事迹汇编") for kind, year in kinds_years]
    if model.brands:
        found.append(SitePrint(f"{PRINT_DIR}/brands/all.pdf", Request("brands"), "brands", "品牌汇编"))
    for competition in model.competitions:
        base, key = f"{PRINT_DIR}/competitions/{competition.id}", f"competitions/{competition.id}"
        found.append(SitePrint(f"{base}/brands.pdf", Request("brands", competition.id), key, "参赛品牌汇编"))
        if not model.edition.is_public:
            found.append(SitePrint(f"{base}/sheets.pdf", Request("sheets", competition.id), key, "评分表和成绩表"))
    for column in model.columns:
        years = sorted({a["date"].year for a in model.articles if a.get("column") == column.id})
        found += [SitePrint(f"{PRINT_DIR}/column/{column.id}/{y}.pdf", Request("column", column.id, y),
                            f"column/{column.id}/{y}", f"{y}年剪报集") for y in years]
    return found


def page_links(prints: list[SitePrint]) -> dict[str, list[tuple[str, str]]]:
    """page key → [(label, path under site/)], for the pages' print links (theme/showcase/_print_links.md)."""
    links: dict[str, list[tuple[str, str]]] = {}
    for item in prints:
        links.setdefault(item.key, []).append((item.label, item.path))
    return links


def write_site_prints(model: Model, site_dir: Path, options: Options, template_dir: Path,
                      roots: tuple, refused: list | None = None, workers: Workers = IN_THIS_PROCESS) -> int:
    """Writes every PDF of `site_prints` under `site_dir` (the build's staging folder); returns how many.
    The PDFs are independent: `workers.calls` may make them in other processes (two at most)."""
    prints = site_prints(model)
    calls = [(_write_one, booklet_for(model, item.request, options), Path(site_dir) / item.path, template_dir, roots)
             for item in prints]
    outcomes = workers.calls(calls, 2)
    if refused is not None:
        refused.extend(url for urls in outcomes for url in urls)
    return len(prints)


def _write_one(booklet: Booklet, target: Path, template_dir: Path, roots: tuple) -> list[str]:
    """One PDF written (atomically); returns the URLs its fetcher refused."""
    from showcase.publications.output import write_atomically

    refused: list[str] = []
    write_atomically(target, render(booklet, "pdf", template_dir, roots, refused))
    return refused
