"""Which records an edition publishes: status, embargo (publish_at) and visibility.

A pure function of the records and the build's settings, so a preview and a real build can never
disagree about what is in them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .content.records import Record
from .content.values import BEIJING

EDITIONS = ("internal", "public")


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


@dataclass
class Selection:
    published: list[Record]  # in lists, counters, feeds, search
    retracted: list[Record]  # their URLs answer with a withdrawal notice, nothing else
    left_out: list[tuple[Record, str]]  # (record, why) — for `showcase check` to report


def reason_left_out(record: Record, edition: Edition) -> str | None:
    """Why the edition leaves a record out entirely, or None if it is in."""
    if edition.is_public and record.visibility == "internal":
        return "仅内网版"
    if record.status in ("draft", "review") and not edition.drafts:
        return "草稿" if record.status == "draft" else "待审"
    publish_at = record.get("publish_at")
    if publish_at is not None and publish_at > edition.moment:
        return f"定时发布（{publish_at.astimezone(BEIJING):%Y-%m-%d %H:%M} 北京时间）"
    return None


def select(records: list[Record], edition: Edition) -> Selection:
    selection = Selection([], [], [])
    for record in records:
        why = reason_left_out(record, edition)
        if why:
            selection.left_out.append((record, why))
        elif record.status == "retracted":
            selection.retracted.append(record)
        else:
            selection.published.append(record)
    return selection


def is_preview(record: Record) -> bool:
    return record.status in ("draft", "review")
