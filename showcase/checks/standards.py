"""Checks of evaluation standards: an exemplar's 达标项 or stars must be in the campaign's list for the
year it was selected (showcase/domain/standards.py)."""
from __future__ import annotations

from showcase.checks.context import CheckContext
from showcase.content.problems import Problems
from showcase.content.records import Record
from showcase.domain.standards import STANDARD_FIELDS, allowed_standards, selection_year


_WHAT = {"red_flag_branch": "红旗党支部的标准", "five_star_member": "五星党员的星"}


def check_standards(records: list[Record], context: CheckContext, problems: Problems) -> None:
    for record in records:
        kind = record.get("kind") if record.kind == "exemplar" else None
        field = STANDARD_FIELDS.get(kind)
        if field is None:
            continue
        year = selection_year(context.index, record)
        allowed = allowed_standards(context.index, kind, year)
        when = f"{year}年度" if year else ""
        for i, item in enumerate(record.get(field, [])):
            if item not in allowed:
                problems.error(record.path, record.line(field, i), f"{field} 的“{item}”不是{when}{_WHAT[kind]}",
                               f"可选：{'、'.join(allowed)}（见 campaign.yml 的 standards.{kind}）")



