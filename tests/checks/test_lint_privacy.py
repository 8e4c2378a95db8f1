"""Privacy lint: ID and mobile numbers with file:line, masked, allowed only per record with a reason."""
from __future__ import annotations

import pytest

from showcase.lint.privacy import digits, find_numbers, id_check_digit, is_valid_id, mask
from support.sites import copy_fixture, showcase

HINT = "删除或打码（如 138****1234）；确需公开的号码（如服务热线）在本记录的 allow 中写明 match 和 reason"
FULL_NUMBERS = ("13812345678", "138 1234 5678", "11010519491231002X", "137-1234-5678", "13712345678",
                "186-0000-1111", "18600001111")


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    project = copy_fixture("publish-lint", tmp_path_factory.mktemp("privacy"))
    return project, showcase("check", cwd=project)


def test_numbers_are_errors_with_file_line_and_masked(checked):
    _project, result = checked
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for expected in (
        f"content/about.md:3: 错误: 疑似手机号 186****1111，不能公开发布 — {HINT}",
        f"content/brands/phones/index.md:4: 错误: 疑似手机号 138****5678，不能公开发布 — {HINT}",
        f"content/brands/phones/index.md:12: 错误: 疑似手机号 137****5678，不能公开发布 — {HINT}",
        f"content/brands/phones/index.md:12: 错误: 疑似身份证号 110***********002X，不能公开发布 — {HINT}",
    ):
        assert expected in lines
    privacy = [line for line in lines if "疑似手机号" in line or "疑似身份证号" in line]
    assert len(privacy) == 4  # the allowed hotline, the bad-checksum number, 1350000 元: none


def test_the_full_number_is_never_printed(checked):
    _project, result = checked
    for number in FULL_NUMBERS:
        assert number not in result.stdout + result.stderr


def test_an_unused_allowance_is_a_warning(checked):
    _project, result = checked
    assert ("content/brands/phones/index.md:6: 警告: allow 中的例外“08*****45”在本记录里没有用到"
            " — 删除这一项，以免日后误放行") in result.stdout.splitlines()


def test_photos_of_people_need_consent(checked):
    _project, result = checked
    lines = result.stdout.splitlines()
    assert ("content/exemplars/no-consent/index.md:6: 错误: 人物照片缺少 consent: true（本人同意公开）"
            " — 取得本人同意后在 photo 中加上 consent: true；未同意的删除 photo") in lines
    assert ("content/exemplars/refused/index.md:8: 错误: 照片中的人物未同意公开（consent: false），不能发布这张照片"
            " — 删除 photo，或取得本人同意后改为 consent: true") in lines


def test_an_allowance_needs_a_reason(tmp_path):
    project = copy_fixture("publish-lint", tmp_path)
    page = project / "content/brands/phones/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        '  - {match: "13912345678", reason: 单位公开的服务热线}', '  - {match: "13912345678"}'), encoding="utf-8")
    lines = showcase("check", cwd=project).stdout.splitlines()
    assert "content/brands/phones/index.md:7: 错误: 缺少必填字段 reason（允许的理由） — 加上 `reason: …`" in lines


def test_a_build_with_a_number_is_refused_and_writes_nothing(tmp_path):
    project = copy_fixture("publish-lint", tmp_path)
    result = showcase("build", cwd=project)
    assert result.returncode == 1
    assert f"content/about.md:3: 错误: 疑似手机号 186****1111，不能公开发布 — {HINT}" in result.stderr
    assert not (project / "site").exists()


# ---- the rules -----------------------------------------------------------------------------------

@pytest.mark.parametrize("number, valid", [
    ("11010519491231002X", True), ("440301199003071230", True), ("310115198511204566", True),
    ("110105194912310020", False), ("440301199003071231", False), ("11010519491231002x", True),
])
def test_id_check_digit_gb11643(number, valid):
    assert is_valid_id(number) is valid


def test_check_digit_of_the_standard_example():
    # GB 11643-1999's worked example: 11010519491231002 → X.
    assert id_check_digit("11010519491231002") == "X"


@pytest.mark.parametrize("text, found", [
    ("电话13812345678。", ["13812345678"]),
    ("电话 138 1234 5678", ["138 1234 5678"]),
    ("电话138-1234-5678", ["138-1234-5678"]),
    ("固话0871-65123456", []),
    ("12812345678 不是手机号", []),
    ("编号213812345678", []),
    ("身份证440301199003071230，手机19912345678", ["440301199003071230", "19912345678"]),
    ("校验位不对440301199003071231", []),
    ("国际格式+86 138 1234 5678、8613912345678", ["+86 138 1234 5678", "8613912345678"]),
])
def test_find_numbers(text, found):
    assert [f.text for f in find_numbers(text, 1)] == found


def test_masks_keep_only_the_ends():
    assert mask("138 1234 5678") == "138****5678"
    assert mask("440301199003071230") == "440***********1230"
    assert digits("138-1234 5678") == "13812345678"
    assert digits("+86 138-1234-5678") == digits("0086 13812345678") == "13812345678"
    assert mask("+86 138 1234 5678") == "138****5678"
