"""Rendering page specs to Markdown with the content templates in theme/showcase/.

Entity pages are Markdown (with HTML blocks) so that everything they show goes through MkDocs'
own pipeline: headings get anchors, links are checked, and the text is indexed by search.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import jinja2
import markupsafe
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
        # Every value a content template prints is escaped, once, by `as_text` (Markup — macros, the
        # image functions, `| safe` for Markdown bodies — is printed as it is).
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "md"), default_for_string=False),
        finalize=as_text,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(formatting.FILTERS)
    # `e` and `escape` too: in a content template the text lands in Markdown, where the HTML escape
    # alone leaves `*emphasis*` and `{: attributes }` live.
    env.filters.update(e_md=escape_inline, e=escape_inline, escape=escape_inline, join=join_text)
    # A date and a 文号 are read as one word: never "2023年1月 / 18日" or "云直工 / 〔2023〕3 / 号" on a phone.
    env.filters.update(cn_date=lambda value: unbroken(formatting.cn_date(value)), doc_no=unbroken,
                       dates_unbroken=dates_unbroken)
    return env


_CN_DATE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")


def dates_unbroken(text) -> markupsafe.Markup:
    """A line of text made by the core (a column article's newspaper record) with each date in it
    unbroken, the rest escaped as `e_md` escapes it."""
    text = str(text or "")
    out, last = [], 0
    for match in _CN_DATE.finditer(text):
        out += [escape_inline(text[last:match.start()]), unbroken(match.group(0))]
        last = match.end()
    return markupsafe.Markup("").join([*out, escape_inline(text[last:])])


def unbroken(text) -> markupsafe.Markup:
    """Text a line must not break inside (a date, a 文号), escaped, in one `sc-nobr` span
    (white-space: nowrap, theme/assets/css/reading.css); nothing for no text."""
    if text is None or text == "":
        return markupsafe.Markup("")
    return markupsafe.Markup('<span class="sc-nobr">') + escape_inline(text) + markupsafe.Markup("</span>")


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

    def link(target_src: str) -> markupsafe.Markup:
        return markupsafe.Markup(relative_link(spec.src_path, target_src))

    page_images = images.for_page(env, spec) if images is not None else None
    functions = page_images.functions() if page_images is not None else {}
    functions = {name: _markup(function) for name, function in functions.items()}  # markup and URLs
    body = env.get_template(spec.template).render(
        page=spec, site=site, link=link, url_of=_markup(url_of), url_of_record=_markup(page_path), **functions, **spec.context
    )
    if page_images is not None:
        body = page_images.rewrite_markdown(body)  # ![说明](photo.jpg) in bodies → processed <picture>
    front = yaml.dump(front_matter(spec), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{front}---\n\n{body}"


def front_matter(spec: PageSpec) -> dict:
    """The page's front matter (what MkDocs reads as page.meta)."""
    return {"title": escape_title(spec.title), **spec.meta}


# Editor text is escaped once, where it enters the page's Markdown, with character references: they
# mean the same in a Markdown paragraph, in an HTML block and in an attribute value, so the text is
# shown as typed wherever the template puts it (a backslash escape would show up inside HTML blocks).
# The Markdown characters are escaped too: `*word*` or `{: onclick=… }` in a name stays text.
_TEXT_REFERENCES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
                                  **{c: f"&#{ord(c)};" for c in "\\`*_[]#|{}"}})


def escape_inline(text) -> str:
    """Editor text placed inside generated Markdown or HTML stays text: no markup, no emphasis."""
    if isinstance(text, markupsafe.Markup):
        return text  # escaped already (a macro's output in an HTML template)
    return markupsafe.Markup(str(text or "").translate(_TEXT_REFERENCES))


@jinja2.pass_context
def as_text(context, value):
    """What `{{ value }}` prints in a content template: editor text escaped, markup as it is. HTML
    templates (pictures, the gallery) are not Markdown: there the HTML escape is enough."""
    if isinstance(value, (markupsafe.Markup, jinja2.Undefined)):
        return value
    if (context.name or "").endswith(".html"):
        return markupsafe.escape(value)
    return escape_inline(value if isinstance(value, str) or value is None else str(value))


def join_text(items, separator: str = "", attribute=None) -> markupsafe.Markup:
    """Jinja's `join` with every item escaped as `as_text` does (the separator is the template's)."""
    values = [item[attribute] if attribute is not None else item for item in items]
    return markupsafe.Markup(separator).join(escape_inline(v if isinstance(v, str) else str(v)) for v in values)


def _markup(function):
    """A function of ours whose result (a URL made from ids and file names, or markup) is printed as it is."""
    return lambda *args, **kwargs: markupsafe.Markup(function(*args, **kwargs))


def escape_title(text) -> str:
    """A page title for MkDocs and Material, which put `page.title` into HTML as it is."""
    return html.escape(str(text or ""), quote=True)
