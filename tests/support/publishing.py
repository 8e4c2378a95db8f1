"""Built sites of the publish-edition fixture, shared by the edition tests (built once per run), and
a reader that searches every output file as text."""
from __future__ import annotations

import gzip
import html
import re
import urllib.parse
from pathlib import Path

from .pdf import pdf_text
from .sites import build, copy_fixture

BUILDS = {  # name → extra `showcase build` arguments
    "internal": (),
    "public": ("--edition", "public", "--print"),  # its PDFs are searched too
    "drafts": ("--drafts",),
    "public-drafts": ("--edition", "public", "--drafts"),
    "later": ("--now", "2030-01-01T09:00:00+08:00"),  # the embargo of later-brand has passed
}
_built: dict[str, "Output"] = {}  # one build per test run, shared by the modules that need it


def output_texts(site: Path) -> dict[str, str]:
    """Every file of the site as searchable text: gzip opened (whatever its name), \\uXXXX escapes,
    HTML entities and %-encoding decoded as extra variants."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        variants = [text]
        if path.suffix == ".pdf":  # its text as a reader sees it, lines joined (CJK lines break mid-word)
            shown = pdf_text(data)
            variants += [shown, re.sub(r"\s+", "", shown)]
        if "\\u" in text:
            variants.append(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text))
        if "&" in text:
            variants.append(html.unescape(text))
        if "%" in text:
            variants.append(urllib.parse.unquote(text))
        texts[path.relative_to(site).as_posix()] = "\n".join(variants)
    return texts


class Output:
    def __init__(self, site: Path):
        self.site = site
        self.files = output_texts(site)
        self.all = "\n\0\n".join(self.files.values())

    def where(self, needle: str) -> list[str]:
        if needle not in self.all:
            return []
        return [name for name, text in self.files.items() if needle in text]

    def html(self, name: str) -> str:
        return (self.site / name).read_text(encoding="utf-8")


def publish_sites(tmp_path_factory) -> dict[str, Output]:
    if not _built:
        root = tmp_path_factory.mktemp("publish-edition")
        project = copy_fixture("publish-edition", root)
        for name, args in BUILDS.items():
            _built[name] = Output(build(project, *args, site_dir=root / name))
    return _built
