"""Word's automatic numbering read from numbering.xml's formats: which kinds make the outline, and
the numbers kept as written ((1), ①) counted as Word counts them."""
from __future__ import annotations

import pytest

from showcase.importing.docx_reader import _number_kind, count_number, number_label


@pytest.mark.parametrize("fmt, text, kind", [
    ("chineseCounting", "%1、", "chinese"), ("ideographTraditional", "%1、", "chinese"),
    ("chineseLegalSimplified", "%1、", "chinese"), ("chineseCounting", "（%2）", "chinese-paren"),
    ("decimal", "%1.", "decimal"), ("decimal", "（%1）", "decimal-paren"),
    ("decimalEnclosedCircle", "%1", "circle"), ("decimalEnclosedCircleChinese", "%1", "circle"),
    ("bullet", "", "bullet"), ("lowerLetter", "%1)", ""),
])
def test_number_kinds(fmt, text, kind):
    assert _number_kind(fmt, text) == kind


def test_counting_restarts_deeper_levels():
    counters = {}
    seen = [count_number(counters, key) for key in
            [("5", "0"), ("5", "1"), ("5", "1"), ("5", "0"), ("5", "1"), ("7", "0"), ("5", "1")]]
    assert seen == [1, 1, 2, 2, 1, 1, 2]


def test_labels_kept_as_written():
    assert [number_label("circle", n) for n in (1, 2, 20, 21)] == ["①", "②", "⑳", "（21）"]
    assert number_label("decimal-paren", 3) == "（3）"
    assert number_label("chinese", 1) == number_label("decimal", 1) == ""

