"""A column article from Word: the newspaper record in the text, bylines, the series number from the
printed marker or proposed as the next one, the folder year from the date."""
from __future__ import annotations

import docx
import pytest

from support.sites import copy_demo, showcase

pytestmark = pytest.mark.slow  # imports into a copy of the demo through the real command


def article_docx(path, title: str):
    document = docx.Document()
    document.add_paragraph("《云川日报》2024年5月16日第3版")
    document.add_heading(title, level=1)
    document.add_paragraph("本报记者 陆文涛 通讯员 韦思琪")
    document.add_paragraph("单位：市政务服务和大数据局")
    document.add_paragraph("　　清晨八点半，市民服务中心的窗口前已排起长队。")
    document.add_paragraph("一、把服务做到群众心坎上")
    document.add_paragraph("　　窗口党员推行“帮办代办”。")
    document.save(path)
    return path


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_demo(tmp_path_factory.mktemp("import-article"))


def test_article_fields_from_the_text(project, tmp_path):
    source = article_docx(tmp_path / "稿件.docx", "窗口里的红色引擎")
    result = showcase("import", str(source), "--id", "zwfw-chuangkou", cwd=project)
    assert result.returncode == 0, result.stdout
    assert f"{source}:1: 警告: 专栏序号 series_no: 49 是按已有文章推算的建议值 — 与报纸上印的序号核对，不一致时改正" in result.stdout
    text = (project / "content" / "column" / "2024" / "zwfw-chuangkou.md").read_text(encoding="utf-8")
    assert text.split("---\n")[1].splitlines() == [
        "title: 窗口里的红色引擎", "column: sanchuang", "series_no: 49", "newspaper: ycrb", "date: 2024-05-16",
        'page: "03"', "bylines:", "  - {name: 陆文涛, role: 本报记者}", "  - {name: 韦思琪, role: 通讯员}",
        "related: [zwfw]", "rights: full_text"]
    assert "## 把服务做到群众心坎上" in text
    assert showcase("check", cwd=project).returncode == 0


def test_printed_marker_gives_the_series_number_and_a_taken_one_is_refused(project, tmp_path):
    source = article_docx(tmp_path / "重复.docx", "三创先锋·之四十五 窗口里的红色引擎")
    result = showcase("import", str(source), "--id", "zwfw-chongfu", cwd=project)
    assert result.returncode == 1
    assert ("content/column/2024/zwfw-chongfu.md:4: 错误: 专栏序号 45 重复（content/column/2024/jianghaipeng-caizheng.md:4 已使用）"
            in result.stdout)
    assert not (project / "content" / "column" / "2024" / "zwfw-chongfu.md").exists()
