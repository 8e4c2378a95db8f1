"""The desk's forms, made from the schema (showcase/content/schema.py): one description per record kind
(labels and help in Chinese from the fields' own descriptions, a widget per field type, the choices of
every enum, pickers by Chinese name for references, nested lists), and the way a submitted form becomes
field values again (names typed in a picker back to ids, numbers and dates to their YAML types).
"""
from __future__ import annotations

import re

from showcase.content import schema
from showcase.content.schema import Field
from showcase.domain.standards import STANDARD_FIELDS, allowed_standards
from showcase.kinds import BY_NAME

# Kinds the desk edits: one record per file (the list files units.yml, columns.yml … stay in the editor).
EDITABLE = ("brand", "exemplar", "article", "honor", "competition", "notice")
WIDGETS = {"text": "text", "markdown": "textarea", "int": "int", "number": "number", "bool": "bool",
           "date": "date", "datetime": "datetime", "id": "text", "ref": "ref", "enum": "enum", "file": "file",
           "path": "text", "list": "list", "object": "object"}
# Fields that stay in the file: free-form mappings the desk has no widget for (judges' scores).
KEPT_IN_FILE = ("scores",)
_CHOICE = re.compile(r"([a-z_]+) ([^\s|（）]+)")


def label_and_help(field: Field) -> tuple[str, str]:
    """The field's name in the form and its help: the schema's description up to "：" or "（" is the
    label, the whole description the help."""
    doc = field.doc or field.name
    label = re.split(r"[：（(]", doc, maxsplit=1)[0].strip() or field.name
    return label, doc if doc != label else ""


def enum_choices(kind: str, field: Field) -> list[dict]:
    """The allowed values of an enum field, each with its Chinese name when the description gives one
    ("draft 草稿 | review 待审"). The one place the desk reads choices from (the schema today)."""
    names = dict(_CHOICE.findall(field.doc or ""))
    return [{"value": value, "label": f"{names[value]}（{value}）" if value in names else value}
            for value in field.choices]


def describe(kind: str, field: Field) -> dict:
    label, help_text = label_and_help(field)
    out = {"name": field.name, "label": label, "help": help_text, "widget": WIDGETS.get(field.type, "text"),
           "required": field.required}
    if field.type == "enum":
        out["choices"] = enum_choices(kind, field)
    if field.type == "ref":
        out["ref"] = list(field.ref)
    if field.type == "list" and field.item is not None:
        out["item"] = describe(kind, field.item)
        if not field.item.doc:  # tags: [tag] — a row is named after its list
            out["item"]["label"] = label
    if field.type == "object":
        if not field.fields:
            out["widget"] = "kept"
        out["fields"] = [describe(kind, member) for member in field.fields]
    if field.name in KEPT_IN_FILE:
        out["widget"] = "kept"
    return out


def form_of(kind: str, index=None) -> dict:
    """The form of a record kind, as JSON for the page; the campaign's standards as choices."""
    row = BY_NAME[kind]
    has_body = row.layout in ("folder", "page", "dated")
    fields = [describe(kind, field) for field in schema.KINDS[kind]]
    for described in fields:
        if kind == "exemplar" and described["name"] in STANDARD_KINDS and "item" in described:
            described["item"]["widget"] = "enum"
            described["item"]["choices"] = standard_choices(described["name"], index)
    return {"kind": kind, "label": row.label, "body": has_body, "fields": fields}


# an exemplar's field of standards → the exemplar kind whose standards it holds
STANDARD_KINDS = {field: kind for kind, field in STANDARD_FIELDS.items()}


def standard_choices(field_name: str, index) -> list[dict]:
    """The 红旗 达标项 or 五星 an exemplar may carry: campaign.yml's newest set (the check holds each
    exemplar to the set of its selection year)."""
    return [{"value": item, "label": item} for item in allowed_standards(index, STANDARD_KINDS[field_name])]


def pickers(index) -> dict:
    """For every kind a reference may name, its records as {id, name} (ids stay hidden in the form)."""
    kinds = {ref for fields in schema.KINDS.values() for f in _walk(fields) if f.type == "ref" for ref in f.ref}
    out = {}
    for kind in sorted(kinds):
        records = (index.by_kind.get(kind, {}) if index is not None else {}).values()
        out[kind] = [{"id": r.id, "name": r.title, "short": r.fields.get("short_name") or ""} for r in records]
    return out


def _walk(fields):
    for field in fields:
        yield field
        if field.item is not None:
            yield from _walk((field.item,))
        yield from _walk(field.fields)


# ---- a submitted form back to values --------------------------------------------------------------

def from_form(kind: str, values: dict, index) -> tuple[dict, list[tuple[str, str, str]]]:
    """The submitted top-level fields as YAML values; and the desk's own notes [(field path, message,
    hint)] for names no record has (the check then says why the value is wrong)."""
    spec = schema.fields_of(kind)
    notes: list = []
    out = {}
    for name, value in values.items():
        field = spec.get(name)
        if field is None or field.name in KEPT_IN_FILE:
            continue
        out[name] = _value(field, value, name, index, notes)
    return out, notes


def _value(field: Field, value, at: str, index, notes: list):
    if value in (None, "", [], {}):
        return None
    if field.type == "list" and isinstance(value, list) and field.item is not None:
        items = [_value(field.item, item, f"{at}.{i}", index, notes) for i, item in enumerate(value)]
        return [item for item in items if item is not None] or None  # a row added and left empty
    if field.type == "object" and isinstance(value, dict) and field.fields:
        members = {f.name: f for f in field.fields}
        return {k: _value(members[k], v, f"{at}.{k}", index, notes) if k in members else v
                for k, v in value.items()}
    if not isinstance(value, str):
        return value
    text = value.strip()
    if field.type == "int" and re.fullmatch(r"-?\d+", text):
        return int(text)
    if field.type == "number" and re.fullmatch(r"-?\d+(\.\d+)?", text):
        return float(text) if "." in text else int(text)
    if field.type == "bool" and text in ("true", "false"):
        return text == "true"
    if field.type == "ref":
        return resolve_name(field, text, at, index, notes)
    return text


def resolve_name(field: Field, text: str, at: str, index, notes: list) -> str:
    """A name typed in a picker as the id of the one record of that name (full name, short name, title
    or the id itself); otherwise the text as typed, with a note."""
    if index is None:
        return text
    found = []
    for kind in field.ref:
        for record in index.by_kind.get(kind, {}).values():
            names = (record.id, record.title, record.fields.get("short_name"))
            if text in names:
                found.append(record)
    if len(found) == 1 or (found and all(r.id == found[0].id for r in found)):
        return found[0].id
    labels = "或".join(BY_NAME[k].label for k in field.ref)
    if not found:
        notes.append((at, f"没有名为“{text}”的{labels}", f"从列表中选择一个{labels}，或先建立它"))
    return text
