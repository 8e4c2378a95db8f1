"""Hosting options of `showcase build` and the self-contained output: --base-url, --precompress,
--offline (files only; the browser side is in test_hosting_offline.py), and the scan of every output
file for URLs that leave the site."""
from __future__ import annotations

import gzip
import os
import re
import zipfile
from pathlib import Path

import pytest

from showcase.cli import hosting
from support import hosting as support
from support import sites as site_support


# ---- --base-url ------------------------------------------------------------------------------------

@pytest.mark.parametrize("given, expected", [
    ("/dangjian/", "/dangjian/"),
    ("/dangjian", "/dangjian/"),
    (" /a/b ", "/a/b/"),
    ("/", "/"),
    ("http://dj.example.internal/dangjian", "http://dj.example.internal/dangjian/"),
    ("https://10.1.2.3:8443/", "https://10.1.2.3:8443/"),
    ("http://dj.example.internal", "http://dj.example.internal/"),
])
def test_base_url_is_normalized_to_a_directory(given, expected):
    assert hosting.normalize_base_url(given) == expected


@pytest.mark.parametrize("given, hint", [
    ("dangjian", "以 / 开头"),
    ("ftp://host/x/", "http://"),
    ("http:///x/", "服务器名"),
    ("/党建/", "英文字母"),
    ("/a b/", "英文字母"),
    ("/a/../b/", "英文字母"),
    ("/x/?a=1", "不能带"),
])
def test_bad_base_url_is_refused_with_a_hint(given, hint):
    with pytest.raises(hosting.HostingError, match=re.escape(hint)):
        hosting.normalize_base_url(given)


def test_cli_refuses_a_bad_base_url_before_building(tmp_path):
    project = site_support.copy_fixture("basic", tmp_path)
    result = site_support.showcase("build", "--base-url", "dangjian", cwd=project)
    assert result.returncode == 2
    assert "错误: --base-url dangjian：路径要以 / 开头" in result.stderr
    assert not (project / "site").exists()


def basic_project(tmp_path) -> Path:
    """tests/fixtures/basic with the demo's intranet setting: no "Made with Material" footer link."""
    project = site_support.copy_fixture("basic", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  generator: false\n", encoding="utf-8")
    return project


@pytest.mark.slow
def test_sub_path_build_points_404_page_canonical_links_and_sitemap_at_the_sub_path(tmp_path):
    project = basic_project(tmp_path)
    site = site_support.build(project, "--base-url", "http://dj.example.internal/dangjian")
    page404 = (site / "404.html").read_text(encoding="utf-8")
    # The 404 page is served at any depth, so its links are absolute: they must carry the prefix.
    absolute = [v for _t, _a, v in support.references(page404) if v.startswith("/")]
    assert absolute and all(v.startswith("/dangjian/") for v in absolute), absolute
    assert '<link rel="canonical" href="http://dj.example.internal/dangjian/brands/">' in \
        (site / "brands" / "index.html").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(loc.startswith("http://dj.example.internal/dangjian/") for loc in locs), locs
    # Everything else stays relative, so the same files also work at any other prefix.
    for path in site.rglob("*.html"):
        if path.name == "404.html":
            continue
        refs = [v for _t, _a, v in support.references(path.read_text(encoding="utf-8")) if v.startswith("/")]
        assert refs == [], f"{path.relative_to(site)} has root-absolute links: {refs}"
    assert support.outside_urls(site, own_origins=("http://dj.example.internal/",)) == []


def test_demo_sub_path_404_page(demo_site_dangjian):
    page404 = (demo_site_dangjian / "404.html").read_text(encoding="utf-8")
    absolute = [v for _t, _a, v in support.references(page404) if v.startswith("/")]
    assert absolute and all(v.startswith("/dangjian/") for v in absolute), absolute
    for value in absolute:
        assert (demo_site_dangjian / value[len("/dangjian/"):].split("#")[0]).exists() or value == "/dangjian/", value


# ---- --precompress ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_precompress_writes_gzip_twins_only_where_they_help(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    big = ("<p>机关党建品牌展示</p>\n" * 200).encode()
    (site / "a" / "index.html").write_bytes(big)
    (site / "tiny.css").write_bytes(b"p{}")  # below the threshold
    (site / "photo.webp").write_bytes(os.urandom(4000))  # not a text format
    (site / "noise.js").write_bytes(os.urandom(4000))  # text suffix, but does not shrink
    os.utime(site / "a" / "index.html", (1_600_000_000, 1_600_000_000))

    stats = hosting.precompress(site)

    twin = site / "a" / "index.html.gz"
    assert gzip.decompress(twin.read_bytes()) == big
    assert twin.stat().st_mtime == (site / "a" / "index.html").stat().st_mtime == 1_600_000_000
    assert sorted(p.name for p in site.rglob("*.gz")) == ["index.html.gz"]
    assert (stats.files, stats.original_bytes, stats.compressed_bytes) == (1, len(big), twin.stat().st_size)


def test_precompress_build_has_a_twin_for_every_large_text_file(demo_site_dangjian):
    site = demo_site_dangjian
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js") and path.stat().st_size > 1024:
            twin = path.with_name(path.name + ".gz")
            assert twin.is_file(), path
            assert gzip.decompress(twin.read_bytes()) == path.read_bytes(), path


# ---- --offline (files) -----------------------------------------------------------------------------

def test_offline_zip_is_one_folder_with_readme_and_no_server_files(demo_offline):
    with zipfile.ZipFile(demo_offline) as archive:
        names = archive.namelist()
        readme = archive.read("showcase-offline/README.txt").decode("utf-8")
    assert all(n.startswith("showcase-offline/") for n in names)
    assert "showcase-offline/index.html" in names
    assert readme.startswith("\ufeff") and "双击 index.html" in readme and "\r\n" in readme
    bad = [n for n in names if n.endswith((".gz", ".map", "/404.html", "sitemap.xml"))]
    assert bad == []
    # The folder beside the zip holds exactly the same site.
    folder = demo_offline.with_suffix("")
    on_disk = sorted("showcase-offline/" + p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert on_disk == sorted(n for n in names if not n.endswith("/README.txt"))
    assert oct(demo_offline.stat().st_mode & 0o777) != oct(0o600)


def test_every_link_of_the_offline_site_names_an_existing_file(demo_offline):
    """file:// has no index.html lookup: a link to a folder (or to nothing) is a dead link on disk."""
    site = demo_offline.with_suffix("")
    dead = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        for tag, attr, value in support.references(page.read_text(encoding="utf-8")):
            target = support.local_target(site, page, value)
            if target is None:
                continue
            if not target.is_file():
                dead.append(f"{page.relative_to(site)}: <{tag} {attr}={value}>")
    assert dead == [], "\n".join(dead[:30])


@pytest.mark.slow
def test_offline_build_defaults_to_site_offline_beside_site(tmp_path):
    project = basic_project(tmp_path)
    result = site_support.showcase("build", "--offline", cwd=project, check=True)
    assert "离线包：" in result.stdout and "site-offline.zip" in result.stdout
    assert (project / "site-offline" / "index.html").is_file() and not (project / "site").exists()
    with zipfile.ZipFile(project / "site-offline.zip") as archive:
        index = archive.read("showcase-offline/index.html").decode("utf-8")
    assert 'href="brands/index.html"' in index and 'href="brands/"' not in index


@pytest.mark.slow
def test_offline_zip_is_replaced_atomically(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>新</p>", encoding="utf-8")
    (site / "x.html.gz").write_bytes(b"x")
    target = tmp_path / "site.zip"
    target.write_bytes(b"old zip")
    assert hosting.write_offline_zip(site, target, "测试站", "2024年1月1日 08:00") == 1
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["showcase-offline/README.txt", "showcase-offline/index.html"]
        assert "测试站（离线版）" in archive.read("showcase-offline/README.txt").decode("utf-8")

    (site / "index.html").unlink()
    before = target.read_bytes()
    with pytest.raises(hosting.HostingError, match="index.html 不存在"):
        hosting.write_offline_zip(site, target, "测试站", "now")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.zip")] == []


# ---- nothing in the output points outside the site -----------------------------------------------

def test_no_output_file_references_another_host(demo_site):
    assert support.outside_urls(demo_site) == []


def test_no_output_file_of_the_offline_bundle_references_another_host(demo_offline):
    assert support.outside_urls(demo_offline.with_suffix("")) == []


def test_the_scan_catches_an_external_url(tmp_path):
    site = tmp_path / "site"
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "index.html").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"></svg><img src="https://cdn.example.com/x.png">', encoding="utf-8")
    # A file where Material's would be, but not Material's: its URLs count.
    (site / "assets" / "javascripts" / "bundle.js").write_text('load("https://unpkg.com/x")', encoding="utf-8")
    assert support.outside_urls(site) == ["assets/javascripts/bundle.js: https://unpkg.com/x",
                                          "index.html: https://cdn.example.com/x.png"]


def test_material_code_that_could_fetch_from_outside_is_never_triggered(demo_site):
    """The allow-listed active URLs in Material's bundle: mermaid (diagrams) and the GitHub repo widget."""
    for path in demo_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in html, path
        assert 'data-md-component="source"' not in html, path  # repo_url widget
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, path


def test_materials_unused_search_engine_does_not_ship(demo_site):
    """The site searches with its own engine (showcase/search): Material's lunr and its worker (1.2 MB)
    would be dead weight on every copy of the site. Its page script stays."""
    scripts = demo_site / "assets" / "javascripts"
    assert any(scripts.glob("bundle.*.min.js"))
    assert not (scripts / "lunr").exists() and not (scripts / "workers").exists()
