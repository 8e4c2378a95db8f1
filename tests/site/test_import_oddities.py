"""Files as they really arrive at `showcase import`: a password-protected .docx, EMF/WMF pictures,
Word's own Chinese automatic numbering, and WPS's extensions to the .docx XML — each made by the test
from a python-docx file (encrypted with msoffcrypto, pictures written by LibreOffice)."""
from __future__ import annotations

import io

import pytest

from support.office import story_docx
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
