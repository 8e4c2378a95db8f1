"""Records by kind and id, the one way an id in a `ref` field is resolved to records, and the records a
name written where an id belongs means (`unit: 市政务服务局` for `unit: zwfw`)."""
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


    def named(self, kinds: tuple, name: str) -> list[Record]:
        """Records of `kinds` whose name, short name, former name, title or person is `name`."""
        wanted = name.strip()
        return [record for kind in kinds for record in self.by_kind.get(kind, {}).values()
                if wanted in names_of(record)]


def names_of(record: Record) -> set[str]:
    """Every name an editor may write for a record instead of its id."""
    fields = record.fields
    names = {fields.get("name"), fields.get("short_name"), fields.get("title")}
    names.update(former.get("name") for former in fields.get("former_names") or [] if isinstance(former, dict))
    if isinstance(fields.get("person"), dict):
        names.add(fields["person"].get("name"))
    return {name for name in names if isinstance(name, str) and name}
