"""Reading built showcase pages in tests: the page's own content, its text, links, headings, ids."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def main_html(site: Path, url: str) -> str:
    """The page's own content (what search indexes), without Material's chrome."""
    html = page_html(site, url)
    match = ARTICLE.search(html)
    assert match, f"{url}: no <article> content"
    return match.group(1)


def text_of(html: str) -> str:
    """Visible text: tags vanish (inline ones without a gap), whitespace collapses."""
    html = re.sub(r"</?(?:a|strong|em|span|code|b|i|del|small)\b[^>]*>", "", html)
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", unescape(text)).strip()


def links(html: str, page_url: str) -> list[str]:
    """Site-relative targets of the links in `html` ("brands/x/", "honors/y/#荣誉"), in order."""
    base = "http://site/" + page_url
    out = []
    for href in re.findall(r'<a\b[^>]*\bhref="([^"]+)"', html):
        target = urlsplit(urljoin(base, unescape(href)))
        if target.scheme == "http" and target.netloc == "site":
            out.append(unquote(target.path[1:]) + (f"#{unquote(target.fragment)}" if target.fragment else ""))
    return out


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str, str]] = []  # (tag, id, text)
        self.ids: set[str] = set()
        self._open: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag in ("h1", "h2", "h3", "h4"):
            self._open = [tag, attrs.get("id", ""), ""]

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self.headings.append((self._open[0], self._open[1], re.sub(r"\s+", " ", self._open[2]).strip()))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._open[2] += data


def headings(html: str, level: str | None = None) -> list[tuple[str, str]]:
    """[(id, text)] of h1–h4 (or of one level, "h2"), in order."""
    collector = _Collector()
    collector.feed(html)
    return [(hid, text) for tag, hid, text in collector.headings if level is None or tag == level]


def ids(html: str) -> set[str]:
    collector = _Collector()
    collector.feed(html)
    return collector.ids


def section(html: str, css_class: str) -> str:
    """The HTML from the first element with `css_class` to the next h2 (good enough to scope
    assertions to "the matrix", "the badges" …)."""
    match = re.search(rf'<[a-z]+ [^>]*class="[^"]*\b{re.escape(css_class)}\b[^"]*"', html)
    assert match, f"no element with class {css_class}"
    rest = html[match.start():]
    end = rest.find("<h2", 1)
    return rest if end < 0 else rest[:end]


def between(html: str, start_heading: str) -> str:
    """The HTML between the h2 whose text is `start_heading` and the next h2."""
    match = re.search(rf"<h2[^>]*>{re.escape(start_heading)}</h2>(.*?)(?=<h2|$)", html, re.S)
    assert match, f"no h2 {start_heading}"
    return match.group(1)
