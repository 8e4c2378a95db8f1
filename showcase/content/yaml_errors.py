"""PyYAML's syntax errors told in Chinese, at the line the editor has to change.

The parser notices many slips one token late (often on the next line); where the cause is a key,
a quote or a bracket that opened earlier, the opening is the line to show.
"""
from __future__ import annotations

import re

import yaml

# Contexts whose opening is where the fix goes: the key without its colon, the unclosed quote/bracket.
_AT_OPENING = ("simple key", "quoted scalar", "flow sequence", "flow mapping")

# (pattern on problem or context, explanation); the first that matches is used.
_MESSAGES = (
    (r"quoted scalar.*unknown escape|unknown escape", "双引号里的反斜杠 \\ 后面不是合法的转义字符"),
    (r"^while scanning a (?:double-|single-)?quoted scalar", "这一行的引号没有配对"),
    (r"mapping values are not allowed here", "这里不能出现“键: 值”（常见原因：值里有半角冒号却没加引号，或缩进不对）"),
    (r"could not find expected ':'", "缺少冒号“:”（或上一行的值换行后没有缩进）"),
    (r"found character '\\t'", "出现了制表符（Tab）"),
    (r"did not find expected key", "缩进不一致，找不到预期的字段"),
    (r"did not find expected '-' indicator", "列表项缩进不一致"),
    (r"expected <block end>, but found '-'", "列表项的缩进与上文不一致"),
    (r"expected <block end>", "缩进与上文不一致"),
    (r"expected ',' or '\]'", "方括号 [ ] 没有配对，或列表的项之间缺少逗号"),
    (r"expected ',' or '\}'", "花括号 { } 没有配对，或项之间缺少逗号"),
    (r"found undefined alias", "引用了未定义的锚点（*名字 之前没有 &名字）"),
    (r"duplicate anchor", "同一个锚点（&名字）定义了两次"),
    (r"another document|single document", "文件里有多个用 --- 分开的文档，只能有一个"),
    (r"found character .* cannot start any token", "值以 @ 或 ` 等特殊字符开头"),
    (r"found unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
    (r"while scanning an? (?:anchor|alias)", "& 或 * 后面应紧跟锚点的名字"),
    (r"while scanning a block scalar", "“|” 或 “>” 后面的写法不对"),
    (r"tag|constructor", "不支持以 ! 开头的类型标签"),
    (r"document start", "文件开头的写法不对（以 % 开头的行只能用在 YAML 指令里）"),
    (r"expected the node content", "这里缺少值"),
    (r"unhashable key", "字段名不能是列表或“字段: 值”的集合"),
)
_FALLBACK = "这里的写法不符合 YAML 格式"
_HINT_CHARACTER = "：给整个值加上引号"


def describe_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(0-based line within `text`, Chinese explanation) of a syntax error."""
    return _error_line(exc, text), _explain(exc)


def _error_line(exc: yaml.MarkedYAMLError, text: str) -> int:
    context = str(exc.context or "")
    at_opening = any(word in context for word in _AT_OPENING) and exc.context_mark is not None
    if at_opening and "escape" in str(exc.problem or ""):
        at_opening = False  # a bad escape is where it is, not where its quote opened
    mark = (exc.context_mark if at_opening else None) or exc.problem_mark or exc.context_mark
    line = mark.line if mark else 0
    # A mark at the end of the text points past the last line that has anything on it.
    lines = text.split("\n")
    while line > 0 and (line >= len(lines) or not lines[line].strip()):
        line -= 1
    return line


def _explain(exc: yaml.MarkedYAMLError) -> str:
    problem, context = str(exc.problem or ""), str(exc.context or "")
    for pattern, chinese in _MESSAGES:
        if re.search(pattern, problem) or re.search(pattern, context):
            if "cannot start any token" in pattern:
                return chinese + _HINT_CHARACTER
            return chinese
    return _FALLBACK
