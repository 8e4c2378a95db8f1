"""The build's image catalog: every picture the rendered pages ask for, and the work to make them.

One `ImageCatalog` per build (created by `plan_site`, never shared between builds). Rendering a page
asks it for renditions (through the functions in `page.py`); after MkDocs has written the pages,
`write_images` makes what the cache lacks — spread over the processes of `settings.run` — and copies the files into the site.
Only what a rendered page asked for is written: images of records the edition leaves out never are.
"""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from showcase.content.problems import Problems
from showcase.content.records import Record
from showcase.content.workers import IN_THIS_PROCESS, Workers
from showcase.images.cache import DEFAULT_CACHE_DIR, ImageCache
from showcase.images.covers import CoverSpec, cover_aspect, missing_glyphs, palette_for, plan_cover
from showcase.images.fonts import FontChoice, find_cjk_font
from showcase.images.page import PageImages
from showcase.images.probe import DEFAULT_PIXEL_LIMIT, Probe, probe_file, report_issue
from showcase.images.refs import is_external
from showcase.images.variants import OUTPUT_DIR, PURPOSES, Rendition, Variant, plan_rendition, plan_svg


@dataclass(frozen=True)
class ImageSettings:
    cache_dir: Path = Path(DEFAULT_CACHE_DIR)
    pixel_limit: int = DEFAULT_PIXEL_LIMIT
    workers: int = 0  # 0 = one per core
    run: Workers = IN_THIS_PROCESS  # how the work is shared between processes (the adapter's pool)


@dataclass
class SourceJob:
    path: Path
    size: tuple[int, int]  # upright, full resolution
    variants: dict[str, Variant] = field(default_factory=dict)


@dataclass
class CoverJob:
    spec: CoverSpec
    variants: dict[str, Variant] = field(default_factory=dict)


@dataclass
class WriteStats:
    files: int = 0  # variants copied into the site
    made: int = 0  # variants made now (cache misses)
    sources: int = 0  # source images and covers used by the site
    seconds: float = 0.0


class ImageCatalog:
    def __init__(self, content_root: Path, settings: ImageSettings, problems: Problems, env=None):
        self.root = Path(content_root).resolve()
        self.env = env  # Jinja environment with theme/showcase/ (_picture.html, _gallery.html)
        self.settings = settings
        self.problems = problems
        self.cache = ImageCache(settings.cache_dir)
        self._probes: dict[Path, Probe] = {}
        self._font: FontChoice | None | bool = False  # False = not looked up yet
        self._glyphs: dict[str, bool] = {}  # character → the font draws it
        self.sources: dict[Path, SourceJob] = {}
        self.covers: dict[str, CoverJob] = {}

    # ---- asking for pictures (while pages render) ----
    def for_plain_page(self, src_path: str, source_file: Path):
        return PageImages(self, self.env, src_path, Path(source_file).parent, None, Path(source_file))

    def for_page(self, env, spec, source_file: Path | None = None):
        """The template functions bound to one page (a generated PageSpec or a plain page)."""
        record = spec.context.get("record")
        record = record if isinstance(record, Record) else None
        folder = (self.root / spec.src_path).parent
        if source_file is None and spec.src_path == "index.md":
            source_file = self.root / "index.md"  # the home page shows content/index.md's body
        return PageImages(self, env, spec.src_path, folder, record, source_file)

    def rendition(self, folder: Path, src: str, purpose: str, where: tuple, whole: bool = False) -> Rendition | None:
        """The picture of `src` (relative to `folder`) for `purpose`, or None after reporting why not.
        `where` is (path, line) of the reference, for the message; `whole` forbids cropping."""
        check_purpose(purpose)
        path = self.resolve(folder, src, where)
        if path is None:
            return None
        probe = self.probe(path)
        if probe.issue:
            self.report(where, probe.issue, src, folder, probe.detail)
            if not probe.ok:
                return None
        if probe.is_svg:
            rendition = plan_svg(probe.digest, probe.width, probe.height, purpose)
        else:
            rendition = plan_rendition(probe.digest, probe.width, probe.height, probe.alpha, purpose, whole)
        job = self.sources.setdefault(path, SourceJob(path, (probe.width, probe.height)))
        for variant in rendition.variants:
            job.variants[variant.name] = variant
        return rendition

    def resolve(self, folder: Path, src: str, where: tuple) -> Path | None:
        if is_external(src):
            self.report(where, "external", src, folder)
            return None
        path = (Path(folder) / src.split("#")[0].split("?")[0]).resolve()
        if not path.is_relative_to(self.root):
            self.report(where, "outside", src, folder)
            return None
        if not path.is_file():
            self.report(where, "missing", src, folder)
            return None
        return path

    def probe(self, path: Path) -> Probe:
        if path not in self._probes:
            self._probes[path] = probe_file(path, self.settings.pixel_limit, self.cache)
        return self._probes[path]

    def cover(self, title: str, subtitle: str, seed: str, purpose: str, where: tuple) -> Rendition:
        check_purpose(purpose)
        font = self.font(where)
        text = title if font is not None else ""
        if font is not None and (missing := self.missing_glyphs(title + subtitle, font)):
            self.problems.warning(where[0], where[1], f"字体 {font.family} 缺少“{missing}”等字，生成的封面不写文字",
                                  "为这个品牌提供 logo 图片，或安装更全的中文字体")
            text = ""
        spec = CoverSpec(text, subtitle if text else "", palette_for(seed), cover_aspect(purpose),
                         font.path if font else "", font.index if font else 0)
        rendition = plan_cover(spec, purpose, font.identity if font and text else "")
        job = self.covers.setdefault(rendition.source_hash, CoverJob(spec))
        for variant in rendition.variants:
            job.variants[variant.name] = variant
        return rendition

    def missing_glyphs(self, text: str, font: FontChoice) -> str:
        """covers.missing_glyphs, asked once per character per build (it loads the font and draws)."""
        unseen = "".join(c for c in dict.fromkeys(text) if c not in self._glyphs)
        if unseen:
            missing = set(missing_glyphs(unseen, font))
            self._glyphs.update((c, c not in missing) for c in unseen)
        return "".join(c for c in dict.fromkeys(text) if not self._glyphs[c])

    def font(self, where: tuple) -> FontChoice | None:
        if self._font is False:
            self._font = find_cjk_font()
            if self._font is None:
                self.problems.warning(where[0], where[1], "未找到中文字体，生成的品牌封面不写品牌名称",
                                      "安装中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）后重新生成")
        return self._font

    def report(self, where: tuple, code: str, name: str, folder: Path, detail: str = "") -> None:
        report_issue(self.problems, where, code, name, folder, detail)

    # ---- making them (after the pages are written) ----
    def write_images(self, site_dir: Path) -> WriteStats:
        started = time.monotonic()
        stats = WriteStats(sources=len(self.sources) + len(self.covers))
        todo = [("source", job) for job in self.sources.values()
                if any(not self.cache.has(name) for name in job.variants)]
        todo += [("cover", job) for job in self.covers.values()
                 if any(not self.cache.has(name) for name in job.variants)]
        stats.made = sum(len(made) for made in self._run(todo))
        out = Path(site_dir) / OUTPUT_DIR
        out.mkdir(parents=True, exist_ok=True)
        for job in [*self.sources.values(), *self.covers.values()]:
            for name in job.variants:
                target = out / name
                if not target.exists():
                    place(self.cache.file(name), target)
                    stats.files += 1
        stats.seconds = time.monotonic() - started
        return stats

    def _run(self, todo: list) -> list[list[str]]:
        from showcase.images.process import make_cover_variants, make_source_variants

        cache_root = str(self.settings.cache_dir)
        calls = []
        for kind, job in todo:
            variants = list(job.variants.values())
            if kind == "source":
                calls.append((make_source_variants, str(job.path), variants, job.size, cache_root,
                              self.settings.pixel_limit))
            else:
                calls.append((make_cover_variants, job.spec, variants, cache_root))
        workers = min(self.settings.workers or os.cpu_count() or 1, len(calls))
        if workers <= 1:
            return [call[0](*call[1:]) for call in calls]
        # Biggest files first, so no core idles at the end while one works through a huge photo.
        calls.sort(key=lambda call: -_size(call[1]) if isinstance(call[1], str) else 0)
        return self.settings.run.calls(calls, workers)


def place(cached: Path, target: Path) -> None:
    """A hard link when cache and site share a disk (no bytes copied; names are content hashes, so a
    cached file never changes under its name), else a copy."""
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def check_purpose(purpose: str) -> None:
    if purpose not in PURPOSES:  # a template bug: say which names exist
        raise ValueError(f"unknown image purpose {purpose!r}; use one of: {', '.join(PURPOSES)}")


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


__all__ = ["ImageCatalog", "ImageSettings", "WriteStats"]
