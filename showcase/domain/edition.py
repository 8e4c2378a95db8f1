"""Which records an edition publishes — status, embargo (publish_at), visibility — and what of them.

A pure function of the records and the build's settings, so a preview and a real build can never
disagree about what is in them.

The public edition's rule is a property of the selection, not of templates: `select` hands the
model *copies* of the records without their internal-by-nature fields (schema `internal=True`:
competition judges and scores, review notes). No page family, feed or search index can show what
its records do not hold. The few derivations that need those values for a public figure (a
competition's totals from the judges' scores) read them through `Model.full_fields`, explicitly.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from showcase.content.records import Record
from showcase.content.schema import Field, fields_of
from showcase.content.values import BEIJING
from showcase.lint.raw_html import sanitize_markdown

EDITIONS = ("internal", "public")
EDITION_NAMES = {"internal": "内网版", "public": "公开版"}
PREVIEW_STATUSES = ("draft", "review")


@dataclass(frozen=True)
class Edition:
    name: str = "internal"  # internal: the intranet site; public: for an external site
    drafts: bool = False  # include draft/review records, watermarked 草稿预览
    now: datetime | None = None  # the build's moment (Beijing time); None = the real clock

    @property
    def moment(self) -> datetime:
        return self.now or datetime.now(BEIJING)

    @property
    def is_public(self) -> bool:
        return self.name == "public"

    @property
    def label(self) -> str:
        """What the build is called to the officer: 内网版, 公开版, or — with drafts, which neither
        edition ever holds — the 草稿预览 of one of them (never to be published)."""
        if self.drafts:
            return f"草稿预览（{EDITION_NAMES[self.name]}内容加草稿、待审稿，不得发布）"
        return EDITION_NAMES[self.name]


@dataclass
class Selection:
    published: list[Record]  # in lists, counters, feeds, search
    retracted: list[Record]  # their URLs answer with a withdrawal notice, nothing else
    left_out: list[tuple[Record, str]]  # (record, why) — for `showcase check` to report
    # Public edition: record key → the internal-by-nature values taken out of its copy.
    withheld: dict[tuple, dict] = field(default_factory=dict)

    @property
    def unshipped(self) -> list[Record]:
        """Records whose files (photos, attachments) must not reach the site: left out or retracted."""
        return [record for record, _why in self.left_out] + self.retracted


def reason_left_out(record: Record, edition: Edition) -> str | None:
    """Why the edition leaves a record out entirely, or None if it is in."""
    if edition.is_public and record.visibility == "internal":
        return "仅内网版"
    if record.status in PREVIEW_STATUSES and not edition.drafts:
        return "草稿" if record.status == "draft" else "待审"
    publish_at = record.get("publish_at")
    if publish_at is not None and publish_at > edition.moment:
        return f"定时发布（{scheduled_label(publish_at)}）"
    return None


def scheduled_label(publish_at: datetime) -> str:
    return f"{publish_at.astimezone(BEIJING):%Y-%m-%d %H:%M} 北京时间"


def select(records: list[Record], edition: Edition) -> Selection:
    selection = Selection([], [], [])
    for record in records:
        why = reason_left_out(record, edition)
        if why:
            selection.left_out.append((record, why))
            continue
        if edition.is_public:
            record, taken = without_internal(record)
            if taken:
                selection.withheld[record.key] = taken
        record = without_active_html(record)
        if record.status == "retracted":
            selection.retracted.append(record)
        else:
            selection.published.append(record)
    return selection


def without_internal(record: Record) -> tuple[Record, dict]:
    """A copy of the record without internal-by-nature fields, and the values taken out."""
    spec = fields_of(record.kind)
    taken = {name: value for name, value in record.fields.items() if spec[name].internal}
    kept = {name: _strip(spec[name], value) for name, value in record.fields.items()
            if not spec[name].internal}
    if not taken and kept == record.fields:
        return record, {}
    return replace(record, fields=kept), taken


def without_active_html(record: Record) -> Record:
    """Scripts editors pasted never reach a page, even if `showcase check` was skipped (sanitize.py)."""
    spec = fields_of(record.kind)
    body = sanitize_markdown(record.body).text if record.body else record.body
    fields = {name: sanitize_markdown(value).text if spec[name].type == "markdown" and isinstance(value, str)
              else value for name, value in record.fields.items()}
    if body == record.body and fields == record.fields:
        return record
    return replace(record, body=body, fields=fields)


def _strip(spec: Field, value):
    """Nested internal members (none today, but the schema allows them) go too."""
    if spec.type == "list" and spec.item is not None and isinstance(value, list):
        return [_strip(spec.item, item) for item in value]
    if spec.type == "object" and spec.fields and isinstance(value, dict):
        members = {f.name: f for f in spec.fields}
        return {key: _strip(members[key], item) if key in members else item
                for key, item in value.items() if not (key in members and members[key].internal)}
    return value


def internal_field_names(kind: str) -> list[str]:
    return [name for name, spec in fields_of(kind).items() if spec.internal]


def is_preview(record: Record) -> bool:
    return record.status in PREVIEW_STATUSES


def scheduled(records: list[Record], edition: Edition) -> list[tuple[Record, datetime]]:
    """Records an embargo keeps out of this edition's build, with their publication moment."""
    found = []
    for record in records:
        publish_at = record.get("publish_at")
        if publish_at is not None and publish_at > edition.moment and record.status not in ("retracted",):
            found.append((record, publish_at))
    return found


def publication_notes(records: list[Record], edition: Edition) -> list[str]:
    """What `showcase check` tells about publication: each scheduled record and when; drafts in all."""
    from showcase.content.problems import display_path
    from showcase.kinds import KIND_NAMES

    notes = []
    for record, at in sorted(scheduled(records, edition), key=lambda item: (item[1], item[0].id)):
        notes.append(f"{display_path(record.path)}:{record.line('publish_at')}: 提示: "
                     f"{KIND_NAMES.get(record.kind, '')}《{record.title}》定时发布：{scheduled_label(at)}，"
                     f"此前生成的网站不包含它")
    drafts = sum(1 for r in records if r.status == "draft")
    review = sum(1 for r in records if r.status == "review")
    if drafts or review:
        notes.append(f"提示: {drafts} 条草稿、{review} 条待审不进入正式生成（showcase build --drafts 或 showcase serve 可预览）")
    return notes
