"""YAML parsing that remembers the line of every value.

PyYAML's composer gives nodes with marks; we construct plain Python values from them
and keep a map from a value's path (`("awards", 2, "ref")`) to its 1-based line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from showcase.content.problems import Problems
from showcase.content.values import WrittenNumber
from showcase.content.yaml_errors import describe_error
from showcase.content.yaml_limits import AliasBudget, TooBig, check_depth

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
PYTHON_RETRY_CHARS = 100_000  # above this, libyaml's own error is explained (same wording, ~5 s sooner)
if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):  # noqa: N801
        pass

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def parse_yaml(text: str, path: Path, problems: Problems, first_line: int = 1):
    """Parse one YAML document. Returns (data, lines) or (None, {}) after reporting the error."""
    try:
        check_depth(text, _CLoader or _Loader)
        return _parse(text, path, problems, first_line)
    except TooBig as too_big:
        problems.error(path, too_big.line + first_line, too_big.message, too_big.hint)
        return None, {}


def _parse(text: str, path: Path, problems: Problems, first_line: int):
    if _CLoader is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        found = Problems()  # kept only if libyaml gets through the whole document
        loader = _CLoader(text)
        try:
            node = loader.get_single_node()
            lines: Lines = {}
            data = None if node is None else _Builder(loader, lines, first_line - 1, path, found).build(node)
        except yaml.MarkedYAMLError as exc:
            if len(text) > PYTHON_RETRY_CHARS:  # re-reading it all in pure Python would take too long
                _syntax_error(exc, text, path, problems, first_line)
                return None, {}
            # otherwise the pure-Python loader below says what is wrong, as it always did
        except yaml.YAMLError:
            pass
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
        data = _Builder(loader, lines, offset, path, problems).build(node)
        return data, lines
    except yaml.MarkedYAMLError as exc:
        _syntax_error(exc, text, path, problems, first_line)
        return None, {}
    except yaml.YAMLError:
        problems.error(path, first_line, "YAML 格式错误：无法读取这个文件", "检查文件格式")
        return None, {}
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: Path, problems: Problems, first_line: int):
    line, message = describe_error(exc, text)
    problems.error(path, line + first_line, f"YAML 格式错误：{message}",
                   "检查这一行及上一行的缩进、冒号和引号是否配对")


_STR = "tag:yaml.org,2002:str"


class _Builder:
    """Plain Python values from composed nodes, the line of each in `lines`, aliases within bounds."""

    def __init__(self, loader, lines: Lines, offset: int, path, problems: Problems):
        self.loader, self.lines, self.offset = loader, lines, offset
        self.path, self.problems, self.budget = path, problems, AliasBudget()

    def build(self, node, at: tuple = (), line: int | None = None, repeated: bool = False):
        # `line`: where the value is used (an alias's node starts at its anchor, elsewhere)
        own_line = node.start_mark.line
        repeated = self.budget.enter(node, own_line if line is None else line, repeated)
        self.lines[at] = own_line + 1 + self.offset
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at, repeated)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, at + (i,), own_line, repeated) for i, item in enumerate(node.value)]
        if node.tag == _STR:
            return node.value  # what SafeConstructor.construct_yaml_str returns, without its dispatch
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError:
            # `2023-02-30` matches YAML's date pattern but is no date: keep the text, let the
            # schema check say what is wrong with it.
            return node.value
        if type(value) is int and node.value.lstrip("+-").startswith("0") and len(node.value) > 1:
            return WrittenNumber(value, node.value)
        return value

    def _mapping(self, node, at: tuple, repeated: bool) -> dict:
        result = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line
            if key_node.tag == _STR:
                key = key_node.value
            else:
                self.budget.enter(key_node, key_line, repeated)
                key = self.loader.construct_object(key_node, deep=True)
            if key in result:
                self.problems.error(self.path, key_line + 1 + self.offset, f"字段 {key} 重复出现",
                                    "同一层级的字段名只能写一次：删除或合并重复的那一行")
            result[key] = self.build(value_node, at + (key,), key_line, repeated)
            # A key's line is where the editor looks, even when its value is a block below it.
            self.lines[at + (key,)] = key_line + 1 + self.offset
        return result
