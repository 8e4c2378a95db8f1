"""Cache entries on disk, shared by the build caches (converted Markdown, finished pages).

One pickled, zlib-compressed object per file. Writes are atomic (a temporary file, then a rename),
so forked page workers and two builds at once share a folder safely; an entry that can't be read
(absent, damaged, written by another version) is simply not there. Entries read are touched once a
day, and `prune` removes those unused for `KEEP_DAYS`. Deleting a cache folder is always safe.
"""
from __future__ import annotations

import os
import pickle
import time
import zlib
from pathlib import Path

KEEP_DAYS = 30
_DAY = 86400
_UNREADABLE = (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError,
               TypeError, IndexError)


def read_entry(path: Path, kind: type):
    """The `kind` object kept at `path`, or None."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
            if time.time() - os.fstat(stream.fileno()).st_mtime > _DAY:
                os.utime(path)  # still in use: kept by prune()
        entry = pickle.loads(zlib.decompress(data))
    except _UNREADABLE:
        return None
    return entry if isinstance(entry, kind) else None


def write_entry(path: Path, entry) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(zlib.compress(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL), 1))
        os.replace(temporary, path)
    except OSError:  # a full disk or an unusable folder costs speed, never the build
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass


def prune(folder: Path, now: float | None = None) -> int:
    """Remove the entries (files one level below `folder`) unused for KEEP_DAYS; at most once a day.
    Returns how many were removed."""
    now = time.time() if now is None else now
    folder = Path(folder)
    marker = folder / ".pruned"
    try:
        if now - marker.stat().st_mtime < _DAY:
            return 0
    except OSError:
        pass
    removed = 0
    limit = now - KEEP_DAYS * _DAY
    for path in folder.glob("*/*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError:
            pass
    try:
        folder.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass
    return removed
