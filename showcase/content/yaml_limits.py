"""The bounds on one YAML document, and the checks that keep a hostile or broken one from taking the
machine down: nesting depth (checked on the event stream before any recursive composer sees it),
alias uses and the size of what aliases expand to (counted while values are built).

The bounds are stated for editors in docs/editors-guide.md («文件的上限»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

MAX_DEPTH = 50            # lists/mappings inside each other; content needs fewer than 10
MAX_ALIAS_USES = 100      # `*name` references in one document
MAX_ALIAS_NODES = 10_000  # values that aliases add once expanded (a "billion laughs" adds billions)

# Cheap upper bounds of the depth: only text that may exceed it is walked event by event.
_LINE_PREFIX = re.compile(r"^[ \-]*", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]{}]")
_START_EVENTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_END_EVENTS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class TooBig(Exception):
    """A bound was exceeded at `line` (0-based, within the YAML text)."""

    def __init__(self, line: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def check_depth(text: str, loader_class) -> None:
    """Raise TooBig at the first value nested deeper than MAX_DEPTH. The parser is a state machine
    (no recursion), unlike the composers, which overflow the stack (libyaml's crashes the process)."""
    if _block_depth_bound(text) + _flow_depth_bound(text) <= MAX_DEPTH:
        return
    depth = 0
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, _START_EVENTS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise TooBig(event.start_mark.line, f"嵌套层数超过 {MAX_DEPTH} 层",
                                 f"列表和“字段: 值”互相嵌套最多 {MAX_DEPTH} 层：检查是否多了括号 [ 或 {{，"
                                 "或把内容拆平")
            elif isinstance(event, _END_EVENTS):
                depth -= 1
    except yaml.YAMLError:
        return  # the syntax error is reported by the real parse, at the same place
    finally:
        loader.dispose()


def _block_depth_bound(text: str) -> int:
    """Each block level needs a column more than the one it is in, or two levels two more (`- a:`)."""
    return max(map(len, _LINE_PREFIX.findall(text)), default=0) + 2


def _flow_depth_bound(text: str) -> int:
    """The deepest run of open brackets, counting those in quotes too (an over-estimate is only slower)."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


@dataclass
class AliasBudget:
    """What aliases have cost so far in one document: a node met a second time came from an alias."""

    seen: set = field(default_factory=set)
    uses: int = 0
    nodes: int = 0
    use_line: int = 0  # where the alias being expanded is used: the line to show

    def enter(self, node, line: int, repeated_above: bool) -> bool:
        """Count `node` (built at 0-based `line`); True if it repeats one already built."""
        repeated = repeated_above or id(node) in self.seen
        self.seen.add(id(node))
        if repeated:
            self.nodes += 1
            if not repeated_above:
                self.uses, self.use_line = self.uses + 1, line
            if self.uses > MAX_ALIAS_USES:
                raise TooBig(line, f"引用（*名字）超过 {MAX_ALIAS_USES} 次",
                             "锚点和引用（&名字、*名字）只为少量重复而设：把重复的内容直接写出来")
            if self.nodes > MAX_ALIAS_NODES:
                raise TooBig(self.use_line, f"引用展开后的内容超过 {MAX_ALIAS_NODES} 项",
                             "不要用引用层层套引用（这种写法会把文件放大成百上千倍）：把内容直接写出来")
        return repeated
