"""Small speed-ups that must not change a result: relative links as posixpath computes them."""
from __future__ import annotations

import posixpath

from showcase.domain.edition import Edition
from showcase.site import plan_site
from showcase.domain.urls import relative_link
from support.sites import REPO, plan_images


def test_relative_links_are_what_posixpath_relpath_gives(demo_content):
    plan = plan_site(demo_content, Edition(drafts=True), REPO / "theme" / "showcase", site={"name": "t", "url": ""},
                     images=plan_images(demo_content), render=False)
    paths = sorted({spec.src_path for spec, _ in plan.pages})[::3] + ["index.md", "a.md", "x/./y.md", "../up.md"]
    assert len(paths) > 60
    for a in paths:
        for b in paths:
            assert relative_link(a, b) == posixpath.relpath(b, posixpath.dirname(a) or "."), (a, b)
