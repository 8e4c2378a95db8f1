"""A new record's defaults: the article's next free series number, its year folder from its date, the
column's newspaper; ids proposed from the unit, numbered when taken."""
from __future__ import annotations

from datetime import date

import pytest

from showcase.content.index import RecordIndex
from showcase.content.records import Record
from showcase.desk import defaults


def column_index(numbers, planned=100) -> RecordIndex:
    records = [Record("column", "sanchuang", None, {"newspaper": "ycrb", "planned_total": planned})]
    records += [Record("article", f"a{n}", None, {"column": "sanchuang", "series_no": n}) for n in numbers]
    records.append(Record("article", "other", None, {"column": "else", "series_no": 90}))
    return RecordIndex(records)


def test_the_next_series_number_follows_the_columns_highest_and_fills_a_gap_past_the_plan():
    assert defaults.next_series_no(column_index([1, 2, 5]), "sanchuang") == 6
    assert defaults.next_series_no(column_index([]), "sanchuang") == 1
    assert defaults.next_series_no(column_index([1, 2, 4], planned=4), "sanchuang") == 3


def test_a_new_article_starts_with_its_column_number_newspaper_and_date():
    values = defaults.new_values("article", column_index([1, 2]), today=date(2024, 3, 9))
    assert values == {"status": "draft", "column": "sanchuang", "date": "2024-03-09", "newspaper": "ycrb",
                      "series_no": 3}


@pytest.mark.parametrize("written, year", [("2023-04-21", 2023), ("2022年12月31日", 2022), ("2021/1/2", 2021)])
def test_an_article_goes_in_the_folder_of_its_dates_year(written, year):
    assert defaults.new_file("article", "x-1", {"date": written}) == f"column/{year}/x-1.md"


def test_new_files_follow_the_kinds_layout_and_refuse_a_bad_id():
    assert defaults.new_file("brand", "wenlv-pinpai", {}) == "brands/wenlv-pinpai/index.md"
    assert defaults.new_file("honor", "h-2023", {}) == "honors/h-2023.yml"
    with pytest.raises(ValueError):
        defaults.new_file("brand", "../etc", {})


def test_ids_are_proposed_from_the_unit_and_numbered_when_taken():
    index = RecordIndex([Record("brand", "wenlv-pinpai", None, {})])
    assert defaults.propose_id("brand", {"unit": "wenlv"}, index) == "wenlv-pinpai-2"
    assert defaults.propose_id("exemplar", {"unit": "fgw", "kind": "red_flag_branch"}, index) == "fgw-hongqi"
    assert defaults.propose_id("article", {"column": "sanchuang", "series_no": 7}, index) == "sanchuang-007"
    assert defaults.propose_id("brand", {"unit": "市文旅局"}, index) == "pinpai"  # not an id: no prefix
