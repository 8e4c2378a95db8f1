"""Every cross-record check `showcase check` runs, in order. A new check is added here.

Each is a function (records, context, problems) -> None that reports into `problems`.
"""
from .competition_checks import check_competitions
from .content.check import check_brand_tree, check_series_unique
from .images.check import check_images

CROSS_CHECKS = (
    check_brand_tree,
    check_series_unique,
    check_competitions,
    check_images,
)
