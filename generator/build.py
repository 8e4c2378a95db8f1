"""An atomic MkDocs build: the new site is built beside the old one and swapped in only when whole.

A content error, a crash or Ctrl-C leaves the previous `site/` exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


class BuildFailed(Exception):
    pass


@dataclass
class BuildResult:
    site_dir: Path
    pages: int


def build_site(config_file: str, site_dir: str | None = None, strict: bool = True) -> BuildResult:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config = load_config(config_file, strict=strict)
    target = Path(site_dir).resolve() if site_dir else Path(config.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    config.site_dir = str(staging)
    try:
        build(config)
        swap_in(staging, target)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pages = sum(1 for _ in target.rglob("*.html"))
    return BuildResult(target, pages)


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
        shutil.rmtree(old, ignore_errors=True)
