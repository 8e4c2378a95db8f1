"""Atomic builds: a content error, a MkDocs error, a crash mid-build, Ctrl-C (in-process and a real
SIGINT), a SIGTERM all leave the previous site/ exactly as it was and no staging folder behind."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.sites import copy_fixture, showcase
from support.sites import file_digests as digest

pytestmark = pytest.mark.slow  # builds, then interrupts builds

HOOK = '''
import os, time
from pathlib import Path

count = 0

def on_post_page(output, page, config):
    global count
    count += 1
    if count == 3:  # some pages are already written to the staging folder
        mode = os.environ.get("BOOM")
        if mode == "crash":
            raise RuntimeError("程序在生成中途出错")
        if mode == "interrupt":
            raise KeyboardInterrupt
        if mode == "wait":
            Path(os.environ["BOOM_MARKER"]).write_text("building")
            time.sleep(60)
    return output
'''


def leftovers(project: Path, wait: float = 0) -> list[str]:
    """Staging or replaced-site folders next to site/. A replaced site is deleted by a detached process
    (build.discard): `wait` seconds for that to finish."""
    deadline = time.monotonic() + wait
    while True:
        found = sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))
        if not any(".old-" in name for name in found) or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


@pytest.fixture
def built(tmp_path):
    """A project with a good site/ already built, and that site's fingerprint."""
    project = copy_fixture("basic", tmp_path)
    result = showcase("build", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    before = digest(site)
    assert "index.html" in before and len(before) > 10
    return project, site, before


def with_hook(project: Path) -> None:
    (project / "boom.py").write_text(HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - boom.py\n", encoding="utf-8")


def assert_untouched(project: Path, site: Path, before: dict) -> None:
    assert digest(site) == before
    assert leftovers(project) == []


def test_content_error_builds_nothing(built):
    project, site, before = built
    page = project / "content/brands/alpha/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("slogan:", "slogn:"), encoding="utf-8")
    result = showcase("build", cwd=project)
    assert result.returncode == 1
    assert "content/brands/alpha/index.md:5: 错误: 不认识的字段 slogn — 是不是想写 slogan？" in result.stderr
    assert result.stderr.strip().endswith("未生成网站（原有网站保持不变）。")
    assert_untouched(project, site, before)


def test_mkdocs_error_mid_build_keeps_the_old_site(built):
    project, site, before = built
    (project / "content/about.md").write_text("# 关于\n\n[失效的链接](missing.md)\n", encoding="utf-8")
    result = showcase("build", cwd=project)
    assert result.returncode == 1
    assert "生成失败：" in result.stderr and "（原有网站保持不变）" in result.stderr
    assert_untouched(project, site, before)


def test_crash_mid_build_keeps_the_old_site(built):
    project, site, before = built
    with_hook(project)
    result = showcase("build", cwd=project, env={"BOOM": "crash"})
    assert result.returncode == 1
    assert result.stderr.strip().endswith("生成失败：程序出错（程序在生成中途出错）（原有网站保持不变）")
    assert_untouched(project, site, before)


def test_keyboard_interrupt_mid_build_keeps_the_old_site(built):
    project, site, before = built
    with_hook(project)
    result = showcase("build", cwd=project, env={"BOOM": "interrupt"})
    assert result.returncode == 130
    assert result.stderr.strip().endswith("已中断（原有网站保持不变）。")
    assert_untouched(project, site, before)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_real_signal_mid_build_keeps_the_old_site(built, tmp_path, signum):
    project, site, before = built
    with_hook(project)
    marker = tmp_path / "building"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "BOOM": "wait", "BOOM_MARKER": str(marker)}
    process = subprocess.Popen([sys.executable, "-m", "showcase", "build"], cwd=project, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the build never reached the third page"
            time.sleep(0.1)
        staging = leftovers(project)
        assert len(staging) == 1 and staging[0].startswith(".site.building-")  # mid-build, really
        process.send_signal(signum)
        _out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130
    assert err.strip().endswith("已中断（原有网站保持不变）。")
    assert_untouched(project, site, before)


def test_a_good_build_replaces_the_site_whole(built):
    project, site, before = built
    page = project / "content/brands/alpha/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("让党旗在文旅窗口飘扬", "新的口号"), encoding="utf-8")
    assert showcase("build", cwd=project).returncode == 0
    after = digest(site)
    assert after != before and "新的口号" in (site / "brands/alpha/index.html").read_text(encoding="utf-8")
    assert leftovers(project, wait=30) == []  # the old site is gone soon after, deleted in the background
