"""The libyaml composer (showcase/content/yaml_positions.py) gives the same values, lines and messages
as the pure-Python loader it replaced; every YAML error is reported by the pure-Python loader."""
from __future__ import annotations

from pathlib import Path

import pytest

from showcase.content import yaml_positions
from showcase.content.load import split_front_matter
from showcase.content.problems import Problems
from support.sites import FIXTURES, REPO

pytestmark = pytest.mark.skipif(yaml_positions._CLoader is None, reason="PyYAML without libyaml")


def both(text: str, first_line: int = 1):
    fast_problems, slow_problems = Problems(), Problems()
    fast = yaml_positions.parse_yaml(text, Path("x.yml"), fast_problems, first_line)
    slow = yaml_positions._parse_python(text, Path("x.yml"), slow_problems, first_line)
    return (fast, fast_problems.report()), (slow, slow_problems.report())


def yaml_sources():
    for root in (REPO / "content", *FIXTURES.iterdir()):
        for path in sorted(Path(root).rglob("*")):
            if path.suffix in (".yml", ".yaml") and "mkdocs" not in path.name:
                yield path, path.read_text(encoding="utf-8"), 1
            elif path.suffix == ".md":
                text = path.read_text(encoding="utf-8")
                split = split_front_matter(text, path, Problems()) if text.startswith("---\n") else None
                if split:
                    yield path, split[0], split[1]


def test_every_content_file_parses_to_the_same_values_and_lines():
    sources = list(yaml_sources())
    assert len(sources) > 100
    for path, text, first in sources:
        fast, slow = both(text, first)
        assert fast == slow, path


@pytest.mark.parametrize("text", [
    "title: 标题\nstatus: on\nok: yes\nflag: true\nwhen: 2023-02-30\nday: 2023-02-28\n",  # YAML 1.1 words stay words
    "a: 1\na: 2\n",  # duplicate key: reported once, with its line
    "list:\n  - {ref: x, name: 一}\n  - {ref: null, name: 二}\nnested:\n  deep:\n    - 1\n",
    "",
])
def test_values_lines_and_problems_match(text):
    fast, slow = both(text, 5)
    assert fast == slow


@pytest.mark.parametrize("text", [
    "title: \"没有结束的引号\nnext: 1\n",
    "a: b: c\n",
    "list:\n  - a\n - b\n",
    "key: !unknown tag\n",
    "a: [1, 2\n",
    "bell: \x07\n",  # the pure-Python reader refuses control characters: so must we
])
def test_errors_are_reported_as_the_pure_python_loader_reports_them(text):
    fast, slow = both(text, 3)
    assert fast == slow
    assert "错误" in fast[1]
