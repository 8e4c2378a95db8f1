"""The image pipeline without MkDocs: probe, planning, processing, cache, covers, SVG safety.

Every input is made here (tests/support/image_factory.py); outputs are opened and inspected.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from showcase.mkdocs.speed.processes import SHARED
from showcase.content.problems import Problems
from showcase.images import ImageCatalog, ImageSettings
from showcase.images import fonts as fonts_module
from showcase.images.cache import ImageCache
from showcase.images.covers import missing_glyphs
from showcase.images.fonts import find_cjk_font
from showcase.images.page import PageImages
from showcase.images.probe import probe_file
from showcase.images.refs import markdown_refs
from showcase.images.safety import inspect_svg
from showcase.images.variants import OUTPUT_DIR, centre_crop, plan_rendition, widths_for
from showcase.pages.render import make_environment
from support import image_factory as make

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path):
    content = tmp_path / "content"
    (content / "brands" / "b").mkdir(parents=True)
    return tmp_path


def catalog_for(project: Path, **settings) -> ImageCatalog:
    env = make_environment(REPO / "theme" / "showcase")
    return ImageCatalog(project / "content", ImageSettings(cache_dir=project / ".cache" / "img", **settings),
                        Problems(), env)


def made(catalog: ImageCatalog, site: Path) -> dict[str, bytes]:
    catalog.write_images(site)
    return {p.name: p.read_bytes() for p in (site / OUTPUT_DIR).iterdir()}


def rendition(catalog, project, name, purpose="content"):
    folder = project / "content" / "brands" / "b"
    return catalog.rendition(folder, name, purpose, (folder / "index.md", 7))


# ---- planning ----------------------------------------------------------------------------------

def test_widths_are_never_upscaled():
    assert widths_for((480, 960, 1600), 4000) == [480, 960, 1600]
    assert widths_for((480, 960, 1600), 1200) == [480, 960, 1200]
    assert widths_for((480, 960, 1600), 500) == [500]  # 480 is within 10% of the natural width
    assert widths_for((480, 960, 1600), 300) == [300]


def test_centre_crop_keeps_the_middle_at_the_card_aspect():
    assert centre_crop(4000, 3000, (4, 3)) is None
    assert centre_crop(4000, 2000, (4, 3)) == (666, 0, 3333, 2000)
    left, top, right, bottom = centre_crop(3000, 4000, (4, 3))
    assert (left, right) == (0, 3000) and top == 4000 - bottom and (right - left) * 3 == (bottom - top) * 4


def test_names_change_with_content_and_settings_but_not_between_runs():
    a = plan_rendition("a" * 64, 2000, 1500, False, "content")
    assert a == plan_rendition("a" * 64, 2000, 1500, False, "content")
    b = plan_rendition("b" * 64, 2000, 1500, False, "content")
    assert not {v.name for v in a.variants} & {v.name for v in b.variants}
    card = plan_rendition("a" * 64, 2000, 1000, False, "card")  # cropped: other pixels, other names
    assert not {v.name for v in card.variants} & {v.name for v in a.variants}
    assert [v.format for v in plan_rendition("a" * 64, 500, 500, True, "logo").fallback] == ["png"] * 3


def test_markdown_refs_have_lines_and_skip_code():
    text = "正文\n\n![图一](a.jpg \"图注\")\n```\n![不是图](code.jpg)\n```\n文字 ![二](<b c.png>) 尾"
    refs = markdown_refs(text, first_line=10)
    assert [(r.src, r.line, r.alt, r.title) for r in refs] == [("a.jpg", 12, "图一", "图注"), ("b c.png", 16, "二", "")]


# ---- probing bad and unusual files ------------------------------------------------------------------

@pytest.mark.parametrize("factory, suffix, issue", [
    (make.truncated_jpeg, ".jpg", "truncated"),
    (make.corrupt_file, ".jpg", "corrupt"),
    (make.bomb_png, ".png", "bomb"),
    (make.animated_gif, ".gif", "animated"),
])
def test_probe_names_what_is_wrong(tmp_path, factory, suffix, issue):
    found = probe_file(factory(tmp_path / f"x{suffix}"))
    assert found.issue == issue
    assert found.ok == (issue == "animated")  # an animated GIF ships (first frame), the rest refuse


def test_probe_reports_a_missing_file(tmp_path):
    assert probe_file(tmp_path / "nope.jpg").issue == "missing"


def test_probe_size_is_after_exif_rotation(tmp_path):
    found = probe_file(make.phone_photo(tmp_path / "p.jpg", size=(800, 600), orientation=6))
    assert (found.width, found.height) == (600, 800) and found.issue == ""


def test_probe_is_cached_by_file_identity(tmp_path):
    cache = ImageCache(tmp_path / "cache")
    path = make.alpha_png(tmp_path / "a.png")
    first = probe_file(path, cache=cache)
    assert probe_file(path, cache=cache, compute=False) == first
    make.opaque_rgba_png(path)  # changed file: new size/mtime → not found in the cache
    assert probe_file(path, cache=cache, compute=False) is None


def test_svg_scripts_are_refused_and_plain_drawings_pass():
    assert inspect_svg(make.SAFE_SVG.encode()).refusal is None
    assert (inspect_svg(make.SAFE_SVG.encode()).width, inspect_svg(make.SAFE_SVG.encode()).height) == (120, 60)
    assert "script" in inspect_svg(make.SCRIPT_SVG.encode()).refusal
    assert "onload" in inspect_svg(make.HANDLER_SVG.encode()).refusal
    assert inspect_svg(b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://x.example/a.png"/></svg>').refusal
    assert inspect_svg(b'<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>').refusal


# ---- processing ---------------------------------------------------------------------------------

def test_phone_photo_is_upright_resized_and_stripped_of_every_metadata(project):
    folder = project / "content" / "brands" / "b"
    make.phone_photo(folder / "p.jpg", size=(2400, 1800), orientation=6)
    catalog = catalog_for(project)
    r = rendition(catalog, project, "p.jpg")
    assert (r.width, r.height) == (1600, 2133)  # stored 2400×1800 + Orientation 6 = 1800×2400 upright
    outputs = made(catalog, project / "site")
    assert sorted(v.width for v in r.fallback) == [480, 960, 1600]
    for variant in r.variants:
        data = outputs[variant.name]
        assert make.has_metadata(data) == [], variant.name
        image = Image.open(io.BytesIO(data))
        assert image.size == (variant.width, variant.height)
        assert image.height > image.width  # stored landscape + Orientation 6 → shown portrait
        # Orientation 6 turns the stored top-left corner to the top-right.
        top_right = image.getpixel((image.width - 8, 8))[:3]
        top_left = image.getpixel((8, 8))[:3]
        assert top_right[0] > 200 and top_right[1] < 60, (variant.name, top_right)
        assert top_left[0] < 120, (variant.name, top_left)
    assert {v.format for v in r.variants} == {"webp", "jpeg"}


def test_embedded_icc_profile_is_converted_to_srgb(project):
    folder = project / "content" / "brands" / "b"
    # Stored as "red" in a profile whose first channel is green: it must come out green.
    make.phone_photo(folder / "icc.jpg", size=(600, 400), orientation=1, gps=False, color=(200, 0, 0),
                     icc=make.swapped_primaries_icc())
    catalog = catalog_for(project)
    r = rendition(catalog, project, "icc.jpg")
    outputs = made(catalog, project / "site")
    image = Image.open(io.BytesIO(outputs[r.largest.name])).convert("RGB")
    red, green, _ = image.getpixel((image.width - 20, image.height - 20))
    assert green > 120 and red < 80, (red, green)
    assert "icc_profile" not in Image.open(io.BytesIO(outputs[r.largest.name])).info


def test_cmyk_16bit_and_alpha_come_out_right(project):
    folder = project / "content" / "brands" / "b"
    make.cmyk_jpeg(folder / "cmyk.jpg")
    make.png16(folder / "deep.png", value=0x8000)
    make.alpha_png(folder / "logo.png")
    make.opaque_rgba_png(folder / "opaque.png")
    catalog = catalog_for(project)
    cmyk, deep = rendition(catalog, project, "cmyk.jpg"), rendition(catalog, project, "deep.png")
    logo, opaque = rendition(catalog, project, "logo.png", "logo"), rendition(catalog, project, "opaque.png", "logo")
    outputs = made(catalog, project / "site")
    red = Image.open(io.BytesIO(outputs[cmyk.largest.name]))
    assert red.mode == "RGB"
    r, g, b = red.getpixel((10, 10))
    assert r > 200 and g < 60 and b < 60
    grey = Image.open(io.BytesIO(outputs[deep.largest.name])).convert("L").getpixel((5, 5))
    assert 110 < grey < 145  # half of 16-bit full scale, not clipped to white
    assert logo.largest.format == "png" and opaque.largest.format == "jpeg"
    png = Image.open(io.BytesIO(outputs[logo.largest.name]))
    assert png.mode == "RGBA" and png.getpixel((0, 0))[3] == 0  # transparent corner kept
    webp = Image.open(io.BytesIO(outputs[logo.webp[-1].name]))
    assert webp.mode == "RGBA" and webp.getpixel((0, 0))[3] == 0


def test_animated_gif_ships_its_first_frame_with_a_warning(project):
    folder = project / "content" / "brands" / "b"
    make.animated_gif(folder / "anim.gif")
    catalog = catalog_for(project)
    r = rendition(catalog, project, "anim.gif")
    outputs = made(catalog, project / "site")
    first = Image.open(io.BytesIO(outputs[r.largest.name])).convert("RGB").getpixel((60, 45))
    assert first[0] > 200 and first[1] < 60
    assert [p.level for p in catalog.problems.items] == ["警告"]
    assert "第一帧" in catalog.problems.items[0].message and catalog.problems.items[0].line == 7


def test_heic_is_converted(project):
    pytest.importorskip("pillow_heif")
    folder = project / "content" / "brands" / "b"
    make.heic(folder / "iphone.heic")
    catalog = catalog_for(project)
    r = rendition(catalog, project, "iphone.heic")
    outputs = made(catalog, project / "site")
    assert Image.open(io.BytesIO(outputs[r.largest.name])).format == "JPEG" and r.width == 320


def test_card_thumbnails_are_centre_cropped_but_logos_never(project):
    folder = project / "content" / "brands" / "b"
    image = Image.new("RGB", (1600, 600), (0, 0, 255))
    image.paste((255, 0, 0), (380, 0, 1220, 600))  # red middle (the 4:3 crop is 400…1200), blue sides
    image.save(folder / "wide.jpg", quality=95)
    catalog = catalog_for(project)
    card = rendition(catalog, project, "wide.jpg", "card")
    whole = catalog.rendition(folder, "wide.jpg", "card", (folder / "index.md", 1), whole=True)
    outputs = made(catalog, project / "site")
    thumb = Image.open(io.BytesIO(outputs[card.largest.name])).convert("RGB")
    assert thumb.width * 3 == thumb.height * 4 and thumb.width == 640
    assert thumb.getpixel((5, 5))[0] > 200 and thumb.getpixel((thumb.width - 5, 5))[0] > 200  # only the red middle
    assert (whole.width, whole.height) == (640, 240)


def test_svg_logo_ships_as_is_and_scripted_svg_is_an_error(project):
    folder = project / "content" / "brands" / "b"
    make.svg(folder / "logo.svg")
    make.svg(folder / "evil.svg", make.SCRIPT_SVG)
    catalog = catalog_for(project)
    good = rendition(catalog, project, "logo.svg", "logo")
    assert rendition(catalog, project, "evil.svg", "logo") is None
    outputs = made(catalog, project / "site")
    assert outputs[good.largest.name] == make.SAFE_SVG.encode()
    assert [p.level for p in catalog.problems.items] == ["错误"] and "script" in catalog.problems.items[0].message


@pytest.mark.parametrize("src, message", [
    ("nope.jpg", "找不到图片"),
    ("http://example.com/a.jpg", "站外图片"),
    ("../../../outside.jpg", "不在内容目录内"),
])
def test_unusable_references_are_errors_with_file_and_line(project, src, message):
    make.alpha_png(project / "outside.jpg")
    catalog = catalog_for(project)
    assert rendition(catalog, project, src) is None
    [problem] = catalog.problems.items
    assert problem.level == "错误" and message in problem.message and problem.line == 7
    assert problem.path.endswith("brands/b/index.md")


def test_second_build_takes_everything_from_the_cache_and_a_changed_image_is_redone(project):
    folder = project / "content" / "brands" / "b"
    make.phone_photo(folder / "a.jpg", size=(1200, 900), orientation=1)
    make.phone_photo(folder / "b.jpg", size=(1200, 900), orientation=1, color=(10, 150, 20))
    first = catalog_for(project)
    rendition(first, project, "a.jpg"), rendition(first, project, "b.jpg")
    stats = first.write_images(project / "site1")
    assert stats.made == 12 and stats.files == 12  # 2 photos × 3 widths × (WebP + JPEG)
    again = catalog_for(project)
    rendition(again, project, "a.jpg"), rendition(again, project, "b.jpg")
    stats = again.write_images(project / "site2")
    assert stats.made == 0 and stats.files == 12
    assert sorted(p.name for p in (project / "site1" / OUTPUT_DIR).iterdir()) == \
        sorted(p.name for p in (project / "site2" / OUTPUT_DIR).iterdir())
    make.phone_photo(folder / "b.jpg", size=(1200, 900), orientation=1, color=(150, 150, 20))  # edited
    changed = catalog_for(project)
    rendition(changed, project, "a.jpg"), rendition(changed, project, "b.jpg")
    assert changed.write_images(project / "site3").made == 6


def test_work_is_spread_over_worker_processes(project, monkeypatch):
    folder = project / "content" / "brands" / "b"
    for i in range(4):
        make.phone_photo(folder / f"{i}.jpg", size=(1200, 900), orientation=1, color=(20 * i, 90, 160))
    catalog = catalog_for(project, workers=2, run=SHARED)  # the adapter's pool, as the plugin hands it
    for i in range(4):
        rendition(catalog, project, f"{i}.jpg")
    stats = catalog.write_images(project / "site")
    assert stats.made == 4 * 6 and len(list((project / "site" / OUTPUT_DIR).iterdir())) == 24


# ---- covers ---------------------------------------------------------------------------------------

def test_cover_draws_the_name_with_a_cjk_font(project):
    font = find_cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    assert missing_glyphs("党建品牌文旅红", font) == ""
    catalog = catalog_for(project)
    with_text = catalog.cover("党建品牌文旅红", "", "brand:a", "card", (project / "x.md", 1))
    blank = catalog.cover("", "", "brand:a", "card", (project / "x.md", 1))
    outputs = made(catalog, project / "site")
    drawn = Image.open(io.BytesIO(outputs[with_text.largest.name])).convert("L")
    empty = Image.open(io.BytesIO(outputs[blank.largest.name])).convert("L")
    assert drawn.size == (640, 480)
    # White text pixels exist only where the name is drawn.
    assert sum(1 for v in drawn.tobytes() if v > 240) > 2000
    assert sum(1 for v in empty.tobytes() if v > 240) < 200
    assert catalog.problems.items == []


def test_without_a_cjk_font_covers_have_no_text_and_one_warning(project, monkeypatch):
    monkeypatch.setattr(fonts_module, "_fontconfig_candidates", lambda: iter(()))
    monkeypatch.setattr(fonts_module, "KNOWN_PATHS", ())
    import showcase.images.catalog as catalog_module

    monkeypatch.setattr(catalog_module, "find_cjk_font", fonts_module.find_cjk_font)
    catalog = catalog_for(project)
    first = catalog.cover("文旅红", "", "brand:a", "card", (project / "a.md", 2))
    catalog.cover("红管家", "", "brand:b", "card", (project / "b.md", 2))
    assert [p.level for p in catalog.problems.items] == ["警告"]
    assert "fonts-noto-cjk" in catalog.problems.items[0].hint
    outputs = made(catalog, project / "site")
    assert Image.open(io.BytesIO(outputs[first.largest.name])).size == (640, 480)


def test_a_character_missing_from_the_font_gives_a_textless_cover_not_tofu(project):
    if find_cjk_font() is None:
        pytest.skip("no CJK font installed")
    catalog = catalog_for(project)
    r = catalog.cover("红\U000F0001", "", "brand:a", "card", (project / "a.md", 3))
    assert [p.level for p in catalog.problems.items] == ["警告"]
    spec = next(iter(catalog.covers.values())).spec
    assert spec.title == "" and r.largest.name.startswith("cover-")


# ---- markup -------------------------------------------------------------------------------------

def test_picture_markup_is_relative_to_the_page_and_complete(project):
    folder = project / "content" / "brands" / "b"
    make.phone_photo(folder / "p.jpg", size=(2000, 1500), orientation=1)
    catalog = catalog_for(project)
    page = PageImages(catalog, catalog.env, "brands/b/index.md", folder)
    html = page.picture(None, "p.jpg", "content", alt="活动<现场>")
    assert html.startswith('<picture class="sc-picture ">') and "\n" not in html
    assert 'type="image/webp"' in html and 'loading="lazy"' in html and 'decoding="async"' in html
    assert 'width="1600" height="1200"' in html and 'alt="活动&lt;现场&gt;"' in html
    assert 'srcset="../../assets/images/content/' in html and ' 480w, ' in html
    home = PageImages(catalog, catalog.env, "index.md", folder)
    assert 'src="assets/images/content/' in home.picture(None, "p.jpg")
    assert page.picture(None, None) == "" and page.picture(None, "") == ""
    assert page.image_url(None, "p.jpg").startswith("../../assets/images/content/")
    assert page.image_url(None, "p.jpg").endswith("-1600.jpg")


def test_check_probes_many_new_images_in_parallel_and_then_from_the_cache(tmp_path):
    from showcase.images.check import PARALLEL_FROM, probe_many

    paths = [make.phone_photo(tmp_path / f"{i}.jpg", size=(320, 240), orientation=1) for i in range(PARALLEL_FROM)]
    paths.append(make.truncated_jpeg(tmp_path / "bad.jpg"))
    found = probe_many(paths, tmp_path / "cache", workers=2, run=SHARED)
    assert [found[p].issue for p in paths] == [""] * PARALLEL_FROM + ["truncated"]
    cache = ImageCache(tmp_path / "cache")
    assert all(probe_file(p, cache=cache, compute=False) == found[p] for p in paths)
