"""Problems found in content: one message format for every check.

`path:line: 错误: 问题 — 怎么改` — the editor reads what is wrong and what to do, in Chinese.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ERROR = "错误"
WARNING = "警告"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    level: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.level}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


@dataclass
class Problems:
    """Collects every problem of one run; checks never stop at the first."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path, line: int, message: str, hint: str = "") -> None:
        self.items.append(Problem(display_path(path), line or 0, ERROR, message, hint))

    def warning(self, path, line: int, message: str, hint: str = "") -> None:
        self.items.append(Problem(display_path(path), line or 0, WARNING, message, hint))

    def extend(self, other: "Problems") -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.path, p.line, p.level, p.message))

    def report(self) -> str:
        return "\n".join(p.format() for p in self.sorted())


def display_path(path) -> str:
    """Paths as the editor typed them: relative to the working directory when inside it."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix() if not p.is_absolute() else os.fspath(p)
