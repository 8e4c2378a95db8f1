"""Golden site trees: the pages of a built fixture, normalised for what varies between equal builds,
compared with a tree committed under tests/golden/<name>/ and rewritten from a build on request.

Kept: the site's own text output (every .html, sitemap.xml, feeds, the search index's scripts), not
Material's assets, images or gzip twins. Normalised: Material's asset hashes and the version numbers in
the generator tag (an upgrade of either shows in the pages anyway), and the search index's version
digest (it changes with any page, which the pages' own lines already show).
"""
from __future__ import annotations

import difflib
import os
import re
import shutil
import tempfile
from pathlib import Path

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
KEPT = ("**/*.html", "**/*.xml", "search/data/**/*.js")
VOLATILE = (
    (re.compile(r"(assets/(?:javascripts|stylesheets)/(?:workers/)?[\w-]+)\.[0-9a-f]{8}(\.min\.(?:js|css))"),
     r"\1.HASH\2"),
    (re.compile(r"mkdocs-\d+(?:\.\d+)+, mkdocs-material-\d+(?:\.\d+)+"), "mkdocs-X, mkdocs-material-X"),
    (re.compile(r'(__showcaseSearch\.\w+\(\d+,\s*)"[0-9a-f]{8,}"'), r'\1"VERSION"'),
    (re.compile(r'("v":\s*)"[0-9a-f]{8,}"'), r'\1"VERSION"'),
)
# The search scripts are one line of JSON each: a line per item (before each string or list that
# follows a comma; a comma inside a string is never followed by an unescaped quote) makes a diff show
# the entry that changed.
ITEM = re.compile(r',(?=["\[])')
MAX_LINE = 200


def normalise(text: str) -> str:
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def site_texts(site: Path) -> dict[str, str]:
    """The kept files of a built site, by relative path, normalised (search scripts a line per item)."""
    paths = {p for pattern in KEPT for p in site.glob(pattern) if p.is_file()}
    texts = {p.relative_to(site).as_posix(): normalise(p.read_text(encoding="utf-8")) for p in sorted(paths)}
    return {name: ITEM.sub(",\n", text) if name.startswith("search/") else text for name, text in texts.items()}


def tree_texts(folder: Path) -> dict[str, str]:
    """A committed golden tree, by relative path."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(expected: dict[str, str], actual: dict[str, str], context: int = 3, most: int = 40) -> str:
    """What a reviewer needs to see: files added and missing, then the first differing lines."""
    added, missing = sorted(actual.keys() - expected.keys()), sorted(expected.keys() - actual.keys())
    changed = [name for name in sorted(expected.keys() & actual.keys()) if expected[name] != actual[name]]
    lines = [f"+ new file: {name}" for name in added] + [f"- missing file: {name}" for name in missing]
    if changed:
        lines.append(f"{len(changed)} file(s) differ: {', '.join(changed[:10])}{' …' if len(changed) > 10 else ''}")
    for name in changed:
        diff = difflib.unified_diff(expected[name].splitlines(), actual[name].splitlines(),
                                    f"golden/{name}", f"built/{name}", n=context, lineterm="")
        lines += [line if len(line) <= MAX_LINE else line[:MAX_LINE] + " …" for line in diff]
        if len(lines) >= most:
            break
    if len(lines) > most:
        lines = lines[:most] + ["… (more: run with --update-golden and look at git diff tests/golden/)"]
    return "\n".join(lines)


def write_tree(folder: Path, texts: dict[str, str]) -> None:
    """Replace `folder` with exactly `texts`, built beside it and swapped in (never half-written)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    for name, text in texts.items():
        target = fresh / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    old = folder.with_name(f".{folder.name}-old")
    if folder.exists():
        os.replace(folder, old)
    os.replace(fresh, folder)
    shutil.rmtree(old, ignore_errors=True)
