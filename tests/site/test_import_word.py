"""`showcase import` of Word material: a story with outline headings, a field table, a table and two
photos (one with GPS EXIF) becomes a record `showcase check` passes and the site shows whole."""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from PIL import Image

from support.office import GPS_IFD, photo_bytes, story_docx
from support.sites import build, copy_demo, file_digests, showcase

pytestmark = pytest.mark.slow  # imports into a copy of the demo through the real command

STORY_ID = "rsj-shebao-2024"


def gps_of(path) -> dict:
    with Image.open(path) as image:
        return dict(image.getexif().get_ifd(GPS_IFD))


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    root = tmp_path_factory.mktemp("import-story")
    project = copy_demo(root)
    source = story_docx(root / "事迹材料.docx")
    result = showcase("import", str(source), "--id", STORY_ID, cwd=project)
    return project, result


def test_story_imports_to_a_record_check_passes(story):
    project, result = story
    assert result.returncode == 0, result.stdout + result.stderr
    record = project / "content" / "exemplars" / STORY_ID
    assert sorted(p.name for p in record.iterdir()) == ["index.md", "photo-1.jpg", "photo-2.jpg"]
    checked = showcase("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "检查完成：0 个错误" in checked.stdout


def test_fields_come_from_the_leading_table_and_the_title_style(story):
    project, _ = story
    text = (project / "content" / "exemplars" / STORY_ID / "index.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert front.splitlines() == ["title: 人社暖心 服务为民", "kind: red_flag_branch", "unit: rsj",
                                  "branch: 市人力资源和社会保障局社保经办党支部"]


def test_outline_numbering_becomes_headings_and_lists(story):
    project, _ = story
    body = (project / "content" / "exemplars" / STORY_ID / "index.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert re.findall(r"^#+ .*$", body, re.M) == ["## 建强支部堡垒第1部分", "### 强化政治引领1",
                                                 "## 建强支部堡垒第2部分", "### 强化政治引领2"]
    assert "1. 建立服务台账\n1. 推行首问负责" in body
    assert "支部坚持**“三会一课”**制度，推行党员责任区。" in body  # bold kept, stray full-width space gone
    assert "\u3000" not in body
    assert "| 办件量 | 12.5万件 | 14.1万件 |" in body
    assert '![党员在服务窗口为群众办理业务1](photo-1.jpg "党员在服务窗口为群众办理业务1")' in body
    assert "图：" not in body  # the caption paragraph became the picture's caption


def test_pictures_are_stripped_of_gps_in_content_and_site(story, tmp_path):
    project, _ = story
    # The document's own first picture does carry GPS: otherwise this test proves nothing.
    assert gps_of(__import__("io").BytesIO(photo_bytes(gps=True)))
    record = project / "content" / "exemplars" / STORY_ID
    for photo in ("photo-1.jpg", "photo-2.jpg"):
        assert gps_of(record / photo) == {}
        with Image.open(record / photo) as image:
            assert not image.getexif() and "exif" not in image.info
    site = build(project)
    html = (site / "exemplars" / STORY_ID / "index.html").read_text(encoding="utf-8")
    toc = html[html.index("md-nav--secondary"):]
    toc = toc[:toc.index('class="md-content"')]
    for heading in ("建强支部堡垒第1部分", "强化政治引领1", "建强支部堡垒第2部分", "强化政治引领2"):
        assert heading in toc
    assert "<table>" in html and "14.1万件" in html
    assert re.findall(r"<figcaption[^>]*>(.*?)</figcaption>", html) == ["党员在服务窗口为群众办理业务1",
                                                                       "党员在服务窗口为群众办理业务2"]
    images = [p for p in site.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".webp", ".png")]
    assert images
    for image in images:
        assert gps_of(image) == {}, image


def test_dry_run_lists_the_files_and_writes_nothing(tmp_path):
    project = copy_demo(tmp_path)
    before = file_digests(project / "content")
    source = story_docx(tmp_path / "story.docx")
    result = showcase("import", str(source), "--dry-run", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "将写入（--dry-run，未写入）：" in result.stdout
    assert "content/exemplars/rsj-" in result.stdout and "/index.md" in result.stdout
    assert file_digests(project / "content") == before
    assert not [p for p in (project / "content").iterdir() if p.name.startswith(".import-")]


def test_force_replaces_after_showing_the_diff(tmp_path):
    project = copy_demo(tmp_path)
    first = story_docx(tmp_path / "a.docx")
    assert showcase("import", str(first), "--id", "rsj-force", cwd=project).returncode == 0
    second = story_docx(tmp_path / "b.docx", extra_paragraphs=["支部党员全部完成年度学习任务。"])
    result = showcase("import", str(second), "--id", "rsj-force", "--force", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "+支部党员全部完成年度学习任务。" in result.stdout
    assert result.stdout.index("（原有）") < result.stdout.index("已写入：")
    text = (project / "content" / "exemplars" / "rsj-force" / "index.md").read_text(encoding="utf-8")
    assert text.rstrip().endswith("支部党员全部完成年度学习任务。")


def test_comments_are_dropped_with_a_warning(tmp_path):
    import docx

    project = copy_demo(tmp_path)
    source = story_docx(tmp_path / "c.docx")
    document = docx.Document(str(source))
    paragraph = document.paragraphs[2]
    document.add_comment(paragraph.runs, text="这里的数字请再核实", author="审稿人")
    document.save(source)
    result = showcase("import", str(source), "--id", "rsj-comment", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "c.docx: 警告: 文档含批注（1 条），批注未导入 — 批注里的修改意见请先在 Word 中处理" in result.stdout
    text = (project / "content" / "exemplars" / "rsj-comment" / "index.md").read_text(encoding="utf-8")
    assert "再核实" not in text


def test_doc_through_libreoffice(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice (LibreOffice) is missing in CI: add libreoffice-writer-nogui to .ci/run")
        pytest.skip("LibreOffice (soffice) not installed")
    project = copy_demo(tmp_path)
    source = story_docx(tmp_path / "story.docx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "old"), str(source)],
                   check=True, capture_output=True, timeout=180)
    result = showcase("import", str(tmp_path / "old" / "story.doc"), "--id", "rsj-doc", cwd=project)
    assert result.returncode == 0, result.stdout
    text = (project / "content" / "exemplars" / "rsj-doc" / "index.md").read_text(encoding="utf-8")
    assert "unit: rsj" in text and "## 建强支部堡垒第1部分" in text and "| 办件量 | 12.5万件 | 14.1万件 |" in text
    assert (project / "content" / "exemplars" / "rsj-doc" / "photo-2.jpg").is_file()
