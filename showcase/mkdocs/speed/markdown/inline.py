"""A Python-Markdown extension that skips inline processing where it cannot change anything.

Python-Markdown tries each of its ~15 inline patterns (links, emphasis, code, HTML …) on every piece of
text, one regular-expression search and a few Python calls each — about a third of the time MkDocs
spends converting a page, most of it on Chinese prose that holds none of the characters any pattern
begins with. Every standard pattern needs one of ` \\ [ < & or a newline, or an emphasis delimiter
(* _ and any other the delimiter processor knows); text without them comes back unchanged, so it is
returned at once. Text with some of them is offered only to the patterns that need one of those it
holds: another pattern would find no match, and the loop would move on to the next one, as it does
here. (A match replaces text by a placeholder, which holds none of these characters.) The shortcut
applies only while every registered inline pattern is one of Python-Markdown's own (by name and class):
an extension adding or replacing a pattern turns it off for that conversion, and the output is the same
either way (tests/speed/test_perf_markdown.py, tests/speed/test_perf_markdown_shortcuts.py).

The extension also registers the shortcuts of toc.py, prettify.py and blocks.py (this folder): it is
the one extension the plugin gives MkDocs.
"""
from __future__ import annotations

from markdown import inlinepatterns, util
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

from showcase.mkdocs.speed import internals
from showcase.mkdocs.speed.markdown import blocks as fast_blocks
from showcase.mkdocs.speed.markdown import prettify as fast_prettify
from showcase.mkdocs.speed.markdown import toc as fast_toc

# Python-Markdown's own inline patterns and what each needs to match at all.
KNOWN = {
    "backtick": "`\\", "escape": "\\", "reference": "[", "link": "[", "image_link": "[", "image_reference": "[",
    "short_reference": "[", "short_image_ref": "[", "autolink": "<", "automail": "<", "linebreak": "\n",
    "html": "<", "entity": "&", "em_strong": "",  # the delimiter processor: its tokens are added
}
PLACEHOLDER = frozenset(util.INLINE_PLACEHOLDER % "0123456789")  # what a match leaves in the text


class FastInlineProcessor(InlineProcessor):
    def run(self, tree, ancestors=None):
        found = self._find_needs()
        self._patterns, self._needs = found if found is not None else (None, None)
        self._triggers = None if found is None else frozenset().union(*self._needs)
        return super().run(tree, ancestors)

    def _find_triggers(self) -> frozenset | None:
        """The characters some pattern needs, or None when an unknown pattern is registered."""
        found = self._find_needs()
        return None if found is None else frozenset().union(*found[1])

    def _find_needs(self) -> tuple[list, list[frozenset]] | None:
        """The registered patterns in the order they are tried, and for each the characters one of which
        it needs to match at all; None when a pattern is not one of Python-Markdown's own."""
        registry = self.md.inlinePatterns
        names = {id(registry[name]): name for name in internals.registry_names(registry)}
        patterns, needs = list(registry), []
        for pattern in patterns:
            name = names.get(id(pattern))
            if name not in KNOWN or type(pattern).__module__ != inlinepatterns.__name__:
                return None
            chars = KNOWN[name]
            if name == "em_strong":  # the delimiter processor: the characters of its tokens
                chars += "".join(getattr(pattern, "tokens", ()))
            if not chars or not PLACEHOLDER.isdisjoint(chars):
                return None
            needs.append(frozenset(chars))
        return patterns, needs

    def handle_inline(self, data, patternIndex=0):  # noqa: N803 — Python-Markdown's argument name
        """InlineProcessor.__handleInline, skipping patterns that cannot match (installed below)."""
        triggers = getattr(self, "_triggers", None)
        if triggers is None:
            return internals.stock_handle_inline(self, data, patternIndex)
        if triggers.isdisjoint(data) or isinstance(data, util.AtomicString):
            return data
        # Python-Markdown's own loop, over the patterns as sorted when the run began (its own patterns
        # never change the registry), passing over a pattern none of whose characters is in the text:
        # it would find no match, which moves on to the next pattern from the start of the text. (A
        # match only replaces text by a placeholder, which holds no such character.)
        patterns, needs, apply = self._patterns, self._needs, internals.pattern_applier(self)
        present = triggers.intersection(data)
        start, count = 0, len(patterns)
        while patternIndex < count:
            if present.isdisjoint(needs[patternIndex]):
                patternIndex += 1
                start = 0
                continue
            data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


internals.override_handle_inline(FastInlineProcessor, FastInlineProcessor.handle_inline)


class FastInlineExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 — Python-Markdown's API
        md.treeprocessors.register(FastInlineProcessor(md), "inline", 20)
        # The same idea for the `toc` and `prettify` tree processors and for one-line paragraphs.
        fast_toc.register(md)
        fast_prettify.register(md)
        fast_blocks.register(md)
