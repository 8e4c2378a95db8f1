"""EMF/WMF pictures without the machine's converters: the blank page LibreOffice draws them on is
trimmed, and with no converter the picture is skipped with a message naming it."""
from __future__ import annotations

import io

import pytest

from showcase.importing.pictures import PictureSkipped, no_converters, prepare_picture, trim_page


def png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_trim_page_keeps_only_the_drawing():
    from PIL import Image

    page = Image.new("RGB", (794, 1123), (255, 255, 255))
    page.paste((200, 30, 30), (300, 500, 480, 600))
    with Image.open(io.BytesIO(trim_page(png(page)))) as trimmed:
        assert trimmed.size == (180, 100)
        assert trimmed.convert("RGB").getpixel((90, 50)) == (200, 30, 30)


def test_trim_page_leaves_a_full_picture_alone():
    from PIL import Image

    data = png(Image.new("RGB", (64, 48), (10, 120, 10)))
    assert trim_page(data) == data


@pytest.mark.parametrize("name", ["chart1.emf", "图表2.WMF"])
def test_no_converter_skips_the_picture_by_name(name):
    with pytest.raises(PictureSkipped) as skipped:
        prepare_picture(name, b"\x01\x00\x00\x00" + b"\x00" * 84, 1, no_converters)
    assert skipped.value.message == f"文档中的图片 {name} 是 EMF/WMF 矢量图，本机无法转换，未导入"
    assert "libreoffice-draw-nogui" in skipped.value.hint
