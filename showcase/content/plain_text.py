"""Markup in a plain-text field: what `showcase check` refuses where the schema says "text".

A plain-text field (a title, a name, a caption) is shown as typed, so a tag in it can only be a
paste from a web page or an attack; the build escapes it anyway, but the editor is told. A `<` that
starts no tag (`1<2`, `< 5 人`) is ordinary text.
"""
from __future__ import annotations

import re

# What a browser would read as the start of a tag, a comment or a declaration.
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]{0,40}>?")


def markup_in(text: str) -> str | None:
    """The first piece of markup in `text` (for the message), or None."""
    found = _MARKUP.search(text)
    return found.group(0)[:40] if found else None
