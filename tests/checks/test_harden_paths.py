"""Paths from content must stay inside the content folder (symlinks followed): `../`, absolute paths and
symlinks to files or folders outside are check errors with file:line, and nothing is built."""
from __future__ import annotations

import os
import re

from support.sites import copy_fixture, showcase

PROBLEM = re.compile(r"^(content/\S+):(\d+): 错误: (.+) — (.+)$", re.M)


def line_of(path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def hostile_project(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    content = project / "content"
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("secret.pdf", "secret.mp4", "secret.txt"):
        (outside / name).write_text("机密", encoding="utf-8")
    competition = content / "competitions" / "story-2022.yml"
    depth = os.path.relpath(outside / "secret.pdf", competition.parent)  # ../../../outside/secret.pdf
    text = competition.read_text(encoding="utf-8")
    text = text.replace("award: 最佳创意奖}", f"award: 最佳创意奖, slides: {depth}}}")
    text = text.replace("order: 2}", f"order: 2, video: {outside / 'secret.mp4'}}}")
    competition.write_text(text, encoding="utf-8")
    article = content / "column" / "2023" / "first.md"
    (article.parent / "scan.pdf").symlink_to(outside / "secret.pdf")
    article.write_text(article.read_text(encoding="utf-8").replace("page: \"03\"", "page: \"03\"\nscan: scan.pdf"),
                       encoding="utf-8")
    brand = content / "brands" / "alpha" / "index.md"
    brand.write_text(brand.read_text(encoding="utf-8") + "\n[下载](../../../../outside/secret.pdf)\n\n![图](/etc/hostname)\n",
                     encoding="utf-8")
    (content / "brands" / "alpha" / "leak.txt").symlink_to(outside / "secret.txt")
    (content / "shared").symlink_to(outside, target_is_directory=True)
    return project, {"competition": competition, "article": article, "brand": brand}


def test_every_way_out_is_an_error_at_its_line(tmp_path):
    project, files = hostile_project(tmp_path)
    result = showcase("check", cwd=project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    found = {(path, int(line), message) for path, line, message, _hint in PROBLEM.findall(output)}

    def reported(path, line, *words):
        rel = path.relative_to(project).as_posix() if not isinstance(path, str) else path
        return any(p == rel and n == line and all(w in m for w in words) for p, n, m in found)

    competition, article, brand = files["competition"], files["article"], files["brand"]
    assert reported(competition, line_of(competition, "slides:"), "slides", "指向内容文件夹以外")
    assert reported(competition, line_of(competition, "video:"), "video", "绝对路径")
    assert reported(article, line_of(article, "scan:"), "scan", "经符号链接", "以外")
    assert reported(brand, line_of(brand, "[下载]"), "链接或图片", "以外")
    assert reported(brand, line_of(brand, "![图]"), "链接或图片", "绝对路径")
    assert reported("content/brands/alpha/leak.txt", 1, "符号链接", "文件")
    assert reported("content/shared", 1, "符号链接", "文件夹")


def test_the_build_refuses_and_nothing_from_outside_reaches_the_site(tmp_path):
    project, _ = hostile_project(tmp_path)
    result = showcase("build", cwd=project)
    assert result.returncode != 0
    assert not (project / "site").exists()


def test_paths_inside_the_content_folder_pass(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    content = project / "content"
    article = content / "column" / "2023" / "first.md"
    (content / "files").mkdir()
    (content / "files" / "scan.pdf").write_text("版面", encoding="utf-8")
    (article.parent / "scan.pdf").symlink_to(content / "files" / "scan.pdf")  # a symlink that stays inside
    article.write_text(article.read_text(encoding="utf-8").replace("page: \"03\"", "page: \"03\"\nscan: scan.pdf")
                       + "\n[同一文件](../../files/scan.pdf)\n", encoding="utf-8")
    result = showcase("check", cwd=project)
    output = result.stdout + result.stderr
    assert "以外" not in output and "绝对路径" not in output, output
