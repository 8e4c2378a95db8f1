"""House rules of the MkDocs adapter, read from the source: only showcase/mkdocs/ imports MkDocs or
Markdown; private names of MkDocs and Python-Markdown are touched only in speed/internals.py; no
settings through the environment, no side doors into the plugin; modules and functions of the adapter
and the CLI stay small. Each rule's checker is also shown to catch a broken example."""
from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from support.house import oversized
from support.sites import REPO
PACKAGE = REPO / "showcase"
ADAPTER = PACKAGE / "mkdocs"
INTERNALS = ADAPTER / "speed" / "internals.py"
FRAMEWORKS = {"mkdocs", "markdown", "material", "pymdownx"}

# Private names of MkDocs 1.6 / Python-Markdown 3.11 the speed room needs (the list, plus the
# live-reload server's): written anywhere but internals.py, an upgrade could break them unnoticed.
PRIVATE_TOUCHES = [
    r"_[A-Z]\w*__\w+",  # any name-mangled private (_InlineProcessor__handleInline …)
    r"__handle", r"__apply",
    r"\._data\b", r"\._title_from_render\b", r"\b_populate_page\b", r"\._current_page\b",
    r"\.render\s*=(?!=)", r"\.is_modified\s*=(?!=)", r"\._prettifyETree\b",
    r"\._epoch_cond\b", r"\._wanted_epoch\b", r"\._visible_epoch\b", r"\._serve_request\b",
    r"\._watched_paths\b", r"\._inject_js_into_html\b", r"\._guess_type\b", r"\._log_poll_request\b",
    r"\b_serve_url\b", r"\b_timestamp\b",
]
# Longer on purpose, with the reason in a comment beside it.
LONG_FUNCTIONS = {("showcase/mkdocs/speed/markdown/toc.py", "run"): "a line-for-line copy of Python-Markdown's",
                  ("showcase/mkdocs/speed/internals.py", "_early_pages_server"): "a class made on first use"}


def sources(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


# ---- the checkers ----

def framework_imports(text: str) -> list[str]:
    """Top-level packages of MkDocs/Markdown/Material imported anywhere in a module (lazy imports too)."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[0] in FRAMEWORKS]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.split(".")[0] in FRAMEWORKS:
            found.append(node.module)
    return found


def code_only(text: str) -> str:
    """The module without its comments and strings (a docstring may name a private, code may not)."""
    kept = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type not in (tokenize.COMMENT, tokenize.STRING):
            kept.append(token.string)
    return " ".join(kept).replace(" . ", ".").replace(" .", ".").replace(". ", ".")


def private_touches(text: str) -> list[str]:
    code = code_only(text)
    found = [m.group(0) for pattern in PRIVATE_TOUCHES for m in re.finditer(pattern, code)]
    for node in ast.walk(ast.parse(text)):  # `from mkdocs.x import _private`
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in FRAMEWORKS:
            found += [alias.name for alias in node.names if alias.name.startswith("_")]
    return found


# ---- the rules, on the package ----

def test_only_the_adapter_imports_mkdocs_markdown_or_material():
    offenders = {rel(path): found for path in sources(PACKAGE) if not path.is_relative_to(ADAPTER)
                 if (found := framework_imports(path.read_text(encoding="utf-8")))}
    assert offenders == {}
    assert framework_imports((ADAPTER / "plugin.py").read_text(encoding="utf-8"))  # the checker sees imports


def test_the_import_checker_catches_lazy_and_dotted_imports():
    text = "import os\nimport markdownify\n\ndef f():\n    import markdown.util\n    from mkdocs.config import base\n" \
           "    from material.plugins import x\n    import pymdownx.slugs as s\n"
    assert framework_imports(text) == ["markdown.util", "mkdocs.config", "material.plugins", "pymdownx.slugs"]


def test_private_names_of_mkdocs_and_markdown_are_touched_only_in_internals():
    offenders = {rel(path): found for path in sources(ADAPTER) if path != INTERNALS
                 if (found := private_touches(path.read_text(encoding="utf-8")))}
    assert offenders == {}
    touched = private_touches(INTERNALS.read_text(encoding="utf-8"))
    for name in ("_InlineProcessor__handleInline", "._data", "._title_from_render", "_populate_page",
                 "._current_page", ".is_modified =", "._epoch_cond", "_serve_url"):
        assert any(name.replace(" ", "") in t.replace(" ", "") for t in touched), name


@pytest.mark.parametrize("line", [
    "page._title_from_render = title", "names = list(registry._data)", "page.render = lambda c, f: None",
    "file.is_modified = lambda: True", "super()._InlineProcessor__handleInline(data, 0)",
    "from mkdocs.commands.build import _populate_page", "with self._epoch_cond:\n    pass",
    "from mkdocs.livereload import LiveReloadServer, _serve_url",
])
def test_the_private_name_checker_catches_each_kind_of_touch(line):
    assert private_touches(line + "\n")


def test_the_private_name_checker_ignores_comments_strings_and_comparisons():
    text = '"""Mirrors page._title_from_render."""\n# registry._data has no public twin\nok = page.render == other\n' \
           'self._reads = set()\n'
    assert private_touches(text) == []


def test_no_settings_through_the_environment():
    offenders = [rel(p) for p in sources(PACKAGE)
                 if re.search(r"os\.environ|os\.getenv|\bgetenv\(", code_only(p.read_text(encoding="utf-8")))]
    assert offenders == []


def test_no_side_doors_into_the_plugin():
    """The build hands its check over as an option (config.Precheck); the preview session sees only the
    PreviewPages facade, never the plugin's attributes."""
    everything = {rel(p): code_only(p.read_text(encoding="utf-8")) for p in sources(PACKAGE)}
    assert [name for name, code in everything.items() if "prechecked" in code] == []
    serve = everything["showcase/mkdocs/serve.py"]
    assert re.findall(r"plugin\.(?:specs|plan|render_one|env|markdown_of|write_page|mkdocs_config|files)\b",
                      serve) == []
    assert re.search(r"PreviewPages\s*\(", everything["showcase/mkdocs/plugin.py"])


def test_adapter_and_cli_modules_and_functions_are_small():
    problems = [problem for folder in (ADAPTER, PACKAGE / "cli") for path in sources(folder)
                for problem in oversized(path.read_text(encoding="utf-8"), rel(path), LONG_FUNCTIONS)]
    assert problems == []
    toc = (ADAPTER / "speed/markdown/toc.py").read_text(encoding="utf-8")
    assert "line for line" in toc  # the long copy says why it is long


def test_the_size_checker_catches_a_long_function_and_a_long_handler():
    body = "".join(f"    x{i} = {i}\n" for i in range(40))
    handler = "".join("    " + line for line in body.splitlines(True)[:31])
    text = f"def long():\n{body}\n\nclass P:\n    def on_files(self):\n{handler}"
    problems = oversized(text, "example.py")
    assert any("long has 41 lines" in p for p in problems)
    assert any("on_files" in p for p in problems)
    assert oversized("x = 1\n" * 401, "big.py") == ["big.py: 401 lines"]
