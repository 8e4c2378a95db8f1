"""Every cross-record check `showcase check` runs, in order. A new check is added here.

Each is a function (records, context, problems) -> None that reports into `problems`.
"""
from .competition_checks import check_competitions
from .column_checks import COLUMN_CHECKS
from .content.check import check_brand_tree
from .images.check import check_images
from .lint.checks import check_lints
from .pages.redirects import check_aliases
from .pages.reserved import check_reserved_ids
from .sanitize import check_raw_html

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
