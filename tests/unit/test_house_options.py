"""The `showcase` command hands the plugin its settings as typed plugin options (showcase/mkdocs/config.py),
never through the environment; the check it made is handed over once, for its own folder and day."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from showcase.domain.edition import Edition
from showcase.mkdocs.config import Precheck, plugin_options, set_plugin_options
from showcase.mkdocs.plugin import ShowcasePlugin
from support.sites import copy_fixture, showcase
from support.sites import file_digests as digest

BEIJING = timezone(timedelta(hours=8))


def test_the_environment_does_not_choose_the_edition(tmp_path):
    project = copy_fixture("publish-edition", tmp_path)
    told = showcase("build", "-d", str(tmp_path / "env"), cwd=project, env={"SHOWCASE_EDITION": "public"}, check=True)
    flagged = showcase("build", "-d", str(tmp_path / "flag"), "--edition", "public", cwd=project, check=True)
    assert "完成：内网版" in told.stdout and "完成：公开版" in flagged.stdout
    assert digest(tmp_path / "env") != digest(tmp_path / "flag")  # the public edition leaves records out


def test_options_are_validated_like_mkdocs_yml(tmp_path, monkeypatch):
    project = copy_fixture("basic", tmp_path)
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"))
    set_plugin_options(config, edition="public", drafts=True, render_workers=-1)
    options = plugin_options(config)
    assert (options.edition, options.drafts, options.render_workers, options.speed) == ("public", True, -1, True)
    with pytest.raises(PluginError, match="edition"):
        set_plugin_options(config, edition="secret")
    with pytest.raises(PluginError, match="render_workers"):
        set_plugin_options(config, render_workers="many")
    assert plugin_options(config).edition == "public"  # a refused value changed nothing


def test_the_preview_sets_its_options_again_for_every_rebuild(tmp_path, monkeypatch):
    from showcase.mkdocs.serve import Preview

    project = copy_fixture("basic", tmp_path)
    monkeypatch.chdir(project)
    preview = Preview(str(project / "mkdocs.yml"), str(tmp_path / "served"), port=0,
                      options={"edition": "public", "now": "2024-01-01T09:00:00+08:00"})
    first, again = preview.config, preview.get_config()  # what a rebuild after an edit loads
    for config in (first, again):
        assert plugin_options(config).edition == "public"
        assert plugin_options(config).now == "2024-01-01T09:00:00+08:00"
    assert again.plugins["showcase"] is first.plugins["showcase"]  # the session lives on in the plugin


def test_the_precheck_is_used_only_for_its_own_folder_and_day(tmp_path):
    content, other = tmp_path / "content", tmp_path / "other"
    content.mkdir(), other.mkdir()
    checked = object()
    day = date(2024, 3, 1)
    plugin = ShowcasePlugin()
    errors, _ = plugin.load_config({"precheck": Precheck(content, day, checked)})
    assert errors == []
    that_day = Edition(now=datetime(2024, 3, 1, 9, tzinfo=BEIJING))
    assert plugin.handed_over(Path(content), that_day) is checked
    assert plugin.handed_over(other, that_day) is None
    assert plugin.handed_over(content, Edition(now=datetime(2024, 3, 2, 9, tzinfo=BEIJING))) is None
    errors, _ = ShowcasePlugin().load_config({"precheck": "content"})  # not from mkdocs.yml
    assert errors
