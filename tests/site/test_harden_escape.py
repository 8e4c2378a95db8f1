"""Every value from content is escaped exactly once where it enters the output, on every page family.

Every plain-text field of every record kind of the one-of-each fixture gets text that breaks out of
attributes and `<title>` if left raw, an entity that turns into a tag if decoded twice, Markdown that
turns into emphasis if not escaped, and backslashes that show up if escaped twice. Both editions are
built; every HTML page, the feed and the search index must show the text exactly as typed.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support.payloads import TEXT_PAYLOAD, inject
from support.sites import build, copy_fixture

pytestmark = pytest.mark.slow

MARK = re.compile(r"⟦(\d+)⟧")
# Code our own templates use on purpose (print buttons): anything else would have come from content.
OWN_CODE = {"window.print()"}


class Page(HTMLParser):
    """A page as a browser reads it: text, elements, attributes (character references decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.active: list[str] = []
        self.script = False

    def handle_starttag(self, tag, attrs):
        self.script = tag == "script"
        if tag == "xss":
            self.active.append(f"<{tag}>")
        for name, value in attrs:
            code = (value or "").strip()
            if name in ("href", "src", "action") and code.lower().startswith("javascript:"):
                code, name = code[len("javascript:"):], "on"
            if name.startswith("on") and code not in OWN_CODE:
                self.active.append(f"<{tag} {name}={value!r}>")
            if value and MARK.search(value):
                self.text.append(value)

    def handle_data(self, data):
        if self.script and "alert(" in data:  # a script element that came from content
            self.active.append(f"<script>{data[:40]}")
        self.text.append(data)

    def handle_endtag(self, tag):
        self.script = False


def shown_wrong(text: str) -> list[str]:
    """Each place in `text` where a marked value is not followed by the payload exactly as typed.
    A value may be cut short (cards shorten summaries), never changed."""
    wrong = []
    for match in MARK.finditer(text):
        after = text[match.end():match.end() + len(TEXT_PAYLOAD)]
        kept = after if after == TEXT_PAYLOAD else after.split("…")[0]
        if not TEXT_PAYLOAD.startswith(kept) or (kept != TEXT_PAYLOAD and len(kept) == len(after)):
            wrong.append(f"{match.group(0)}{after}")
    return wrong


def search_strings(script: str) -> list[str]:
    """Every string of the search index's data files (`__showcaseSearch.doc(n, "…", {json})`)."""
    found = []
    for blob in re.findall(r"\(\s*\d+\s*,\s*\"[^\"]*\"\s*,\s*(\{.*\})\s*\)", script):
        stack = [json.loads(blob)]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return found


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory) -> dict[str, Path]:
    project = copy_fixture("one-of-each", tmp_path_factory.mktemp("hostile"))
    injected = inject(project / "content", lambda n: f"⟦{n}⟧{TEXT_PAYLOAD}")
    assert len(injected) > 40
    return {edition: build(project, "--edition", edition, site_dir=project / f"site-{edition}")
            for edition in ("internal", "public")}


@pytest.mark.parametrize("edition", ["internal", "public"])
def test_no_executable_markup_and_text_shown_once(hostile_sites, edition):
    site = hostile_sites[edition]
    problems, shown = [], set()
    for path in sorted(site.rglob("*.html")):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        text = "\n".join(page.text)
        rel = path.relative_to(site).as_posix()
        problems += [f"{rel}: {a}" for a in page.active] + [f"{rel}: {w}" for w in shown_wrong(text)]
        shown.update(MARK.findall(text))
    assert not problems, "\n".join(problems[:30])
    assert len(shown) > 30  # the values reached the pages (else the sweep proves nothing)


@pytest.mark.parametrize("edition", ["internal", "public"])
def test_search_index_and_feeds_hold_the_text_as_typed(hostile_sites, edition):
    site = hostile_sites[edition]
    strings = [s for path in sorted((site / "search").rglob("*.js")) for s in search_strings(path.read_text("utf-8"))]
    marked = [s for s in strings if MARK.search(s)]
    assert marked
    assert not [w for s in marked for w in shown_wrong(s)]
    feeds = sorted(site.rglob("*.xml"))
    for feed in feeds:
        texts = [t for element in ET.parse(feed).iter() for t in (element.text, *element.attrib.values()) if t]
        assert not [w for t in texts for w in shown_wrong(t)], feed
    assert any(MARK.search(feed.read_text("utf-8")) for feed in feeds)


def test_markup_a_skipped_check_lets_through_is_still_text(tmp_path):
    """Defence in depth: with the check's errors ignored, tags in every text field are escaped in the
    pages' Markdown, so Markdown (as MkDocs runs it) turns none of them into elements."""
    import markdown

    from showcase.checks.run import check_content
    from showcase.content.problems import Problems
    from showcase.domain.edition import Edition
    from showcase.site import plan_site
    from support.payloads import MARKUP_PAYLOADS
    from support.sites import REPO, plan_images

    project = copy_fixture("one-of-each", tmp_path)
    content = project / "content"
    injected = inject(content, lambda n: f"⟦{n}⟧{MARKUP_PAYLOADS[n % len(MARKUP_PAYLOADS)]}")
    checked = check_content(content)
    assert len(checked.problems.errors) >= len(injected)
    checked.problems = Problems()
    plan = plan_site(content, Edition(), REPO / "theme" / "showcase", site={"name": "t", "url": ""},
                     images=plan_images(content), checked=checked)
    pages = 0
    for spec, source in plan.pages:
        page = Page()
        page.feed(markdown.markdown(source.split("---\n", 2)[2], extensions=["attr_list", "md_in_html", "tables"]))
        rendered = "\n".join(page.text)
        assert not page.active, (spec.src_path, page.active)
        pages += bool(MARK.search(rendered))
    assert pages > 10
