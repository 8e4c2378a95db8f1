"""Whether a path from content stays inside the content folder, symlinks followed.

Every file the site publishes comes from `content/`: a field such as `scan` or `slides`, a Markdown
link or image, an asset copied as it is. A `../` that climbs out, an absolute path, or a symlink to a
file or folder elsewhere would publish what is not content (a password file, another project).
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote


def resolves_inside(root: Path, path: Path) -> bool:
    """True when `path`, every symlink followed, is `root` or under it."""
    return Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(root)))


def reference_problem(root: Path, base: Path, reference: str) -> str | None:
    """What is wrong with a path an editor wrote (relative to the folder `base`), or None.
    Web addresses, mail links and anchors are not files and are left to other checks."""
    target = unquote(reference.split("#", 1)[0].split("?", 1)[0]).strip()
    if not target or "://" in target or target.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    if target.startswith(("/", "\\")) or (len(target) > 1 and target[1] == ":"):
        return f"“{reference}”是绝对路径"
    if not resolves_inside(root, Path(base) / target):
        written = Path(os.path.abspath(Path(base) / target)).is_relative_to(Path(os.path.abspath(root)))
        via = "经符号链接" if written else ""  # the path as written stays inside: a symlink leads out
        return f"“{reference}”{via}指向内容文件夹以外"
    return None


def links_leaving(root: Path) -> list[Path]:
    """Symlinks under `root` (to files or folders) whose target is outside it, in path order.
    Folders are not followed into: a link to an outside folder is reported once, as itself."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path.is_symlink() and not resolves_inside(root, path):
                found.append(path)
        dirs.sort()
    return sorted(found)
