"""公示公告."""
from __future__ import annotations

from ..model import Model
from .common import record_page, section_page


def pages(model: Model):
    yield section_page("notices/index.md", "公示公告", "notices.md", "notices", model=model)
    for notice in model.notices:
        yield record_page(notice, "notice.md", model=model)
