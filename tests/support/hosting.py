"""Helpers for the hosting tests: the shipped nginx config as a test template, the pages worth opening,
links inside a built site, and the scan for URLs that point outside the site.
"""
from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[2]
SHIPPED_NGINX = REPO / "deploy" / "nginx" / "showcase.conf"

# Values written in the shipped config that the test harness replaces (see tests/support/nginx.py).
SHIPPED_LISTEN = "listen 80;"
SHIPPED_ROOT = "/srv/showcase/site/"
SHIPPED_PREFIX = "/dangjian/"
SHIPPED_HTPASSWD = "/etc/nginx/showcase.htpasswd"
AUTH_LINES = ("#auth_basic ", "#auth_basic_user_file ")


def nginx_template(dest: Path, *, auth: bool = False) -> Path:
    """deploy/nginx/showcase.conf with its placeholders' real values swapped for harness variables.

    Fails loudly when a value the harness relies on is missing, so the shipped file is what is tested.
    """
    text = SHIPPED_NGINX.read_text(encoding="utf-8")
    for needle in (SHIPPED_LISTEN, SHIPPED_ROOT, SHIPPED_PREFIX, SHIPPED_HTPASSWD, *AUTH_LINES):
        assert needle in text, f"{SHIPPED_NGINX} no longer contains {needle!r}; update tests/support/hosting.py"
    text = text.replace(SHIPPED_LISTEN, "listen {{listen}};").replace(SHIPPED_ROOT, "{{root}}/")
    if auth:
        for line in AUTH_LINES:
            text = text.replace(line, line.lstrip("#"))
        text = text.replace(SHIPPED_HTPASSWD, "{{htpasswd}}")
    # Longest first: "/dangjian/" then the bare "/dangjian" of the slash-less redirect.
    text = text.replace(SHIPPED_PREFIX, "{{prefix}}").replace(SHIPPED_PREFIX.rstrip("/"), "{{prefix_noslash}}")
    dest.write_text(text, encoding="utf-8")
    return dest


# ---- pages -----------------------------------------------------------------------------------------

_KIND = re.compile(r'class="sc-page sc-page--([a-z_-]+)"')


def pages_by_kind(site: Path) -> dict[str, list[str]]:
    """Site-relative paths of the HTML pages of each page family (theme/main.html's sc-page--<kind>)."""
    kinds: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        match = _KIND.search(path.read_text(encoding="utf-8", errors="replace"))
        if match:
            kinds.setdefault(match.group(1), []).append(path.relative_to(site).as_posix())
    return kinds


def main_pages(site: Path) -> dict[str, str]:
    """One page of every family the site has (the first by path): home, listings, a brand, an article…"""
    return {kind: paths[0] for kind, paths in sorted(pages_by_kind(site).items())}


def as_url_path(rel: str) -> str:
    """`brands/x/index.html` → `brands/x/` (how a server build links to it)."""
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


# ---- links -----------------------------------------------------------------------------------------

class _Refs(HTMLParser):
    """Every URL an HTML page references: (tag, attribute, value)."""

    ATTRS = {"href", "src", "poster", "data", "action", "content"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.refs.append((tag, name, candidate.split()[0]))
            elif name in self.ATTRS:
                if name == "content":
                    # <meta http-equiv="refresh" content="0; url=…">: a redirect page's target
                    if (attrs.get("http-equiv") or "").lower() != "refresh":
                        continue
                    match = re.search(r"url\s*=\s*['\"]?([^'\">]+)", value, re.I)
                    if not match:
                        continue
                    value = match.group(1).strip()
                self.refs.append((tag, name, value))


def references(html: str) -> list[tuple[str, str, str]]:
    parser = _Refs()
    parser.feed(html)
    return parser.refs


def local_target(site: Path, page: Path, url: str) -> Path | None:
    """The file a relative link resolves to inside `site`, or None for external/anchor/special URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    if parts.path.startswith("/"):
        return site / unquote(parts.path).lstrip("/")
    return (page.parent / unquote(parts.path)).resolve()


# ---- URLs that leave the site ---------------------------------------------------------------------

_URL = re.compile(rb"https?://[A-Za-z0-9.-]+(?::\d+)?[^\s\"'<>)\\`]*")

# Identifiers, never fetched: XML/SVG/XHTML namespaces and the sitemap schema.
NAMESPACES = ("http://www.w3.org/", "https://www.w3.org/", "http://www.sitemaps.org/schemas/sitemap/",
              "http://purl.org/rss/", "http://purl.org/dc/", "http://ns.adobe.com/")

# Material for MkDocs' own scripts, styles and source maps, shipped unmodified (checked byte for byte
# against the installed package). The hosts they mention and why none is requested by this site:
MATERIAL_ASSET = re.compile(r"^assets/(javascripts|stylesheets)/")
MATERIAL_HOSTS = {
    # Active code, with triggers this site never has (asserted by test_hosting_build.py):
    "unpkg.com": "bundle loads resize-observer-polyfill only in browsers without ResizeObserver "
                 "(pre-2018) and mermaid only for <pre class=mermaid> diagrams",
    "api.github.com": "the header's repository widget, rendered only when mkdocs.yml sets repo_url",
    # Text only: licence headers, comments, error messages and source-map sources.
    **{host: "comment / licence / error text" for host in (
        "clipboardjs.com", "github.com", "bit.ly", "t.ly", "rxjs.dev", "developer.mozilla.org",
        "benediktmeurer.de", "www.npmjs.com", "lunrjs.com", "tartarus.org", "snowball.tartarus.org",
        "code.google.com", "www.mozilla.org", "chasen.org", "docs.python.org", "en.wikipedia.org",
        "msdn.microsoft.com", "narwhaljs.org", "people.mozilla.org", "underscorejs.org",
        "wiki.commonjs.org", "wiki.ecmascript.org", "fontawesome.com", "squidfunk.github.io")},
}


def material_asset_dir() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def is_unmodified_material_file(site: Path, path: Path) -> bool:
    original = material_asset_dir() / path.relative_to(site)
    return original.is_file() and (hashlib.sha256(original.read_bytes()).digest()
                                   == hashlib.sha256(path.read_bytes()).digest())


def outside_urls(site: Path, own_origins: tuple[str, ...] = ()) -> list[str]:
    """`file: url` for every http(s) URL in any output file that is not the site's own and not inert."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        urls = {m.group(0).decode("ascii", "replace") for m in _URL.finditer(path.read_bytes())}
        if not urls:
            continue
        material = bool(MATERIAL_ASSET.match(rel)) and is_unmodified_material_file(site, path)
        for url in sorted(urls):
            if url.startswith(NAMESPACES) or url.startswith(own_origins or ("\0",)):
                continue
            if material and urlsplit(url).hostname in MATERIAL_HOSTS:
                continue
            found.append(f"{rel}: {url}")
    return found
