"""Images through the real `showcase` command: what reaches site/, what never does, the cache, and
the messages an editor gets for bad images (with file:line)."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from showcase.images.probe import IMAGE_SUFFIXES, probe_file
from showcase.images.variants import OUTPUT_DIR, WEBP_QUALITY, variant_key
from support import image_factory as make
from support.image_project import add_front_matter, image_project
from support.sites import build, copy_fixture, showcase

pytestmark = pytest.mark.slow  # builds with real photos to process


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return image_project(tmp_path_factory.mktemp("images"))


@pytest.fixture(scope="module")
def site(project) -> Path:
    return build(project)


def site_images(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)


def test_no_raw_original_reaches_the_site_but_attachments_do(site):
    for path in site_images(site):
        rel = path.relative_to(site).as_posix()
        assert rel.startswith((OUTPUT_DIR + "/", "assets/images/favicon", "assets/images/")), rel
        assert not rel.startswith("brands/") and not rel.startswith("exemplars/"), rel
    names = {p.name for p in site.rglob("*")}
    assert not names & {"logo.png", "g1.jpg", "g2.jpg", "g3.png", "body.jpg", "unused.jpg", "li.jpg", "logo.jpg",
                        "team.jpg"}
    assert (site / "brands" / "alpha" / "material.pdf").read_bytes().startswith(b"%PDF")


def test_no_output_image_holds_exif_gps_or_camera_data(site):
    outputs = list((site / OUTPUT_DIR).iterdir())
    assert len(outputs) > 20
    for path in outputs:
        assert make.has_metadata(path.read_bytes()) == [], path.name


def test_every_image_url_in_every_page_resolves_relative_to_the_page(site):
    checked = 0
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        urls = re.findall(r'<(?:img|source)[^>]*?\s(?:src|srcset)="([^"]+)"', text)
        urls += re.findall(r'<a[^>]*data-sc-lightbox[^>]*>', text) and re.findall(r'href="([^"]+)"[^>]*data-sc-lightbox', text)
        for value in urls:
            for candidate in value.split(","):
                url = candidate.strip().split(" ")[0]
                if not url or url.startswith(("data:", "#")) or "assets/images/content/" not in url:
                    continue
                assert not url.startswith(("/", "http")), (html, url)
                target = (html.parent / unquote(url)).resolve()
                assert target.is_file(), (html.relative_to(site), url)
                checked += 1
    assert checked > 30


def test_brand_page_shows_logo_gallery_and_captioned_body_image(site):
    html = (site / "brands" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert html.count("data-sc-lightbox") == 3
    assert re.search(r'<figure class="sc-figure"><picture[^>]*>.*?</picture><figcaption>2024年活动现场</figcaption>', html)
    # The logo has transparency: PNG fallback, never cropped.
    assert re.search(r'<img src="[^"]+\.png"[^>]*alt="文旅红标识"', html) or ".png" in html
    for attribute in ('loading="lazy"', 'decoding="async"', 'type="image/webp"'):
        assert attribute in html
    assert re.search(r'<img [^>]*width="\d+" height="\d+"', html)
    sub = (site / "brands" / "alpha-sub" / "index.html").read_text(encoding="utf-8")
    assert "sc-cover" in sub and "cover-" in sub  # no logo: a generated cover


def test_logos_are_never_cropped_even_on_cards(site):
    pngs = []  # the logo is the only image with transparency: its fallback is PNG
    for page in ("brands/index.html", "brands/alpha/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        pngs += re.findall(r'<img src="[^"]+\.png"[^>]*width="(\d+)" height="(\d+)"', html)
    assert pngs and all(w == h for w, h in pngs), pngs


def test_plain_pages_images_go_through_the_pipeline(site):
    html = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<picture class="sc-picture sc-content-image"><source type="image/webp" '
                     r'srcset="\.\./assets/images/content/', html)
    assert 'alt="工作组合影"' in html and "team.jpg" not in html


def test_left_out_records_images_are_never_written(project, site, tmp_path):
    digest = probe_file(project / "content" / "brands" / "secret" / "logo.jpg").digest
    webp_key = variant_key(digest, None, "webp", WEBP_QUALITY)
    assert not [p for p in (site / OUTPUT_DIR).iterdir() if p.name.startswith(webp_key)]
    preview = build(project, "--drafts", site_dir=tmp_path / "preview")
    assert [p for p in (preview / OUTPUT_DIR).iterdir() if p.name.startswith(webp_key)]


def test_second_build_makes_nothing_and_an_edited_photo_is_redone(project, site, tmp_path):
    again = showcase("build", "-d", str(tmp_path / "again"), cwd=project, check=True)
    assert "新处理 0 个文件" in again.stderr + again.stdout
    assert sorted(p.name for p in (site / OUTPUT_DIR).iterdir()) == \
        sorted(p.name for p in (tmp_path / "again" / OUTPUT_DIR).iterdir())
    make.phone_photo(project / "content" / "brands" / "alpha" / "g2.jpg", size=(2000, 1500), orientation=1,
                     color=(40, 120, 40))
    try:
        changed = showcase("build", "-d", str(tmp_path / "changed"), cwd=project, check=True)
        made = int(re.search(r"新处理 (\d+) 个文件", changed.stderr + changed.stdout).group(1))
        assert 0 < made <= 8  # only g2's variants (gallery thumbnails + large views)
    finally:
        make.phone_photo(project / "content" / "brands" / "alpha" / "g2.jpg", size=(2000, 1500), orientation=1,
                         color=(120, 40, 40))
    assert (project / ".cache" / "showcase-images").is_dir()


# ---- bad images ---------------------------------------------------------------------------------

@pytest.fixture
def bad_project(tmp_path) -> Path:
    project = copy_fixture("basic", tmp_path)
    alpha = project / "content" / "brands" / "alpha"
    make.truncated_jpeg(alpha / "logo.jpg")
    make.bomb_png(alpha / "huge.png")
    make.svg(alpha / "evil.svg", make.SCRIPT_SVG)
    make.corrupt_file(alpha / "broken.png")
    make.animated_gif(alpha / "anim.gif")
    add_front_matter(alpha / "index.md", "logo: logo.jpg\ngallery:\n  - {src: huge.png}\n  - {src: evil.svg}\n")
    with (alpha / "index.md").open("a", encoding="utf-8") as out:
        out.write("\n\n![缺](missing.jpg)\n\n![坏](broken.png)\n\n![外](http://example.com/a.jpg)\n\n![动](anim.gif)\n"
                  '\n<p><img src="raw.jpg" alt="HTML"></p>\n')
    return project


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_check_reports_every_bad_image_with_file_and_line(bad_project):
    result = showcase("check", cwd=bad_project)
    assert result.returncode == 1
    out = result.stdout
    index = bad_project / "content" / "brands" / "alpha" / "index.md"
    where = "content/brands/alpha/index.md"
    expected = [
        (line_of(index, "logo: logo.jpg"), "错误: 图片 logo.jpg 不完整"),
        (line_of(index, "huge.png"), "错误: 图片 huge.png 像素过多"),
        (line_of(index, "evil.svg"), "错误: SVG 图片 evil.svg 被拒绝"),
        (line_of(index, "missing.jpg"), "错误: 找不到图片 missing.jpg"),
        (line_of(index, "broken.png"), "错误: 图片 broken.png 已损坏"),
        (line_of(index, "example.com"), "错误: 不能引用站外图片"),
        (line_of(index, "anim.gif"), "警告: anim.gif 是动图"),
        (line_of(index, "raw.jpg"), "错误: 正文用 HTML 写了图片"),
    ]
    for line, message in expected:
        assert f"{where}:{line}: {message}" in out, (line, message, out)


def test_build_with_bad_images_fails_and_writes_no_site(bad_project):
    result = showcase("build", cwd=bad_project)
    assert result.returncode == 1
    assert "content/brands/alpha/index.md:" in result.stderr and "不完整" in result.stderr
    assert not (bad_project / "site").exists()
