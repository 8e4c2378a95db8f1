"""What search knows about one page: its text by section, and the record facts readers filter on.

Built from the HTML MkDocs rendered for the page body (so search holds exactly what the page
shows) and the page's `PageSpec` (kind, record, derived relations).
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from showcase.domain.formatting import cn_date
from showcase.kinds import BY_NAME, EXEMPLAR_KIND_NAMES

# The order the filter shows the kinds in; an exemplar is filtered by its kind of 先进典型.
FILTER_ORDER = ("brand", "exemplar", "article", "honor", "notice", "competition", "unit")


def filter_labels() -> dict[str, str]:
    """Filter keys and their labels, in the filter's order; plain pages last."""
    labels = {}
    for name in FILTER_ORDER:
        if name == "exemplar":
            labels.update({f"exemplar:{kind}": label for kind, label in EXEMPLAR_KIND_NAMES.items()})
        else:
            labels[name] = BY_NAME[name].search_label
    return {**labels, "page": "栏目"}


KIND_LABELS = filter_labels()


@dataclass
class Section:
    anchor: str  # the heading's id ("" before the first heading)
    heading: str
    text: str


@dataclass
class SearchDoc:
    url: str  # site-relative, as MkDocs links it: "brands/x/" (or "brands/x/index.html")
    title: str
    kind: str = "page"  # a KIND_LABELS key
    units: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    year: int | None = None
    date: str = ""  # as shown: 2023年4月21日, 2022年度
    sort_date: int = 0  # yyyymmdd, for "newest first"
    fields: str = ""  # names that identify the page (unit, person, branch, brand…): rank above body
    sections: list[Section] = field(default_factory=list)
    listing: bool = False  # a section or list page: ranks below the pages it lists
    # Its part of the index (indexer.PageGrams), made ahead where the page was rendered; None = at write.
    grams: object = field(default=None, compare=False, repr=False)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, KIND_LABELS["page"])

    @property
    def body(self) -> str:
        return "\n".join(f"{s.heading}\n{s.text}" for s in self.sections)


# ---- HTML → sections -------------------------------------------------------------------------------

_DROP = re.compile(r"<(script|style|svg|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.S | re.I)
_ID = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""")
# Block boundaries separate words; inline tags (<strong>, <a>, <mark>) must not split them.
_BLOCK = re.compile(r"</?(?:p|div|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|br|hr|"
                    r"figure|figcaption|blockquote|pre|section|article|aside|header|footer|nav|"
                    r"details|summary|h[1-6])\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_LINES = re.compile(r"\s*\n\s*")


def html_text(fragment: str) -> str:
    text = _TAG.sub("", _BLOCK.sub("\n", fragment))
    text = _SPACES.sub(" ", html_lib.unescape(text))
    return _LINES.sub("\n", text).strip()


def html_sections(page_html: str) -> list[Section]:
    """The page body as sections: one per heading, plus the text before the first heading."""
    page_html = _DROP.sub("", page_html)
    sections, anchor, heading, start = [], "", "", 0
    for match in _HEADING.finditer(page_html):
        sections.append(Section(anchor, heading, html_text(page_html[start:match.start()])))
        found = _ID.search(match.group(2))
        anchor = html_lib.unescape(found.group(1)) if found else ""
        heading = html_text(match.group(3))
        start = match.end()
    sections.append(Section(anchor, heading, html_text(page_html[start:])))
    return [s for s in sections if s.text or s.heading]


# ---- page spec → record facts -----------------------------------------------------------------------

def page_document(page_html: str, url: str, title: str, spec=None) -> SearchDoc:
    """The search document of a rendered page; `spec` is its PageSpec (None for plain pages)."""
    return sections_document(html_sections(page_html), url, title, spec)


def sections_document(sections: list[Section], url: str, title: str, spec=None) -> SearchDoc:
    """The search document of a page whose text is `sections`, with its record's facts as they are now.
    `title` is the page's title as MkDocs has it, HTML (its front matter holds it escaped); the index holds text."""
    doc = SearchDoc(url=url, title=html_lib.unescape(title or ""), sections=sections)
    context = getattr(spec, "context", None) or {}
    record = context.get("record")
    if record is None:
        doc.listing = spec is not None  # section pages and the home page list what others hold
        return doc
    doc.kind = _kind_key(record)
    doc.units = [(u.id, u.title) for u in _units(record, context)]
    when, shown = _when(record, context)
    if when is not None:
        doc.year = when.year
        doc.sort_date = when.year * 10000 + when.month * 100 + when.day
    doc.date = shown
    doc.fields = "\n".join(_field_texts(record, context, doc))
    return doc


def _kind_key(record) -> str:
    if record.kind == "exemplar":
        return f"exemplar:{record['kind']}"
    return record.kind if record.kind in KIND_LABELS else "page"


def _units(record, context) -> list:
    if record.kind == "unit":
        return [record]
    model = context.get("model")
    units = [context["unit"]] if context.get("unit") is not None else []
    if record.kind == "article" and model is not None:
        for related in context.get("related", []):
            unit = related if related.kind == "unit" else model.unit_of(related)
            if unit is not None and unit not in units:
                units.append(unit)
    return units


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _when(record, context) -> tuple[date | None, str]:
    """The record's date for the year filter and as shown in results."""
    if record.kind in ("article", "notice", "competition"):
        when = _as_date(record.get("date"))
        return when, cn_date(when)
    if record.kind == "honor":
        decided = _as_date(record.get("decided_on"))
        label = record.get("label") or f"{record['year']}年度"
        return (decided or date(record["year"], 12, 31)), label
    if record.kind == "brand":
        launched = _as_date(record.get("launched"))
        return launched, f"创建于{cn_date(launched)}" if launched else ""
    if record.kind == "exemplar":
        batches = [award.batch for award in context.get("awards", [])]
        if batches:
            latest = max(batches, key=lambda b: b["year"])
            decided = _as_date(latest.get("decided_on"))
            return (decided or date(latest["year"], 12, 31)), latest.get("label") or f"{latest['year']}年度"
    return None, ""


def _field_texts(record, context, doc: SearchDoc):
    """Names a reader searches a page by, besides its title."""
    yield doc.kind_label
    for unit in _units(record, context):
        yield unit.get("name") or unit.title
        if unit.get("short_name"):
            yield unit["short_name"]
    for key in ("branch", "slogan", "headline", "lead_title", "subtitle", "category", "label", "doc_no",
                "venue", "short_name", "name"):
        value = record.get(key)
        if isinstance(value, str):
            yield value
    person = record.get("person") or {}
    if person.get("name"):
        yield person["name"]
    yield from (t for t in record.get("tags", []) if isinstance(t, str))
    yield from (b["name"] for b in record.get("bylines", []) if b.get("name"))
    yield from (f["name"] for f in record.get("former_names", []) if f.get("name"))
    if context.get("brand") is not None:
        yield context["brand"].title
