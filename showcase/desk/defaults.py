"""What a new record starts with, as pure functions over the checked index: an article's next free
series number, its year folder from its date and its column's newspaper; a brand's or exemplar's id
proposed from its unit (ASCII, editable); and where in content/ a new record's file goes.
"""
from __future__ import annotations

import re
from datetime import date

from showcase.content.load import ID_PATTERN
from showcase.content.values import BadValue, to_date
from showcase.domain.column.numbers import next_free_number
from showcase.kinds import BY_NAME

# A short ASCII word per kind for proposed ids (unit id + word): brands and the three exemplar kinds.
ID_WORDS = {"brand": "pinpai", "brand_exemplar": "dianxing", "red_flag_branch": "hongqi",
            "five_star_member": "wuxing", "honor": "pici", "competition": "saishi", "notice": "gonggao"}


def next_series_no(index, column_id: str) -> int:
    """The number after the column's highest; past its planned total, the lowest number still free
    (the rule `showcase new article` follows too: showcase/domain/column/numbers.py)."""
    used = [record.fields.get("series_no") for record in _articles(index, column_id)]
    column = index.get("column", column_id) if index is not None else None
    return next_free_number(used, column.fields.get("planned_total") if column is not None else None)


def _articles(index, column_id: str):
    if index is None:
        return []
    return [r for r in index.by_kind.get("article", {}).values() if r.fields.get("column") == column_id]


def only_column(index) -> str | None:
    columns = sorted(index.by_kind.get("column", {})) if index is not None else []
    return columns[0] if len(columns) == 1 else None


def column_newspaper(index, column_id: str | None) -> str | None:
    column = index.get("column", column_id) if index is not None and column_id else None
    return column.fields.get("newspaper") if column is not None else None


def year_of(value) -> int:
    """The year of a date as editors write it; this year when it is not (yet) a date."""
    try:
        return to_date(value).year
    except BadValue:
        return date.today().year


def propose_id(kind: str, values: dict, index) -> str:
    """An id for a new record: its unit's (or column's) id and a short word, numbered when taken."""
    taken = set(index.by_kind.get(kind, {})) if index is not None else set()
    if kind == "article":
        column = values.get("column") or "article"
        series = values.get("series_no")
        base = f"{column}-{int(series):03d}" if str(series or "").isdigit() else f"{column}-new"
    else:
        word = ID_WORDS.get(values.get("kind") or kind, kind)
        unit = str(values.get("unit") or "").strip()
        base = f"{unit}-{word}" if ID_PATTERN.match(unit) else word
    base = re.sub(r"[^a-z0-9-]+", "-", base.lower()).strip("-") or kind
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def new_values(kind: str, index, today: date | None = None) -> dict:
    """The fields a new record's form starts with."""
    today = today or date.today()
    values: dict = {"status": "draft"}
    if kind == "article":
        column = only_column(index)
        values.update(column=column, date=today.isoformat(), newspaper=column_newspaper(index, column))
        if column:
            values["series_no"] = next_series_no(index, column)
    if kind in ("notice", "competition"):
        values["date"] = today.isoformat()
    if kind == "honor":
        values["year"] = today.year
    return {k: v for k, v in values.items() if v is not None}


def new_file(kind: str, record_id: str, values: dict) -> str:
    """Where a new record is written, relative to content/ (an article under the year of its date)."""
    if not ID_PATTERN.match(record_id or ""):
        raise ValueError(record_id)
    row = BY_NAME[kind]
    if row.layout == "folder":
        return f"{row.place}/{record_id}/index.md"
    if row.layout == "yaml":
        return f"{row.place}/{record_id}.yml"
    if row.layout == "dated":
        return f"{row.place}/{year_of(values.get('date'))}/{record_id}.md"
    if row.layout == "page":
        return f"{row.place}/{record_id}.md"
    raise ValueError(kind)
