"""The house rules' size checker, shared by tests/unit/test_house_core.py and test_house_adapter.py."""
from __future__ import annotations

import ast

MODULE_LINES, FUNCTION_LINES, HANDLER_LINES = 400, 40, 30


def oversized(text: str, name: str, allowed: dict | None = None) -> list[str]:
    """A module over MODULE_LINES, functions over FUNCTION_LINES, MkDocs event handlers (`on_…`) over
    HANDLER_LINES; `allowed`: {(name, function): why} longer on purpose."""
    problems = []
    if len(text.splitlines()) > MODULE_LINES:
        problems.append(f"{name}: {len(text.splitlines())} lines")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            size = node.end_lineno - node.lineno + 1
            limit = HANDLER_LINES if node.name.startswith("on_") else FUNCTION_LINES
            if size > limit and (name, node.name) not in (allowed or {}):
                problems.append(f"{name}:{node.lineno}: {node.name} has {size} lines (at most {limit})")
    return problems
