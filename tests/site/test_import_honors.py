"""`showcase import` of honor lists: a 50-row .xlsx annex and a .docx table become an honors batch in
document order, every unit resolved by full, short or former name, names matched to exemplars."""
from __future__ import annotations

import yaml

from support.office import honors_xlsx
from support.sites import copy_demo, showcase
import pytest

pytestmark = pytest.mark.slow  # imports into a copy of the demo through the real command

# (unit as the annex writes it, the unit id it means): full names, short names, a former name.
UNITS = [("市发改委", "fgw"), ("云川市教育局", "jyj"), ("市司法局", "sfj"), ("市财政局", "czj"),
         ("云川市人事局", "rsj"), ("市生态环境局", "sthjj"), ("云川市住房和城乡建设局", "zjj"), ("市文旅局", "wenlv"),
         ("市卫健委", "wjw"), ("市医保局", "ybj")]
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马"
GIVEN = "志强海燕建国丽华"


def annex_rows() -> list[tuple]:
    rows = []
    for i in range(50):
        unit, _ = UNITS[i % len(UNITS)]
        name = SURNAMES[i] + GIVEN[i % 4 * 2:i % 4 * 2 + 2]
        rows.append((name, unit, "机关党支部", "科员"))
    rows[1] = ("周明轩", "云川市教育局", "机关第一党支部", "教师")  # an exemplar already in content/
    rows[11] = ("林茜", "市医保局", "机关党支部", "科长")  # one character off 林倩 (fs-linqian)
    return rows


def test_fifty_row_annex_imports_in_document_order(tmp_path):
    project = copy_demo(tmp_path)
    source = honors_xlsx(tmp_path / "附件.xlsx", annex_rows(), "关于表彰2023年度市级机关“五星党员”标兵的决定")
    result = showcase("import", str(source), cwd=project)
    assert result.returncode == 0, result.stdout
    batch_file = project / "content" / "honors" / "fs-2023.yml"
    batch = yaml.safe_load(batch_file.read_text(encoding="utf-8"))
    assert {k: batch[k] for k in ("title", "type", "year", "label", "doc_no", "official_count")} == {
        "title": "2023年度市级机关“五星党员”标兵", "type": "five_star_member", "year": 2023, "label": "2023年度",
        "doc_no": "云直工〔2024〕3号", "official_count": 50}
    assert str(batch["decided_on"]) == "2024-03-15"
    rows = annex_rows()
    assert [a["name"] for a in batch["awards"]] == [r[0] for r in rows]
    unit_ids = dict(UNITS)
    assert [a["unit"] for a in batch["awards"]] == [unit_ids[r[1]] for r in rows]
    assert batch["awards"][1]["ref"] == "fs-zhoumingxuan"
    assert batch["awards"][11]["ref"] is None
    # row 3 of the sheet is the header: the 12th name stands on row 15
    assert ("附件.xlsx:15: 警告: “林茜”与已有典型“林倩”（fs-linqian）只差一字，未关联 — "
            "核对原文：是同一人就把 ref 改为 fs-linqian 并改正姓名，不是就保持 ref: null") in result.stdout
    assert showcase("check", cwd=project).returncode == 0


def test_a_name_list_table_in_word(tmp_path):
    import docx

    project = copy_demo(tmp_path)
    document = docx.Document()
    document.add_paragraph("中共云川市直属机关工作委员会关于命名2023年度市级机关“红旗党支部”的决定")
    document.add_paragraph("云直工〔2024〕7号")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "党支部名称", "单位")):
        cell.text = text
    for i, (name, unit) in enumerate([("市财政局国库支付中心党支部", "市财政局"), ("市档案馆党支部", "市档案馆"),
                                      ("市工商联机关党支部", "市工商联")], start=1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(i), name, unit
    document.add_paragraph("2024年4月2日")
    source = tmp_path / "命名决定.docx"
    document.save(source)
    result = showcase("import", str(source), cwd=project)
    assert result.returncode == 0, result.stdout
    batch = yaml.safe_load((project / "content" / "honors" / "rf-2023.yml").read_text(encoding="utf-8"))
    assert batch["type"] == "red_flag_branch" and batch["doc_no"] == "云直工〔2024〕7号"
    assert str(batch["decided_on"]) == "2024-04-02"
    assert [(a["name"], a["unit"]) for a in batch["awards"]] == [
        ("市财政局国库支付中心党支部", "czj"), ("市档案馆党支部", "dag"), ("市工商联机关党支部", "gsl")]
