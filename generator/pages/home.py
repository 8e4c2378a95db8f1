"""首页: the 三创 campaign at a glance."""
from __future__ import annotations

from ..model import Model
from .spec import PageSpec


def pages(model: Model):
    yield PageSpec(src_path="index.md", title=model.home.get("title", "首页"), template="home.md",
                   context={"model": model, "intro": model.home.get("body", "")}, kind="home",
                   meta={"hide": ["navigation", "toc"]})
