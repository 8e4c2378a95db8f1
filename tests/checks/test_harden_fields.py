"""Markup in a plain-text field is a check error with its file and line, in every field of every kind."""
from __future__ import annotations

import re

from support.payloads import MARKUP_PAYLOADS, TEXT_PAYLOAD, inject
from support.sites import copy_fixture, showcase

PROBLEM = re.compile(r"^(content/\S+):(\d+): 错误: (\S+) 是纯文字，不能含 HTML 标记“(.+)” — .+$")


def test_markup_in_every_text_field_is_an_error_at_its_line(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    injected = inject(project / "content", lambda n: f"【{n}】{MARKUP_PAYLOADS[n % len(MARKUP_PAYLOADS)]}")
    assert len(injected) > 40  # every kind's text fields, not a handful

    result = showcase("check", cwd=project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    problems = [PROBLEM.match(line) for line in result.stderr.splitlines() + result.stdout.splitlines()]
    found = [m for m in problems if m]
    seen = set()
    for match in found:
        path, line = project / match.group(1), int(match.group(2))
        text = path.read_text(encoding="utf-8").splitlines()[line - 1]
        marker = re.search(r"【(\d+)】", text)
        assert marker is not None, f"{match.group(0)} points at a line without the markup: {text}"
        assert match.group(4).lstrip("\"'>") in text
        seen.add(int(marker.group(1)))
    assert seen == set(range(len(injected))), f"fields not reported: {sorted(set(range(len(injected))) - seen)}"


def test_the_build_refuses_markup_and_writes_nothing(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    inject(project / "content", lambda n: MARKUP_PAYLOADS[1] if n == 0 else "")
    result = showcase("build", cwd=project)
    assert result.returncode != 0
    assert "是纯文字，不能含 HTML 标记" in result.stderr
    assert not (project / "site").exists()


def test_text_that_only_looks_dangerous_passes(tmp_path):
    """Quotes, `1<2`, an entity, `javascript:` as a word: plain text, shown as typed (site/test_harden_escape.py)."""
    project = copy_fixture("one-of-each", tmp_path)
    inject(project / "content", lambda n: TEXT_PAYLOAD)
    result = showcase("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "HTML 标记" not in result.stderr
