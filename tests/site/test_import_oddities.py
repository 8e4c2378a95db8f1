"""Files as they really arrive at `showcase import`: a password-protected .docx, EMF/WMF pictures,
Word's own Chinese automatic numbering, and WPS's extensions to the .docx XML — each made by the test
from a python-docx file (encrypted with msoffcrypto, pictures written by LibreOffice)."""
from __future__ import annotations

import io

import pytest

from support import require
from support.metafiles import docx_with_metafile, emf_bytes, wmf_bytes
from support.office import story_docx
from support.word_numbering import numbered_story_docx
from support.wps import wps_like
from support.sites import copy_demo, file_digests, showcase

pytestmark = pytest.mark.slow  # imports into a copy of the demo through the real command


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_demo(tmp_path_factory.mktemp("import-oddities"))


def test_password_protected_docx_is_refused_and_nothing_written(project, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = story_docx(tmp_path / "plain.docx")
    source = tmp_path / "加密材料.docx"
    with plain.open("rb") as given, source.open("wb") as encrypted:
        OOXMLFile(given).encrypt("123456", encrypted)
    before = file_digests(project / "content")
    result = showcase("import", str(source), cwd=project)
    assert result.returncode == 1, result.stdout
    assert (f"{source}: 错误: 文件有密码保护，无法读取 — 在 WPS/Word/Excel 中去掉打开密码"
            "（文件 → 加密/保护）后另存为 .docx 再导入") in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert file_digests(project / "content") == before
    assert not [p for p in (project / "content").iterdir() if p.name.startswith(".import-")]


METAFILES = {"emf": emf_bytes(color=(200, 30, 30)), "wmf": wmf_bytes(color=(30, 30, 200))}


def need_vector_converter(data: bytes, suffix: str) -> None:
    from showcase.importing.pictures import PictureSkipped, vector_to_png

    try:
        vector_to_png(f"probe.{suffix}", data)
    except PictureSkipped:
        require("no EMF/WMF converter: .ci/run installs libreoffice-draw-nogui (soffice's Draw filters)")


@pytest.mark.parametrize("suffix", ["emf", "wmf"])
def test_metafile_picture_is_converted_to_png(project, tmp_path, suffix):
    from PIL import Image

    need_vector_converter(METAFILES[suffix], suffix)
    source = docx_with_metafile(tmp_path / f"流程图-{suffix}.docx", METAFILES[suffix], suffix)
    result = showcase("import", str(source), "--id", f"rsj-chart-{suffix}", cwd=project)
    assert result.returncode == 0, result.stdout
    folder = project / "content" / "exemplars" / f"rsj-chart-{suffix}"
    text = (folder / "index.md").read_text(encoding="utf-8")
    picture = next(folder.glob("photo-1.*"))
    assert f"]({picture.name}" in text and "支部活动流程图" in text
    assert "EMF/WMF" not in result.stdout
    with Image.open(picture) as image:
        rgb = image.convert("RGB")
        # the drawing itself, not an A4 page with the drawing somewhere on it
        assert rgb.width < 400 and rgb.height < 300, rgb.size
        expected = (200, 30, 30) if suffix == "emf" else (30, 30, 200)
        centre = rgb.getpixel((rgb.width // 2, rgb.height // 2))
        assert all(abs(a - b) <= 4 for a, b in zip(centre, expected)), centre  # JPEG-encoded


def test_metafile_without_converter_is_a_warning_naming_the_picture(project, tmp_path):
    from showcase.importing.context import Options
    from showcase.importing.pictures import no_converters
    from showcase.importing.run import import_files

    source = docx_with_metafile(tmp_path / "无转换器.docx", METAFILES["emf"])
    out = io.StringIO()
    code = import_files([str(source)], project / "content", Options(record_id="rsj-chart-none",
                        vector_converters=no_converters), force=False, dry_run=False, out=out)
    report = out.getvalue()
    assert code == 0, report
    assert ("警告: 文档中的图片 chart1.emf 是 EMF/WMF 矢量图，本机无法转换，未导入 — 安装 libreoffice-draw-nogui "
            "或 imagemagick 后重新导入，或在 Word 中把图片另存为 PNG 再插入") in report
    folder = project / "content" / "exemplars" / "rsj-chart-none"
    assert not list(folder.glob("photo-*"))
    assert "流程再造后，平均办理时间缩短一半。" in (folder / "index.md").read_text(encoding="utf-8")


OUTLINE_BODY = """支部有党员24名。

## 建强支部堡垒

### 强化政治引领

支部每月开展一次主题党日。

①建立服务台账

②推行首问负责

## 优化经办服务

### 推行一窗通办

群众办事只进一扇门。

## 打造服务品牌

形成“人社暖心”品牌。
"""


@pytest.mark.parametrize("top", [("chineseCounting", "%1、"), ("ideographTraditional", "%1、"),
                                 ("chineseCountingThousand", "%1．")])
def test_word_automatic_chinese_numbering_is_the_outline(project, tmp_path, top):
    source = numbered_story_docx(tmp_path / f"编号-{top[0]}.docx", top)
    record_id = f"rsj-numbered-{top[0].lower()}"
    result = showcase("import", str(source), "--id", record_id, cwd=project)
    assert result.returncode == 0, result.stdout
    text = (project / "content" / "exemplars" / record_id / "index.md").read_text(encoding="utf-8")
    assert text.split("---\n", 2)[2].strip() == OUTLINE_BODY.strip()


def test_wps_made_docx_keeps_text_and_pictures(project, tmp_path):
    from PIL import Image

    plain = story_docx(tmp_path / "plain.docx")
    source = wps_like(plain, tmp_path / "WPS材料.docx")
    imported = {}
    for name, path in (("rsj-wps-plain", plain), ("rsj-wps", source)):
        result = showcase("import", str(path), "--id", name, cwd=project)
        assert result.returncode == 0, result.stdout
        imported[name] = project / "content" / "exemplars" / name
    text = (imported["rsj-wps"] / "index.md").read_text(encoding="utf-8")
    assert text == (imported["rsj-wps-plain"] / "index.md").read_text(encoding="utf-8")
    assert "支部坚持**“三会一课”**制度，推行党员责任区。" in text and "## 建强支部堡垒第1部分" in text
    photos = sorted(p.name for p in imported["rsj-wps"].glob("photo-*"))
    assert photos == ["photo-1.jpg", "photo-2.jpg"]  # each picture once: the choice, not also the fallback
    for photo in photos:
        assert f"]({photo}" in text
        with Image.open(imported["rsj-wps"] / photo) as image:
            assert not image.getexif() and "exif" not in image.info
