"""Problems found while reading the material, before any content file exists: `path:line` point
into the source file (a .docx paragraph number, an .xlsx row number)."""
from __future__ import annotations

from showcase.content.problems import Problems


class ImportFailed(Exception):
    """The file cannot be read at all (corrupt, protected, wrong format): one message, nothing written."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def report(self, path, problems: Problems) -> None:
        problems.error(path, 0, self.message, self.hint)
