"""`showcase print`: clear Chinese errors that write nothing, the Word export read back by python-docx
and by LibreOffice, and the order of a batch's stories (document or units' order)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support.pdf import page_texts, squeeze, toc_items
from support.sites import copy_demo, showcase
from support import require

pytestmark = pytest.mark.slow  # builds the demo with its printed publications


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_demo(tmp_path_factory.mktemp("demo-print-cli"))


@pytest.mark.parametrize("args, message", [
    (("print", "leaflets"), "不认识的出版物“leaflets”"),
    (("print", "honors", "no-such-batch"), "没有评选批次“no-such-batch” — 可用的批次："),
    (("print", "honors"), "缺少评选批次"),
    (("print", "exemplars", "heroes"), "没有先进典型类别“heroes”"),
    (("print", "exemplars", "red_flag_branch", "--year", "1999"), "1999年没有红旗党支部评选批次"),
    (("print", "column", "--year", "1999"), "1999年没有文章"),
    (("print", "sheets", "no-such-show"), "没有展示赛“no-such-show”"),
    (("print", "sheets", "brand-show-2023", "--edition", "public"), "评分表含评委信息，只印内网版"),
    (("print", "sheets", "brand-show-2023", "--format", "docx"), "评分表只出 PDF"),
])
def test_bad_requests_say_what_to_do_and_write_nothing(project, tmp_path, args, message):
    target = tmp_path / "out.pdf"
    result = showcase(*args, "-o", str(target), cwd=project)
    assert result.returncode == 1
    assert message in result.stderr and "未生成文件" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert list(tmp_path.iterdir()) == []


def test_content_errors_stop_printing(project, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(project, broken, ignore=shutil.ignore_patterns("site*"))
    batch = broken / "content/honors/rf-2021.yml"
    batch.write_text(batch.read_text(encoding="utf-8").replace("decided_on: 2022-03-10", "decided_on: 2022-13-45"),
                     encoding="utf-8")
    result = showcase("print", "honors", "rf-2021", "-o", str(tmp_path / "x.pdf"), cwd=broken)
    assert result.returncode == 1 and "rf-2021.yml:" in result.stderr and "错误" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def story_titles(project: Path, batch: str) -> list[str]:
    from showcase.cli.printing import load_model
    from showcase.domain.edition import Edition

    model = load_model(project / "content", Edition())
    return [a.name for a in model.awards[batch] if a.target is not None and not a.revoked]


def pictures_in(project: Path, batch: str) -> int:
    from showcase.cli.printing import load_model
    from showcase.domain.edition import Edition
    from showcase.publications.collect import Options, honor_batch

    booklet = honor_batch(load_model(project / "content", Edition()), batch, Options("工委"))
    return sum(1 for e in booklet.entries for p in e.pictures + e.gallery if p.path.is_file())


def test_unit_order_follows_the_units_official_order(project, tmp_path):
    target = tmp_path / "by-unit.pdf"
    showcase("print", "honors", "bx-2021-2022", "--order", "unit", "-o", str(target), cwd=project, check=True)
    from showcase.cli.printing import load_model
    from showcase.domain.edition import Edition

    model = load_model(project / "content", Edition())
    rank = {u.id: i for i, u in enumerate(model.units)}
    awards = [a for a in model.awards["bx-2021-2022"] if a.target is not None and not a.revoked]
    expected = [a.name for a in sorted(awards, key=lambda a: rank[a.unit.id])]
    assert expected != [a.name for a in awards]  # the demo's document order is not the units' order
    assert [t for t, _ in toc_items(target)][2:] == [squeeze(name) for name in expected]  # after 前言, 名单


def test_word_export_has_the_entries_in_order_with_pictures(project, tmp_path):
    from docx import Document

    target = tmp_path / "bx.docx"
    showcase("print", "honors", "bx-2021-2022", "--format", "docx", "-o", str(target), cwd=project, check=True)
    document = Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["前　言", "表彰名单", *story_titles(project, "bx-2021-2022")]
    body = [p for p in document.paragraphs if p.style.name == "Normal" and len(p.text) > 40]
    assert body and all(p.style.paragraph_format.first_line_indent.pt == 32 for p in body[:1])
    assert len(document.inline_shapes) == pictures_in(project, "bx-2021-2022") >= 2  # logos and photos
    section = document.sections[0]
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    footer_xml = section.footer._element.xml + section.even_page_footer._element.xml
    assert footer_xml.count("PAGE") == 2


def test_word_export_opens_in_libreoffice_with_the_same_entries(project, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        require("LibreOffice (soffice) is not installed")
    target = tmp_path / "rf.docx"
    showcase("print", "honors", "rf-2021", "--format", "docx", "-o", str(target), cwd=project, check=True)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                   check=True, capture_output=True, timeout=180)
    text = squeeze("".join(page_texts(tmp_path / "rf.pdf")))
    titles = story_titles(project, "rf-2021")
    positions = [text.find(squeeze(t), text.find("表彰名单") + 200) for t in titles]
    assert -1 not in positions and positions == sorted(positions), titles


def test_a_failing_print_build_keeps_the_old_site(project, tmp_path):
    """The PDFs are written into the build's staging folder: when one fails, the site is not swapped."""
    from support.sites import REPO, build

    broken = tmp_path / "project"
    shutil.copytree(project, broken, ignore=shutil.ignore_patterns("site*"))
    shutil.copytree(REPO / "theme", broken / "theme")
    config = broken / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"custom_dir: {REPO / 'theme'}", "custom_dir: theme"),
                      encoding="utf-8")
    site = build(broken)
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    template = broken / "theme/print/booklet.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{% endfor %}", "{% endfor", 1), encoding="utf-8")
    result = showcase("build", "--print", "-d", str(site), cwd=broken)
    assert result.returncode == 1
    assert "印刷版 PDF 未能生成" in result.stderr and "booklet.html" in result.stderr and "原有网站保持不变" in result.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert not (site / "print").exists()
    assert [p.name for p in site.parent.iterdir() if ".building-" in p.name] == []


def test_drafts_are_printed_only_when_asked_and_marked_on_every_page(project, tmp_path):
    from showcase.checks.run import check_content

    draft = next(r for r in check_content(project / "content").records if r.kind == "brand" and r.status == "draft")
    final, preview = tmp_path / "final.pdf", tmp_path / "preview.pdf"
    showcase("print", "brands", "-o", str(final), cwd=project, check=True)
    showcase("print", "brands", "--drafts", "-o", str(preview), cwd=project, check=True)
    final_pages, preview_pages = page_texts(final), page_texts(preview)
    assert squeeze(draft.title) not in squeeze("".join(final_pages)) and "草稿预览" not in "".join(final_pages)
    assert squeeze(draft.title) in squeeze("".join(preview_pages))
    assert all("草稿预览" in text for text in preview_pages)


def test_a_preface_is_checked_like_any_published_text(project, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(project / "content", content)
    (content / "honors/rf-2021.preface.md").write_text("本汇编收录红旗党支部的事迹。\n\n联系电话13812345678。\n",
                                                       encoding="utf-8")
    result = showcase("check", str(content), cwd=project)
    assert result.returncode == 1
    assert "honors/rf-2021.preface.md:3: 错误: 疑似手机号" in result.stdout
