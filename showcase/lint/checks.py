"""The lints as `showcase check` runs them: privacy and text, minus what records explicitly allow."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from showcase.content.workers import ChunkMap, in_one_go
from showcase.content.problems import Problems
from showcase.content.records import Record
from showcase.lint.findings import Finding
from showcase.lint.privacy import digits, mask, photo_consent_findings, privacy_findings
from showcase.lint.names import load_names
from showcase.lint.segments import plain_page_paths, plain_page_segments, record_segments
from showcase.lint.text import segment_findings


def lint_findings(records: list[Record], root: Path, problems: Problems,
                  chunk_map: ChunkMap = in_one_go) -> tuple[list[Finding], set[tuple]]:
    """Every finding not allowed by its record, and the allowances that were used. Problems of the
    names list itself go to `problems`; `chunk_map` may share the text lint between processes."""
    cache: dict = {}
    found = privacy_findings(records, plain_page_paths(root), cache) + photo_consent_findings(records)
    rules = load_names(root, problems)

    def text_findings(chunk: list[tuple[int, Record]]) -> list[tuple[int, Finding]]:
        return [(i, f) for i, record in chunk for s in record_segments(record, cache) for f in segment_findings(s, rules)]

    # Findings from a chunk done in another process carry copies of their records: put the records
    # themselves back.
    for part in chunk_map(text_findings, list(enumerate(records))):
        found.extend(replace(f, record=records[i]) if f.record is not None else f for i, f in part)
    for segment in plain_page_segments(root, cache):
        found.extend(segment_findings(segment, rules))
    kept, used = [], set()
    for finding in found:
        index = allowance_for(finding)
        if index is None:
            kept.append(finding)
        else:
            used.add((finding.record.key, finding.record.path, index))
    return kept, used


def allowance_for(finding: Finding) -> int | None:
    """Index of the record's `allow` entry that permits this finding, if any."""
    if finding.record is None or not finding.match:
        return None
    for i, allowance in enumerate(finding.record.get("allow", [])):
        match = str(allowance.get("match", ""))
        if not match:
            continue
        if finding.digits:
            if digits(match) == digits(finding.match):
                return i
        elif finding.match in match and match in finding.context:
            return i
    return None


def check_lints(records: list[Record], context, problems: Problems) -> None:
    findings, used = lint_findings(records, context.root, problems, context.workers.chunks)
    for finding in findings:
        finding.report(problems)
    for record in records:
        for i, allowance in enumerate(record.get("allow", [])):
            if (record.key, record.path, i) not in used:
                match = str(allowance.get("match", ""))
                bare = digits(match)
                shown = mask(match) if len(bare) >= 7 and bare.rstrip("X").isdigit() else match
                problems.warning(record.path, record.line("allow", i, "match"),
                                 f"allow 中的例外“{shown}”在本记录里没有用到",
                                 "删除这一项，以免日后误放行")
