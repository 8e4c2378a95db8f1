"""The pure pieces of the import: outline numbering, clean text, fields from Chinese lines, YAML scalars."""
from __future__ import annotations

from datetime import date

import yaml

from showcase.importing import fields as F
from showcase.importing.markdown import scalar, yaml_fields
from showcase.importing.outline import clean_text, shape_of


def test_outline_levels():
    assert shape_of("一、建强支部堡垒") == shape_of("一、建强支部堡垒。")
    assert (shape_of("一、建强支部堡垒").kind, shape_of("一、建强支部堡垒").level, shape_of("一、建强支部堡垒").text) == \
        ("heading", 2, "建强支部堡垒")
    assert shape_of("（二）强化政治引领").level == 3 and shape_of("(二)强化政治引领").text == "强化政治引领"
    assert shape_of("1.建立台账").kind == "item" and shape_of("1.建立台账").text == "建立台账"
    assert shape_of("（1）建立台账").kind == "paragraph"
    assert shape_of("1.5万人次参加").kind == "paragraph"
    assert shape_of("建立台账", heading_style=1).level == 2
    assert shape_of("强化引领", numbering="chinese-paren").level == 3


def test_run_in_heading_splits_and_a_long_numbered_sentence_stays_a_paragraph():
    shape = shape_of("（一）强化政治引领。支部坚持每月开展主题党日，党员轮流讲党课，形成了常态长效的学习机制和浓厚氛围。")
    assert (shape.kind, shape.level, shape.text) == ("heading", 3, "强化政治引领")
    assert shape.rest.startswith("支部坚持每月")
    long = "一、" + "支部坚持每月开展主题党日" * 5
    assert shape_of(long).kind == "paragraph" and shape_of(long).text == long


def test_clean_text():
    assert clean_text("　　市人社局　支部\u00a0党员") == "市人社局支部党员"
    assert clean_text("人社暖心 服务为民") == "人社暖心 服务为民"
    assert clean_text("Word  文档") == "Word文档"


def test_key_lines_and_field_tables():
    assert F.key_line("单位：市人社局　　党支部：社保经办党支部") == {"unit": "市人社局", "branch": "社保经办党支部"}
    assert F.key_line("支部坚持“三会一课”制度") == {}
    assert F.field_table([["单位", "市人社局"], ["荣誉称号", "红旗党支部"]]) == {"unit": "市人社局", "honor": "红旗党支部"}
    assert F.field_table([["指标", "2022年"], ["办件量", "12.5万件"]]) == {}


def test_newspaper_record_doc_number_and_dates():
    assert F.newspaper_record("《云川日报》2023年5月16日第3版") == {"newspaper": "云川日报", "date": date(2023, 5, 16), "page": "03"}
    assert F.newspaper_record("《云川晚报》2024年1月2日A12版")["page"] == "A12"
    assert F.newspaper_record("2023年5月16日") is None
    assert F.doc_number("印发通知（云直工〔2023〕5号）") == "云直工〔2023〕5号"
    assert F.parse_date("2023年2月30日") is None and F.parse_date("2024.3.5") == date(2024, 3, 5)


def test_yaml_scalars_read_back_as_written():
    for value in ("03", "true", "null", "2024-01-01", "a: b", "#1", "林倩", "“三创”先锋", "x, y"):
        assert yaml.safe_load(yaml_fields({"k": value})) == {"k": value}
        assert yaml.safe_load("k: {v: " + scalar(value, flow=True) + "}") == {"k": {"v": value}}
    assert yaml_fields({"page": "03", "n": 3, "d": date(2024, 5, 6), "x": None}) == 'page: "03"\nn: 3\nd: 2024-05-06\n'
