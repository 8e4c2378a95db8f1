"""Retracted records: the URL keeps answering, with a withdrawal notice and nothing else (an article's
剪报 URL too).

A retracted record is in no list, counter or feed (the model holds it apart from the published
records); its notice page is kept out of the search index (`search: exclude`), the sitemap
(`sitemap: false`, read by theme/sitemap.xml) and search engines (`robots: noindex`).
"""
from __future__ import annotations

from showcase.kinds import KIND_NAMES
from showcase.domain.model import Model
from showcase.pages.column import clipping_src
from showcase.pages.common import record_page

WITHDRAWN_META = {"search": {"exclude": True}, "sitemap": False, "robots": "noindex"}


def pages(model: Model):
    for record in model.retracted:
        spec = record_page(record, "retracted.md", kind_name=KIND_NAMES.get(record.kind, ""))
        spec.title = f"本文已撤回：{record.title}"
        spec.kind = "retracted"
        spec.meta.update(WITHDRAWN_META)
        yield spec
        if record.kind == "article":  # a printed or bookmarked 剪报 link must not end in "not found"
            clipping = record_page(record, "retracted.md", kind_name=KIND_NAMES.get(record.kind, ""))
            clipping.src_path, clipping.title, clipping.kind = clipping_src(record), spec.title, "retracted"
            clipping.meta.update(WITHDRAWN_META)
            yield clipping
