"""The house rules of the core, read from the source with `ast` (nothing is imported or run):
no import cycle anywhere in showcase/, content/ imports no other room, the rooms import one way only,
the core starts no processes (it is handed `Workers`), modules ≤ 400 lines and functions ≤ 40 lines,
module docstrings say what a module holds (no "issue").
Each rule's finder is also shown failing on a small broken case, so a green run means something."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from support.house import FUNCTION_LINES, MODULE_LINES, oversized
from support.sites import REPO

PACKAGE = REPO / "showcase"
# The adapter and the command line sit above every room and keep their own size rules
# (tests/unit/test_house_adapter.py); the rooms' order and the core's size rules hold everywhere else.
NOT_CORE = ("showcase/mkdocs/", "showcase/cli/")
# Rooms from the bottom up: a room imports only itself and rooms before it (CONTRIBUTING.md's map).
ROOMS = ("showcase.kinds", "showcase.content", "showcase.lint", "showcase.domain", "showcase.images",
         "showcase.search", "showcase.checks", "showcase.pages", "showcase.publications", "showcase.site",
         "showcase.live|showcase.importing|showcase.desk",
         "showcase.cli|showcase.mkdocs|showcase.__main__")


# ---- reading the package ------------------------------------------------------------------------

def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(package: Path) -> dict[str, Path]:
    return {module_name(path, package.parent): path for path in sorted(package.rglob("*.py"))}


def imported_names(name: str, path: Path) -> set[str]:
    """Every name an import statement anywhere in the module (also inside functions) brings in:
    `from a.b import c` gives a.b.c (a module or not — the caller keeps what is a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module → the modules of the package it imports (a name resolves to its longest module)."""
    graph = {}
    for name, path in modules.items():
        targets = set()
        for imported in imported_names(name, path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as [a, b, …, a], or None. Depth-first, without recursion."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if start in state:
            continue
        path, stack = [start], [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(step) == 1:
                return path[path.index(step):] + [step]
            elif step not in state and step in graph:
                state[step] = 1
                path.append(step)
                stack.append(iter(sorted(graph[step])))
    return None


def room_of(module: str) -> int | None:
    for index, room in enumerate(ROOMS):
        if any(module == r or module.startswith(r + ".") for r in room.split("|")):
            return index
    return None


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    """Imports that go from a room to a room above it."""
    return [f"{module} → {target}" for module, targets in sorted(graph.items()) for target in sorted(targets)
            if room_of(module) is not None and room_of(target) is not None and room_of(target) > room_of(module)]


PROCESS_MODULES = ("multiprocessing", "concurrent.futures", "showcase.mkdocs")


def process_machinery(path: Path, shown: str) -> list[str]:
    """Imports of process pools (or of the adapter that has them) and calls of os.fork."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        found += [f"{shown}:{node.lineno}: imports {name}" for name in names
                  if any(name == m or name.startswith(m + ".") for m in PROCESS_MODULES)]
        if isinstance(node, ast.Attribute) and node.attr in ("fork", "forkpty") and \
                isinstance(node.value, ast.Name) and node.value.id == "os":
            found.append(f"{shown}:{node.lineno}: os.{node.attr}")
    return found


def cites_an_issue(path: Path) -> bool:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return re.search(r"\bissues?\b", docstring, re.IGNORECASE) is not None  # "issued" is not a citation


def core_files() -> list[tuple[str, Path]]:
    files = [(path.relative_to(REPO).as_posix(), path) for path in sorted(PACKAGE.rglob("*.py"))]
    return [(shown, path) for shown, path in files if not shown.startswith(NOT_CORE)]


# ---- the rules, on the package ------------------------------------------------------------------

def test_no_import_cycle_anywhere_in_the_package():
    cycle = find_cycle(import_graph(package_modules(PACKAGE)))
    assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_content_imports_no_other_room():
    graph = import_graph(package_modules(PACKAGE))
    foreign = [f"{module} → {target}" for module, targets in sorted(graph.items()) if module.startswith("showcase.content")
               for target in sorted(targets) if not target.startswith("showcase.content") and target != "showcase.kinds"]
    assert not foreign, "content/ imports from above it:\n" + "\n".join(foreign)


def test_rooms_import_one_way():
    graph = import_graph(package_modules(PACKAGE))
    assert not [m for m in graph if room_of(m) is None and m != "showcase"], "a module in no room: add it to ROOMS"
    upward = upward_imports(graph)
    assert not upward, "imports against the arrows:\n" + "\n".join(upward)


def test_core_modules_and_functions_are_small():
    found = [line for shown, path in core_files() for line in oversized(path.read_text(encoding="utf-8"), shown)]
    assert not found, "\n".join(found)


def test_the_core_starts_no_processes():
    found = [line for shown, path in core_files() for line in process_machinery(path, shown)]
    assert not found, "the core is handed its Workers (content/workers.py):\n" + "\n".join(found)


def test_no_module_docstring_cites_an_issue():
    found = [path.relative_to(REPO).as_posix() for path in sorted(PACKAGE.rglob("*.py")) if cites_an_issue(path)]
    assert not found, "module docstrings should say what the module holds: " + ", ".join(found)


# ---- each finder fails when the rule is broken --------------------------------------------------

def write_package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root / "pkg"


def test_the_cycle_finder_sees_a_cycle_made_by_an_import_inside_a_function(tmp_path):
    package = write_package(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from pkg import b\n",
        "pkg/b.py": "from .c import thing\n",
        "pkg/c.py": "thing = 1\n\ndef later():\n    from pkg.a import b\n",
        "pkg/d.py": "import pkg.c\n",
    })
    graph = import_graph(package_modules(package))
    assert graph["pkg.a"] == {"pkg.b"} and graph["pkg.b"] == {"pkg.c"} and graph["pkg.d"] == {"pkg.c"}
    assert find_cycle(graph) == ["pkg.a", "pkg.b", "pkg.c", "pkg.a"]
    (package / "c.py").write_text("thing = 1\n", encoding="utf-8")
    assert find_cycle(import_graph(package_modules(package))) is None


def test_an_import_against_the_arrows_is_found():
    graph = {"showcase.content.load": {"showcase.kinds"}, "showcase.domain.model": {"showcase.content.load"},
             "showcase.lint.text": {"showcase.pages.brands"}}
    assert upward_imports(graph) == ["showcase.lint.text → showcase.pages.brands"]


def test_the_size_finder_sees_a_long_function_and_a_long_module():
    body = "".join(f"    x{i} = {i}\n" for i in range(FUNCTION_LINES - 1))
    fits = f"def f():\n{body}"
    too_long = f"def f():\n{body}    return 0\n" + "\n" * MODULE_LINES
    assert oversized(fits, "fits.py") == []
    assert oversized(too_long, "long.py") == [f"long.py: {FUNCTION_LINES + 1 + MODULE_LINES} lines",
                                              f"long.py:1: f has {FUNCTION_LINES + 1} lines (at most 40)"]


def test_process_machinery_is_found(tmp_path):
    pooled, plain = tmp_path / "pooled.py", tmp_path / "plain.py"
    pooled.write_text("import os\nfrom concurrent.futures import ProcessPoolExecutor\n\n"
                      "def f():\n    import multiprocessing.pool\n    return os.fork()\n", encoding="utf-8")
    plain.write_text("import os\n\ndef f():\n    return os.getpid()\n", encoding="utf-8")
    assert process_machinery(pooled, "p.py") == ["p.py:2: imports concurrent.futures",
                                                 "p.py:5: imports multiprocessing.pool", "p.py:6: os.fork"]
    assert process_machinery(plain, "plain.py") == []


def test_a_docstring_citing_an_issue_is_found(tmp_path):
    cited, plain = tmp_path / "cited.py", tmp_path / "plain.py"
    cited.write_text('"""Fast pages (Issue 10)."""\n', encoding="utf-8")
    plain.write_text('"""Fast pages: the cache of rendered Markdown, for codes issued today."""\n', encoding="utf-8")
    assert cites_an_issue(cited) and not cites_an_issue(plain)
