"""Bad input to `showcase import` — a corrupt file, an unknown unit, a duplicate id, a PII number, a
missing title, an old-format file in disguise — each gives its exact Chinese message, exits 1 and
leaves the content tree exactly as it was."""
from __future__ import annotations

import pytest

from support.office import story_docx
from support.sites import copy_demo, file_digests, showcase

pytestmark = pytest.mark.slow  # imports into a copy of the demo through the real command


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_demo(tmp_path_factory.mktemp("import-errors"))


def refused(project, *args) -> str:
    before = file_digests(project / "content")
    result = showcase("import", *args, cwd=project)
    assert result.returncode == 1, result.stdout
    assert file_digests(project / "content") == before
    assert not [p for p in (project / "content").iterdir() if p.name.startswith(".import-")]
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("未写入任何文件。")
    return result.stdout


def test_corrupt_file(project, tmp_path):
    source = story_docx(tmp_path / "坏文件.docx")
    data = source.read_bytes()
    source.write_bytes(data[: len(data) // 2])  # a download cut off halfway
    out = refused(project, str(source))
    assert f"{source}: 错误: 文件已损坏或不是 Word/Excel 文件，无法读取 — 用 WPS/Word 打开确认文件完好，另存为 .docx 后再导入" in out


def test_old_format_with_a_new_name(project, tmp_path):
    source = tmp_path / "old.xlsx"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    out = refused(project, str(source))
    assert f"{source}: 错误: 文件实际是旧版格式，扩展名却是 .xlsx — 在 WPS/Excel 中另存为 .xlsx 再导入" in out


def test_unknown_unit(project, tmp_path):
    source = story_docx(tmp_path / "unit.docx", fields=[("单位", "市人设局"), ("荣誉称号", "红旗党支部")])
    out = refused(project, str(source))
    assert (f"{source}:2: 错误: 单位“市人设局”不在 units.yml 中 — 最接近的是：市人社局（rsj）") in out


def test_duplicate_id(project, tmp_path):
    source = story_docx(tmp_path / "dup.docx")
    out = refused(project, str(source), "--id", "rf-rsj-shebao")
    assert ("content/exemplars/rf-rsj-shebao: 错误: 标识 rf-rsj-shebao 已有记录，未覆盖（导入 dup.docx） — "
            "用 --id 换一个标识，或加 --force 替换（会先显示差异）") in out


def test_pii_number_is_reported_on_its_line(project, tmp_path):
    source = story_docx(tmp_path / "pii.docx", extra_paragraphs=["联系电话：13812345678。"])
    out = refused(project, str(source), "--id", "rsj-pii")
    assert ("content/exemplars/rsj-pii/index.md:41: 错误: 疑似手机号 138****5678，不能公开发布 — 删除或打码"
            "（如 138****1234）；确需公开的号码（如服务热线）在本记录的 allow 中写明 match 和 reason") in out


def test_pii_masked_on_request(tmp_path):
    project = copy_demo(tmp_path)
    source = story_docx(tmp_path / "pii.docx", extra_paragraphs=["联系电话：13812345678。"])
    result = showcase("import", str(source), "--id", "rsj-pii", "--mask-pii", cwd=project)
    assert result.returncode == 0, result.stdout
    text = (project / "content" / "exemplars" / "rsj-pii" / "index.md").read_text(encoding="utf-8")
    assert "13812345678" not in text and "联系电话：138\\*\\*\\*\\*5678。" in text
    assert showcase("check", cwd=project).returncode == 0


def test_missing_title(project, tmp_path):
    source = story_docx(tmp_path / "notitle.docx", with_title=False)
    out = refused(project, str(source))
    assert (f"{source}:1: 错误: 没有找到标题 — 在 Word 中把标题设为“标题”或“标题 1”样式，或在开头写一行“标题：……”，"
            "或用 --title 指定") in out


def test_one_bad_file_keeps_the_good_one_out_too(project, tmp_path):
    good = story_docx(tmp_path / "good.docx")
    bad = story_docx(tmp_path / "bad.docx", with_title=False)
    out = refused(project, str(good), str(bad))
    assert "bad.docx:1: 错误: 没有找到标题" in out
