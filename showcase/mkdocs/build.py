"""An atomic MkDocs build: the new site is built beside the old one and swapped in only when whole.

A content error, a crash or Ctrl-C leaves the previous `site/` exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


class BuildFailed(Exception):
    pass


@dataclass
class BuildResult:
    site_dir: Path
    pages: int
    bundle: Path | None = None  # the offline zip, for --offline builds


def build_site(config_file: str, site_dir: str | None = None, strict: bool = True,
               site_url: str | None = None, offline: bool = False, precompress: bool = False,
               checked: tuple | None = None, publications=None) -> BuildResult:
    """`site_url`: serve under a sub-path (hosting.normalize_base_url); `offline`: a site that works
    from disk (links to .html files, default folder `<site_dir>-offline`); `precompress`: .gz twins;
    `checked`: (content root, day, Checked) the caller already checked, so the build doesn't again;
    `publications`: a function writing the printed publications into the staging folder (`--print`);
    pages link them when `config.extra["print"]` is on."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from showcase.cli import hosting
    from showcase.mkdocs.speed import workers as mkdocs_pages

    config = load_config(config_file, strict=strict)
    # A dirty build into an empty staging folder is a full build in which our plugin may take pages
    # out of MkDocs' loop (showcase/mkdocs/speed/workers.py).
    config.plugins.on_startup(command="build", dirty=True)
    plugin = config.plugins.get("showcase")
    if checked is not None and plugin is not None:
        plugin.prechecked = checked  # used once, if it is this build's content and day
    if site_url is not None:
        config.site_url = site_url  # already normalized; MkDocs' own check refuses path-only URLs
    if offline:
        # file:// has no index.html lookup for folders: every link must name its .html file.
        config.use_directory_urls = False
        config.extra["offline"] = True  # for templates and plugins (e.g. search loads its index by <script>)
    if publications is not None:
        config.extra["print"] = True  # pages link their PDFs (theme/showcase/_print_links.md)
    default_dir = config.site_dir + ("-offline" if offline else "")
    target = Path(site_dir).resolve() if site_dir else Path(default_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    config.site_dir = str(staging)
    try:
        with mkdocs_pages.dirty_build():
            build(config, dirty=True)
        if publications is not None:
            publications(staging)  # before the swap: a failure leaves the old site as it was
        if offline:
            hosting.remove_offline_extras(staging)
        if precompress:
            hosting.precompress(staging)
        swap_in(staging, target)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pages = plugin.html_pages if plugin is not None and not offline else sum(1 for _ in target.rglob("*.html"))
    bundle = None
    if offline:
        from datetime import datetime, timedelta, timezone

        from showcase.domain.formatting import cn_date

        now = datetime.now(timezone(timedelta(hours=8)))
        bundle = target.with_name(target.name + ".zip")
        hosting.write_offline_zip(target, bundle, config.site_name, f"{cn_date(now.date())} {now:%H:%M}")
    return BuildResult(target, pages, bundle)


def swap_in(staging: Path, target: Path) -> None:
    """Replace `target` by `staging` with two renames; the old site is deleted only afterwards."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        discard(old)


def discard(folder: Path) -> None:
    """Delete a replaced site without keeping the editor waiting: deleting 20,000 files takes seconds,
    so a detached process does it (the new site is already in place); here if that can't start."""
    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
