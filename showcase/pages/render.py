"""Rendering page specs to Markdown with the content templates in theme/showcase/.

Entity pages are Markdown (with HTML blocks) so that everything they show goes through MkDocs'
own pipeline: headings get anchors, links are checked, and the text is indexed by search.
"""
from __future__ import annotations

from pathlib import Path

import jinja2
import yaml

from showcase.domain import formatting
from showcase.domain.urls import page_path, relative_link, url_of
from showcase.pages.spec import PageSpec


# libyaml's emitter writes the same front matter as the pure-Python one, ~10× faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def make_environment(template_dir: Path, bytecode_dir: Path | None = None) -> jinja2.Environment:
    """`bytecode_dir`: keep compiled templates there between builds (Jinja checks each template's
    source, so an edited template is compiled again)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        bytecode_cache=bytecode_cache(bytecode_dir),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(formatting.FILTERS)
    env.filters["e_md"] = escape_inline
    return env


def bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates kept between builds in `folder` (None: no cache, or the folder can't be made)."""
    if folder is None:
        return None
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def render_page(env: jinja2.Environment, spec: PageSpec, site: dict, images=None) -> str:
    """The page's Markdown source, front matter included. `images` (the build's ImageCatalog) gives
    templates picture()/cover()/image_url()/gallery() bound to this page (showcase/images)."""

    def link(target_src: str) -> str:
        return relative_link(spec.src_path, target_src)

    page_images = images.for_page(env, spec) if images is not None else None
    functions = page_images.functions() if page_images is not None else {}
    body = env.get_template(spec.template).render(
        page=spec, site=site, link=link, url_of=url_of, url_of_record=page_path, **functions, **spec.context
    )
    if page_images is not None:
        body = page_images.rewrite_markdown(body)  # ![说明](photo.jpg) in bodies → processed <picture>
    front = yaml.dump(front_matter(spec), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{front}---\n\n{body}"


def front_matter(spec: PageSpec) -> dict:
    """The page's front matter (what MkDocs reads as page.meta)."""
    return {"title": spec.title, **spec.meta}


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def escape_inline(text) -> str:
    """Editor text placed inside generated Markdown must stay text (no accidental emphasis or HTML)."""
    return str(text or "").translate(_MD_SPECIAL)
