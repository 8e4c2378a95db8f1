"""Reading built column pages in tests: the page's own content, its visible text, its links."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit


def main_html(site: Path, url: str) -> str:
    """The page's own content (without Material's chrome: sidebars, header, footer)."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    return match.group(1) if match else html


INLINE_TAG = re.compile(r"</?(?:a|strong|em|span|code|b|i)\b[^>]*>")


def text_of(html: str) -> str:
    """Visible text: inline tags vanish, block tags separate; ASCII spaces collapse (　 stays)."""
    text = re.sub(r"<[^>]+>", " ", INLINE_TAG.sub("", html))
    return re.sub(r"[ \t\r\n]+", " ", unescape(text)).strip()


def links(html: str, page_url: str) -> list[str]:
    """Site-relative targets of the page's links, in order ("column/2023/x/")."""
    base = "http://site/" + page_url
    out = []
    for href in re.findall(r'<a [^>]*href="([^"]+)"', html):
        target = urljoin(base, unescape(href))
        if target.startswith("http://site/"):
            out.append(urlsplit(target).path[1:] + (f"#{urlsplit(target).fragment}" if urlsplit(target).fragment else ""))
    return out
