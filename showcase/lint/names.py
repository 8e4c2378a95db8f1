"""The names list (content/names.yml): names that must be written exactly, with known misspellings.

    - correct: 云川市文化和旅游局
      wrong: [云川市文旅局局, 云川市文化旅游局]
      note: 机构全称（简称“市文旅局”不算错）

Maintained by the publicity officer; `showcase check` reports every wrong form in published text as
an error. Short names that are allowed (市文旅局) are simply not listed as wrong.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from showcase.content.problems import Problems
from showcase.content.text import read_text
from showcase.content.yaml_positions import parse_yaml

NAMES_FILE = "names.yml"
KEYS = ("correct", "wrong", "note")


@dataclass(frozen=True)
class NameRule:
    wrong: str
    correct: str


def load_names(root: Path, problems: Problems) -> list[NameRule]:
    """The rules of content/names.yml (none if there is no such file), longest wrong form first."""
    path = Path(root) / NAMES_FILE
    if not path.is_file():
        return []
    text = read_text(path, problems)
    if text is None or not text.strip():
        return []
    data, lines = parse_yaml(text, path, problems)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.error(path, 1, "名称表应是一个列表（每项以 “- correct: 正确名称” 开头）",
                       "参照 docs/publishing.md 中的示例")
        return []
    rules = [rule for i, item in enumerate(data) for rule in _item_rules(item, i, lines, path, problems)]
    return sorted(rules, key=lambda rule: -len(rule.wrong))


def _item_rules(item, i: int, lines: dict, path: Path, problems: Problems) -> list[NameRule]:
    """The rules of one entry of the names list (none after reporting what is wrong with it)."""
    line = lines.get((i,), 1)
    if not isinstance(item, dict):
        problems.error(path, line, "名称表的每一项应写成 correct: 和 wrong: 两个字段",
                       "如 `- {correct: 云川市文化和旅游局, wrong: [云川市文旅局局]}`")
        return []
    for key in item:
        if key not in KEYS:
            problems.error(path, lines.get((i, key), line), f"名称表里不认识的字段 {key}",
                           "只能写 correct（正确写法）、wrong（错误写法列表）和 note（说明）")
    correct = item.get("correct")
    if not isinstance(correct, str) or not correct.strip():
        problems.error(path, line, "名称表的这一项缺少 correct（正确写法）", "加上 `correct: 正确名称`")
        return []
    wrong = item.get("wrong") or []
    if isinstance(wrong, str):
        wrong = [wrong]
    if not isinstance(wrong, list) or not all(isinstance(w, str) for w in wrong):
        problems.error(path, lines.get((i, "wrong"), line), "wrong 应是错误写法的列表",
                       "写成 `wrong: [错误写法一, 错误写法二]`")
        return []
    rules = []
    for j, form in enumerate(wrong):
        form = form.strip()
        if form == correct.strip():
            problems.error(path, lines.get((i, "wrong", j), line), f"“{form}”既是正确写法又列为错误写法",
                           "从 wrong 中删除它")
        elif form:
            rules.append(NameRule(form, correct.strip()))
    return rules
