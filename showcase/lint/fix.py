"""`showcase check --fix`: correct the purely typographic findings in place.

Only the offending characters change: the file keeps its encoding, BOM, line ends and every other
byte. A fix inside a YAML value is kept only if the file still parses to the same data (up to the
punctuation fixed); otherwise that file's YAML fixes are left for the editor and reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from showcase.content.problems import Problems
from showcase.content.yaml_positions import parse_yaml
from showcase.lint.findings import Finding

_LINE_ENDS = re.compile(r"(\r\n|\r|\n)")
_NORMAL = str.maketrans({"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")",
                         "“": '"', "”": '"', "‘": "'", "’": "'",
                         # a 文号's year: [2023] ［2023］ 【2023】 (2023) all read as 〔2023〕
                         "[": "(", "]": ")", "［": "(", "］": ")", "【": "(", "】": ")", "〔": "(", "〕": ")"})


@dataclass
class FixReport:
    fixed: dict[Path, int] = field(default_factory=dict)  # file → fixes written
    skipped: list[Finding] = field(default_factory=list)  # fixable in principle, left alone

    @property
    def count(self) -> int:
        return sum(self.fixed.values())


def fixable(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.fix is not None]


def fix_files(findings: list[Finding]) -> FixReport:
    report = FixReport()
    by_path: dict[Path, list[Finding]] = {}
    for finding in fixable(findings):
        if finding.col is None:
            report.skipped.append(finding)
        else:
            by_path.setdefault(finding.path, []).append(finding)
    for path, wanted in sorted(by_path.items()):
        written, skipped = fix_file(path, wanted)
        report.skipped.extend(skipped)
        if written:
            report.fixed[path] = written
    return report


def fix_file(path: Path, findings: list[Finding]) -> tuple[int, list[Finding]]:
    """Apply the fixes to one file; (fixes written, findings left alone)."""
    raw = path.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    body = raw[len(bom):]
    try:
        text, encoding = body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = body.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            return 0, findings
        if text.encode(encoding) != body:
            return 0, findings  # would not round-trip byte for byte
    new_text, applied, skipped = _apply(text, findings)
    yaml_fixes = [f for f in applied if f.yaml]
    if yaml_fixes and not same_data(path, text, new_text):
        new_text, applied, more = _apply(text, [f for f in applied if not f.yaml])
        skipped = skipped + more + yaml_fixes
    if applied:
        path.write_bytes(bom + new_text.encode(encoding))
    return len(applied), skipped


def _apply(text: str, findings: list[Finding]) -> tuple[str, list[Finding], list[Finding]]:
    parts = _LINE_ENDS.split(text)  # line, end, line, end, …, line
    applied, skipped = [], []
    by_line: dict[int, list[Finding]] = {}
    for finding in findings:
        by_line.setdefault(finding.line, []).append(finding)
    for number, wanted in by_line.items():
        index = (number - 1) * 2
        if index >= len(parts):
            skipped.extend(wanted)
            continue
        line = parts[index]
        done_until = len(line) + 1
        for finding in sorted(wanted, key=lambda f: f.col, reverse=True):
            end = finding.col + len(finding.match)
            if line[finding.col:end] != finding.match or end > done_until:
                skipped.append(finding)  # the line is not what the check saw, or fixes overlap
                continue
            line = line[:finding.col] + finding.fix + line[end:]
            done_until = finding.col
            applied.append(finding)
        parts[index] = line
    return "".join(parts), applied, skipped


def same_data(path: Path, before: str, after: str) -> bool:
    """Both texts' YAML (front matter, or the whole data file) hold the same data, punctuation aside."""
    found = Problems()  # the loader's bounds apply here too: a bomb is "not the same", never a hang
    data = [_yaml_of(path, text, found) for text in (before, after)]
    return not found.errors and _normal(data[0]) == _normal(data[1])


def _yaml_of(path: Path, text: str, problems: Problems):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix in (".md", ".markdown"):
        lines = text.split("\n")
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), len(lines))
        text = "\n".join(lines[1:end])
    return parse_yaml(text, path, problems)[0]


def _normal(value):
    if isinstance(value, str):
        text = value.translate(_NORMAL).replace("……", "...")
        return re.sub(r"\s+", "", re.sub(r"\.{3,}|。{2,}|…", "...", text))
    if isinstance(value, list):
        return [_normal(item) for item in value]
    if isinstance(value, dict):
        return {key: _normal(item) for key, item in value.items()}
    return value


def fix_content(root: Path) -> str:
    """`showcase check --fix`: fix what is purely typographic under `root`; a summary for the editor."""
    from showcase.content.load import load_content
    from showcase.content.problems import Problems, display_path
    from showcase.content.validate import validate_records
    from showcase.lint.checks import lint_findings

    loaded = load_content(root)  # the records as `showcase check` validates them; their problems aside
    records = validate_records(loaded.records, loaded.problems)
    findings, _used = lint_findings(records, root, Problems())
    report = fix_files(findings)
    if not report.count:
        return "没有可以自动修改的排版问题。"
    lines = [f"已自动修改 {report.count} 处（{len(report.fixed)} 个文件）："]
    lines += [f"  {display_path(path)}：{count} 处" for path, count in sorted(report.fixed.items())]
    if report.skipped:
        lines.append(f"另有 {len(report.skipped)} 处无法安全地自动修改，请按下面的提示手工修改。")
    return "\n".join(lines)
