"""The image cache: a folder outside `site/` and `content/` that is always safe to delete.

    <root>/v<N>/files/<ab>/<variant name>   processed images; the name already holds the source's
                                            content hash and every setting, so "exists" means "done"
    <root>/v<N>/probe/<ab>/<key hash>.json  what the probe learned, keyed by path + size + mtime

Writes go to a temporary name and are renamed into place, so a crash or two parallel builds never
leave a half-written file behind a good name.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

LAYOUT_VERSION = 1
DEFAULT_CACHE_DIR = ".cache/showcase-images"


class ImageCache:
    def __init__(self, root: Path):
        self.root = Path(root) / f"v{LAYOUT_VERSION}"

    # ---- processed variants ----
    def file(self, name: str) -> Path:
        return self.root / "files" / name[:2] / name

    def has(self, name: str) -> bool:
        return self.file(name).is_file()

    def put(self, name: str, data: bytes) -> Path:
        target = self.file(name)
        write_atomic(target, data)
        return target

    # ---- probe results ----
    def _probe_path(self, key: str) -> Path:
        digest = hashlib.sha1(key.encode()).hexdigest()
        return self.root / "probe" / digest[:2] / f"{digest}.json"

    def get_probe(self, key: str) -> dict | None:
        try:
            found = json.loads(self._probe_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return found if isinstance(found, dict) and found.pop("_key", None) == key else None

    def put_probe(self, key: str, value: dict) -> None:
        try:
            write_atomic(self._probe_path(key), json.dumps({**value, "_key": key}).encode())
        except OSError:
            pass  # a read-only cache only costs speed


def write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
