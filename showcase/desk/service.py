"""What the desk does, without HTTP: open a record for its form, start a new one, check a form's values,
save them (only when the check finds no error and the file is still the one the form was opened with),
and take an uploaded picture. Each answer is plain data for the JSON API (showcase/desk/app.py).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from showcase.content import schema
from showcase.content.load import ID_PATTERN
from showcase.desk import defaults, forms
from showcase.desk.check import StagedCopy, check_file
from showcase.desk.records import ContentState, Snapshot, baseline, listing
from showcase.desk.save import Conflict, digest, read_values, updated_text, write_if_unchanged
from showcase.desk.uploads import MAX_BYTES, Refused, store_upload
from showcase.kinds import BY_NAME


@dataclass
class Desk:
    """One content folder's desk. `markdown`: the site's Markdown converter (handed in by the MkDocs
    adapter); `frame`: the served site's stylesheet addresses and <body> attributes, for the body's
    preview ({"styles": [...], "body": {...}})."""

    root: Path
    markdown: Callable[[str], str] | None = None
    frame: Callable[[], dict] = dict
    upload_limit: int = MAX_BYTES
    state: ContentState = field(init=False)
    copy: StagedCopy = field(init=False)
    lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self):
        self.root = Path(self.root).absolute()
        self.state = ContentState(self.root)
        self.copy = StagedCopy(self.root)

    # -- reading --
    def records(self) -> dict:
        return {"records": listing(self.state)}

    def form(self, kind: str) -> dict:
        _editable(kind)
        index = self.state.checked().index
        return {"form": forms.form_of(kind, index), "pickers": forms.pickers(index)}

    def open(self, kind: str, record_id: str) -> dict:
        record = self._record(kind, record_id)
        data = record.path.read_bytes()
        try:
            values, body = read_values(data.decode("utf-8"), record.path.suffix == ".md")
        except Exception as exc:  # ruamel refuses what the loader let through (e.g. a repeated key)
            raise Refused(f"{self._rel(record.path)} 无法用表单打开（{type(exc).__name__}）",
                          "先在文件中改正（showcase check 列出问题），再用表单编辑", 422) from None
        return {"kind": kind, "id": record_id, "new": False, "file": self._rel(record.path), "hash": digest(data),
                "values": values, "body": body, "folder": record.path.name == "index.md"}

    def new(self, kind: str) -> dict:
        _editable(kind)
        index = self.state.checked().index
        values = defaults.new_values(kind, index)
        return {"kind": kind, "id": defaults.propose_id(kind, values, index), "new": True, "file": "", "hash": "",
                "values": values, "body": "", "folder": BY_NAME[kind].layout == "folder"}

    def propose(self, kind: str, values: dict) -> dict:
        index = self.state.checked().index
        converted, _ = forms.from_form(kind, values, index)
        out = {"id": defaults.propose_id(kind, converted, index)}
        if kind == "article" and converted.get("column"):
            out["series_no"] = defaults.next_series_no(index, converted["column"])
            out["newspaper"] = defaults.column_newspaper(index, converted["column"])
        return out

    # -- checking and saving --
    def check(self, form: dict) -> dict:
        if (refused := _bad_new_id(form)) is not None:
            return refused
        with self.lock:  # one staged copy at a time (check.py)
            snapshot = self.state.snapshot()
            rel, data, notes = self._planned(form, snapshot)
            return {"file": rel, "report": self._report(form, rel, data, notes, snapshot).as_json()}

    def save(self, form: dict) -> dict:
        if (refused := _bad_new_id(form)) is not None:
            return refused
        with self.lock:
            snapshot = self.state.snapshot()
            rel, data, notes = self._planned(form, snapshot)
            report = self._report(form, rel, data, notes, snapshot)
            if report.errors:
                return {"saved": False, "file": rel, "report": report.as_json()}
            path = self.root / rel
            try:
                write_if_unchanged(path, data, str(form.get("hash") or ""))
            except Conflict as conflict:
                return {"saved": False, "conflict": True, "file": rel, "mine": data.decode("utf-8"),
                        "theirs": conflict.current, "report": report.as_json()}
            return {"saved": True, "file": rel, "hash": digest(data), "report": report.as_json()}

    def preview(self, body: str) -> dict:
        html = self.markdown(body) if self.markdown is not None else None
        frame = self.frame()
        return {"html": html, "styles": list(frame.get("styles", [])), "body": dict(frame.get("body", {}))}

    def upload(self, kind: str, record_id: str, name: str, data: bytes) -> dict:
        record = self._record(kind, record_id)
        return {"name": store_upload(self.root, record.path, name, data, self.upload_limit)}

    # -- inside --
    def _record(self, kind: str, record_id: str, snapshot: Snapshot | None = None):
        _editable(kind)
        index = (snapshot or self.state.snapshot()).checked.index
        record = index.get(kind, record_id) if index is not None else None
        if record is None or not Path(record.path).absolute().is_relative_to(self.root):
            raise Refused(f"找不到这条记录（{kind} {record_id}）", "刷新列表", 404)
        return record

    def _rel(self, path: Path) -> str:
        return Path(path).absolute().relative_to(self.root).as_posix()

    def _planned(self, form: dict, snapshot: Snapshot) -> tuple[str, bytes, list]:
        """(file relative to content/, its new bytes, the desk's notes on names) for a submitted form."""
        kind, record_id = str(form.get("kind")), str(form.get("id") or "")
        _editable(kind)
        index = snapshot.checked.index
        values, notes = forms.from_form(kind, dict(form.get("values") or {}), index)
        if form.get("new"):
            rel, text = defaults.new_file(kind, record_id, values), ""  # the id was checked (_bad_new_id)
        else:
            record = self._record(kind, record_id, snapshot)
            rel, text = self._rel(record.path), record.path.read_text(encoding="utf-8")
        markdown = rel.endswith(".md")
        body = form.get("body") if markdown else None
        order = [f.name for f in schema.KINDS[kind]]
        try:
            new_text = updated_text(text, markdown, values, body if isinstance(body, str) else None, order)
        except Exception as exc:  # the file changed into something ruamel cannot read while the form was open
            raise Refused(f"{rel} 无法用表单保存（{type(exc).__name__}）", "先在文件中改正，再重新打开记录", 422) from None
        return rel, new_text.encode("utf-8"), notes

    def _report(self, form: dict, rel: str, data: bytes, notes: list, snapshot: Snapshot):
        kind, record_id = str(form.get("kind")), str(form.get("id") or "")
        report = check_file(self.copy, snapshot.signature, rel, data, kind, record_id, baseline(snapshot))
        for at, message, hint in notes:
            report.fields.setdefault(at, []).insert(0, {"level": "错误", "message": message, "hint": hint,
                                                        "where": rel, "text": f"{message} — {hint}"})
        if form.get("new") and (self.root / rel).exists():
            report.fields.setdefault("id", []).insert(0, _problem(f"content/{rel} 已存在", "换一个标识", rel))
        return report


def _editable(kind: str) -> None:
    if kind not in forms.EDITABLE:
        raise Refused(f"网页编辑不支持这类记录（{kind}）", "在文件中编辑", 404)


def _problem(message: str, hint: str, where: str = "") -> dict:
    return {"level": "错误", "message": message, "hint": hint, "where": where, "text": f"{message} — {hint}"}


def _bad_new_id(form: dict) -> dict | None:
    """The answer for a new record whose id cannot be a file name: the problem on the id field."""
    record_id = str(form.get("id") or "")
    if not form.get("new") or ID_PATTERN.match(record_id):
        return None
    problem = _problem(f"标识“{record_id}”不合规", "标识只含小写英文字母、数字和连字符，如 wenlv-pinpai")
    return {"saved": False, "file": "", "report": {"fields": {"id": [problem]}, "record": [], "affected": [],
                                                   "errors": 1}}
