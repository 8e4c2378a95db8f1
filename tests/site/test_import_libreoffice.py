"""A .docx written by LibreOffice itself (through its UNO API) with a footnote and tracked changes —
what python-docx cannot make: notes are kept as ①…, the accepted text is imported with a warning,
and a style-less first line is the title (WPS and LibreOffice files rarely use a title style)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support.sites import copy_demo, showcase

pytestmark = pytest.mark.slow  # imports into a copy of the demo through the real command

SYSTEM_PYTHON = "/usr/bin/python3"
MAKER = Path(__file__).parents[1] / "support" / "lo_story.py"


def need_uno() -> None:
    has_uno = Path(SYSTEM_PYTHON).is_file() and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0
    if shutil.which("soffice") and has_uno:
        return
    if os.environ.get("CI") == "true":
        pytest.fail("LibreOffice with python3-uno is missing in CI: .ci/run installs libreoffice-writer-nogui python3-uno")
    pytest.skip("LibreOffice (soffice) with python3-uno not installed")


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    need_uno()
    root = tmp_path_factory.mktemp("import-lo")
    source = root / "修订稿.docx"
    subprocess.run([SYSTEM_PYTHON, str(MAKER), str(source), str(root / "profile")], check=True,
                   capture_output=True, timeout=180)
    project = copy_demo(root)
    result = showcase("import", str(source), "--id", "rsj-lo", cwd=project)
    text_path = project / "content" / "exemplars" / "rsj-lo" / "index.md"
    return result, source, text_path.read_text(encoding="utf-8") if text_path.is_file() else ""


def test_tracked_changes_are_accepted_with_a_warning(imported):
    result, source, text = imported
    assert result.returncode == 0, result.stdout
    assert (f"{source}: 警告: 文档含修订记录（4 处），已按“接受全部修订”导入 — 核对导入的文字；"
            "以后可先在 Word 中“审阅 → 接受所有修订”再导入") in result.stdout
    assert "窗口服务群众满意率达到99%。" in text
    assert "旧的说法" not in text


def test_footnotes_are_kept(imported):
    _, _, text = imported
    assert "支部推行党员责任区制度①，党员全部亮身份。" in text
    assert text.rstrip().endswith("注释：\n\n① 责任区制度自2019年起实行。")


def test_key_lines_and_a_plain_first_line_give_the_fields(imported):
    _, _, text = imported
    assert text.startswith("---\ntitle: 支部战斗堡垒\nkind: red_flag_branch\nunit: rsj\n---\n\n## 建强组织体系\n")

