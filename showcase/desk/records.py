"""The desk's lists: every record the desk edits, with its kind, unit, year and status and the problems
the last check of content/ found in its file. The check is run again only when a Markdown or YAML file
of content/ changed (its path, size or time; pictures too), so opening the list twice costs one walk of the folder.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from showcase.checks.run import Checked, check_content
from showcase.content.problems import display_path
from showcase.desk.check import as_json
from showcase.desk.defaults import year_of
from showcase.desk.forms import EDITABLE
from showcase.kinds import KIND_NAMES

YEAR_FIELDS = ("date", "year", "decided_on", "launched")


@dataclass
class Snapshot:
    signature: tuple
    checked: Checked


class ContentState:
    """The last check of content/, renewed when its text files change."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._lock = threading.Lock()
        self._last: Snapshot | None = None

    def signature(self) -> tuple:
        """Every file of content/ (pictures too: an upload changes what the check says)."""
        found = []
        for path in sorted(self.root.rglob("*")):
            if path.is_file() and not _hidden(path, self.root):
                stat = path.stat()
                found.append((path.relative_to(self.root).as_posix(), stat.st_size, stat.st_mtime_ns))
        return tuple(found)

    def snapshot(self) -> Snapshot:
        with self._lock:
            signature = self.signature()
            if self._last is None or self._last.signature != signature:
                self._last = Snapshot(signature, check_content(self.root))
            return self._last

    def checked(self) -> Checked:
        return self.snapshot().checked


def baseline(snapshot: Snapshot) -> set:
    """The problems content/ has now, as (path, message)."""
    return {(p.path, p.message) for p in snapshot.checked.problems.items}


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def listing(state: ContentState) -> list[dict]:
    """One row per editable record, sorted by kind then newest first."""
    checked = state.checked()
    by_file: dict[str, list] = {}
    for problem in checked.problems.items:
        by_file.setdefault(problem.path, []).append(problem)
    index = checked.index
    rows = []
    for record in checked.records:
        if record.kind not in EDITABLE:
            continue
        unit = index.get("unit", record.fields.get("unit") or "") if index is not None else None
        shown = display_path(record.path)
        rows.append({
            "kind": record.kind, "kind_label": KIND_NAMES[record.kind], "id": record.id, "title": record.title,
            "unit": unit.id if unit else "", "unit_name": unit.title if unit else "",
            "year": _year(record), "status": record.status,
            "file": record.path.relative_to(state.root.resolve()).as_posix() if _inside(record.path, state.root)
            else shown,
            "problems": [as_json(p) for p in sorted(set(by_file.get(shown, [])))],
        })
    rows.sort(key=lambda row: (EDITABLE.index(row["kind"]), -(row["year"] or 0), row["id"]))
    return rows


def _year(record) -> int | None:
    for name in YEAR_FIELDS:
        value = record.fields.get(name)
        if value is not None:
            return value if isinstance(value, int) else year_of(value)
    return None


def _inside(path: Path, root: Path) -> bool:
    return Path(path).resolve().is_relative_to(Path(root).resolve())
