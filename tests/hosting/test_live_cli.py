"""`showcase live` on the command line: it refuses content that does not check and unknown
competitions, and `--codes` prints a sheet of QR codes and PINs that needs nothing from outside."""
from __future__ import annotations

import re

import pytest

from support.live import COMPETITION, competition_file, issue_codes, live_project
from support.sites import showcase


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return live_project(tmp_path_factory.mktemp("live-cli"))


def test_codes_sheet_has_a_qr_code_and_pin_per_judge_and_the_host(project):
    first = issue_codes(project)
    assert len(first) == 8 and all(re.fullmatch(r"\d{6}", pin) for pin in first.values())
    assert len(set(first.values())) == 8
    sheet = (project / "live" / COMPETITION / "codes.html").read_text(encoding="utf-8")
    assert sheet.count("<svg") == 8
    for pin in first.values():
        assert f"{pin[:3]} {pin[3:]}" in sheet
    assert f"/judge?code={first['j1']}" in sheet
    assert not re.search(r"""(?:src|href)=["']?https?://""", sheet)  # no fetched resource, only the printed URL
    second = issue_codes(project)
    assert second.keys() == first.keys()
    rewritten = (project / "live" / COMPETITION / "codes.html").read_text(encoding="utf-8")
    assert f"{second['j1'][:3]} {second['j1'][3:]}" in rewritten  # new codes replace the old sheet


def test_refuses_to_start_on_content_with_errors(project, tmp_path):
    path = competition_file(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{name: 品牌内涵, max: 30,", "{name: 品牌内涵, max: -30,"), encoding="utf-8")
    try:
        result = showcase("live", COMPETITION, cwd=project)
    finally:
        path.write_text(text, encoding="utf-8")
    assert result.returncode == 1
    assert "满分应大于 0" in result.stderr and "不能开始现场评分" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_competition(project):
    result = showcase("live", "no-such-show", cwd=project)
    assert result.returncode == 2
    assert "没有展示赛“no-such-show”" in result.stderr and COMPETITION in result.stderr
