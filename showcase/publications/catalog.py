"""Which publication a request names, how it becomes bytes, and what a site's print build holds.

`showcase print KIND [ID]` and `showcase build --print` both come through here, so a PDF on the
site is the same file the command writes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def site_requests(model: Model) -> list[tuple[str, Request]]:
    """(path under site/, request) of every PDF `showcase build --print` writes for this edition."""
    found = [(f"{PRINT_DIR}/honors/{b.id}.pdf", Request("honors", b.id)) for b in model.honors
             if any(a.target is not None for a in model.awards.get(b.id, []))]
    kinds_years = sorted({(b["type"], b["year"]) for b in model.honors if b["type"] in collect.EXEMPLAR_KIND_NAMES})
    found += [(year_pdf(kind, year), Request("exemplars", kind, year)) for kind, year in kinds_years]
    if model.brands:
        found.append((f"{PRINT_DIR}/brands/all.pdf", Request("brands")))
    for competition in model.competitions:
        found.append((f"{PRINT_DIR}/competitions/{competition.id}/brands.pdf", Request("brands", competition.id)))
        if not model.edition.is_public:
            found.append((f"{PRINT_DIR}/competitions/{competition.id}/sheets.pdf", Request("sheets", competition.id)))
    for column in model.columns:
        years = sorted({a["date"].year for a in model.articles if a.get("column") == column.id})
        found += [(f"{PRINT_DIR}/column/{column.id}/{y}.pdf", Request("column", column.id, y)) for y in years]
    return found


def year_pdf(kind: str, year: int) -> str:
    return f"{PRINT_DIR}/exemplars/{kind.replace('_', '-')}-{year}.pdf"
