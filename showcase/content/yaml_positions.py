"""YAML parsing that remembers the line of every value.

PyYAML's composer gives nodes with marks; we construct plain Python values from them
and keep a map from a value's path (`("awards", 2, "ref")`) to its 1-based line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from showcase.content.problems import Problems

Lines = dict[tuple, int]


class _Loader(yaml.SafeLoader):
    pass


# YAML 1.1 reads `on`/`yes`/`no` as booleans; editors mean the words. Only true/false are booleans.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


# libyaml composes the same nodes and marks ~10× faster; our resolvers still decide the types.
# It is used only for text the pure-Python reader accepts too, and any error is re-parsed with the
# pure-Python loader, so every message editors see stays the same (benchmarks/README.md).
_CLoader = None
if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):  # noqa: N801
        pass

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def parse_yaml(text: str, path: Path, problems: Problems, first_line: int = 1):
    """Parse one YAML document. Returns (data, lines) or (None, {}) after reporting the error."""
    if _CLoader is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        found = Problems()  # kept only if libyaml gets through the whole document
        loader = _CLoader(text)
        try:
            node = loader.get_single_node()
            lines: Lines = {}
            data = None if node is None else _construct(loader, node, (), lines, first_line - 1, path, found)
        except yaml.YAMLError:
            pass  # the pure-Python loader below says what is wrong, as it always did
        else:
            problems.extend(found)
            return data, lines
        finally:
            loader.dispose()
    return _parse_python(text, path, problems, first_line)


def _parse_python(text: str, path: Path, problems: Problems, first_line: int):
    offset = first_line - 1
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # checked before parsing: a control character pasted in
        line = text[: exc.position].count("\n") + first_line
        problems.error(path, line, f"这一行有不可见的控制字符（#x{exc.character:04x}）",
                       "删除这个字符（常见于从网页或 Word 复制来的文字），或重新输入这一行")
        return None, {}
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: Lines = {}
        data = _construct(loader, node, (), lines, offset, path, problems)
        return data, lines
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is found at the end of the file; the editor needs where it opened.
        opened_quote = "quoted scalar" in str(exc.context or "")
        mark = (exc.context_mark if opened_quote else None) or exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        problems.error(path, line, f"YAML 格式错误：{_explain(exc)}",
                       "检查这一行及上一行的缩进、冒号和引号是否配对")
        return None, {}
    except yaml.YAMLError as exc:
        problems.error(path, first_line, f"YAML 格式错误：{exc}", "检查文件格式")
        return None, {}
    finally:
        loader.dispose()


_STR = "tag:yaml.org,2002:str"


def _construct(loader, node, at: tuple, lines: Lines, offset: int, path, problems):
    lines[at] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node, deep=True)
            if key in result:
                problems.error(path, key_node.start_mark.line + 1 + offset, f"字段 {key} 重复出现",
                               "同一层级的字段名只能写一次：删除或合并重复的那一行")
            result[key] = _construct(loader, value_node, at + (key,), lines, offset, path, problems)
            # A key's line is where the editor looks, even when its value is a block below it.
            lines[at + (key,)] = key_node.start_mark.line + 1 + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, at + (i,), lines, offset, path, problems)
                for i, item in enumerate(node.value)]
    if node.tag == _STR:
        return node.value  # what SafeConstructor.construct_yaml_str returns, without its dispatch
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        # `2023-02-30` matches YAML's date pattern but is no date: keep the text, let the
        # schema check say what is wrong with it.
        return node.value


_MESSAGES = {
    "mapping values are not allowed here": "这里不能出现“键: 值”（常见原因：值里有半角冒号却没加引号，或缩进不对）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character '\\t' that cannot start any token": "出现了制表符（Tab）",
    "did not find expected key": "缩进不一致，找不到预期的字段",
    "did not find expected '-' indicator": "列表项缩进不一致",
    "found undefined alias": "引用了未定义的锚点",
    "expected <block end>, but found '-'": "列表项的缩进与上文不一致",
    "found unexpected end of stream": "文件意外结束（引号或括号未闭合）",
}


def _explain(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "quoted scalar" in str(exc.context or ""):
        return "这一行的引号没有配对"
    for english, chinese in _MESSAGES.items():
        if problem.startswith(english):
            return chinese
    return problem or str(exc)
