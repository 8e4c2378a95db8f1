"""Records: one per content item, with the file and line of every value."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Record:
    kind: str
    id: str
    path: Path  # the file the record came from
    fields: dict  # validated, normalised values (dates are `date`, ids are str …)
    lines: dict = field(default_factory=dict)  # value path tuple → line
    body: str = ""  # Markdown body after the front matter
    body_line: int = 1  # line of the body's first line in the file
    base_line: tuple = ()  # prefix of `lines` keys for records inside list files

    # Templates read `record.slogan` etc.; Jinja falls back to item access. An optional field the
    # editor left out reads as None; a name the schema doesn't know is a template bug: KeyError.
    def __getitem__(self, key):
        if key in self.fields:
            return self.fields[key]
        from showcase.content.schema import fields_of

        if key in fields_of(self.kind):
            return None
        raise KeyError(key)

    def get(self, key, default=None):
        value = self.fields.get(key)
        return default if value is None else value

    def line(self, *at) -> int:
        """Line of a value (or of its nearest enclosing value)."""
        at = self.base_line + at
        while at:
            if at in self.lines:
                return self.lines[at]
            at = at[:-1]
        return self.lines.get(self.base_line, 1) if self.base_line else 1

    @property
    def title(self) -> str:
        return self.fields.get("title") or self.fields.get("name") or self.id

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def status(self) -> str:
        return self.fields.get("status") or "published"

    @property
    def visibility(self) -> str:
        return self.fields.get("visibility") or "public"

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)

    def __repr__(self) -> str:
        return f"Record({self.kind}:{self.id})"

    def __hash__(self):
        return hash((self.kind, self.id, str(self.path)))

    def __eq__(self, other):
        return isinstance(other, Record) and self.key == other.key and self.path == other.path
