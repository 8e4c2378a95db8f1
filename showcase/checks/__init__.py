"""Every cross-record check `showcase check` runs, in order. A new check is added here.

Each is a function (records, context, problems) -> None that reports into `problems`.
"""
from showcase.checks.competitions import check_competitions
from showcase.checks.column import COLUMN_CHECKS
from showcase.checks.reserved import check_reserved_ids
from showcase.content.check import check_brand_tree
from showcase.images.check import check_images
from showcase.lint.checks import check_lints
from showcase.pages.redirects import check_aliases
from showcase.lint.raw_html import check_raw_html

CROSS_CHECKS = (
    check_brand_tree,
    *COLUMN_CHECKS,
    check_competitions,
    check_images,
    check_aliases,
    check_reserved_ids,
    check_raw_html,
    check_lints,
)
