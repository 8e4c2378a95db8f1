"""YAML that would take the machine down — alias bombs, deep nesting, huge files, NUL bytes, lone CR —
ends in a clear `path:line: 错误` within 10 s and 500 MB; syntax errors point at the line to change,
in Chinese. The bounded cases run `showcase check` in a child process with an address-space limit."""
from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from showcase.content.load import load_content
from showcase.content.problems import Problems
from showcase.content.text import MAX_FILE_BYTES
from showcase.content.yaml_limits import MAX_ALIAS_NODES, MAX_ALIAS_USES, MAX_DEPTH
from support.sites import REPO, copy_fixture

MEMORY_LIMIT = 500 * 1024 * 1024
TIME_LIMIT = 10.0
LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+): (?P<level>错误|警告): (?P<message>.+) — (?P<hint>.+)$")


def laughs(levels: int = 9, width: int = 9) -> str:
    """The billion-laughs document: each anchor is a list of `width` aliases of the one before."""
    rows = [f"lol0: &lol0 [{', '.join(['哈'] * width)}]"]
    rows += [f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    return "\n".join(rows) + "\n"


HONOR_HEAD = "title: 表彰\ntype: other\nyear: 2022\n"
BOMBS = {
    "laughs": HONOR_HEAD + laughs(),
    "many aliases": HONOR_HEAD + "a: &a 甲\nb: [" + ", ".join(["*a"] * 200_000) + "]\n",
    "30000 [": HONOR_HEAD + "awards: " + "[" * 30_000 + "]" * 30_000 + "\n",
    "5000 {a:": HONOR_HEAD + "awards: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n",
    "deep blocks": HONOR_HEAD + "awards:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(1_000)),
    "dashes": HONOR_HEAD + "awards:\n" + "- " * 50_000 + "x\n",
}
EXPECTED = {
    "laughs": f"引用展开后的内容超过 {MAX_ALIAS_NODES} 项",
    "many aliases": f"引用（*名字）超过 {MAX_ALIAS_USES} 次",
    "30000 [": f"嵌套层数超过 {MAX_DEPTH} 层",
    "5000 {a:": f"嵌套层数超过 {MAX_DEPTH} 层",
    "deep blocks": f"嵌套层数超过 {MAX_DEPTH} 层",
    "dashes": f"嵌套层数超过 {MAX_DEPTH} 层",
}


@pytest.fixture
def project(tmp_path):
    return copy_fixture("basic", tmp_path)


def limited_check(project: Path) -> tuple[subprocess.CompletedProcess, float, int]:
    """`showcase check` under a 500 MB address-space limit: (result, seconds, peak RSS in MB)."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    # The peak is the process's own VmHWM (kB): ru_maxrss would carry the forking parent's peak (a
    # long pytest run's), which Linux keeps across exec.
    code = ("import re, runpy, sys; sys.argv = ['showcase', 'check']\n"
            "try:\n    runpy.run_module('showcase', run_name='__main__')\n"
            "finally:\n    status = open('/proc/self/status').read()\n"
            "    print('PEAK', re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr)\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code], cwd=project, preexec_fn=limit, env=env,
                            capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - started
    peak = int(re.search(r"PEAK (\d+)", result.stderr).group(1)) // 1024
    return result, elapsed, peak


def relative(shown: str, content: Path) -> str:
    return Path(shown).resolve().relative_to(content.resolve()).as_posix()


def problem_lines(stderr: str) -> list[re.Match]:
    return [m for m in map(LINE.match, stderr.splitlines()) if m]


def assert_bounded(result, elapsed: float, peak: int) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "Error" not in output, output[-2000:]
    assert elapsed < TIME_LIMIT, f"{elapsed:.1f} s"
    assert peak < MEMORY_LIMIT // 2**20, f"{peak} MB"


def test_every_bomb_in_an_honors_file_is_one_error_in_bounded_time_and_memory(project):
    for name, text in BOMBS.items():
        (project / "content/honors" / f"bomb-{list(BOMBS).index(name)}.yml").write_text(text, encoding="utf-8")
    result, elapsed, peak = limited_check(project)
    assert_bounded(result, elapsed, peak)
    assert result.returncode == 1
    found = problem_lines(result.stdout + result.stderr)
    # every bomb reported in the one run, each once, at a line of its own file
    assert sorted(m["message"] for m in found) == sorted(EXPECTED.values()), result.stdout
    for match in found:
        path = project / match["path"]
        assert 1 <= int(match["line"]) <= path.read_text(encoding="utf-8").count("\n"), match.group()


def test_bombs_in_front_matter_are_reported_at_their_line_in_the_article(project):
    article = project / "content/column/2023/first.md"
    head, body = article.read_text(encoding="utf-8").split("\n---\n", 1)
    article.write_text(head + "\nextra: " + "[" * 30_000 + "]" * 30_000 + "\n---\n" + body, encoding="utf-8")
    second = project / "content/column/2023/second.md"
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("---\n", "---\n" + laughs() , 1), encoding="utf-8")
    result, elapsed, peak = limited_check(project)
    assert_bounded(result, elapsed, peak)
    found = {m["path"]: m for m in problem_lines(result.stdout + result.stderr)}
    deep = found["content/column/2023/first.md"]
    assert deep["message"] == EXPECTED["30000 ["]
    assert int(deep["line"]) == head.count("\n") + 2  # the `extra:` line, counted from the file's top
    bomb = found["content/column/2023/second.md"]
    assert bomb["message"] == EXPECTED["laughs"]
    assert 2 <= int(bomb["line"]) <= 11  # a line of the lol rows, which start on line 2


def test_a_huge_file_is_refused_before_it_is_read_whole(project):
    huge = project / "content/honors/huge.yml"
    with huge.open("w", encoding="utf-8") as handle:
        handle.write(HONOR_HEAD + "awards:\n")
        row = "  - {name: 甲, unit: wenlv}\n"
        handle.write(row * (60 * 2**20 // len(row.encode())))
    result, elapsed, peak = limited_check(project)
    assert_bounded(result, elapsed, peak)
    messages = [m["message"] for m in problem_lines(result.stdout + result.stderr) if m["path"] == "content/honors/huge.yml"]
    assert messages == [f"文件太大（超过 {MAX_FILE_BYTES // 2**20} MB）"]


def test_nul_bytes_are_an_error_at_their_line_and_lone_cr_a_warning(tmp_path):
    content = copy_fixture("basic", tmp_path) / "content"
    honors = content / "honors/2022-five-star.yml"
    (content / "honors/nul.yml").write_bytes(b"title: a\ntype: other\nyear: 2022\xe5\0\n")
    (content / "honors/utf16.yml").write_bytes(HONOR_HEAD.encode("utf-16"))
    (content / "honors/mac.yml").write_bytes(honors.read_bytes().replace(b"\n", b"\r"))
    problems = load_content(content).problems
    by_path = {relative(p.path, content): p for p in problems.items}
    assert by_path["honors/nul.yml"].line == 3 and by_path["honors/nul.yml"].is_error
    assert "NUL" in by_path["honors/nul.yml"].message
    assert by_path["honors/utf16.yml"].is_error and "NUL" in by_path["honors/utf16.yml"].message
    mac = by_path["honors/mac.yml"]
    assert not mac.is_error and mac.line == 1 and "CR" in mac.message
    # read as lines all the same: the record is loaded with the lines it had
    record = next(r for r in load_content(content).records if r.path.name == "mac.yml")
    assert record.data["year"] == 2022 and record.lines[("year",)] == 3


def test_a_lone_cr_after_normal_lines_is_reported_where_it_is(tmp_path):
    content = copy_fixture("basic", tmp_path) / "content"
    (content / "honors/mixed.yml").write_bytes(b"title: a\ntype: other\r\nyear: 2022\rlabel: x\n")
    found = [p for p in load_content(content).problems.items if relative(p.path, content) == "honors/mixed.yml"]
    assert [(p.line, p.is_error) for p in found] == [(3, False)]


# ---- syntax errors: the line to change, in Chinese ---------------------------------------------------

SYNTAX = {  # text after the honors head (lines 1-3) → the line the editor has to change
    "key without colon": ("label: 甲\nfoo\nbar: 乙\n", 5),
    "colon in value": ("label: 甲: 乙\nx: 1\n", 4),
    "unclosed bracket": ("tags: [a, b\nx: 1\n", 4),
    "unclosed quote at the end": ('x: 1\nlabel: "甲\n', 5),
    "indent": ("awards:\n  - name: 甲\n - name: 乙\n", 6),
    "undefined alias": ("label: *nope\n", 4),
    "at sign": ("label: @甲\n", 4),
    "two documents": ("label: 甲\n---\nx: 1\n", 5),
    "bad escape": ('label: "甲\\q"\n', 4),
    "percent directive": ("%YAML 9\n", 4),
}


@pytest.mark.parametrize("name", SYNTAX)
def test_a_syntax_error_points_at_its_line_in_chinese(tmp_path, name):
    text, line = SYNTAX[name]
    content = copy_fixture("basic", tmp_path) / "content"
    (content / "honors/h.yml").write_text(HONOR_HEAD + text, encoding="utf-8")
    found = [p for p in load_content(content).problems.items if relative(p.path, content) == "honors/h.yml"]
    assert len(found) == 1, found
    problem = found[0]
    assert problem.is_error and problem.line == line, problem.format()
    assert problem.message.startswith("YAML 格式错误：")
    assert not re.search(r"[A-Za-z]{4,}", problem.message.replace("YAML", "")), problem.message


def test_the_editors_guide_states_the_bounds_the_loader_applies():
    guide = (REPO / "docs/editors-guide.md").read_text(encoding="utf-8")
    section = guide.split("## 文件的上限", 1)[1].split("\n## ", 1)[0]
    for stated in (f"{MAX_FILE_BYTES // 2**20} MB", f"{MAX_DEPTH} 层", f"{MAX_ALIAS_USES} 次", f"{MAX_ALIAS_NODES} 项"):
        assert stated in section, stated


@pytest.mark.parametrize("slip, line_of_slip", [("x: [\n", 0), ("  - name: 甲\n   unit: wenlv\n", 1),
                                                 ('label: "甲\n', 0)])
def test_a_big_file_with_a_syntax_error_is_explained_at_its_line_without_reading_it_twice(slip, line_of_slip):
    from showcase.content.yaml_positions import PYTHON_RETRY_CHARS, _parse_python, parse_yaml

    rows = "".join(f"  - {{name: 第{i}名, unit: wenlv}}\n" for i in range(PYTHON_RETRY_CHARS // 20))
    text = HONOR_HEAD + "awards:\n" + rows + slip
    assert len(text) > PYTHON_RETRY_CHARS
    fast, slow = Problems(), Problems()
    parse_yaml(text, Path("h.yml"), fast)
    _parse_python(text, Path("h.yml"), slow, 1)
    expected_line = text.count("\n") - slip.count("\n") + 1 + line_of_slip
    assert [p.line for p in fast.items] == [p.line for p in slow.items] == [expected_line]
    message = fast.items[0].message
    assert message.startswith("YAML 格式错误：") and not re.search(r"[A-Za-z]{4,}", message.replace("YAML", ""))


def nested(depth: int, shape: str) -> str:
    """A document whose deepest value sits `depth` collections down, in block or flow style."""
    if shape == "flow":
        return "a: " + "[" * (depth - 1) + "1" + "]" * (depth - 1) + "\n"
    if shape == "block":
        return "".join(" " * i + f"k{i}:\n" for i in range(depth - 1)) + " " * (depth - 1) + "v: 1\n"
    levels = (depth - 2) // 2  # a mapping, then a list and a mapping per level, then a list
    return "a:\n" + "".join("  " * i + "- b:\n" for i in range(levels)) + "  " * levels + "- c\n"


@pytest.mark.parametrize("shape", ["flow", "block", "mixed"])
def test_the_depth_bound_is_exactly_the_stated_one(shape):
    from showcase.content.yaml_positions import parse_yaml

    for depth, refused in ((MAX_DEPTH, False), (MAX_DEPTH + 2, True)):
        problems = Problems()
        data, _ = parse_yaml(nested(depth, shape), Path("x.yml"), problems)
        assert (data is None) == refused and bool(problems.errors) == refused, (shape, depth, problems.report())
