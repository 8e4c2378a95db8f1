"""Checking a record as the form has it: `showcase check`'s own `check_content` on a hard-linked copy of
content/ with the edited file in place (showcase/importing/plan.py's `check_as_if`), its problems put on
the fields they name (the problem's line looked up in the staged record's line table), and the problems
the edit causes in other records (a duplicate series number names the other article too).

The copy lives in the project's `.cache/showcase-desk/`, outside content/, so `showcase serve`'s watcher
does not rebuild the preview for every keystroke; it holds every file of content/ (pictures too, as hard
links), so other records' pictures are found, and their probes are cached from check to check.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from showcase.content.problems import Problem, display_path
from showcase.importing.plan import CheckedAsIf, check_tree, link_tree

STAGING_DIR = ".cache/showcase-desk"


@dataclass
class Report:
    """A record's problems: on its fields (field path → problems), on the whole record, elsewhere."""

    fields: dict = field(default_factory=dict)
    record: list = field(default_factory=list)
    affected: list = field(default_factory=list)

    @property
    def errors(self) -> int:
        every = [p for items in self.fields.values() for p in items] + self.record + self.affected
        return len({p["text"] for p in every if p["level"] == "错误"})  # one shown on a field and in affected

    def as_json(self) -> dict:
        return {"fields": self.fields, "record": self.record, "affected": self.affected, "errors": self.errors}


def as_json(problem: Problem) -> dict:
    return {"level": problem.level, "message": problem.message, "hint": problem.hint,
            "where": f"{problem.path}:{problem.line}" if problem.line else problem.path, "text": problem.format()}


def staging_root(root: Path) -> Path:
    folder = Path(root).resolve().parent / STAGING_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class StagedCopy:
    """One hard-linked copy of content/ (pictures too), kept from check to check while content/ is
    unchanged (`signature`): a check swaps in the edited file and swaps it back. The old link is always
    removed before the new file is written — writing into it would write into content/. The caller runs
    one check at a time."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.tree = staging_root(self.root) / "copy" / self.root.name
        self.signature = None

    def check(self, rel: str, data: bytes, signature) -> CheckedAsIf:
        if signature != self.signature or not self.tree.is_dir():
            self.signature = None
            shutil.rmtree(self.tree, ignore_errors=True)
            link_tree(self.root, self.tree, with_assets=True)
            self.signature = signature
        target = self.tree / rel
        made = [d for d in [target.parent, *target.parent.parents] if not d.exists() and d.is_relative_to(self.tree)]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        target.write_bytes(data)
        try:
            return check_tree(self.root, self.tree)
        finally:
            self._restore(rel, target, made)

    def _restore(self, rel: str, target: Path, made: list) -> None:
        target.unlink(missing_ok=True)
        original = self.root / rel
        if original.is_file():
            try:
                os.link(original, target)
            except OSError:
                shutil.copy2(original, target)
        for folder in made:  # shallowest last
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def check_file(copy: StagedCopy, signature, rel: str, data: bytes, kind: str, record_id: str,
               baseline: set) -> Report:
    """The report of content/`rel` if it held `data`. `baseline`: the (path, message) of problems the
    content had before, so only new ones in other files count as caused by this edit."""
    result = copy.check(rel, data, signature)
    record = result.checked.index.get(kind, record_id) if result.checked.index is not None else None
    return report_of(result.problems.items, display_path(copy.root / rel), record, baseline)


def report_of(problems, shown_path: str, record, baseline: set) -> Report:
    """Problems of the edited file on their fields; new problems of other files in `affected`, and also
    on the edited field they name by path:line (a duplicate series number is reported on the later
    article, naming the earlier one)."""
    report = Report()
    named = re.compile(re.escape(shown_path) + r":(\d+)")
    for problem in sorted(set(problems)):
        if problem.path == shown_path:
            where = field_at(record, problem.line) if problem.line else None
            target = report.fields.setdefault(where, []) if where else report.record
            target.append(as_json(problem))
        elif (problem.path, problem.message) not in baseline:
            report.affected.append(as_json(problem))
            mention = named.search(problem.message)
            where = field_at(record, int(mention.group(1))) if mention else None
            if where:
                shown = as_json(problem)
                shown["message"] = f"{shown['where']}：{problem.message}"
                report.fields.setdefault(where, []).append(shown)
    return report


def field_at(record, line: int) -> str | None:
    """The field path ("metrics.0.label") whose value is on `line`, or the nearest one above it; the
    body when the line is in it; None when the record could not be read."""
    if record is None:
        return None
    if record.body_line and line >= record.body_line and record.path.name.endswith(".md"):
        return "body"
    best, best_line = None, 0
    for at, at_line in record.lines.items():
        at = at[len(record.base_line):]
        if not at or at_line > line:
            continue
        if at_line > best_line or (at_line == best_line and best is not None and len(at) > len(best)):
            best, best_line = at, at_line
    return ".".join(str(part) for part in best) if best else None
