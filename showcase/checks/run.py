"""`showcase check` as one call: load content/, validate every record, then run every cross-record
check in order (`CROSS_CHECKS`; a new check is added there). Each cross-record check is a function
(records, context, problems) -> None that reports into `problems`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from showcase.checks.aliases import check_aliases
from showcase.checks.brands import check_brand_tree
from showcase.checks.column import COLUMN_CHECKS
from showcase.checks.competitions import check_competitions
from showcase.checks.context import CheckContext
from showcase.checks.honors import check_award_names
from showcase.checks.paths import check_paths
from showcase.checks.placeholders import check_placeholders
from showcase.checks.reserved import check_reserved_ids
from showcase.checks.standards import check_standards
from showcase.content.workers import IN_THIS_PROCESS, Workers
from showcase.content.index import RecordIndex
from showcase.content.load import Loaded, load_content
from showcase.content.problems import Problems
from showcase.content.records import Record
from showcase.content.validate import check_references, check_unique_ids, validate_records
from showcase.images.check import check_images
from showcase.lint.checks import check_lints
from showcase.lint.raw_html import check_raw_html

CROSS_CHECKS = (
    check_brand_tree,
    *COLUMN_CHECKS,
    check_competitions,
    check_award_names,
    check_placeholders,
    check_standards,
    check_paths,
    check_images,
    check_aliases,
    check_reserved_ids,
    check_raw_html,
    check_lints,
)


@dataclass
class Checked:
    root: Path
    records: list[Record] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    index: "RecordIndex | None" = None


def check_content(root: Path, today: date | None = None, workers: Workers = IN_THIS_PROCESS) -> Checked:
    """Every problem of the content under `root`. `workers` runs the big work (loading, the text lint,
    probing new images) — all here by default; the command line hands one that shares it."""
    loaded: Loaded = load_content(Path(root), workers.chunks)
    checked = Checked(root=loaded.root, pages=loaded.pages, problems=loaded.problems)
    checked.records = validate_records(loaded.records, checked.problems)
    check_unique_ids(checked.records, checked.problems)
    checked.index = RecordIndex(checked.records)
    check_references(checked.records, checked.index, checked.problems, loaded.unreadable)
    context = CheckContext(root=loaded.root, index=checked.index, today=today or date.today(), workers=workers)
    for cross_check in CROSS_CHECKS:
        cross_check(checked.records, context, checked.problems)
    return checked

