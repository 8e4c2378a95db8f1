"""Each record kind from Word: a brand, a brand exemplar (its brand found by name), a five-star member
(the person's photo left for consent), each passing `showcase check` as imported."""
from __future__ import annotations

import pytest

from support.office import story_docx
from support.sites import copy_demo, showcase

pytestmark = pytest.mark.slow  # imports into a copy of the demo through the real command


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_demo(tmp_path_factory.mktemp("import-kinds"))


def front_matter(path) -> list[str]:
    return path.read_text(encoding="utf-8").split("---\n")[1].splitlines()


def test_brand(project, tmp_path):
    source = story_docx(tmp_path / "品牌.docx", title="医保惠民·服务零距离", photos=0,
                        fields=[("单位", "云川市医疗保障局"), ("口号", "医保服务零距离"), ("党支部", "市医保局机关党支部")])
    result = showcase("import", str(source), "--kind", "brand", "--id", "ybj-huimin", cwd=project)
    assert result.returncode == 0, result.stdout
    assert front_matter(project / "content" / "brands" / "ybj-huimin" / "index.md") == [
        "title: 医保惠民·服务零距离", "unit: ybj", "branch: 市医保局机关党支部", "slogan: 医保服务零距离"]


def test_brand_exemplar_finds_its_brand_by_name(project, tmp_path):
    source = story_docx(tmp_path / "典型.docx", photos=0, fields=[
        ("单位", "市人社局"), ("荣誉称号", "品牌先进典型"), ("品牌", "“人社暖心·服务直通车”")])
    result = showcase("import", str(source), "--id", "bx-rsj-2024", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "brand: rsj-nuanxin" in front_matter(project / "content" / "exemplars" / "bx-rsj-2024" / "index.md")


def test_unknown_brand_lists_the_units_brands(project, tmp_path):
    source = story_docx(tmp_path / "典型2.docx", photos=0, fields=[
        ("单位", "市人社局"), ("荣誉称号", "品牌先进典型"), ("品牌", "不存在的品牌")])
    result = showcase("import", str(source), "--id", "bx-rsj-2025", cwd=project)
    assert result.returncode == 1
    assert (f"{source}:2: 错误: 品牌先进典型对应的品牌“不存在的品牌”在 brands/ 中找不到 — "
            "在文档开头写“品牌：品牌名称”（与品牌页标题一致），或先导入品牌；本单位的品牌有：rsj-nuanxin") in result.stdout


def test_five_star_member_photo_waits_for_consent(project, tmp_path):
    source = story_docx(tmp_path / "五星.docx", title="林晓文同志先进事迹", photos=1, fields=[
        ("姓名", "林晓文"), ("职务", "市人社局就业科科长"), ("单位", "市人社局"), ("荣誉称号", "五星党员标兵")])
    result = showcase("import", str(source), "--id", "fs-linxiaowen", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "警告: 人物照片须本人同意公开才能作为典型照片（photo）" in result.stdout
    lines = front_matter(project / "content" / "exemplars" / "fs-linxiaowen" / "index.md")
    assert "person: {name: 林晓文, position: 市人社局就业科科长}" in lines
    assert "# photo: {src: photo-1.jpg, caption: 党员在服务窗口为群众办理业务1, consent: true}" in lines
    assert showcase("check", cwd=project).returncode == 0
