"""`showcase serve` reuses rendered pages between rebuilds (showcase/mkdocs/speed/page_cache.py, showcase/mkdocs/serve.py):
after every kind of edit, every page of the preview must be exactly what a fresh build makes — never
stale. The preview's builds run here in-process (as `serve` runs them, without the HTTP server); each
is compared with a fresh `showcase build` of the same content. Timing is measured in
benchmarks/serve_bench.py, not here."""
from __future__ import annotations

from pathlib import Path

import pytest

from showcase.mkdocs.serve import Preview, PreviewServer
from support.sites import copy_fixture, own_theme, showcase

pytestmark = pytest.mark.slow  # each test drives a preview session's builds

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}/"


def html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


@pytest.fixture
def session(tmp_path, monkeypatch):
    project = copy_fixture("basic", tmp_path)
    own_theme(project)
    config = project / "mkdocs.yml"
    monkeypatch.chdir(project)
    preview = Preview(str(config), str(tmp_path / "served"), port=PORT)
    preview.build(preview.config)
    return project, preview, tmp_path


def rebuild_and_compare(project: Path, preview: Preview, tmp_path: Path, name: str) -> dict:
    preview.build()
    fresh = tmp_path / f"fresh-{name}"
    result = showcase("build", "-d", str(fresh), "--base-url", BASE, cwd=project)
    assert result.returncode == 0, result.stderr
    served, built = html_files(Path(preview.site_dir)), html_files(fresh)
    assert served.keys() == built.keys()
    stale = [rel for rel in built if served[rel] != built[rel]]
    assert stale == [], f"stale pages after {name}: {stale}"
    return plugin_session(preview).stats


def plugin_session(preview: Preview):
    return preview.config.plugins["showcase"].session


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_body_edit_reuses_the_other_pages_and_matches_a_fresh_build(session):
    project, preview, tmp_path = session
    article = project / "content/column/2023/first.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n\n缓存测试正文标记\n", encoding="utf-8")
    stats = rebuild_and_compare(project, preview, tmp_path, "body")
    assert stats["early"] == 2  # the article and its clipping, shown before the rest was built
    assert stats["cached"] > 10  # most pages reused
    page = Path(preview.site_dir) / "column/2023/first/index.html"
    assert "缓存测试正文标记" in page.read_text(encoding="utf-8")
    search = "".join(p.read_text(encoding="utf-8") for p in (Path(preview.site_dir) / "search").rglob("*.js"))
    assert "缓存测试正文标记"[:2] in search


def test_a_title_edit_reaches_every_listing(session):
    project, preview, tmp_path = session
    article = project / "content/column/2023/first.md"
    title = next(line for line in article.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
    edit(article, title, "title: 改过的缓存测试标题")
    rebuild_and_compare(project, preview, tmp_path, "title")
    listings = [rel for rel, html in html_files(Path(preview.site_dir)).items()
                if "改过的缓存测试标题".encode() in html and "first" not in rel]
    assert listings  # the column's listings, the brand/unit pages that list it …


def test_a_field_only_the_theme_template_shows_updates_the_clipping(session):
    """theme/clipping.html prints the column's name from the page spec, not from the page's Markdown
    (which is only the article's text), and the article's own file is unchanged: only the record of
    what the theme template read tells the cache that the clipping is stale."""
    project, preview, tmp_path = session
    columns = project / "content/columns.yml"
    name = next(line for line in columns.read_text(encoding="utf-8").splitlines() if line.strip().startswith("name:"))
    edit(columns, name, name.split("name:")[0] + "name: 改名后的缓存测试专栏")
    rebuild_and_compare(project, preview, tmp_path, "column-name")
    clipping = Path(preview.site_dir) / "column/2023/first/clipping/index.html"
    assert "改名后的缓存测试专栏" in clipping.read_text(encoding="utf-8")


def test_template_and_config_edits_rebuild_everything(session):
    project, preview, tmp_path = session
    edit(project / "theme/main.html", "{% block content %}", '{% block content %}<p id="cache-theme">主题改动</p>')
    stats = rebuild_and_compare(project, preview, tmp_path, "theme")
    assert stats["cached"] == 0
    assert all(b'id="cache-theme"' in html for rel, html in html_files(Path(preview.site_dir)).items()
               if rel.endswith("index.html") and "clipping" not in rel and "bigscreen" not in rel)
    edit(project / "mkdocs.yml", "site_name: 测试站", "site_name: 缓存测试站")
    stats = rebuild_and_compare(project, preview, tmp_path, "config")
    assert stats["cached"] == 0


def test_a_deleted_article_disappears_from_the_preview(session):
    project, preview, tmp_path = session
    assert (Path(preview.site_dir) / "column/2023/second/index.html").is_file()
    (project / "content/column/2023/second.md").unlink()
    rebuild_and_compare(project, preview, tmp_path, "deleted")
    assert not (Path(preview.site_dir) / "column/2023/second/index.html").exists()


def test_an_unchanged_rebuild_reuses_every_page_outside_the_navigation(session):
    project, preview, tmp_path = session
    stats = rebuild_and_compare(project, preview, tmp_path, "unchanged")
    assert stats["early"] == 0 and stats["cached"] > 10


def test_during_a_build_only_the_early_pages_are_answered():
    server = PreviewServer(builder=lambda: None, host="127.0.0.1", port=0, root="/nonexistent")
    assert server.answerable("index.html")  # no build running
    server._wanted_epoch += 1  # a build starts
    server.begin_build()
    assert not server.answerable("column/2023/first/index.html")
    server.publish_early({"column/2023/first/index.html"}, assets_unchanged=True)
    assert server.answerable("column/2023/first/index.html")
    assert server.answerable("assets/css/site.css")
    assert not server.answerable("brands/index.html")  # not rebuilt yet: waits
    assert not server.answerable("search/data/index.js")  # the index comes at the end
    server.publish_early({"column/2023/first/index.html"}, assets_unchanged=False)
    assert not server.answerable("assets/css/site.css")  # the theme changed: assets wait too
    server._visible_epoch = server._wanted_epoch  # the build is complete
    assert server.answerable("brands/index.html")
    server.server_close()
