"""A block processor that takes a one-line paragraph at once, where no other could take it.

Python-Markdown's block parser offers each block to every block processor in priority order — md_in_html,
admonition, empty, indent, code, table, headers, hr, lists, quote, reference — before `paragraph` takes
it; a dozen tests, most of them regular expressions over the block. Four blocks in five of a page here
are one line of prose. For a one-line block, every one of those tests is false when its first
character is none of a space or tab (indent, code, admonition content, anything indented), `#`
(header), `>` (quote), `!` (admonition), `*` `+` `-` `_` (lists, hr), STX (a stashed HTML block),
`[` followed by a link reference definition (reference), or digits followed by `.` and a space
(ordered list); and empty blocks, setext headers and tables need two lines or a leading newline.
Such a block is handed straight to the `paragraph` processor, which the parser would have reached.

The shortcut is on for a conversion only while the processors before `paragraph` are exactly
Python-Markdown's own listed above (checked before each document is parsed): an extension adding or
replacing one turns it off. Registered by inline.FastInlineExtension; tests/speed/test_perf_markdown_shortcuts.py
compares the output with and without it.
"""
from __future__ import annotations

import markdown
from markdown import blockprocessors as bp
from markdown.extensions import admonition, md_in_html, tables
from markdown.preprocessors import Preprocessor

from showcase.mkdocs.speed import internals

CHECKED_VERSIONS = internals.CHECKED_VERSIONS["markdown"]  # the block processors' tests were read in this version
# Python-Markdown's own processors that may come before `paragraph` (by the name they register under).
KNOWN = {
    "empty": bp.EmptyBlockProcessor, "indent": bp.ListIndentProcessor, "code": bp.CodeBlockProcessor,
    "hashheader": bp.HashHeaderProcessor, "setextheader": bp.SetextHeaderProcessor, "hr": bp.HRProcessor,
    "olist": bp.OListProcessor, "ulist": bp.UListProcessor, "quote": bp.BlockQuoteProcessor,
    "reference": bp.ReferenceProcessor, "table": tables.TableProcessor,
    "markdown_block": md_in_html.MarkdownInHtmlProcessor, "admonition": admonition.AdmonitionProcessor,
}
KNOWN_TYPES = frozenset(KNOWN.values())
NEVER_FIRST = frozenset(" \t\n#>!*+-_\x02")
DIGITS = frozenset("0123456789")
NAME = "showcase_plain_paragraph"


class PlainParagraphProcessor(bp.BlockProcessor):
    paragraph = olist = reference = None  # set for each document by PlainParagraphCheck; None: off

    def test(self, parent, block):
        if self.paragraph is None or not block or "\n" in block:
            return False
        first = block[0]
        if first in NEVER_FIRST:
            return False
        if first in DIGITS:
            return not self.olist.RE.match(block)
        if first == "[":
            return not self.reference.RE.search(block)
        return True

    def run(self, parent, blocks):
        return self.paragraph.run(parent, blocks)


class PlainParagraphCheck(Preprocessor):
    """Before each document is parsed: turn the processor on only if the processors before
    `paragraph` are the ones it knows."""

    def __init__(self, md, processor: PlainParagraphProcessor):
        super().__init__(md)
        self.processor = processor

    def run(self, lines):
        processor = self.processor
        processor.paragraph = processor.olist = processor.reference = None
        if markdown.__version_info__[:3] not in CHECKED_VERSIONS or self.md.tab_length < 1:
            return lines
        registry = self.md.parser.blockprocessors
        if any(name not in registry for name in (NAME, "paragraph", "olist", "reference")):
            return lines
        paragraph = registry["paragraph"]
        if type(paragraph) is not bp.ParagraphProcessor or type(registry["olist"]) is not bp.OListProcessor \
                or type(registry["reference"]) is not bp.ReferenceProcessor:
            return lines
        ordered = iter(registry)  # by priority, as the parser offers blocks
        if next(ordered) is not processor:
            return lines
        for other in ordered:
            if other is paragraph:
                break
            if type(other) not in KNOWN_TYPES:
                return lines
        processor.paragraph, processor.olist, processor.reference = paragraph, registry["olist"], registry["reference"]
        return lines


def register(md) -> None:
    processor = PlainParagraphProcessor(md.parser)
    md.parser.blockprocessors.register(processor, NAME, 1000)
    md.preprocessors.register(PlainParagraphCheck(md, processor), NAME, 0)
