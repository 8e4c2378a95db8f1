"""One booklet entry per record: an exemplar's story, a brand's profile, a column article's clipping.

Everything an entry says is text (stars, 1+N links, the newspaper record), so it survives a
black-and-white printer and a Word export alike.
"""
from __future__ import annotations

import re

from showcase.content.records import Record
from showcase.domain.column.numbers import printed_marker
from showcase.domain.formatting import cn_date, cn_number
from showcase.domain.model import Model
from showcase.pages.column.record import byline_text, is_image, record_line
from showcase.publications.booklet import Entry, Picture


_STORY_HEADING = re.compile(r"\A\s*#{1,6}\s*事迹材料\s*\n")


def story_body(body: str) -> str:
    """An exemplar's body without its leading "## 事迹材料": in a 事迹汇编 every entry is one."""
    return _STORY_HEADING.sub("", body or "", count=1)


def unit_name(model: Model, record: Record) -> str:
    unit = model.unit_of(record)
    return unit["name"] if unit is not None else ""


def exemplar_entry(model: Model, exemplar: Record, anchor: str, title: str = "") -> Entry:
    person = exemplar.get("person") or {}
    facts = [("所在单位", unit_name(model, exemplar)), ("所在支部", exemplar.get("branch", "")),
             ("职务", person.get("position", "")), ("星级", "、".join(exemplar.get("stars", [])))]
    photo = exemplar.get("photo") or {}
    pictures = (Picture(exemplar.folder / photo["src"], photo.get("caption", "")),) if photo.get("src") else ()
    return Entry(title=title or exemplar.title, anchor=anchor, subtitle=exemplar.get("headline", ""),
                 facts=tuple((k, v) for k, v in facts if v), body=story_body(exemplar.body), folder=exemplar.folder,
                 pictures=pictures)


def brand_entry(model: Model, brand: Record, anchor: str, title: str = "") -> Entry:
    parent = model.get("brand", brand.get("parent"))
    children = model.sub_brands.get(brand.id, [])
    metrics = "；".join(f"{m['label']}{cn_number(m['value'])}{m.get('unit', '')}" for m in brand.get("metrics", []))
    facts = [("所在单位", unit_name(model, brand)), ("创建支部", brand.get("branch", "")),
             ("品牌口号", brand.get("slogan", "")), ("创建时间", cn_date(brand.get("launched"))),
             ("所属总品牌", f"“{parent.title}”（1+N 品牌矩阵）" if parent else ""),
             ("子品牌", "、".join(f"“{c.title}”" for c in children)),
             ("标识释义", brand.get("logo_meaning", "")), ("主要数据", metrics)]
    pictures = (Picture(brand.folder / brand["logo"], "品牌标识", role="logo"),) if brand.get("logo") else ()
    gallery = tuple(Picture(brand.folder / g["src"], g.get("caption", "")) for g in brand.get("gallery", []))
    return Entry(title=title or brand.title, anchor=anchor, subtitle=unit_name(model, brand),
                 facts=tuple((k, v) for k, v in facts if v), body=brand.body, folder=brand.folder,
                 pictures=pictures, gallery=gallery)


def article_entry(model: Model, article: Record, anchor: str) -> Entry:
    column = model.get("column", article.get("column"))
    newspaper = model.get("newspaper", article.get("newspaper") or (column.get("newspaper") if column else None))
    marker = printed_marker(article, column)
    facts = [("刊发", record_line(article, newspaper)), ("作者", byline_text(article.get("bylines"))),
             ("分类", article.get("category", ""))]
    scan = article.get("scan")
    gallery = (Picture(article.folder / scan, "报纸版面", role="scan"),) if scan and is_image(scan) else ()
    notes = (f"版面 PDF：{scan}",) if scan and not is_image(scan) else ()
    body = article.body if article.get("rights") != "summary_only" else article.get("summary", "")
    return Entry(title=article.title, anchor=anchor, subtitle=article.get("subtitle", ""), kicker=marker,
                 lead=article.get("lead_title", ""),
                 facts=tuple((k, v) for k, v in facts if v), body=body, folder=article.folder,
                 gallery=gallery, notes=notes)
