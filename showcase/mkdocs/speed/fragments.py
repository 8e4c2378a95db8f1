"""Material's navigation, tabs and page-independent blocks, rendered once per build for all pages that
see them alike.

Material renders the site navigation (sidebar and tabs) into every page — about a third of the time
its page template takes. Our navigation holds only the section pages (mkdocs.yml), so on every page
outside it nothing is "active" and the two partials differ only by their relative links. The
plugin wraps them (`WRAPPERS`, installed in front of the theme's own loader at `on_env`) in
`showcase_fragment`, which renders a partial once per set of relative links and reuses the HTML.
The key is everything the partials read that varies from page to page: the relative URL of each
navigation item, the home page and the logo from this page. A page in the navigation, or any active
item, is rendered as usual. The theme's own partials (Material's, or a custom_dir override) are
included unchanged through the "showcase-theme/" prefix. tests/speed/test_perf_parallel.py checks the
site is the same byte for byte.

Blocks of base.html that read nothing of the page but its relative links — the `__config` script
(ten translations looked up on every page), the style sheets and the scripts — are wrapped in
theme/main.html with `showcase_per_depth(name)`: rendered once per `base_url` (the page's depth).
With the plugin option `fragments: false` (or `speed: false`) everything is rendered on every page
(tests compare the two).

Part of the MkDocs adapter's speed room.
"""
from __future__ import annotations

import jinja2
from mkdocs.utils import get_relative_url

PREFIX = "showcase-theme"
CACHED = ("partials/nav.html", "partials/tabs.html")
WRAPPERS = {name: f'{{% call showcase_fragment("{name}") %}}{{% include "{PREFIX}/{name}" %}}{{% endcall %}}'
            for name in CACHED}


def install(env: jinja2.Environment, reuse: bool = True) -> None:
    """Put the caching wrappers in front of the theme's templates (one cache per environment, that is
    per build and process). `reuse=False` renders everything on every page (to compare)."""
    if not reuse:
        env.globals["showcase_per_depth"] = _render_each_time
        return
    theme = env.loader
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(WRAPPERS), jinja2.PrefixLoader({PREFIX: theme}), theme])
    fragments = Fragments()
    env.globals["showcase_fragment"] = fragments.render
    env.globals["showcase_per_depth"] = fragments.per_depth


def _render_each_time(name: str, caller):
    return caller()


def _items(items):
    for item in items or []:
        yield item
        yield from _items(getattr(item, "children", None))


class Fragments:
    def __init__(self):
        self.cache: dict = {}

    @jinja2.pass_context
    def render(self, context, name: str, caller):
        key = self.key(name, context)
        if key is None:
            return caller()
        if key not in self.cache:
            self.cache[key] = caller()
        return self.cache[key]

    @jinja2.pass_context
    def per_depth(self, context, name: str, caller):
        key = ("per-depth", name, context.get("base_url"))
        if key not in self.cache:
            self.cache[key] = caller()
        return self.cache[key]

    @staticmethod
    def key(name: str, context):
        page, nav, config = context.get("page"), context.get("nav"), context.get("config")
        if page is None or nav is None or config is None:
            return None
        items = list(_items(nav.items))
        if page in nav.pages or any(getattr(item, "active", False) for item in items):
            return None  # something is highlighted for this page only
        urls = [getattr(item, "url", None) for item in items]
        urls += [nav.homepage.url if nav.homepage else None, config.theme.get("logo"),
                 (config.extra or {}).get("homepage")]
        return (name, context.get("base_url"),
                tuple(get_relative_url(u, page.url) if isinstance(u, str) and "://" not in u else u for u in urls))
