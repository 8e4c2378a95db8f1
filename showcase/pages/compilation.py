"""事迹汇编: every story of one exemplar list (a kind, or an honor batch) in one printable document.

The stories are the exemplars' own Markdown, placed under one heading each: their headings move one
level down and their relative links are re-pointed from the exemplar's folder to the compilation.
"""
from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass

from showcase.content.records import Record
from showcase.domain.formatting import anchor
from showcase.domain.model import Award, Model
from showcase.domain.urls import page_path
from showcase.pages.spec import PageSpec

_HEADING = re.compile(r"^(#{1,5})(?=\s)", re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~)", re.MULTILINE)
# ](target) and ](<target>) of inline links and images; reference definitions "[x]: target".
_INLINE_LINK = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
_REF_DEF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+?)(>?)$", re.MULTILINE)
_ABSOLUTE = re.compile(r"^([a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


COMPILATION_DIR = "compilation"


def batch_compilation_src(batch: Record) -> str:
    """honors/<batch>/compilation/: the batch's stories in document order."""
    return page_path(batch).removesuffix("index.md") + f"{COMPILATION_DIR}/index.md"


@dataclass(frozen=True)
class Story:
    exemplar: Record
    unit: Record | None
    awards: tuple  # Award
    body: str  # the exemplar's Markdown, demoted and re-pointed for the compilation page
    anchor: str = ""  # the story heading's id: its title, plus the id when two stories share a title


def story(model: Model, exemplar: Record, awards: list[Award]) -> Story:
    return Story(exemplar, model.unit_of(exemplar), tuple(awards), exemplar.body)


def compilation_page(src_path: str, title: str, back_src: str, model: Model, stories: list[Story],
                     others: list[Award] | None = None, batch: Record | None = None) -> PageSpec:
    titles = Counter(s.exemplar.title for s in stories)
    placed = [Story(s.exemplar, s.unit, s.awards, demote(rebase_links(s.body, page_path(s.exemplar), src_path)),
                    anchor=anchor(s.exemplar.title) + (f"-{s.exemplar.id}" if titles[s.exemplar.title] > 1 else ""))
              for s in stories]
    return PageSpec(src_path=src_path, title=title, template="compilation.md", kind="compilation",
                    context={"stories": placed, "back_src": back_src, "model": model,
                             "others": others or [], "batch": batch},
                    # Each story is already found on its own page: the compilation would only repeat it.
                    meta={"hide": ["navigation", "toc"], "search": {"exclude": True}})


def demote(markdown: str, levels: int = 1) -> str:
    """## 事迹材料 → ### 事迹材料 (outside fenced code), so each story sits under its own heading."""
    parts = re.split(r"(^(?:```|~~~).*?^(?:```|~~~)[^\n]*$)", markdown, flags=re.MULTILINE | re.DOTALL)
    return "".join(part if _FENCE.match(part) else
                   _HEADING.sub(lambda m: m.group(1) + "#" * levels, part) for part in parts)


def rebase_links(markdown: str, from_src: str, to_src: str) -> str:
    """Relative link targets written for `from_src`'s folder, rewritten for `to_src`'s."""

    def move(target: str) -> str:
        if _ABSOLUTE.match(target):
            return target
        path, sep, anchor = target.partition("#")
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path))
        return posixpath.relpath(joined, posixpath.dirname(to_src)) + sep + anchor

    markdown = _INLINE_LINK.sub(lambda m: m.group(1) + move(m.group(2)), markdown)
    return _REF_DEF.sub(lambda m: m.group(1) + move(m.group(2)) + m.group(3), markdown)
