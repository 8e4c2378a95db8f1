"""The publication model: a booklet is a cover, an optional 前言, a roster, and entries in order.

Collectors (collect.py, sheets.py) fill it from the site's model; renderers (html.py, docx.py) read
it. Bodies stay Markdown here, with the folder their relative pictures are found in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Picture:
    path: Path  # the original file inside the content folder
    caption: str = ""
    role: str = "photo"  # photo | logo | scan


@dataclass(frozen=True)
class Entry:
    title: str
    anchor: str  # the entry's id in the HTML (TOC links and PDF bookmarks point at it)
    subtitle: str = ""  # the unit, the headline, the series marker
    facts: tuple = ()  # (label, value) lines: 所在单位, 刊发 …, printed as text (black-and-white safe)
    body: str = ""  # Markdown
    folder: Path | None = None  # where the body's relative pictures are
    pictures: tuple = ()  # Picture, shown before the body (a logo, a portrait)
    gallery: tuple = ()  # Picture, shown after the body (photos, the newspaper page)
    kicker: str = ""  # a line above the title, e.g. the column's series marker 之七十一
    lead: str = ""  # 引题, printed above the title as the newspaper did
    notes: tuple = ()  # short text lines after the title, e.g. 〔已撤销〕 (never colour alone)


@dataclass(frozen=True)
class RosterLine:
    name: str
    unit: str = ""
    note: str = ""  # 已撤销 …


@dataclass(frozen=True)
class Booklet:
    kind: str  # honors | exemplars | brands | column | sheets
    title: str  # the cover's title, e.g. 2021年度市级机关“红旗党支部”事迹汇编
    organization: str  # the 工委 on the cover
    on: date | None = None  # the cover's date
    doc_no: str = ""  # 文号 of the batch
    decided_on: date | None = None
    preface: str = ""  # Markdown, the editor's 前言 (optional)
    preface_folder: Path | None = None
    roster_title: str = ""  # e.g. 表彰名单; empty: no roster
    roster: tuple = ()  # RosterLine, in document order
    entries: tuple = ()  # Entry, in the publication's order
    run_on: bool = False  # entries follow each other instead of each starting a page
    stem: str = "booklet"  # a file name (ASCII) for the output
    extra: dict = field(default_factory=dict)  # renderer-specific data (score sheets' tables)
    preview: bool = False  # drafts included: every page says 草稿预览
    to_html: Callable[[str], str] | None = None  # Markdown → HTML (Options.markdown, from the command line)
    subject: str = ""  # the cover's first line when the title is long: the batch; the second line is `genre`
    genre: str = ""  # 事迹汇编, 品牌汇编, 剪报集

    @property
    def cover_lines(self) -> tuple:
        """The cover title in lines that break where a reader pauses, never "…事迹汇 / 编"."""
        if self.subject and self.genre and self.title == self.subject + self.genre:
            return (self.subject, self.genre)
        return (self.title,)
