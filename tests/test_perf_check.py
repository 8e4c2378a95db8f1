"""`showcase build` checks the content once: the CLI's check is handed to the build (showcase/mkdocs/build.py)."""
from __future__ import annotations

import os

from showcase.cli import main as cli
from showcase.checks import run as check_module
from showcase import site as site_module
from support.sites import copy_fixture


def test_build_checks_the_content_once_and_still_refuses_errors(tmp_path, monkeypatch, capsys):
    project = copy_fixture("basic", tmp_path)
    calls = []
    original = check_module.check_content

    def counting(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(cli, "check_content", counting)
    monkeypatch.setattr(site_module, "check_content", counting)
    monkeypatch.chdir(project)
    for key in ("SHOWCASE_EDITION", "SHOWCASE_DRAFTS", "SHOWCASE_NOW"):
        monkeypatch.delenv(key, raising=False)
    assert cli.main(["build", "-d", str(tmp_path / "site")]) == 0
    assert len(calls) == 1
    assert (tmp_path / "site" / "index.html").is_file()

    calls.clear()
    page = project / "content/brands/alpha/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("slogan:", "slogn:"), encoding="utf-8")
    assert cli.main(["build", "-d", str(tmp_path / "site")]) == 1
    assert len(calls) == 1
    err = capsys.readouterr().err
    assert "content/brands/alpha/index.md:5: 错误: 不认识的字段 slogn" in err
    assert "未生成网站（原有网站保持不变）" in err
    for key in ("SHOWCASE_EDITION", "SHOWCASE_DRAFTS", "SHOWCASE_NOW"):
        os.environ.pop(key, None)  # cli.main sets them for the plugin
