"""Honor lists — an .xlsx sheet or a table in a .docx with columns such as 序号/姓名/单位/支部/职务 — to
the `awards:` of an honors batch, in document order: units resolved by name, names matched against
the exemplars already in content/ (exact → `ref`; one character off, as 林茜/林倩 → a warning)."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from showcase.content.problems import Problems
from showcase.importing import fields as F
from showcase.importing import markdown as md
from showcase.importing.context import Context
from showcase.importing.records import Planned

NAME_COLUMNS = ("姓名", "获奖名称", "名称", "品牌名称", "品牌", "支部名称", "党支部名称", "党组织名称", "党支部", "支部")
UNIT_COLUMNS = ("单位", "所在单位", "单位名称", "推荐单位")
TYPE_WORDS = (("五星", "five_star_member", "fs"), ("红旗", "red_flag_branch", "rf"), ("品牌", "brand_exemplar", "bx"))
YEARS = re.compile(r"(\d{4})(?:\s*[—－-]\s*(\d{4}))?\s*年度")
TITLE_WORDS = re.compile(r"决定|名单|表彰|命名")


@dataclass(frozen=True)
class Row:
    line: int  # the .xlsx row number, or the .docx table's block number
    cells: list
    where: str = ""  # "第 3 行" inside a .docx table


def header_index(rows: list[Row]) -> int | None:
    for i, row in enumerate(rows):
        cells = [_key(c) for c in row.cells]
        if any(c in NAME_COLUMNS for c in cells) and any(c in UNIT_COLUMNS for c in cells):
            return i
    return None


def _key(cell) -> str:
    return re.sub(r"\s", "", str(cell or ""))


def _column(header: list[str], names: tuple) -> int | None:
    keys = [_key(c) for c in header]
    return next((keys.index(n) for n in names if n in keys), None)


def batch_heading(lines: list[str], context: Context) -> dict:
    """Title, type, year, label, 文号 and date from the options, else the lines above the list."""
    options = context.options
    text = "\n".join(lines)
    titles = [_batch_title(line) for line in lines if TITLE_WORDS.search(line) and len(line) <= 80]
    title = options.title or next((t for t in titles if len(t) >= 4), None)
    kind, prefix = next(((k, p) for word, k, p in TYPE_WORDS if title and word in title), ("other", "honor"))
    decided = F.parse_date(options.decided_on or "") or _last_date(lines)
    years = YEARS.search(title or "") or YEARS.search(text)
    year = int(years.group(2) or years.group(1)) if years else (decided.year - 1 if decided else None)
    label = years.group(0).replace(" ", "").replace("-", "—").replace("－", "—") if years else None
    return {"title": title, "type": kind, "year": year, "label": label,
            "doc_no": options.doc_no or F.doc_number(text), "decided_on": decided, "prefix": prefix}


def _batch_title(line: str) -> str:
    """"关于表彰2023年度……标兵的决定" → "2023年度……标兵"."""
    return re.sub(r"^(?:中共[^\s]*?委员会)?关于(?:表彰|命名)?|的(?:表彰)?决定$|(?:拟表彰)?名单$", "", line.strip()).strip()


def _last_date(lines: list[str]):
    found = [d for line in lines if (d := F.parse_date(line))]
    return found[-1] if found else None


def plan_honors(source: Path, rows: list[Row], lines: list[str], context: Context, problems: Problems) -> Planned | None:
    before = len(problems.errors)
    head = header_index(rows)
    if head is None:
        problems.error(source, 1, "没有找到名单表头（需要“姓名”或“名称”列和“单位”列）",
                       "第一行写表头：序号、姓名、单位、支部、职务")
        return None
    batch = batch_heading([" ".join(_key(c) for c in r.cells) for r in rows[:head]] + lines, context)
    if not batch["title"]:
        problems.error(source, 1, "没有找到表彰名单的标题", "在名单上方写标题（如“关于表彰2023年度……的决定”），或用 --title 指定")
    if batch["year"] is None:
        problems.error(source, 1, "没有找到表彰年度", "标题写明“2023年度”，或用 --decided-on 指定发文日期")
    awards = read_awards(source, rows[head], rows[head + 1:], batch["type"], context, problems)
    if len(problems.errors) > before:
        return None
    record_id = context.options.record_id or _free_id(context, f"{batch['prefix']}-{batch['year']}")
    front = {k: batch[k] for k in ("title", "type", "year", "label", "doc_no", "decided_on")}
    front.update(official_count=len(awards), awards=awards)
    planned = Planned(source, "honor", record_id, f"honors/{record_id}.yml")
    planned.files[planned.target] = md.yaml_fields(front).encode("utf-8")
    return planned


def _free_id(context: Context, stem: str) -> str:
    if not context.id_taken("honor", stem):
        return stem
    n = 2
    while context.id_taken("honor", f"{stem}-{n}"):
        n += 1
    return f"{stem}-{n}"


def read_awards(source, header: Row, rows: list[Row], kind: str, context: Context, problems: Problems) -> list[dict]:
    name_at, unit_at = _column(header.cells, NAME_COLUMNS), _column(header.cells, UNIT_COLUMNS)
    awards = []
    for row in rows:
        cells = [str(c).strip() if c is not None else "" for c in row.cells]
        name = re.sub(r"\s", "", cells[name_at]) if name_at < len(cells) else ""
        if not name:
            continue
        unit_text = cells[unit_at] if unit_at is not None and unit_at < len(cells) else ""
        unit = context.units.resolve(unit_text) if unit_text else None
        if unit_text and unit is None:
            problems.error(source, row.line, f"{row.where}单位“{unit_text}”不在 units.yml 中（{name}）",
                           context.units.unknown_hint(unit_text))
        awards.append({"ref": match_exemplar(source, row, name, unit, kind, context, problems),
                       "name": name, "unit": unit})
    return awards


def exemplar_names(record) -> list[str]:
    person = record.get("person") or {}
    return [n for n in (person.get("name"), record.get("title"), record.get("branch")) if n]


def match_exemplar(source, row: Row, name: str, unit, kind: str, context: Context, problems: Problems) -> str | None:
    candidates = [(rid, r) for rid, r in context.records("exemplar").items()
                  if (kind == "other" or r.get("kind") == kind) and (unit is None or r.get("unit") == unit)]
    for record_id, record in candidates:
        if name in exemplar_names(record):
            return record_id
    for record_id, record in candidates:
        for known in exemplar_names(record):
            if len(known) == len(name) and difflib.SequenceMatcher(None, known, name).ratio() >= 0.5 \
                    and sum(a != b for a, b in zip(known, name)) == 1:
                problems.warning(source, row.line, f"{row.where}“{name}”与已有典型“{known}”（{record_id}）只差一字，未关联",
                                 f"核对原文：是同一人就把 ref 改为 {record_id} 并改正姓名，不是就保持 ref: null")
                return None
    return None
