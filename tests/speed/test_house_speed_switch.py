"""The plugin's one switch for the speed room: `speed: false` leaves plain MkDocs and the plugin (no
Markdown shortcuts, Markdown cache, page store, workers or fragments) — and the same site, byte for byte."""
from __future__ import annotations

import pytest

from support.sites import build, copy_demo, plugin_options
from support.sites import file_digests as digest

pytestmark = pytest.mark.slow  # two demo builds

NOW = "2026-01-05T09:00:00+08:00"


def test_the_demo_is_the_same_site_with_the_speed_room_off(tmp_path):
    fast = copy_demo(tmp_path / "fast")
    plain = copy_demo(tmp_path / "plain")
    plugin_options(plain, speed=False)
    a = digest(build(fast, "--now", NOW, site_dir=tmp_path / "fast-site"))
    b = digest(build(plain, "--now", NOW, site_dir=tmp_path / "plain-site"))
    assert len(a) > 500 and a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    # The switch is really off: the speed room's caches were written only by the fast build.
    for cache in ("showcase-markdown", "showcase-pages"):
        assert any((fast / ".cache" / cache).rglob("*.pickle.z"))
        assert not (plain / ".cache" / cache).exists()


def test_with_the_speed_room_off_mkdocs_gets_no_markdown_shortcuts(tmp_path, monkeypatch):
    from mkdocs.config import load_config

    from showcase.mkdocs.config import set_plugin_options
    from showcase.mkdocs.speed.markdown.inline import FastInlineExtension

    project = copy_demo(tmp_path)
    monkeypatch.chdir(project)
    shortcuts = {}
    for speed in (True, False):
        config = load_config(str(project / "mkdocs.yml"))
        set_plugin_options(config, speed=speed)
        config = config.plugins.on_config(config)
        shortcuts[speed] = any(isinstance(e, FastInlineExtension) for e in config.markdown_extensions)
    assert shortcuts == {True: True, False: False}
