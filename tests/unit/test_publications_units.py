"""The pure pieces of the publications: font choice, the fetcher that refuses anything from outside,
pictures without EXIF, cover lines."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from showcase.publications.booklet import Booklet
from showcase.publications.fonts import FALLBACK, choose
from showcase.publications.pdf import RefusedURL, html_to_pdf, local_path
from showcase.publications.pictures import prepare
from support.pdf import squeeze


def test_an_installed_fangsong_is_picked_by_name():
    fonts = choose({"DejaVu Sans", "仿宋_GB2312", "FangSong", "方正小标宋简体", FALLBACK})
    assert (fonts.body, fonts.title, fonts.title_bold) == ("仿宋_GB2312", "方正小标宋简体", False)
    assert choose({"FangSong", FALLBACK}).body == "FangSong"


def test_without_fangsong_noto_serif_stands_in_with_bold_titles():
    fonts = choose({"DejaVu Sans", FALLBACK})
    assert (fonts.body, fonts.title, fonts.title_bold) == (FALLBACK, FALLBACK, True)
    assert fonts.css_family("title").startswith(f'"{FALLBACK}"')


@pytest.mark.parametrize("url", ["http://example.com/a.png", "https://intranet.example/logo.svg",
                                 "ftp://example.com/x", "file://otherhost/etc/passwd", "data:image/png;base64,AAAA"])
def test_urls_from_outside_are_refused(tmp_path, url):
    with pytest.raises(RefusedURL):
        local_path(url, (tmp_path,))


def test_files_outside_the_project_are_refused(tmp_path):
    inside = tmp_path / "content" / "a.png"
    inside.parent.mkdir()
    inside.write_bytes(b"x")
    assert local_path(inside.as_uri(), (tmp_path / "content",)) == inside.resolve()
    with pytest.raises(RefusedURL):
        local_path(Path("/etc/passwd").as_uri(), (tmp_path / "content",))
    with pytest.raises(RefusedURL):
        local_path((tmp_path / "content" / ".." / "secret.png").as_uri(), (tmp_path / "content",))


def test_a_pdf_with_outside_references_is_made_without_fetching_them(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(tmp_path / "ok.png")
    html = ('<html><head><link rel="stylesheet" href="https://cdn.example.com/x.css">'
            '<style>@import url("http://example.com/y.css"); body { background: url(http://example.com/z.png) }'
            '</style></head><body><p>正文</p><img src="http://example.com/a.png">'
            f'<img src="{(tmp_path / "ok.png").as_uri()}"><img src="file:///etc/hostname"></body></html>')
    refused: list[str] = []
    data = html_to_pdf(html, tmp_path, (tmp_path,), refused)
    assert data.startswith(b"%PDF")
    assert {"https://cdn.example.com/x.css", "http://example.com/y.css", "http://example.com/z.png",
            "http://example.com/a.png", "file:///etc/hostname"} <= set(refused)
    assert not [u for u in refused if u.endswith("ok.png")]
    from pypdf import PdfReader

    images = [x for page in PdfReader(io.BytesIO(data)).pages
              for x in ((page["/Resources"].get("/XObject") or {}).values())
              if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1  # the local picture only


def test_pictures_lose_their_exif_and_stand_upright(tmp_path):
    from PIL import Image

    image = Image.new("RGB", (300, 100), "blue")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to display
    exif[0x8825] = {1: "N", 2: (39.0, 54.0, 0.0)}  # a GPS IFD
    exif[0x010F] = "PhoneMaker"
    image.save(tmp_path / "photo.jpg", exif=exif)
    prepared = prepare(tmp_path / "photo.jpg")
    assert prepared.mime == "image/jpeg" and (prepared.width, prepared.height) == (100, 300)
    out = Image.open(io.BytesIO(prepared.data))
    assert not out.getexif() and b"PhoneMaker" not in prepared.data


def test_broken_pictures_are_left_out(tmp_path):
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    assert prepare(tmp_path / "broken.jpg") is None
    assert prepare(tmp_path / "missing.png") is None


def test_cover_title_breaks_before_the_genre():
    booklet = Booklet(kind="honors", title="2021年度市级机关“红旗党支部”事迹汇编", organization="工委",
                      subject="2021年度市级机关“红旗党支部”", genre="事迹汇编")
    assert booklet.cover_lines == ("2021年度市级机关“红旗党支部”", "事迹汇编")
    assert Booklet(kind="brands", title="品牌汇编", organization="工委").cover_lines == ("品牌汇编",)
    assert squeeze(" 事迹 汇编 ") == "事迹汇编"


def test_the_publications_never_import_mkdocs():
    import subprocess
    import sys

    code = ("import sys, pkgutil, importlib, showcase.publications as p\n"
            "for m in pkgutil.iter_modules(p.__path__): importlib.import_module('showcase.publications.' + m.name)\n"
            "import showcase.cli.printing\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in ('mkdocs', 'material')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
