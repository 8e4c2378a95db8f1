"""The showcase MkDocs plugin: its event handlers, each delegating to the core or the speed room.

Events delegate to the core (`showcase.site`): on_files plans the site and swaps the content
sources for generated pages (mkdocs/pages.py); on_page_context hands templates their page spec. With
the `speed` option on (the default), on_nav takes pages out of MkDocs' loop (speed/workers.py, the page
store, `showcase serve`'s session); with it off the plugin runs on plain MkDocs.
"""
from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from showcase.mkdocs.speed import markdown_cache as mkdocs_markdown_cache
from showcase.mkdocs.speed import workers as mkdocs_pages
from showcase import search
from showcase.mkdocs.speed import fragments as theme_fragments
from showcase.domain.edition import Edition
from showcase.mkdocs.speed.markdown.inline import FastInlineExtension
from showcase.mkdocs.config import ShowcaseConfig, cache_dir, edition_of, footer_of, image_settings, workers_of
from showcase.mkdocs.pages import add_redirects, replace_sources
from showcase.mkdocs.speed.page_store import PageStore, global_key
from showcase.mkdocs.speed.page_cache import ThemeView
from showcase.mkdocs.preview_pages import PreviewPages
from showcase.pages.render import bytecode_cache, front_matter
from showcase.lint.raw_html import sanitize_markdown
from showcase.site import SitePlan, plan_site

log = logging.getLogger("mkdocs.plugins.showcase")


class ShowcasePlugin(BasePlugin[ShowcaseConfig]):
    supports_multiple_instances = False
    session = None  # `showcase serve`: pages kept between rebuilds (showcase/mkdocs/serve.py)

    def on_startup(self, command, dirty):
        # Having this method keeps the plugin object across `serve` rebuilds (MkDocs' rule): the
        # session's cache is the only thing that survives a build; everything else is reset in on_config.
        # Pages are rendered outside MkDocs' loop only in dirty builds (`showcase build` builds into an
        # empty staging folder; `showcase serve` decides page by page), where MkDocs can skip them.
        self.session, self.dirty = None, dirty
        if command == "serve" and dirty and self.config.speed:
            from showcase.mkdocs.serve import ServeSession

            self.session = ServeSession()

    def on_config(self, config):
        self.plan: SitePlan | None = None
        self.specs: dict = {}
        self.rendered = 0
        self.html_pages = 0  # HTML files written, for the `showcase build` summary
        self.search = search.Collector()
        if self.config.speed and not any(isinstance(e, FastInlineExtension) for e in config.markdown_extensions):
            config.markdown_extensions.append(FastInlineExtension())  # same HTML, less work (speed/markdown/)
        self.renders: mkdocs_pages.PageRenders | None = None
        self.store: PageStore | None = None
        self.reused = self.rerendered = 0  # finished pages taken from / missing in the page store
        self.files = self.nav = self.env = None
        self.mkdocs_config = config
        self.in_worker = False
        self.markdown: dict[str, str] = {}  # pages rendered ahead of MkDocs reading them (serve)
        folder = self.cache_dir(config, self.config.markdown_cache, "") if self.config.speed else None
        self.converted = (mkdocs_markdown_cache.MarkdownCache(folder, mkdocs_markdown_cache.settings_key(config))
                          if folder is not None else None)
        if self.session is not None:
            self.session.begin(config)
        return config

    def edition(self) -> Edition:
        return edition_of(self.config)

    def on_files(self, files: Files, config) -> Files:
        docs_dir = Path(config.docs_dir)
        template_dir = Path(config.theme.custom_dir or docs_dir.parent / "theme") / "showcase"
        edition = self.edition()
        plan = plan_site(docs_dir, edition, template_dir, site={"name": config.site_name, "url": config.site_url or ""},
                         images=image_settings(self.config, config), checked=self.handed_over(docs_dir, edition),
                         template_cache=self.cache_dir(config, self.config.template_cache, "content"),
                         render=False, workers=workers_of(self.config))  # each page's Markdown is rendered as MkDocs reads it (on_page_read_source)
        for problem in plan.problems.warnings:
            # INFO, not WARNING: content warnings must not abort a strict build; `showcase` prints them.
            log.info(problem.format())
        if not plan.ok:
            raise PluginError("内容有错误，未生成网站：\n" + "\n".join(p.format() for p in plan.problems.errors))
        self.plan = plan
        if config.extra.get("print"):  # `showcase build --print`: pages link the PDFs written beside them
            from showcase.publications.catalog import page_links, site_prints

            plan.site["print"] = page_links(site_prints(plan.model))
        self.specs = {spec.src_path: spec for spec, _ in plan.pages}
        files = add_redirects(replace_sources(files, plan, config), plan, config)
        if self.session is not None:
            self.session.mark_plain_pages(files)
        return files

    def handed_over(self, docs_dir: Path, edition: Edition):
        """The content `showcase build` checked just before (config.Precheck): one check per build.
        Only when it is this build's content folder and day."""
        handed = self.config.precheck
        if handed is not None and Path(handed.root).resolve() == docs_dir.resolve() \
                and handed.day == edition.moment.date():
            return handed.checked
        return None

    def on_nav(self, nav, config, files):
        """serve: reuse unchanged pages, show the edited ones first (mkdocs/serve.py); big builds: the other
        generated pages outside the navigation go to worker processes (speed/workers.py)."""
        self.files, self.nav = files, nav
        if not getattr(self, "dirty", False) or not self.config.speed:
            return nav
        self.doc_files = files.documentation_pages()
        renders = mkdocs_pages.PageRenders()
        renders.write = self.write_page
        if self.session is not None:
            self.session.plan(PreviewPages(self), config, files, nav, renders, self.edition())
        self.store = self.page_store(config, files, nav)
        setting = self.config.render_workers
        in_nav = {id(page) for page in nav.pages}
        pages = [f.page for f in files.documentation_pages() if f.src_uri in self.specs and f.page is not None
                 and id(f.page) not in in_nav and f.src_uri not in renders.delegated]
        workers = mkdocs_pages.worker_count(setting, len(pages)) if mkdocs_pages.can_fork(config) else 0
        if workers or (self.store is not None and pages):
            renders.start(config, nav, pages, workers, self.render_one, self.become_worker, self.worker_report)
        for src, page in renders.delegated.items():
            # MkDocs renders sitemap.xml before these pages are rendered; it reads their front matter.
            page.meta = front_matter(self.specs[src])
        self.renders = renders if renders.delegated else None
        return nav

    def page_store(self, config, files, nav) -> PageStore | None:
        """`showcase build`'s store of finished pages; not in `serve` (its session keeps pages in memory)
        nor beside other plugins (their page events would not run for a reused page)."""
        folder = self.cache_dir(config, self.config.page_cache, "")
        if folder is None or self.session is not None or not mkdocs_pages.can_delegate(config):
            return None
        edition = self.edition()
        variant = repr((edition.name, edition.drafts, edition.now, config.use_directory_urls, config.site_url))
        anchors = mkdocs_markdown_cache.anchor_links_noted()  # verbose builds' pages are kept apart
        return PageStore(folder, f"{global_key(config, files, nav, edition, listing=False)}:{anchors}", variant)

    def render_one(self, page) -> mkdocs_pages.Rendered:
        """A page rendered outside MkDocs' loop (here or in a worker), with its search document; from
        the page store when nothing it is made of has changed."""
        if self.env is None:  # a worker forked before on_env
            self.env = self.mkdocs_config.plugins.on_env(self.mkdocs_config.theme.get_env(),
                                                         config=self.mkdocs_config, files=self.files)
        src, files = page.file.src_uri, self.files
        if self.store is not None:
            spec = self.specs[src]
            key = self.store.page_key(page, self.markdown_of(spec))  # kept: MkDocs reads it if rendered
            kept = self.store.lookup(src, key, spec, files)
            if kept is not None:
                self.markdown.pop(src, None)
                return self.reuse(page, kept)
            files = mkdocs_markdown_cache.Lookups(files)  # the links it makes are part of its key
        with mkdocs_pages.LogCapture.on(mkdocs_markdown_cache.LOGGERS) as capture:
            result = mkdocs_pages.render_here(page, self.mkdocs_config, files, self.nav, self.env, self.doc_files)
        result.doc = self.search_document(result, page)
        if self.store is not None:
            self.store.keep(src, key, spec, dataclasses.replace(result, logs=capture.records), files.noted())
        if self.session is None:
            result.content = None  # the search document has what search needs
        return result

    def reuse(self, page, kept: mkdocs_pages.Rendered) -> mkdocs_pages.Rendered:
        """A page from the store, finished as if rendered now: its messages again, its search document
        with its record's facts as they are now (the units it names may have been renamed)."""
        mkdocs_pages.restore(kept, page, self.files)
        mkdocs_pages.replay(kept.logs)  # a worker's capture passes them on, like a rendered page's
        kept.logs = []
        if kept.doc is not None:  # None: kept out of search (front matter, part of the key)
            kept.doc = search.reindexed_document(kept.doc, page.url, page.title, self.specs.get(page.file.src_uri))
        return kept

    def search_document(self, result, page):
        if search.excluded(result.meta):
            return None
        return search.indexed_document(result.content, page.url, page.title, self.specs.get(page.file.src_uri))

    def write_page(self, page, result) -> None:
        from mkdocs.utils import write_file

        write_file(result.output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
        result.written = True
        if self.session is None:
            result.output = ""  # written: no need to keep it

    def become_worker(self):
        """In a worker process: render what is asked, delegate nothing, collect no search documents."""
        self.renders, self.in_worker = None, True
        self.problems_before = len(self.plan.problems.items)

    def worker_report(self):
        """What a worker's pages added to the build besides their HTML: pictures asked for, problems,
        pages taken from the store."""
        stored = (self.store.hits, self.store.misses) if self.store is not None else (0, 0)
        return (self.plan.images.sources, self.plan.images.covers, self.plan.problems.items[self.problems_before:],
                stored)

    def on_page_read_source(self, page, config):
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return None
        return self.markdown_of(spec, keep=False)

    def markdown_of(self, spec, keep: bool = True) -> str:
        """The page's Markdown, rendered once per build (serve renders some ahead, to compare)."""
        text = self.markdown.pop(spec.src_path, None)
        if text is None:
            text = self.plan.render(spec)
        if keep:
            self.markdown[spec.src_path] = text
        return text

    def on_env(self, env, config, files):
        if self.session is not None:
            self.session.current = None
        self.stop_on_errors()  # every page has been read (and rendered, except the workers' ones)
        env.bytecode_cache = bytecode_cache(self.cache_dir(config, self.config.template_cache, "theme"))
        # Material's navigation rendered once per set of relative links, page-independent blocks once per depth
        theme_fragments.install(env, reuse=self.config.speed and self.config.fragments)
        env.globals["showcase_footer"] = footer_of(self.config, config)  # every page's, the 404 page's too
        self.env = env
        return env

    def stop_on_errors(self):
        if self.plan is not None and not self.plan.ok:
            raise PluginError("内容有错误，未生成网站：\n" + "\n".join(p.format() for p in self.plan.problems.errors))

    def cache_dir(self, config, setting: str, part: str) -> Path | None:
        return cache_dir(config, setting, part)

    def on_page_markdown(self, markdown, page, config, files):
        # Plain pages (content/*.md that are no record) reach MkDocs as written: their images too.
        if self.plan is not None and page.file.src_uri not in self.specs and page.file.abs_src_path:
            images = self.plan.images.for_plain_page(page.file.src_uri, Path(page.file.abs_src_path))
            markdown = sanitize_markdown(images.rewrite_markdown(markdown)).text  # pasted scripts never ship
        if self.converted is not None:
            self.converted.install(page)  # converted again only if something it depends on changed
        return markdown  # problems found while rendering stop the build at on_env, all of them at once

    def on_build_error(self, error):
        if self.renders is not None:
            self.renders.close()
        if self.session is not None:
            self.session.abandon()

    def on_post_build(self, config):
        if self.renders is not None:
            self.finish_delegated(config)
        self.collect_search_documents()
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
        self.html_pages = sum(1 for f in self.files or [] if f.dest_uri.endswith(".html")) + sum(
            1 for name in config.theme.static_templates if name.endswith(".html"))
        self.finish_caches()
        if self.session is not None:
            self.session.finish(config, self.files)

    def finish_caches(self) -> None:
        """The speed room's caches at the end of a build: their numbers, and entries unused for long dropped."""
        if self.converted is not None and not self.in_worker:
            log.debug(f"Markdown 缓存：本进程复用 {self.converted.hits} 个页面，转换 {self.converted.misses} 个")
            self.converted.prune()
        if self.store is not None and not self.in_worker:
            log.info(f"页面：{self.reused + self.store.hits} 个与上次相同、直接沿用，"
                     f"{self.rerendered + self.store.misses} 个重新生成")
            self.store.prune()

    def on_pre_page(self, page, config, files):
        if self.session is not None:
            self.session.current = page.file.src_uri  # its warnings are replayed when it is reused
        self.rendered += 1
        total = len(self.specs)
        if total >= 500 and self.rendered % 500 == 0 and not self.in_worker:
            log.info(f"已渲染 {self.rendered}/{total} 个页面")
        return page

    def on_page_context(self, context, page, config, nav):
        src = page.file.src_uri
        if self.session is not None:
            self.session.current = src
        spec = self.specs.get(src)
        if spec is not None:
            context["showcase"] = self.theme_spec(page, spec)
        # A --drafts build marks every page: its lists hold unpublished records too.
        context["showcase_preview_build"] = bool(self.plan and self.plan.model and self.plan.model.edition.drafts)
        return context

    def theme_spec(self, page, spec):
        """The page spec as theme templates see it. Where pages are kept (serve, the page store) what
        they read of it is noted: it is part of the page's key."""
        if self.session is None and self.store is None:
            return spec
        reads: set = set()
        page.showcase_reads = reads
        return ThemeView(spec, reads)

    def finish_delegated(self, config) -> None:
        """After MkDocs' loop: render what the workers have not taken, then finish every page rendered
        outside the loop, in page order (state, logs, file, anchors)."""
        renders = self.renders
        renders.render_rest(self.render_one)
        for page in renders.missing():  # a worker failed: render here, where errors surface
            renders.results[page.file.src_uri] = self.render_one(page)
        if self.session is not None:
            self.session.current = None  # replayed messages belong to no page being rendered
        for sources, covers, problems, (reused, rerendered) in renders.reports:
            mkdocs_pages.add_image_requests(self.plan.images, sources, covers)
            self.plan.problems.items.extend(problems)
            self.reused, self.rerendered = self.reused + reused, self.rerendered + rerendered
        self.stop_on_errors()
        for src, page in renders.delegated.items():
            result = renders.results[src]
            mkdocs_pages.apply(result, page, self.files)
            if not result.written:
                self.write_page(page, result)
            if self.session is not None:
                if self.session.reused(src):
                    result.doc = self.search_document(result, page)  # its record's facts may have changed
                self.session.finish_page(page, self.specs[src], result)
        pages = [f.page for f in self.files.documentation_pages() if f.page is not None]
        mkdocs_pages.validate_anchors(pages, renders.delegated, self.files, config.validation.links.anchors)

    def collect_search_documents(self) -> None:
        """Every page's search document, in page order (the index numbers pages in this order)."""
        delegated = self.renders.delegated if self.renders is not None else {}
        for file in self.files.documentation_pages() if self.files is not None else []:
            page = file.page
            if file.src_uri in delegated:
                doc = self.renders.results[file.src_uri].doc
                if doc is not None:
                    self.search.docs.append(doc)
            elif page is not None and page.content is not None:
                self.search.add(page.content, page.url, page.title, self.specs.get(file.src_uri), page.meta)

    def on_post_page(self, output, page, config):
        if self.session is not None and page.file.src_uri in self.specs and not self.in_worker:
            self.session.after_page(page, self.specs[page.file.src_uri], output)
        return output

    def on_serve(self, server, config, builder):
        # `serve` watches content and mkdocs.yml; our templates (custom_dir) only with --watch-theme.
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        if self.session is not None:
            self.session.server = server
        return server

