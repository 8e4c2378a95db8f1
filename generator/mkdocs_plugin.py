"""The MkDocs adapter: the only module that imports MkDocs.

Events delegate to the core (`generator.site`): on_files plans the site and swaps the content
sources for generated pages; on_page_context hands templates their page spec.
"""
from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .edition import EDITIONS, Edition
from .site import SitePlan, excluded_folders, plan_site, record_sources

log = logging.getLogger("mkdocs.plugins.showcase")


class ShowcaseConfig(base.Config):
    edition = c.Choice(EDITIONS, default="internal")
    drafts = c.Type(bool, default=False)
    # The build's moment for embargoes, ISO 8601; empty = now. Lets tests and previews time-travel.
    now = c.Type(str, default="")


class ShowcasePlugin(BasePlugin[ShowcaseConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        self.plan: SitePlan | None = None
        self.specs: dict = {}
        self.rendered = 0
        return config

    def edition(self) -> Edition:
        """mkdocs.yml options, overridden by the `showcase` command's environment (build/serve flags)."""
        name = os.environ.get("SHOWCASE_EDITION") or self.config.edition
        if name not in EDITIONS:
            raise PluginError(f"SHOWCASE_EDITION={name}：版本只能是 {' 或 '.join(EDITIONS)}")
        drafts = self.config.drafts or bool(os.environ.get("SHOWCASE_DRAFTS"))
        now = os.environ.get("SHOWCASE_NOW") or self.config.now
        return Edition(name=name, drafts=drafts, now=_parse_now(now) if now else None)

    def on_files(self, files: Files, config) -> Files:
        docs_dir = Path(config.docs_dir)
        template_dir = Path(config.theme.custom_dir or docs_dir.parent / "theme") / "showcase"
        plan = plan_site(docs_dir, self.edition(), template_dir, site={"name": config.site_name})
        for problem in plan.problems.warnings:
            # INFO, not WARNING: content warnings must not abort a strict build; `showcase` prints them.
            log.info(problem.format())
        if not plan.ok:
            raise PluginError("内容有错误，未生成网站：\n" + "\n".join(p.format() for p in plan.problems.errors))
        self.plan = plan
        self.specs = {spec.src_path: spec for spec, _ in plan.pages}
        return replace_sources(files, plan, config)

    def on_pre_page(self, page, config, files):
        self.rendered += 1
        total = len(self.specs)
        if total >= 500 and self.rendered % 500 == 0:
            log.info(f"已渲染 {self.rendered}/{total} 个页面")
        return page

    def on_page_context(self, context, page, config, nav):
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            context["showcase"] = spec
        return context


def replace_sources(files: Files, plan: SitePlan, config) -> Files:
    """Content files become generated pages; data files and left-out records' assets never ship."""
    sources = {p.resolve() for p in record_sources(plan)}
    hidden = [folder.resolve() for folder in excluded_folders(plan)]
    generated = {spec.src_path for spec, _ in plan.pages} | {out.dest_path for out in plan.static_files}
    kept = Files([])
    for file in files:
        path = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if file.src_uri.endswith((".yml", ".yaml")) or file.src_uri in generated:
            continue
        if path is not None and (path in sources or any(path.is_relative_to(f) for f in hidden)):
            continue
        kept.append(file)
    for spec, markdown in plan.pages:
        kept.append(File.generated(config, spec.src_path, content=markdown))
    for out in plan.static_files:
        kept.append(File.generated(config, out.dest_path, content=out.content))
    return kept


def _parse_now(text: str) -> datetime:
    from .content.values import to_datetime

    try:
        return to_datetime(text)
    except ValueError:
        raise PluginError(f"无法识别的构建时间 now={text}：写成 2024-01-01T09:00:00+08:00") from None
