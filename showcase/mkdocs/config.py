"""The showcase plugin's options (mkdocs.yml `plugins: - showcase: …`), typed in the style of Material's
plugin configs, and how the `showcase` command sets them for one build or preview.

Everything the command line decides (edition, drafts, the build's moment, the content it has already
checked) reaches the plugin here, validated like mkdocs.yml's own entries — never through the
environment.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError

from showcase.domain.edition import EDITIONS, Edition
from showcase.images import ImageSettings
from showcase.content.workers import IN_THIS_PROCESS, Workers
from showcase.mkdocs.speed.processes import SHARED

PLUGIN = "showcase"


@dataclass(frozen=True)
class Precheck:
    """Content `showcase build` checked just before the build: used once, and only when it is the
    build's content folder and day (one check per build)."""

    root: Path
    day: date
    checked: object  # showcase.checks.run.Checked


class ShowcaseConfig(Config):
    edition = c.Choice(EDITIONS, default="internal")
    drafts = c.Type(bool, default=False)
    # The build's moment for embargoes, ISO 8601; empty = now. Lets tests and previews time-travel.
    now = c.Type(str, default="")
    # Processed images are cached here (relative to mkdocs.yml); safe to delete, never inside site/.
    image_cache = c.Type(str, default=".cache/showcase-images")
    image_workers = c.Type(int, default=0)  # 0 = one worker process per core
    # Compiled Jinja templates are kept here between builds (relative to mkdocs.yml; "" = off).
    template_cache = c.Type(str, default=".cache/showcase-templates")

    # 主办单位 in every page's footer; empty = mkdocs.yml `extra.organization` (the 工委 printed on the
    # covers of publications), else the site's name. The 版权 line is mkdocs.yml's own `copyright`,
    # by default "版权所有 © <主办单位>" (footer_of).
    footer_host = c.Type(str, default="")

    # ---- the speed room (showcase/mkdocs/speed/) ----
    # false = plain MkDocs and the plugin: no Markdown shortcuts, Markdown cache, page store, serve
    # page cache, worker processes or template fragments. The site is the same either way.
    speed = c.Type(bool, default=True)
    # Converted Markdown is kept here between builds (relative to mkdocs.yml; "" = off): a page whose
    # Markdown, settings and link targets are unchanged is not converted again (speed/markdown_cache.py).
    markdown_cache = c.Type(str, default=".cache/showcase-markdown")
    # Finished pages are kept here between `showcase build`s (relative to mkdocs.yml; "" = off): a page
    # whose every input is unchanged is not rendered again (speed/page_store.py).
    page_cache = c.Type(str, default=".cache/showcase-pages")
    # Processes rendering pages besides the main one (speed/workers.py): 0 = one per extra core for
    # big sites, -1 = none.
    render_workers = c.Type(int, default=0)
    # Material's navigation and page-independent blocks rendered once, not on every page (speed/fragments.py).
    fragments = c.Type(bool, default=True)

    # Set by `showcase build` only (not in mkdocs.yml): the content it has just checked.
    precheck = c.Optional(c.Type(Precheck))


def set_plugin_options(config, **options) -> None:
    """Override options of the showcase plugin in a loaded MkDocs config, validated as if mkdocs.yml
    said so; a value that does not fit stops with MkDocs' own message."""
    if not options:
        return
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise PluginError(f"{config.config_file_path or 'mkdocs.yml'}: 错误: plugins 里没有 showcase — 加上 `- showcase`")
    previous = plugin.config
    errors, _warnings = plugin.load_config({**dict(previous), **options}, config.config_file_path)
    if errors:
        plugin.config = previous  # a refused value changes nothing
        raise PluginError("showcase 插件设置有误：" + "；".join(f"{key}: {error}" for key, error in errors))


def plugin_options(config) -> ShowcaseConfig:
    """The showcase plugin's options in a loaded MkDocs config (defaults if the plugin is not listed)."""
    plugin = config.plugins.get(PLUGIN)
    return plugin.config if plugin is not None else ShowcaseConfig()


def edition_of(options: ShowcaseConfig) -> Edition:
    """The edition, drafts and moment of a build, as its options say."""
    return Edition(name=options.edition, drafts=options.drafts, now=parse_now(options.now) if options.now else None)


def parse_now(text: str):
    from showcase.content.values import to_datetime

    try:
        return to_datetime(text)
    except ValueError:
        raise PluginError(f"无法识别的构建时间 now={text}：写成 2024-01-01T09:00:00+08:00") from None


def cache_dir(config, setting: str, part: str) -> Path | None:
    """A cache folder option (relative to mkdocs.yml) as a path; None when set to "" (off)."""
    if not setting:
        return None
    return Path(config.config_file_path or ".").resolve().parent / setting / part


def image_settings(options: ShowcaseConfig, config) -> ImageSettings:
    base_dir = Path(config.config_file_path or ".").resolve().parent
    return ImageSettings(cache_dir=base_dir / options.image_cache, workers=options.image_workers,
                         run=workers_of(options))


def workers_of(options: ShowcaseConfig) -> Workers:
    """The processes the core may share its big work with: none when the speed room is off."""
    return SHARED if options.speed else IN_THIS_PROCESS


@dataclass(frozen=True)
class Footer:
    """The lines under every page (theme/partials/copyright.html)."""

    host: str  # 主办单位
    copyright: str  # 版权


def footer_of(options: ShowcaseConfig, config) -> Footer:
    """The footer a site's settings give: the option, else the 工委 of mkdocs.yml `extra.organization`,
    else the site's name; the 版权 line is mkdocs.yml `copyright` or names the 主办单位."""
    extra = config.get("extra") or {}
    host = (options.footer_host or str(extra.get("organization") or "") or config.site_name or "").strip()
    holder = (config.copyright or "").strip() or (f"版权所有 © {host}" if host else "")
    return Footer(host=host, copyright=holder)
