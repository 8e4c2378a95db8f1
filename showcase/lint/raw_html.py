"""Raw HTML pasted into content from Word or the web: active content never reaches the site.

What is active: `<script>` (and other elements that run or embed code or pages: iframe, frame,
object, embed, applet, base, meta, link), event-handler attributes (`onclick`, `onerror` …),
`srcdoc`, and `javascript:`/`vbscript:`/`data:text/html` URLs — in HTML tags and in Markdown links,
however spelled (entities, tabs, upper case).

Attribute lists (`{: … }`) with attributes the guide does not allow are found here too
(showcase/lint/attributes.py). Two lines of defence, one detector:
- `showcase check` reports each one as an error with file:line (`check_raw_html`);
- the build strips them from what editors wrote — record bodies, Markdown fields, the home page and
  plain pages (`sanitize_markdown`, called by edition.select and the plugin) — should a check ever be
  skipped. Templates are our code and are not rewritten (they may use `javascript:window.print()`).
Code (fenced blocks, `inline code`) is text, never HTML: it is left alone.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser

from showcase.lint.attributes import ATTRIBUTE_PROBLEM, attribute_edits

ACTIVE_ELEMENTS = ("script", "iframe", "frame", "frameset", "object", "applet", "noscript")  # with content
ACTIVE_VOID = ("embed", "base", "meta", "link")  # no end tag
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "background", "cite", "lowsrc",
                  "dynsrc", "xlink:href", "longdesc", "usemap", "ping", "manifest", "codebase")
_QUICK = re.compile(r"<|\]\s*[(:]|\{")
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:text/html", "data:application/xhtml",
                   "data:image/svg")
# Only tags that could be active are worth parsing: names of elements and attributes are never
# entity-decoded by browsers, so a plain search for them is safe (values are checked by the parser).
_MAYBE_ACTIVE = re.compile(r"<\s*/?\s*(?:" + "|".join(ACTIVE_ELEMENTS + ACTIVE_VOID) + r")\b|"
                           r"<[^>]*\s(?:on[a-z]+|srcdoc|style|" + "|".join(URL_ATTRIBUTES) + r")\s*=", re.I)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")  # [text](url "title") and ![alt](src)
_MD_REF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.M)  # [id]: url
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*)>")


@dataclass(frozen=True)
class Issue:
    start: int  # offset in the text
    line: int  # 1-based line in the text
    what: str  # for the editor, in Chinese

    def message(self) -> str:
        return self.what


@dataclass
class Cleaned:
    text: str
    issues: list[Issue] = field(default_factory=list)


def is_script_url(value: str | None) -> bool:
    """True for a URL a browser would run as code, however it is spelled."""
    if not value:
        return False
    decoded = html.unescape(value)
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", decoded).lower()
    return squeezed.startswith(_SCRIPT_SCHEMES)


def mask_code(text: str) -> str:
    """Fenced code and inline code replaced by spaces (newlines kept): code is text, not HTML."""
    lines = text.split("\n")
    fence = None
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            lines[i] = " " * len(line)
        elif match:
            fence = match.group(1)
            lines[i] = " " * len(line)
    masked = "\n".join(lines)
    return _INLINE_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)


def scan(text: str) -> list[tuple[int, int, str, str]]:
    """Edits that make `text` inert: (start, end, replacement, what) in text offsets, in order."""
    if not _QUICK.search(text):
        return []
    masked = mask_code(text)
    edits: list[tuple[int, int, str, str]] = []
    for match in _AUTOLINK.finditer(masked):
        if is_script_url(match.group(1)):
            edits.append((match.start(), match.end(), "", f"自动链接 {_short(match.group(1))} 是脚本地址"))
    autolinks = [(m.start(), m.end()) for m in _AUTOLINK.finditer(masked)]
    for match in _MD_LINK.finditer(masked):
        start = match.start(1)
        if masked[start:start + 1] in "./#?" or not is_script_url(match.group(1)[:80]):
            continue  # relative links (nearly all) and web addresses: the scheme decides, the rest can't
        end = link_end(masked, start)
        edits.append((start, end, "#", f"链接地址 {_short(masked[start:end])} 是脚本"))
    for match in _MD_REF.finditer(masked):
        if is_script_url(match.group(1)):
            edits.append((match.start(1), match.end(1), "#", f"链接地址 {_short(match.group(1))} 是脚本"))
    edits.extend(attribute_edits(masked))
    if "<" in masked and _MAYBE_ACTIVE.search(masked):
        scanner = _Scanner(masked, autolinks)
        scanner.run()
        edits.extend(scanner.edits)
    edits.sort(key=lambda e: (e[0], -e[1]))
    kept, until = [], -1
    for edit in edits:  # an edit inside a removed element is already covered by it
        if edit[0] >= until:
            kept.append(edit)
            until = edit[1]
    return kept


def link_end(text: str, start: int) -> int:
    """End of a Markdown link destination starting at `start` (balanced parentheses, as Markdown does)."""
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if char.isspace() or char == ">":
            break
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        index += 1
    return index


def sanitize_markdown(text: str) -> Cleaned:
    """The text with active HTML removed and script URLs replaced by `#`; what was done, by line."""
    edits = scan(text or "")
    if not edits:
        return Cleaned(text)
    starts = _line_starts(text)
    parts, last, issues = [], 0, []
    for start, end, replacement, what in edits:
        parts.append(text[last:start])
        parts.append(replacement)
        last = end
        issues.append(Issue(start, bisect_right(starts, start), what))
    parts.append(text[last:])
    return Cleaned("".join(parts), issues)


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


class _Scanner(HTMLParser):
    """Finds active elements and attributes with their offsets; builds inert replacements."""

    def __init__(self, text: str, skip: list[tuple[int, int]]):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.skip = skip
        self.starts = _line_starts(text)
        self.edits: list[tuple[int, int, str, str]] = []
        self.open: list[tuple[str, int, str]] = []  # active elements being removed: (tag, start, what)

    def run(self) -> None:
        self.feed(self.text)
        self.close()
        for tag, start, what in self.open:  # never closed: removed to the end
            self.edits.append((start, len(self.text), "", what))

    def position(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, self.position(), self.get_starttag_text() or "", closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, self.position(), self.get_starttag_text() or "", closed=True)

    def _start(self, tag, attrs, start, raw, closed):
        end = start + len(raw)
        if ":" in tag or any(a <= start < b for a, b in self.skip):
            return
        if self.open:
            return  # inside an element being removed
        if tag in ACTIVE_ELEMENTS and not closed:
            self.open.append((tag, start, f"HTML 里有 <{tag}>（会执行脚本或嵌入外部页面）"))
            return
        if tag in ACTIVE_ELEMENTS + ACTIVE_VOID:
            self.edits.append((start, end, "", f"HTML 里有 <{tag}>（会执行脚本或嵌入外部页面）"))
            return
        bad = [name for name, value in attrs
               if name.startswith("on") or name == "srcdoc"
               or (name in URL_ATTRIBUTES and is_script_url(value))
               or (name == "style" and value and re.search(r"expression\s*\(|javascript:", value, re.I))]
        if bad:
            kept = [(name, value) for name, value in attrs if name not in bad]
            rebuilt = "<" + tag + "".join(
                f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"' for name, value in kept)
            rebuilt += " />" if closed or raw.rstrip().endswith("/>") else ">"
            names = "、".join(dict.fromkeys(bad))
            self.edits.append((start, end, rebuilt, f"HTML 标签 <{tag}> 带有脚本属性 {names}"))

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            _tag, start, what = self.open.pop()
            position = self.position()
            close = self.text.find(">", position)
            end = len(self.text) if close == -1 else close + 1
            if not self.open:
                self.edits.append((start, end, "", what))


# ---- showcase check -----------------------------------------------------------------------------

def check_raw_html(records, context, problems) -> None:
    """Every piece of active HTML editors wrote, with file:line: record bodies, Markdown fields, pages."""
    from showcase.content.schema import fields_of
    from showcase.lint.segments import plain_page_paths, raw_lines

    for record in records:
        if record.body:
            for issue in sanitize_markdown(record.body).issues:
                problems.error(record.path, record.body_line + issue.line - 1, issue.message(), hint_for(issue))
        spec = fields_of(record.kind)
        for name, value in record.fields.items():
            if name in spec and spec[name].type == "markdown" and isinstance(value, str):
                for issue in sanitize_markdown(value).issues:
                    problems.error(record.path, record.line(name), issue.message(), hint_for(issue))
    cache: dict = {}
    for path in plain_page_paths(context.root):
        for issue in sanitize_markdown("\n".join(raw_lines(path, cache))).issues:
            problems.error(path, issue.line, issue.message(), hint_for(issue))


def hint_for(issue: Issue) -> str:
    if issue.what.startswith(ATTRIBUTE_PROBLEM):
        return "删去这些属性（生成时也会自动去掉）；文字里确要写花括号时用全角“｛｝”"
    return "多半是从网页或 Word 粘贴带来的：删除它（网站不允许脚本，生成时也会自动去掉），需要的内容改用 Markdown 写"


def inert_page(page: dict) -> dict:
    """A plain page's data (title, body) with its body sanitized, e.g. content/index.md for the home page."""
    if not page.get("body"):
        return page
    return {**page, "body": sanitize_markdown(page["body"]).text}
