"""Privacy lint: 身份证号, mainland mobile numbers and photos of people without consent.

Errors, because a leaked number cannot be taken back. Every line of every content file is searched
(front matter, body, data files): a number in a YAML comment is one copy-paste from publication. A
record may allow a number it really must show (a unit's public service hotline) with
`allow: [{match: 号码, reason: 理由}]`. Messages show the number masked (138****1234), never whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from showcase.content.records import Record
from showcase.lint.findings import ERROR, Finding
from showcase.lint.segments import raw_lines

# 18-digit citizen ID (GB 11643-1999): 6-digit area, birth date 18xx–20xx, sequence, check digit.
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx])(?![0-9A-Za-z])")
# Mainland mobile: 1[3-9] + 9 digits, written 13812345678, 138 1234 5678 or 138-1234-5678, maybe +86.
MOBILE = re.compile(r"(?<![0-9A-Za-z+])((?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2})(?![0-9A-Za-z])")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS)) % 11]


def is_valid_id(number: str) -> bool:
    number = number.upper()
    return len(number) == 18 and number[:17].isdigit() and id_check_digit(number[:17]) == number[17]


def digits(text: str) -> str:
    """The number alone: spaces and dashes dropped, a mobile's +86 / 0086 / 86 prefix too."""
    bare = re.sub(r"[\s\-]", "", str(text)).upper()
    return re.sub(r"^(?:\+|00)?86(?=1[3-9]\d{9}$)", "", bare)


def mask(number: str) -> str:
    """138****1234 for a mobile; 110***********1234 for an ID number. Never the whole number."""
    bare = digits(number)
    if len(bare) == 11:
        return f"{bare[:3]}****{bare[-4:]}"
    if len(bare) == 18:
        return f"{bare[:3]}{'*' * 11}{bare[-4:]}"
    keep = max(1, len(bare) // 4)
    return bare[:keep] + "*" * (len(bare) - 2 * keep) + bare[-keep:]


@dataclass(frozen=True)
class Found:
    kind: str  # "id" | "mobile"
    text: str  # as written
    line: int
    col: int

    @property
    def label(self) -> str:
        return "身份证号" if self.kind == "id" else "手机号"


def find_numbers(line: str, number: int) -> list[Found]:
    found = []
    taken = []
    for match in ID_NUMBER.finditer(line):
        if is_valid_id(match.group(1)):
            found.append(Found("id", match.group(1), number, match.start(1)))
            taken.append(match.span(1))
    for match in MOBILE.finditer(line):
        if not any(a <= match.start(1) < b for a, b in taken):
            found.append(Found("mobile", match.group(1), number, match.start(1)))
    return found


# ---- findings ---------------------------------------------------------------------------------

def records_by_line(records: list[Record]) -> dict[Path, list[tuple[int, Record]]]:
    """For each file, its records with the first line each covers (list files hold many)."""
    by_path: dict[Path, list[tuple[int, Record]]] = {}
    for record in records:
        start = record.line() if record.base_line else 1
        by_path.setdefault(record.path, []).append((start, record))
    for starts in by_path.values():
        starts.sort(key=lambda item: item[0])
    return by_path


def owner(starts: list[tuple[int, Record]], line: int) -> Record | None:
    current = None
    for start, record in starts:
        if start <= line:
            current = record
    return current or (starts[0][1] if starts else None)


def is_allowance_line(record: Record | None, found: Found) -> bool:
    """The number written in the record's own `allow` list is the allowance, not a leak."""
    if record is None:
        return False
    return any(record.line("allow", i, "match") == found.line and digits(a.get("match", "")) == digits(found.text)
               for i, a in enumerate(record.get("allow", [])))


# Seven digits in a row (a space or dash allowed after three): in every ID and mobile number. A file
# without one is done with one search instead of two per line (issue 10).
_NUMBER_LIKE = re.compile(r"\d{3}[ -]?\d{4}")


def privacy_findings(records: list[Record], paths: list[Path], cache: dict) -> list[Finding]:
    """ID and mobile numbers on every line of the records' files and of `paths` (plain pages)."""
    findings = []
    by_path = records_by_line(records)
    for path in sorted(set(by_path) | set(paths)):
        starts = by_path.get(path, [])
        if not _NUMBER_LIKE.search("\n".join(raw_lines(path, cache))):
            continue
        for number, line in enumerate(raw_lines(path, cache), start=1):
            for found in find_numbers(line, number):
                record = owner(starts, number)
                if is_allowance_line(record, found):
                    continue
                findings.append(Finding(
                    path, number, ERROR, f"疑似{found.label} {mask(found.text)}，不能公开发布",
                    "删除或打码（如 138****1234）；确需公开的号码（如服务热线）在本记录的 allow 中写明 match 和 reason",
                    found.text, line, record, found.col, None, digits=True))
    return findings


def photo_consent_findings(records: list[Record]) -> list[Finding]:
    """An exemplar's photo shows people: it needs their consent (`consent: true`) to be published."""
    findings = []
    for record in records:
        photo = record.get("photo") if record.kind == "exemplar" else None
        if not photo or photo.get("consent") is True:
            continue
        consent = photo.get("consent")
        line = record.line("photo", "consent") if consent is not None else record.line("photo")
        if consent is False:
            message, hint = ("照片中的人物未同意公开（consent: false），不能发布这张照片",
                             "删除 photo，或取得本人同意后改为 consent: true")
        else:
            message, hint = ("人物照片缺少 consent: true（本人同意公开）",
                             "取得本人同意后在 photo 中加上 consent: true；未同意的删除 photo")
        findings.append(Finding(record.path, line, ERROR, message, hint, "", "", record))
    return findings
