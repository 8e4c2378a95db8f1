"""Attribute lists in Markdown (`{: .class #id width=… }`, the attr_list extension): which attributes
editors may give an element, and the edits that remove the rest.

The editors' guide documents `.class`, `#id`, `width` and `height`; anything else (`onclick=…`,
`href="javascript:…"`, `style=…`, a bare word, which attr_list turns into an attribute of that name)
is reported by `showcase check` with its line and removed by the build (via
`raw_html.sanitize_markdown`), so no attribute list adds script or changes a link.
"""
from __future__ import annotations

import re

ALLOWED_KEYS = ("width", "height")
ATTRIBUTE_PROBLEM = "Markdown 属性"
# attr_list's own shape: `{`, an optional `:`, the list, `}` on one line.
_ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*?)[ ]*\}")
_TOKEN = re.compile(r"""([^\s=}]+)=("[^"]*"|'[^']*'|[^\s}]+)|([^\s}]+)""")
_SIZE = re.compile(r"""^["']?\d{1,4}(?:px|%)?["']?$""")


def allowed_token(token: re.Match) -> bool:
    """`.class`, `#id` (plain names), `width=…`/`height=…` (a number, px or %)."""
    word = token.group(3)
    if word is not None:
        return bool(re.fullmatch(r"[.#][\w\-]+", word))
    return token.group(1).lower() in ALLOWED_KEYS and bool(_SIZE.match(token.group(2)))


def attribute_edits(masked: str) -> list[tuple[int, int, str, str]]:
    """(start, end, replacement, what) for every attribute list in `masked` (code already blanked)
    that has attributes the guide does not allow; the replacement keeps the allowed ones."""
    edits = []
    for match in _ATTR_LIST.finditer(masked):
        tokens = list(_TOKEN.finditer(match.group(1)))
        bad = [t.group(0) for t in tokens if not allowed_token(t)]
        if not bad:
            continue
        kept = [t.group(0) for t in tokens if allowed_token(t)]
        replacement = "{: " + " ".join(kept) + " }" if kept else ""
        shown = "、".join(_short(b) for b in bad)
        edits.append((match.start(), match.end(), replacement, f"{ATTRIBUTE_PROBLEM} {shown} 不允许（只能用 .类名、#标识、width、height）"))
    return edits


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
