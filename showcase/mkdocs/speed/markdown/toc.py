"""The `toc` extension's tree processor, minus two costs that cannot change its result.

Python-Markdown's `toc` (3.11) is about a tenth of converting a page here, mostly in two places:

* for each heading it serializes the heading, un-escapes the string, cuts out the inner HTML and runs
  every postprocessor on it (`render_inner_html`). For a heading with only text — no child element,
  no `&`, `<` or `>` (the characters serializing escapes) and no STX (Python-Markdown's placeholders
  and escapes, the only thing the un-escaping and the standard postprocessors replace) in its text,
  tail or attributes — that is exactly the stripped text;
* it looks for the `[TOC]` marker by walking the tree and joining every element's text at every level
  (`replace_marker`), which only ever replaces an element whose own text is the marker and that has
  no children: when no element of the page is one, the walk changes nothing and is skipped.

Everything else is Python-Markdown's own code, in the same order. The shortcut is on only for the
Python-Markdown version it was checked against, for the stock `TocTreeprocessor` and while every
postprocessor is one of Python-Markdown's own; otherwise the stock processor runs. Registered by
inline.FastInlineExtension (the extension MkDocs is given); tests/speed/test_perf_markdown_shortcuts.py compares
outputs and TOC tokens with and without it.
"""
from __future__ import annotations

import html

import markdown
from markdown import postprocessors
from markdown.extensions import md_in_html, toc
from markdown.util import STX

from showcase.mkdocs.speed import internals

CHECKED_VERSIONS = internals.CHECKED_VERSIONS["markdown"]  # toc.TocTreeprocessor.run below is a copy of this version's
KNOWN_POSTPROCESSORS = {
    "raw_html": (postprocessors.RawHtmlPostprocessor, md_in_html.MarkdownInHTMLPostprocessor),
    "amp_substitute": (postprocessors.AndSubstitutePostprocessor,),
}
_ESCAPED = ("&", "<", ">", STX)


class FastTocTreeprocessor(toc.TocTreeprocessor):
    # run() is longer than our functions may be (56 lines): it is upstream's run kept line for line, so
    # that comparing it with a new Python-Markdown's is a plain diff; splitting it would hide the changes.
    def run(self, doc):
        if not self._fast_ok():
            return super().run(doc)
        # From here on: toc.TocTreeprocessor.run of Python-Markdown 3.11.3, with the two shortcuts.
        used_ids = set()
        for el in doc.iter():
            if "id" in el.attrib:
                used_ids.add(el.attrib["id"])
        id_counters: dict[str, int] = {}

        toc_tokens = []
        for el in doc.iter():
            if isinstance(el.tag, str) and self.header_rgx.match(el.tag):
                self.set_level(el)
                innerhtml = _plain_inner_html(el)
                if innerhtml is None:
                    innerhtml = toc.render_inner_html(toc.remove_fnrefs(el), self.md)
                name = toc.strip_tags(innerhtml)

                # Do not override pre-existing ids
                if "id" not in el.attrib:
                    el.attrib["id"] = toc.unique(self.slugify(html.unescape(name), self.sep), used_ids, id_counters)

                data_toc_label = ''
                if 'data-toc-label' in el.attrib:
                    data_toc_label = toc.run_postprocessors(toc.unescape(el.attrib['data-toc-label']), self.md)
                    # Overwrite name with sanitized value of `data-toc-label`.
                    name = toc.escape_cdata(toc.strip_tags(data_toc_label))
                    # Remove the data-toc-label attribute as it is no longer needed
                    del el.attrib['data-toc-label']

                if int(el.tag[-1]) >= self.toc_top and int(el.tag[-1]) <= self.toc_bottom:
                    toc_tokens.append({
                        'level': int(el.tag[-1]),
                        'id': toc.unescape(el.attrib["id"]),
                        'name': name,
                        'html': innerhtml,
                        'data-toc-label': data_toc_label
                    })

                if self.use_anchors:
                    self.add_anchor(el, el.attrib["id"])
                if self.use_permalinks not in [False, None]:
                    self.add_permalink(el, el.attrib["id"])

        toc_tokens = toc.nest_toc_tokens(toc_tokens)
        div = self.build_toc_div(toc_tokens)
        if self.marker and self._may_hold_marker(doc):
            self.replace_marker(doc, div)

        # serialize and attach to markdown instance.
        toc_html = self.md.serializer(div)
        for pp in self.md.postprocessors:
            toc_html = pp.run(toc_html)
        self.md.toc_tokens = toc_tokens
        self.md.toc = toc_html

    def _fast_ok(self) -> bool:
        if markdown.__version_info__[:3] not in CHECKED_VERSIONS:
            return False
        registry = self.md.postprocessors
        for name in internals.registry_names(registry):
            if type(registry[name]) not in KNOWN_POSTPROCESSORS.get(name, ()):
                return False
        return True

    def _may_hold_marker(self, doc) -> bool:
        """Whether some element is one replace_marker would replace (its condition, on every element)."""
        marker = self.marker
        for c in doc.iter():
            if c.text and c.text.strip() == marker and len(c) == 0:
                return True
        return False


def _plain_inner_html(el) -> str | None:
    """What render_inner_html(el) returns, when el is a heading of plain text; None otherwise."""
    if len(el) or not isinstance(el.tag, str):
        return None
    text = el.text or ""
    for part in (text, el.tail or ""):
        if any(c in part for c in _ESCAPED):
            return None
    for key, value in el.attrib.items():
        if not isinstance(key, str) or ">" in key or STX in key or (value is not None and STX in value):
            return None
    return text.strip()


def register(md) -> None:
    """Put FastTocTreeprocessor in place of the stock `toc` processor, made from the same settings."""
    if "toc" not in md.treeprocessors or type(md.treeprocessors["toc"]) is not toc.TocTreeprocessor:
        return
    extensions = [e for e in md.registeredExtensions if type(e) is toc.TocExtension]
    if len(extensions) != 1:
        return
    md.treeprocessors.register(FastTocTreeprocessor(md, extensions[0].getConfigs()), "toc", 5)
