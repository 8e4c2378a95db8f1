"""A lint finding: where, what, and — for purely typographic slips — the replacement `--fix` writes."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from showcase.content.problems import ERROR, WARNING, Problems
from showcase.content.records import Record


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    level: str  # ERROR | WARNING
    message: str
    hint: str
    match: str  # the offending text as written (what an allowance names)
    context: str = ""  # the text around it (an allowance may name a longer phrase)
    record: Record | None = None
    col: int | None = None  # column of `match` in the raw line; None: not fixable in place
    fix: str | None = None  # replacement for `match` when the fix is purely typographic
    digits: bool = False  # a number (allowances compare digits, ignoring spaces and dashes)
    yaml: bool = False  # found in a YAML value (a fix there must leave the parsed data the same)

    def report(self, problems: Problems) -> None:
        (problems.error if self.level == ERROR else problems.warning)(self.path, self.line, self.message, self.hint)


__all__ = ["ERROR", "WARNING", "Finding"]
