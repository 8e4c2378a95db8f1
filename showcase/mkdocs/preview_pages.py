"""What `showcase serve`'s session may ask of the plugin during one build: the one door between them.

The session (mkdocs/serve.py) decides which pages to take from its cache and which to render first;
the plugin owns the plan, the page specs and the rendering. The session sees only these four methods.
"""
from __future__ import annotations

from pathlib import Path


class PreviewPages:
    """One build's generated pages, as the preview session sees them."""

    def __init__(self, plugin):
        self.plugin = plugin

    def record_paths(self) -> set[Path]:
        """The content files of every record of the site (their digests tell what an edit changed)."""
        return {record.path for record in self.plugin.plan.checked.records}

    def generated_pages(self, files, nav) -> list[tuple[object, object]]:
        """(page, page spec) of each generated page outside the navigation, in page order."""
        specs, in_nav = self.plugin.specs, {id(page) for page in nav.pages}
        return [(f.page, specs[f.src_uri]) for f in files.documentation_pages()
                if f.src_uri in specs and f.page is not None and id(f.page) not in in_nav]

    def markdown(self, spec) -> str:
        """The page's Markdown as MkDocs will read it (rendered once per build)."""
        return self.plugin.markdown_of(spec)

    def render_early(self, page):
        """Render and write `page` now (speed/workers.Rendered); None when the content has errors (the
        build will stop with all of them, and nothing is shown early)."""
        plugin = self.plugin
        if not plugin.plan.ok:
            return None
        result = plugin.render_one(page)
        if not plugin.plan.ok:
            return None
        plugin.write_page(page, result)
        return result
