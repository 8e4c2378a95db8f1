"""The desk's forms come from the schema: every field of every editable kind, Chinese labels, enum choices
read through one function, nested lists; submitted values go back to YAML types and names back to ids."""
from __future__ import annotations

from showcase.content import schema
from showcase.content.index import RecordIndex
from showcase.content.records import Record
from showcase.desk import forms


def names(described: list) -> list[str]:
    return [d["name"] for d in described]


def test_every_field_of_every_editable_kind_is_in_its_form_in_the_schemas_order():
    for kind in forms.EDITABLE:
        form = forms.form_of(kind)
        assert names(form["fields"]) == [f.name for f in schema.KINDS[kind]]
        assert form["body"] == (kind not in ("honor", "competition"))


def test_labels_and_help_are_the_schemas_chinese_descriptions():
    fields = {d["name"]: d for d in forms.form_of("brand")["fields"]}
    assert fields["parent"]["label"] == "上级品牌" and "1+N" in fields["parent"]["help"]
    assert fields["unit"]["widget"] == "ref" and fields["unit"]["ref"] == ["unit"]
    metric = fields["metrics"]["item"]
    assert fields["metrics"]["widget"] == "list" and metric["widget"] == "object"
    assert [(m["name"], m["widget"]) for m in metric["fields"]] == \
        [("label", "text"), ("value", "number"), ("unit", "text"), ("as_of", "date")]


def test_enum_choices_carry_their_chinese_names_and_the_red_flag_standards_are_choices():
    status = schema.fields_of("brand")["status"]
    assert forms.enum_choices("brand", status)[0] == {"value": "draft", "label": "草稿（draft）"}
    standards = {d["name"]: d for d in forms.form_of("exemplar")["fields"]}["standards"]["item"]
    assert [c["value"] for c in standards["choices"]] == list(schema.RED_FLAG_STANDARDS)


def test_the_standards_offered_are_the_campaigns_own():
    campaign = Record("campaign", "campaign", None, {"standards": {
        "red_flag_branch": [{"from": 2021, "items": ["队伍坚强有力", "群众满意"]}],
        "five_star_member": [{"from": 2021, "items": ["政治星", "服务星"]}]}})
    fields = {d["name"]: d for d in forms.form_of("exemplar", RecordIndex([campaign]))["fields"]}
    assert [c["value"] for c in fields["standards"]["item"]["choices"]] == ["队伍坚强有力", "群众满意"]
    assert [c["value"] for c in fields["stars"]["item"]["choices"]] == ["政治星", "服务星"]
    assert fields["stars"]["item"]["widget"] == "enum"


def index() -> RecordIndex:
    units = [Record("unit", "wenlv", None, {"name": "云川市文化和旅游局", "short_name": "市文旅局"}),
             Record("unit", "fgw", None, {"name": "云川市发展和改革委员会", "short_name": "市发改委"})]
    return RecordIndex(units)


def test_a_unit_typed_by_name_short_name_or_id_becomes_its_id_and_an_unknown_name_gets_a_note():
    for typed in ("云川市文化和旅游局", "市文旅局", "wenlv"):
        values, notes = forms.from_form("brand", {"unit": typed}, index())
        assert values == {"unit": "wenlv"} and notes == []
    values, notes = forms.from_form("brand", {"unit": "市财政局"}, index())
    assert values == {"unit": "市财政局"} and notes[0][:2] == ("unit", "没有名为“市财政局”的单位")


def test_numbers_and_empties_from_the_form_become_yaml_values():
    values, _ = forms.from_form("brand", {"metrics": [{"label": "x", "value": "1.5", "as_of": "2023-01-01"}],
                                          "featured": "", "slogan": "  口号 "}, index())
    assert values == {"metrics": [{"label": "x", "value": 1.5, "as_of": "2023-01-01"}], "featured": None,
                      "slogan": "口号"}
    values, _ = forms.from_form("article", {"series_no": "12", "page": "03"}, None)
    assert values == {"series_no": 12, "page": "03"}  # a text field stays text


def test_a_list_row_added_and_left_empty_is_dropped():
    values, _ = forms.from_form("brand", {"tags": ["党建", "", None], "gallery": [{}]}, None)
    assert values == {"tags": ["党建"], "gallery": None}


def test_a_row_without_a_description_of_its_own_is_named_after_its_list():
    fields = {d["name"]: d for d in forms.form_of("article")["fields"]}
    assert fields["related"]["item"]["label"] == "相关品牌、典型或单位的标识"
    assert {d["name"]: d for d in forms.form_of("brand")["fields"]}["tags"]["item"]["label"] == "标签"
