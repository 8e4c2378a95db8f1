"""Checking each record against the schema (content/schema.py): field names, types, required
fields, rules within one record, unique ids and references between records. Problems go into a
`Problems`; a record that cannot be used (no valid id) is dropped, the rest are normalised.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import replace

from showcase.content.index import RecordIndex, names_of
from showcase.content.load import ID_PATTERN, RawRecord
from showcase.content.plain_text import markup_in
from showcase.content.problems import Problems, display_path
from showcase.content.records import Record
from showcase.content.schema import Field, fields_of
from showcase.content.values import BadValue, WrittenNumber, to_date, to_datetime
from showcase.kinds import KIND_NAMES, TYPE_NAMES


# ---- one record against its schema -------------------------------------------------------------

def validate_records(raws: list[RawRecord], problems: Problems) -> list[Record]:
    """The records that can be used, in order; the problems of all of them into `problems`."""
    return [record for raw in raws if (record := validate_record(raw, problems)) is not None]


def validate_record(raw: RawRecord, problems: Problems) -> Record | None:
    spec = fields_of(raw.kind)
    record = Record(raw.kind, raw.id or "", raw.path, {}, raw.lines, raw.body, raw.body_line, raw.base_line)
    if raw.id is None or not ID_PATTERN.match(raw.id):
        where = record.line("id") if raw.base_line else 1
        shown = raw.id if raw.id is not None else raw.data.get("id")
        if shown in (None, ""):
            problems.error(raw.path, where, f"{KIND_NAMES[raw.kind]}缺少 id", "加上 `id: 英文标识`（小写字母、数字、连字符）")
        else:
            problems.error(raw.path, where, f"标识“{shown}”不合规：只能用小写英文字母、数字和连字符",
                           f"改成如 `{suggest_id(str(shown))}` 的写法；标识就是网址，定下后不要再改")
        return None
    record.fields = validate_fields(spec, raw.data, (), record, problems)
    check_record_rules(record, problems)
    return record


def validate_fields(spec: dict[str, Field], data: dict, at: tuple, record: Record, problems: Problems) -> dict:
    result = {}
    for key, value in data.items():
        if key not in spec:
            known = list(spec)
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            hint = f"是不是想写 {close[0]}？" if close else f"可用的字段：{'、'.join(known)}"
            problems.error(record.path, record.line(*at, key), f"不认识的字段 {key}", hint)
            continue
        if value is None:
            continue
        converted = validate_value(spec[key], value, at + (key,), record, problems)
        if converted is not None:
            result[key] = converted
    for name, field_spec in spec.items():
        if field_spec.required and result.get(name) in (None, "", []) and name not in _reported(data, name):
            problems.error(record.path, record.line(*at), f"缺少必填字段 {name}（{field_spec.doc}）",
                           f"加上 `{name}: …`")
    return result


def _reported(data: dict, name: str) -> set:
    # A present-but-invalid value already has its own message; don't also call it missing.
    return {name} if data.get(name) not in (None, "", []) else set()


def validate_value(spec: Field, value, at: tuple, record: Record, problems: Problems):
    line = record.line(*at)
    label = spec.name

    def bad(message: str, hint: str):
        problems.error(record.path, line, message, hint)

    kind = spec.type
    if kind == "list":
        if not isinstance(value, list):
            bad(f"{label} 应是列表，这里是{_describe(value)}", f"写成列表，每项一行，以 “- ” 开头")
            return None
        items = [validate_value(spec.item, item, at + (i,), record, problems) for i, item in enumerate(value)]
        return [item for item in items if item is not None]
    if kind == "object":
        if not isinstance(value, dict):
            bad(f"{label} 应是{TYPE_NAMES['object']}，这里是{_describe(value)}",
                "在下一行缩进写各字段，或写成 {字段: 值, …}")
            return None
        if not spec.fields:
            return value
        return validate_fields({f.name: f for f in spec.fields}, value, at, record, problems)
    if isinstance(value, (list, dict)):
        bad(f"{label} 应是{TYPE_NAMES[kind]}，这里是{_describe(value)}", "只写一个值，不要写成列表或集合")
        return None
    if kind == "text" and isinstance(value, WrittenNumber):
        shown = f"，网页上显示“第{int(value)}版”" if label == "page" else ""
        problems.warning(record.path, line, f"{label}: {value.written} 没有加引号，被读成了数字 {int(value)}{shown}",
                         f'加上引号：{label}: "{value.written}"')
        value = value.written
    try:
        converted = convert_scalar(spec, value, record)
    except BadValue as exc:
        bad(*exc.args)
        return None
    markup = markup_in(converted) if kind == "text" else None
    if markup is not None:  # an error, but the value is kept: the other checks still run on it
        bad(f"{label} 是纯文字，不能含 HTML 标记“{markup}”", "删去尖括号标记，只写要显示的文字；确要写小于号时用全角“＜”")
    return converted


def convert_scalar(spec: Field, value, record: Record):
    """The value normalised for its field type; BadValue(message, hint) when it cannot be."""
    convert = CONVERTERS.get(spec.type)
    if convert is None:
        raise AssertionError(f"unknown field type {spec.type}")
    return convert(spec, value, record)


def _text(spec: Field, value, record: Record):
    if isinstance(value, bool):
        raise BadValue(f"{spec.name} 应是文字，这里是 {value}", "文字里有 yes/no/true 等词时加引号")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip() if spec.type == "text" else str(value)


def _int(spec: Field, value, record: Record):
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
        raise BadValue(f"{spec.name} 应是整数，这里是“{value}”", "只写阿拉伯数字，如 12")
    return int(value)


def _number(spec: Field, value, record: Record):
    if isinstance(value, bool):
        raise BadValue(f"{spec.name} 应是数字，这里是 {value}", "写成如 12 或 12.5")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise BadValue(f"{spec.name} 应是数字，这里是“{value}”", "只写数字，单位写在 unit 里") from None
    return int(number) if number.is_integer() and not isinstance(value, float) else number


def _bool(spec: Field, value, record: Record):
    if not isinstance(value, bool):
        raise BadValue(f"{spec.name} 应是 true 或 false，这里是“{value}”", "写 true（是）或 false（否）")
    return value


def _id(spec: Field, value, record: Record):
    text = str(value).strip()
    bare = text.partition(":")[2] if (spec.type == "ref" and ":" in text) else text
    if not ID_PATTERN.match(bare):
        if spec.type == "ref" and not text.isascii():
            return text  # a name where the id belongs: check_references says which id it is
        raise BadValue(f"{spec.name} 的标识“{text}”不合规", "标识只含小写英文字母、数字和连字符")
    return text


def _enum(spec: Field, value, record: Record):
    text = str(value).strip()
    if text not in spec.choices:
        close = difflib.get_close_matches(text, spec.choices, n=1, cutoff=0.5)
        hint = f"是不是想写 {close[0]}？" if close else f"可选：{' | '.join(spec.choices)}"
        raise BadValue(f"{spec.name} 的取值“{text}”不在可选范围内", hint)
    return text


def _file(spec: Field, value, record: Record):
    text = str(value).strip()
    if "://" in text:
        raise BadValue(f"{spec.name} 不能是网址“{text}”（内网站点不能引用外部资源）",
                       "把文件下载后放在 index.md 同一目录，写文件名")
    if not (record.folder / text).is_file():
        raise BadValue(f"找不到文件 {text}", f"把文件放到 {display_path(record.folder)}/ 下，或改正文件名")
    return text


def _path(spec: Field, value, record: Record):
    text = str(value).strip().strip("/")
    if not text or "://" in text:
        raise BadValue(f"旧网址“{value}”应是站内路径", "写成如 brands/old-id/")
    return text + "/"


CONVERTERS = {
    "text": _text, "markdown": _text, "int": _int, "number": _number, "bool": _bool,
    "date": lambda spec, value, record: to_date(value), "datetime": lambda spec, value, record: to_datetime(value),
    "id": _id, "ref": _id, "enum": _enum, "file": _file, "path": _path,
}


def _describe(value) -> str:
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "“字段: 值”的集合"
    return f"“{value}”"


def suggest_id(text: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned or "my-id"


def check_record_rules(record: Record, problems: Problems) -> None:
    """Rules within one record that the field table alone cannot say."""
    f = record.fields
    if record.status == "retracted" and not f.get("retraction"):
        problems.error(record.path, record.line("status"), "已撤回的记录缺少撤回说明",
                       "加上 retraction: {date: 撤回日期, reason: 撤回原因}")
    if record.kind == "exemplar":
        kind = f.get("kind")
        if kind == "brand_exemplar" and not f.get("brand"):
            problems.error(record.path, record.line("kind"), "品牌先进典型缺少 brand（对应的品牌）", "加上 `brand: 品牌标识`")
        if kind == "five_star_member" and not f.get("person"):
            problems.error(record.path, record.line("kind"), "五星党员标兵缺少 person（姓名、职务）",
                           "加上 person: {name: 姓名, position: 职务}")
        if f.get("stars") and kind != "five_star_member":
            problems.warning(record.path, record.line("stars"), "只有五星党员标兵才有 stars", "删除 stars")
        if f.get("standards") and kind != "red_flag_branch":
            problems.warning(record.path, record.line("standards"), "只有红旗党支部才有 standards", "删除 standards")



# ---- across records ----------------------------------------------------------------------------

def check_unique_ids(records: list[Record], problems: Problems) -> None:
    seen: dict[tuple, Record] = {}
    for record in records:
        first = seen.setdefault(record.key, record)
        if first is not record:
            problems.error(record.path, record.line("id") if record.base_line else 1,
                           f"{KIND_NAMES[record.kind]}标识 {record.id} 重复（已用于 {first.path.as_posix()}:{first.line()}）",
                           "每个标识只能用一次：改用另一个标识")


def check_references(records: list[Record], index: RecordIndex, problems: Problems,
                     unreadable: list[tuple] = ()) -> None:
    """Every `ref` must name a record. A reference that may mean a record of a file that could not be
    read (`unreadable`: its YAML error is the cause) is held back, counted once at that file."""
    held: dict = {entry: 0 for entry in unreadable}
    for record in records:
        spec = fields_of(record.kind)
        for name, value in record.fields.items():
            _check_refs(spec[name], value, (name,), record, index, problems, held)
    for (kind, _record_id, path), count in held.items():
        if count:
            _note_held(problems, path, f"；另有 {count} 处对这里的{KIND_NAMES[kind]}的引用暂不检查，改正后再运行 showcase check")


def _note_held(problems: Problems, path, note: str) -> None:
    """Append to the file's own error how many references to it were held back: one message, the cause."""
    shown = display_path(path)
    for i in reversed(range(len(problems.items))):
        problem = problems.items[i]
        if problem.path == shown and problem.is_error:
            problems.items[i] = replace(problem, hint=problem.hint + note)
            return


def _held_back(kinds: tuple, value: str, held: dict) -> bool:
    bare = value.partition(":")[2] if ":" in value else value
    for entry in held:
        kind, record_id, _path = entry
        if kind in kinds and record_id in (None, bare):
            held[entry] += 1
            return True
    return False


def _check_refs(spec: Field, value, at, record, index: RecordIndex, problems: Problems, held: dict):
    if spec.type == "list":
        for i, item in enumerate(value):
            _check_refs(spec.item, item, at + (i,), record, index, problems, held)
    elif spec.type == "object" and spec.fields and isinstance(value, dict):
        members = {f.name: f for f in spec.fields}
        for key, item in value.items():
            if key in members:
                _check_refs(members[key], item, at + (key,), record, index, problems, held)
    elif spec.type == "ref":
        found = index.resolve(spec.ref, value)
        kinds = "或".join(KIND_NAMES[k] for k in spec.ref)
        if not found and _held_back(spec.ref, value, held):
            pass
        elif not found and not ID_PATTERN.match(value.partition(":")[2] if ":" in value else value):
            _name_for_id(spec, value, at, record, index, problems)
        elif not found:
            known = [rid for k in spec.ref for rid in index.by_kind.get(k, {})]
            close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
            hint = f"是不是想写 {close[0]}？" if close else f"先建立这个{kinds}，或改正标识"
            problems.error(record.path, record.line(*at), f"找不到{kinds}“{value}”", hint)
        elif len(found) > 1:
            options = "、".join(f"{r.kind}:{r.id}" for r in found)
            problems.error(record.path, record.line(*at), f"标识“{value}”有歧义（{options}）",
                           "写成带类别的形式，如 brand:" + value)
        elif spec.name == "parent" and found[0] is record:
            problems.error(record.path, record.line(*at), "品牌不能以自己为上级品牌", "删除 parent 或改正")



def _name_for_id(spec: Field, value: str, at, record, index: RecordIndex, problems: Problems) -> None:
    """A name written where an id belongs: say which record's id to write (the closest name if none is
    exact)."""
    kinds = "或".join(KIND_NAMES[k] for k in spec.ref)
    named = index.named(spec.ref, value)
    line = record.line(*at)
    if len(named) == 1:
        target = named[0]
        problems.error(record.path, line, f"{spec.name} 要写{kinds}的标识，“{value}”是{KIND_NAMES[target.kind]} "
                       f"{target.id} 的名称", f"改为 {spec.name}: {target.id}")
        return
    if named:
        options = "、".join(f"{r.id}（{r.title}）" for r in named)
        problems.error(record.path, line, f"{spec.name} 要写{kinds}的标识，“{value}”是几条记录的名称：{options}",
                       f"改为其中一个标识，如 {spec.name}: {named[0].id}")
        return
    names = {name: r for kind in spec.ref for r in index.by_kind.get(kind, {}).values() for name in names_of(r)}
    close = difflib.get_close_matches(value, list(names), n=1, cutoff=0.5)
    hint = (f"是不是{KIND_NAMES[names[close[0]].kind]}“{close[0]}”？改为 {spec.name}: {names[close[0]].id}"
            if close else "标识只含小写英文字母、数字和连字符")
    problems.error(record.path, line, f"{spec.name} 要写{kinds}的标识，“{value}”不是标识", hint)
