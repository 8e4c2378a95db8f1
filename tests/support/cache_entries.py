"""The entries of the build's on-disk caches (Markdown conversions, kept pages) as tests read and
tamper with them: one compressed pickle per entry under <project>/<folder>/<xx>/."""
from __future__ import annotations

import pickle
import zlib
from pathlib import Path
from typing import Callable


def entries(project: Path, folder: Path) -> list[Path]:
    return sorted(p for p in (project / folder).glob("*/*") if p.name.endswith(".pickle.z"))


def rewrite(project: Path, folder: Path, change: Callable[[object], None]) -> int:
    """Apply `change` to every entry in place (a marker, so a build that used the cache shows it)."""
    for path in entries(project, folder):
        entry = pickle.loads(zlib.decompress(path.read_bytes()))
        change(entry)
        path.write_bytes(zlib.compress(pickle.dumps(entry)))
    return len(entries(project, folder))
