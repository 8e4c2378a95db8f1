"""Python-Markdown's `prettify` tree processor, asking "is this tag block-level?" once per tag.

`PrettifyTreeprocessor` adds the line breaks between block elements; for every element it asks
`Markdown.is_block_level` two or three times (lower-casing the tag and searching a list of ~60 names
each time): 450,000 calls for the 1,000-page benchmark. The answer depends only on the tag and on
`Markdown.block_level_elements`, which nothing changes while the tree is walked, so it is kept in a
dict for the walk. Everything else is `PrettifyTreeprocessor`'s code, in the same order. On only
while `is_block_level` is Python-Markdown's own method; registered by inline.FastInlineExtension,
tested in tests/speed/test_perf_markdown_shortcuts.py.
"""
from __future__ import annotations

import markdown
from markdown import treeprocessors

from showcase.mkdocs.speed import internals

CHECKED_VERSIONS = internals.CHECKED_VERSIONS["markdown"]  # `walk` below copies this version's PrettifyTreeprocessor._prettifyETree


class FastPrettifyTreeprocessor(treeprocessors.PrettifyTreeprocessor):
    _block_level = None  # set by run

    def run(self, root):
        md = self.md
        if markdown.__version_info__[:3] in CHECKED_VERSIONS and "is_block_level" not in vars(md) \
                and type(md).is_block_level is markdown.Markdown.is_block_level:
            known: dict = {}

            def is_block_level(tag) -> bool:
                try:
                    return known[tag]
                except KeyError:
                    known[tag] = found = md.is_block_level(tag)
                    return found
                except TypeError:  # an unhashable tag: ask every time
                    return md.is_block_level(tag)

            self._block_level = is_block_level
        else:
            self._block_level = md.is_block_level
        return super().run(root)

    def walk(self, elem) -> None:
        """ Recursively add line breaks to `ElementTree` children. """
        is_block_level = self._block_level or self.md.is_block_level
        i = "\n"
        if is_block_level(elem.tag) and elem.tag not in ['code', 'pre']:
            if (not elem.text or not elem.text.strip()) \
                    and len(elem) and is_block_level(elem[0].tag):
                elem.text = i
            for e in elem:
                if is_block_level(e.tag):
                    self.walk(e)
        if not elem.tail or not elem.tail.strip():
            elem.tail = i


internals.override_prettify_walk(FastPrettifyTreeprocessor, FastPrettifyTreeprocessor.walk)


def register(md) -> None:
    """Only for the version `walk` was copied from: another keeps its own processor."""
    if markdown.__version_info__[:3] not in CHECKED_VERSIONS:
        return
    if "prettify" in md.treeprocessors and type(md.treeprocessors["prettify"]) is treeprocessors.PrettifyTreeprocessor:
        md.treeprocessors.register(FastPrettifyTreeprocessor(md), "prettify", 10)
