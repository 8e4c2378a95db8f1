"""Records by kind and id, and the one way an id in a `ref` field is resolved to records."""
from __future__ import annotations

from showcase.content.records import Record


class RecordIndex:
    """Records by kind and id, and the one way ids in `ref` fields are resolved."""

    def __init__(self, records):
        self.by_kind: dict[str, dict[str, Record]] = {}
        for record in records:
            self.by_kind.setdefault(record.kind, {}).setdefault(record.id, record)

    def get(self, kind: str, record_id: str) -> Record | None:
        return self.by_kind.get(kind, {}).get(record_id)

    def resolve(self, kinds: tuple, value: str) -> list[Record]:
        """Records an id may mean; `brand:abc` picks a kind when the bare id is ambiguous."""
        if ":" in value:
            kind, _, record_id = value.partition(":")
            found = self.get(kind, record_id) if kind in kinds else None
            return [found] if found else []
        return [r for kind in kinds if (r := self.get(kind, value)) is not None]

