"""What goes into each publication, and in which order, chosen from one edition's linked model.

- 事迹汇编 of an honor batch (its awards in the 表彰文件's order, or the units' official order), or of
  a kind and year (every batch of that kind and year);
- 品牌汇编 of all brands, of a year (brands honored or competing that year) or of a competition
  (its entries in draw order);
- 剪报集 of a column's year, in series order.
An unknown id is a `PrintError` naming what exists, so the command can say what to type instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from pathlib import Path

from showcase.content.records import Record
from showcase.kinds import EXEMPLAR_KIND_NAMES
from showcase.content.load import PREFACE_SUFFIX
from showcase.content.text import read_text
from showcase.content.problems import Problems
from showcase.domain.model import Award, Model
from showcase.publications.booklet import Booklet, RosterLine
from showcase.publications.entries import article_entry, brand_entry, exemplar_entry

KIND_ALIASES = {"brand-exemplars": "brand_exemplar", "red-flag-branches": "red_flag_branch",
                "five-star-members": "five_star_member"}
ORDERS = ("document", "unit")


class PrintError(Exception):
    """Bad input for a publication: the message is the whole Chinese sentence (问题 — 怎么改)."""


@dataclass(frozen=True)
class Options:
    organization: str  # the 工委 printed on the cover
    content_root: Path | None = None  # where prefaces are found
    run_on: bool = False
    order: str = "document"  # document: as the 表彰文件 lists them; unit: units' official order
    preview: bool = False  # the edition includes drafts: the booklet is marked 草稿预览
    # Markdown → HTML for stories and prefaces; the command line hands showcase/mkdocs/markdown_html.py's.
    markdown: Callable[[str], str] | None = None


def preface_path(content_root: Path, batch_id: str) -> Path:
    return Path(content_root) / "honors" / f"{batch_id}{PREFACE_SUFFIX}"


def read_preface(content_root: Path | None, batch_id: str) -> tuple[str, Path | None]:
    if content_root is None:
        return "", None
    path = preface_path(content_root, batch_id)
    if not path.is_file():
        return "", None
    return (read_text(path, Problems()) or "").strip(), path.parent


def choices(records) -> str:
    names = "、".join(r.id for r in records)
    return names or "（没有）"


def honor_batch(model: Model, batch_id: str, options: Options) -> Booklet:
    batch = model.get("honor", batch_id)
    if batch is None:
        raise PrintError(f"错误: 没有评选批次“{batch_id}” — 可用的批次：{choices(model.honors)}")
    awards = ordered(model, model.awards.get(batch.id, []), options.order)
    preface, folder = read_preface(options.content_root, batch.id)
    return Booklet(kind="honors", title=f"{batch.title}事迹汇编", subject=batch.title, genre="事迹汇编",
                   organization=options.organization,
                   on=batch.get("decided_on"), doc_no=batch.get("doc_no", ""), decided_on=batch.get("decided_on"),
                   preface=preface, preface_folder=folder, roster_title="表彰名单", roster=roster(awards),
                   entries=award_entries(model, awards), run_on=options.run_on, stem=f"honors-{batch.id}")


def exemplar_year(model: Model, kind: str, year: int | None, options: Options) -> Booklet:
    kind = KIND_ALIASES.get(kind, kind)
    if kind not in EXEMPLAR_KIND_NAMES:
        raise PrintError(f"错误: 没有先进典型类别“{kind}” — 可用：{'、'.join(EXEMPLAR_KIND_NAMES)}")
    batches = [b for b in model.honors if b["type"] == kind and (year is None or b["year"] == year)]
    if not batches:
        years = sorted({b["year"] for b in model.honors if b["type"] == kind})
        raise PrintError(f"错误: {year}年没有{EXEMPLAR_KIND_NAMES[kind]}评选批次 — "
                         f"有批次的年份：{'、'.join(map(str, years)) or '（没有）'}，用 --year 指定")
    awards = ordered(model, [a for b in reversed(batches) for a in model.awards.get(b.id, [])], options.order)
    label = f"{year}年" if year is not None else ""
    subject = f"{label}市级机关{EXEMPLAR_KIND_NAMES[kind]}"
    return Booklet(kind="exemplars", title=f"{subject}事迹汇编", subject=subject, genre="事迹汇编",
                   organization=options.organization, on=max(b["decided_on"] for b in batches),
                   doc_no="、".join(b.get("doc_no", "") for b in reversed(batches) if b.get("doc_no")),
                   roster_title="名单", roster=roster(awards), entries=award_entries(model, awards),
                   run_on=options.run_on, stem=f"exemplars-{kind.replace('_', '-')}-{year or 'all'}")


def ordered(model: Model, awards: list[Award], order: str) -> list[Award]:
    if order not in ORDERS:
        raise PrintError(f"错误: 不认识的排序“{order}” — 用 document（表彰文件顺序）或 unit（单位顺序）")
    if order == "document":
        return list(awards)
    rank = {u.id: i for i, u in enumerate(model.units)}
    return sorted(awards, key=lambda a: rank.get(a.unit.id if a.unit else "", 10**6))  # stable: document order within


def roster(awards: list[Award]) -> tuple:
    return tuple(RosterLine(a.name, a.unit["name"] if a.unit else "", "已撤销" if a.revoked else "")
                 for a in awards)


def award_entries(model: Model, awards: list[Award]) -> tuple:
    """A story for every award whose exemplar or brand is published (revoked ones are left out)."""
    entries, seen = [], set()
    for award in awards:
        target = award.target
        if target is None or award.revoked or target.key in seen:
            continue
        seen.add(target.key)
        anchor = f"entry-{len(entries) + 1}"
        make = exemplar_entry if target.kind == "exemplar" else brand_entry
        entries.append(make(model, target, anchor, title=award.name))
    return tuple(entries)


def brands(model: Model, options: Options, year: int | None = None, competition_id: str | None = None) -> Booklet:
    if competition_id:
        competition = model.get("competition", competition_id)
        if competition is None:
            raise PrintError(f"错误: 没有展示赛“{competition_id}” — 可用：{choices(model.competitions)}")
        chosen = competition_brands(model, competition)
        title, stem, on = f"{competition.title}品牌汇编", f"brands-{competition.id}", competition["date"]
    else:
        chosen = [b for b in model.brands if year is None or year in brand_years(model, b)]
        if not chosen:
            raise PrintError(f"错误: {year}年没有获评或参赛的品牌 — 去掉 --year 印全部品牌，或换一个年份")
        title = f"{year}年市直机关党建品牌汇编" if year else "市直机关党建品牌汇编"
        stem, on = f"brands-{year or 'all'}", None
    entries = tuple(brand_entry(model, b, f"entry-{i}") for i, b in enumerate(chosen, start=1))
    return Booklet(kind="brands", title=title, subject=title.removesuffix("品牌汇编"), genre="品牌汇编",
                   organization=options.organization, on=on, entries=entries,
                   run_on=options.run_on, stem=stem)


def competition_brands(model: Model, competition: Record) -> list[Record]:
    entries = sorted(competition.get("entries", []), key=lambda e: (e.get("order") is None, e.get("order") or 0))
    found = [model.get("brand", e.get("brand")) for e in entries]
    return [b for b in found if b is not None]


def brand_years(model: Model, brand: Record) -> set[int]:
    years = {a.batch["year"] for a in model.awards_of.get(brand.key, [])}
    return years | {c["date"].year for c, _result, _entry in model.results_of.get(brand.key, [])}


def clippings(model: Model, year: int | None, options: Options, column_id: str | None = None) -> Booklet:
    columns = [c for c in model.columns if column_id in (None, c.id)]
    if not columns:
        raise PrintError(f"错误: 没有专栏“{column_id}” — 可用：{choices(model.columns)}")
    column = columns[0]
    articles = sorted((a for a in model.articles if a.get("column") == column.id
                       and (year is None or a["date"].year == year)), key=lambda a: a["series_no"])
    if not articles:
        years = sorted({a["date"].year for a in model.articles if a.get("column") == column.id})
        raise PrintError(f"错误: 专栏“{column.title}”{year}年没有文章 — 有文章的年份："
                         f"{'、'.join(map(str, years)) or '（没有）'}，用 --year 指定")
    entries = tuple(article_entry(model, a, f"entry-{i}") for i, a in enumerate(articles, start=1))
    label = f"{year}年" if year else ""
    subject = f"“{column.title}”专栏{label}"
    return Booklet(kind="column", title=f"{subject}剪报集", subject=subject, genre="剪报集",
                   organization=options.organization,
                   on=articles[-1]["date"], entries=entries, run_on=options.run_on,
                   stem=f"column-{column.id}-{year or 'all'}")
