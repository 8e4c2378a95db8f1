"""A Python-Markdown extension that skips inline processing where it cannot change anything (issue 10).

Python-Markdown tries each of its ~15 inline patterns (links, emphasis, code, HTML …) on every piece of
text, one regular-expression search and a few Python calls each — about a third of the time MkDocs
spends converting a page, most of it on Chinese prose that holds none of the characters any pattern
begins with. Every standard pattern needs one of ` \\ [ < & or a newline, or an emphasis delimiter
(* _ and any other the delimiter processor knows); text without them comes back unchanged, so it is
returned at once. The shortcut applies only while every registered inline pattern is one of
Python-Markdown's own (by name and class): an extension adding or replacing a pattern turns it off for
that conversion, and the output is the same either way (tests/test_perf_markdown.py).
"""
from __future__ import annotations

from markdown import inlinepatterns
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

# Python-Markdown's own inline patterns and what each needs to match at all.
KNOWN = {
    "backtick": "`\\", "escape": "\\", "reference": "[", "link": "[", "image_link": "[", "image_reference": "[",
    "short_reference": "[", "short_image_ref": "[", "autolink": "<", "automail": "<", "linebreak": "\n",
    "html": "<", "entity": "&", "em_strong": "",  # the delimiter processor: its tokens are added below
}


class FastInlineProcessor(InlineProcessor):
    def run(self, tree, ancestors=None):
        self._triggers = self._find_triggers()
        return super().run(tree, ancestors)

    def _find_triggers(self) -> frozenset | None:
        """The characters some pattern needs, or None when an unknown pattern is registered."""
        chars = set()
        for name in self.md.inlinePatterns._data:  # noqa: SLF001 — Registry has no public name list
            pattern = self.md.inlinePatterns[name]
            if name not in KNOWN or type(pattern).__module__ != inlinepatterns.__name__:
                return None
            chars.update(KNOWN[name])
        delimiters = getattr(self.md, "delimiters", None)
        if delimiters is not None:
            chars.update("".join(delimiters.tokens))
        return frozenset(chars)

    def _InlineProcessor__handleInline(self, data, patternIndex=0):  # noqa: N802 — overrides the private method
        triggers = getattr(self, "_triggers", None)
        if triggers is not None and triggers.isdisjoint(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


class FastInlineExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 — Python-Markdown's API
        md.treeprocessors.register(FastInlineProcessor(md), "inline", 20)
