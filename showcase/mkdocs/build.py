"""One MkDocs build of the site into a given folder, with the showcase plugin's options set for it.

The `showcase build` command (showcase/cli/build.py) builds into an empty staging folder and swaps it
in only when whole; this module is the part of that which talks to MkDocs.
"""
from __future__ import annotations

from pathlib import Path

from showcase.mkdocs import dirty_warning
from showcase.mkdocs.config import PLUGIN, set_plugin_options


class BuildFailed(Exception):
    pass


def load(config_file: str, strict: bool = True, site_url: str | None = None, offline: bool = False,
         options: dict | None = None, print_links: bool = False):
    """mkdocs.yml as this build sees it. `site_url`: serve under a sub-path (hosting.normalize_base_url);
    `offline`: a site that works from disk (links to .html files); `options`: showcase plugin options
    (edition, drafts, now, precheck …) over mkdocs.yml's; `print_links`: pages link their printed PDFs
    (`build --print` writes them into site/print/)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config = load_config(config_file, strict=strict)
    try:
        set_plugin_options(config, **(options or {}))
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from None
    # A dirty build into an empty staging folder is a full build in which our plugin may take pages
    # out of MkDocs' loop (showcase/mkdocs/speed/workers.py).
    config.plugins.on_startup(command="build", dirty=True)
    if site_url is not None:
        config.site_url = site_url  # already normalized; MkDocs' own check refuses path-only URLs
    if offline:
        # file:// has no index.html lookup for folders: every link must name its .html file.
        config.use_directory_urls = False
        config.extra["offline"] = True  # for templates and plugins (e.g. search loads its index by <script>)
    if print_links:
        config.extra["print"] = True  # theme/showcase/_print_links.md
    return config


def build_into(config, folder: Path) -> int | None:
    """Build the site into `folder` (empty); the number of HTML pages the plugin wrote, if it knows."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    config.site_dir = str(folder)
    try:
        with dirty_warning.quiet():
            build(config, dirty=True)
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from None
    plugin = config.plugins.get(PLUGIN)
    return plugin.html_pages if plugin is not None else None
