"""What every record page shares: its spec from the record, preview marking, search metadata."""
from __future__ import annotations

from showcase.content.records import Record
from showcase.domain.edition import is_preview
from showcase.domain.urls import page_path
from showcase.pages.spec import PageSpec


def record_page(record: Record, template: str, **context) -> PageSpec:
    return PageSpec(
        src_path=page_path(record),
        title=record.title,
        template=template,
        context={"record": record, **context},
        kind=record.kind,
        preview=is_preview(record),
    )


def section_page(src_path: str, title: str, template: str, kind: str, **context) -> PageSpec:
    return PageSpec(src_path=src_path, title=title, template=template, context=context, kind=kind)


def document(spec: PageSpec) -> PageSpec:
    """A page read (and printed) as one document: no left navigation, the width goes to the content.
    The section tabs on top already say where the reader is (the sidebar would list only the section);
    the page's own table of contents stays on the right."""
    spec.meta.setdefault("hide", []).append("navigation")
    return spec
