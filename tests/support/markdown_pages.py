"""Markdown as the demo site feeds it to Python-Markdown: the extensions mkdocs.yml names, and every
page text of the demo (generated pages as planned, and the hand-written ones) for the speed shortcuts'
same-output tests."""
from __future__ import annotations

from pathlib import Path

import yaml

from showcase.domain.edition import Edition
from showcase.site import plan_site
from support.sites import REPO, plan_images


class _Lenient(yaml.SafeLoader):
    pass


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
CONFIG = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
EXTENSIONS = [e if isinstance(e, str) else next(iter(e)) for e in CONFIG["markdown_extensions"]]


def demo_markdown(content: Path) -> list[str]:
    """The Markdown of every demo page (drafts too): planned pages, then the files in `content`."""
    plan = plan_site(content, Edition(drafts=True), REPO / "theme" / "showcase", site={"name": "t", "url": ""},
                     images=plan_images(content))
    assert plan.ok, plan.problems.report()
    plain = [p.read_text(encoding="utf-8") for p in content.rglob("*.md")]
    return [markdown_text for _spec, markdown_text in plan.pages] + plain
