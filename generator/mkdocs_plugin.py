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

from . import search
from .edition import EDITIONS, Edition
from .images import ImageSettings, is_image_name
from .pages.redirects import alias_records, redirect_files
from .sanitize import sanitize_markdown
from .site import SitePlan, excluded_folders, plan_site, record_sources

log = logging.getLogger("mkdocs.plugins.showcase")


class ShowcaseConfig(base.Config):
    edition = c.Choice(EDITIONS, default="internal")
    drafts = c.Type(bool, default=False)
    # The build's moment for embargoes, ISO 8601; empty = now. Lets tests and previews time-travel.
    now = c.Type(str, default="")
    # Processed images are cached here (relative to mkdocs.yml); safe to delete, never inside site/.
    image_cache = c.Type(str, default=".cache/showcase-images")
    image_workers = c.Type(int, default=0)  # 0 = one worker process per core


class ShowcasePlugin(BasePlugin[ShowcaseConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        self.plan: SitePlan | None = None
        self.specs: dict = {}
        self.rendered = 0
        self.search = search.Collector()
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
        edition = self.edition()
        plan = plan_site(docs_dir, edition, template_dir, site={"name": config.site_name, "url": config.site_url or ""},
                         images=self.image_settings(config), checked=self.handed_over(docs_dir, edition))
        for problem in plan.problems.warnings:
            # INFO, not WARNING: content warnings must not abort a strict build; `showcase` prints them.
            log.info(problem.format())
        if not plan.ok:
            raise PluginError("内容有错误，未生成网站：\n" + "\n".join(p.format() for p in plan.problems.errors))
        self.plan = plan
        self.specs = {spec.src_path: spec for spec, _ in plan.pages}
        return add_redirects(replace_sources(files, plan, config), plan, config)

    def handed_over(self, docs_dir: Path, edition: Edition):
        """The content `showcase build` checked just before (build.build_site): one check per build.
        Used once, and only when it is this build's content folder and day."""
        handed, self.prechecked = getattr(self, "prechecked", None), None
        if handed is not None:
            root, day, checked = handed
            if Path(root).resolve() == docs_dir.resolve() and day == edition.moment.date():
                return checked
        return None

    def image_settings(self, config) -> ImageSettings:
        base_dir = Path(config.config_file_path or ".").resolve().parent
        return ImageSettings(cache_dir=base_dir / self.config.image_cache, workers=self.config.image_workers)

    def on_page_markdown(self, markdown, page, config, files):
        # Plain pages (content/*.md that are no record) reach MkDocs as written: their images too.
        if self.plan is not None and page.file.src_uri not in self.specs and page.file.abs_src_path:
            images = self.plan.images.for_plain_page(page.file.src_uri, Path(page.file.abs_src_path))
            markdown = sanitize_markdown(images.rewrite_markdown(markdown)).text  # pasted scripts never ship
            if not self.plan.ok:
                raise PluginError("\n".join(p.format() for p in self.plan.problems.errors))
        return markdown

    def on_post_build(self, config):
        if self.plan is not None and self.plan.images is not None:
            stats = self.plan.images.write_images(Path(config.site_dir))
            log.info(f"图片：{stats.sources} 张源图，新处理 {stats.made} 个文件，"
                     f"写入 {stats.files} 个文件，用时 {stats.seconds:.1f} 秒")
        units = self.plan.model.units if self.plan is not None and self.plan.model is not None else []
        try:
            index = self.search.write(Path(config.site_dir), units)
        except search.SearchIndexError as exc:
            raise PluginError(f"站内检索索引生成失败：{exc}") from None
        log.info(f"检索：{index.docs} 个页面，{index.shards} 个分片，{index.bytes / 1e6:.1f} MB，"
                 f"用时 {index.seconds:.1f} 秒（CPU {index.cpu_seconds:.1f} 秒）")

    def on_page_content(self, html, page, config, files):
        self.search.add(html, page.url, page.title, self.specs.get(page.file.src_uri), page.meta)
        return html

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
        # A --drafts build marks every page: its lists hold unpublished records too.
        context["showcase_preview_build"] = bool(self.plan and self.plan.model and self.plan.model.edition.drafts)
        return context

    def on_serve(self, server, config, builder):
        # `serve` watches content and mkdocs.yml; our templates (custom_dir) only with --watch-theme.
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        return server


def add_redirects(files: Files, plan: SitePlan, config) -> Files:
    """Old URLs (aliases) become static redirect pages rendered with theme/redirect.html."""
    template = config.theme.get_env().get_template("redirect.html")
    outputs, problems = redirect_files(alias_records(plan.model), {f.dest_uri for f in files}, template.render,
                                       config.use_directory_urls, config.site_url or "")
    if problems.errors:
        raise PluginError("内容有错误，未生成网站：\n" + problems.report())
    for out in outputs:
        files.append(File.generated(config, out.dest_path, content=out.content))
    return files


def replace_sources(files: Files, plan: SitePlan, config) -> Files:
    """Content files become generated pages; data files and left-out records' assets never ship."""
    sources = {p.resolve() for p in record_sources(plan)}
    hidden = [folder.resolve() for folder in excluded_folders(plan)]
    docs_dir = Path(config.docs_dir).resolve()
    generated = {spec.src_path for spec, _ in plan.pages} | {out.dest_path for out in plan.static_files}
    kept = Files([])
    for file in files:
        path = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if file.src_uri.endswith((".yml", ".yaml")) or file.src_uri in generated:
            continue
        if is_image_name(file.src_uri) and path is not None and path.is_relative_to(docs_dir):
            continue  # content images ship only as processed variants (generator/images); theme icons as they are
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
