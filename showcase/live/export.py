"""`showcase live … --export`: the day's scores and crowd votes written back into the competition's YAML,
and the audit log as a CSV.

The YAML is edited round-trip (ruamel.yaml): the scores of the rounds scored live replace their rows in
`scores` (one flow-style row per judge, team and round, as editors write them), each voted team gets its
`vote`; comments, order and every other byte stay as they were. Awards are not written: the site derives
them from the scores by `tiers`, exactly as the live screen did (an explicit `award` would take a seat).
The audit CSV stays in live/<id>/ — files under content/ are published as assets.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from showcase.content.yaml_round_trip import round_trip

from showcase.live.results import live_scores, yaml_number
from showcase.live.rules import LiveCompetition
from showcase.live.state import State
from showcase.live.store import Event

KIND_NAMES = {
    "code_issued": "发码", "code_revoked": "作废评审码", "login": "输入评审码", "current": "切换队伍",
    "score": "提交评分", "correction": "更正评分", "lock": "锁定", "reopen": "重新开放", "vote": "录入群众投票",
    "publish": "公布得分", "awards": "公布获奖名单", "refused": "被拒绝",
}
SECRET_KEYS = ("hash", "session", "csrf")  # never in the audit file


def flow(data: dict) -> CommentedMap:
    mapping = CommentedMap()
    for key, value in data.items():
        mapping[key] = flow(value) if isinstance(value, dict) else value
    mapping.fa.set_flow_style()
    return mapping


def updated_yaml(text: str, comp: LiveCompetition, state: State) -> str:
    """The competition file's text with the day's scores and votes written in."""
    yaml = round_trip()
    data = yaml.load(text)
    rows = live_scores(comp, state)
    live_rounds = {row["round"] for row in rows}
    for entry in data.get("entries") or []:
        if entry.get("id") in state.votes:
            entry["vote"] = yaml_number(state.votes[entry["id"]])
    scores = data.get("scores")
    if scores is None:  # appended as text: a comment ending the file (e.g. “# 评分明细…”) stays above it
        return dumped(yaml, data) + dumped(yaml, {"scores": CommentedSeq([flow(row) for row in rows])})
    keep = [item for item in scores if item.get("round") not in live_rounds]
    del scores[:]
    scores.extend(keep + [flow(row) for row in rows])
    return dumped(yaml, data)


def dumped(yaml, data) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write via a temporary file beside `path` and os.replace: never a half-written file."""
    path = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def audit_csv(events: list[Event], comp: LiveCompetition) -> str:
    """Every event, in order, for the 公示 file (secrets — code hashes, session tokens — left out)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["序号", "时间", "操作", "评委", "轮次", "队伍", "设备", "内容"])
    for event in events:
        judge = comp.judge(event.judge) if event.judge else None
        round_ = comp.round(event.round) if event.round else None
        details = {k: v for k, v in event.data.items() if k not in SECRET_KEYS}
        writer.writerow([event.id, event.at, KIND_NAMES.get(event.kind, event.kind),
                         judge["name"] if judge else event.judge, round_["name"] if round_ else event.round,
                         comp.entry_label(event.entry) if event.entry else "", event.device,
                         json.dumps(details, ensure_ascii=False, sort_keys=True) if details else ""])
    return out.getvalue()


def export(yaml_path: Path, audit_path: Path, comp: LiveCompetition, state: State, events: list[Event]) -> None:
    text = Path(yaml_path).read_text(encoding="utf-8")
    updated = updated_yaml(text, comp, state)
    write_atomic(audit_path, "\ufeff" + audit_csv(events, comp))  # BOM: Excel opens it as UTF-8
    write_atomic(yaml_path, updated)
