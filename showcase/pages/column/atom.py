"""Atom feeds (RFC 4287): a feed's data in, valid XML out. Page families build the `Feed`
(the column's is showcase/pages/column/feed.py); this module knows nothing of the content model.

Addresses are relative to the feed's folder, which `xml:base` names (a reader that keeps entries
apart from the feed still resolves them); with mkdocs.yml's `site_url` they are absolute and `xml:base`
is the folder's full address. Without `site_url` the folder is taken to be under the server's root
(/column/), as the 404 page and the sitemap take it. Ids are `urn:uuid:` names derived from stable
ids, so they stay the same when the site moves to another host or path.
"""
from __future__ import annotations

import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime

from showcase.content.values import BEIJING

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
EXCERPT = 200  # characters of body text for an entry without a summary
ID_NAMESPACE = uuid.UUID("6f1c1d5e-3b0a-4f7e-9a53-8c2b6a1d0e42")  # this project's; never change it


@dataclass
class Entry:
    id: str
    title: str
    href: str
    published: date
    updated: date
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    summary: str = ""


@dataclass
class Feed:
    id: str
    title: str
    subtitle: str
    updated: date
    self_href: str
    alternate_href: str
    author: str
    entries: list[Entry] = field(default_factory=list)
    base: str = ""  # xml:base, the feed's folder (base_href)


def feed_id(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, '/'.join(parts))}"


def timestamp(day: date) -> str:
    """Dates are days in Beijing: 2023-04-21 → 2023-04-21T00:00:00+08:00 (RFC 3339)."""
    return datetime(day.year, day.month, day.day, tzinfo=BEIJING).isoformat()


def href(target_url: str, feed_path: str, site_url: str) -> str:
    """The address of a site URL ("column/2023/x/") as written in the feed at `feed_path`."""
    if site_url:
        return site_url.rstrip("/") + "/" + target_url
    relative = posixpath.relpath("/" + target_url, "/" + posixpath.dirname(feed_path))
    if target_url.endswith("/") or not target_url:  # directory URLs keep their slash
        return "./" if relative == "." else relative + "/"
    return relative


def base_href(feed_path: str, site_url: str) -> str:
    """The feed's folder as xml:base: "http://host/dangjian/column/" with site_url, else "/column/"."""
    folder = posixpath.dirname(feed_path)
    folder = folder + "/" if folder else ""
    return (site_url.rstrip("/") if site_url else "") + "/" + folder


_MD_NOISE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"<[^>]+>"), ""),  # inline HTML
    (re.compile(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+", re.M), ""),  # heading, quote, list marks
    (re.compile(r"[*_`]+"), ""),  # emphasis and code marks
    (re.compile(r"\{:?[^}]*\}"), ""),  # attribute lists
)


def excerpt(markdown: str, limit: int = EXCERPT) -> str:
    """The start of a Markdown text as plain text, for an entry's summary."""
    text = markdown or ""
    for pattern, replacement in _MD_NOISE:
        text = pattern.sub(replacement, text)
    text = " ".join(line.strip() for line in text.split("\n") if line.strip())
    return text if len(text) <= limit else text[:limit].rstrip() + "……"


def atom(feed: Feed) -> bytes:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "zh-CN", **({XML_BASE: feed.base} if feed.base else {})})

    def add(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    add(root, "id", feed.id)
    add(root, "title", feed.title)
    add(root, "subtitle", feed.subtitle)
    add(root, "updated", timestamp(feed.updated))
    add(root, "link", rel="self", type="application/atom+xml", href=feed.self_href)
    add(root, "link", rel="alternate", type="text/html", href=feed.alternate_href)
    add(add(root, "author"), "name", feed.author)
    add(root, "generator", "Showcase")
    for item in feed.entries:
        entry = add(root, "entry")
        add(entry, "id", item.id)
        add(entry, "title", item.title)
        add(entry, "link", rel="alternate", type="text/html", href=item.href)
        add(entry, "published", timestamp(item.published))
        add(entry, "updated", timestamp(item.updated))
        for name in item.authors:
            add(add(entry, "author"), "name", name)
        for term in item.categories:
            add(entry, "category", term=term)
        if item.summary:
            add(entry, "summary", item.summary, type="text")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
