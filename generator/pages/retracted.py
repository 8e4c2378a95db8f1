"""Retracted records: the URL keeps answering, with a withdrawal notice and nothing else."""
from __future__ import annotations

from ..model import Model
from .common import record_page


def pages(model: Model):
    for record in model.retracted:
        spec = record_page(record, "retracted.md")
        spec.title = f"本文已撤回：{record.title}"
        spec.meta["search"] = {"exclude": True}
        yield spec
