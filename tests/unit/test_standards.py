"""The allowed evaluation standards by kind and year (the check and the desk's forms share them)."""
from showcase.content.index import RecordIndex
from showcase.content.records import Record
from showcase.content.schema import RED_FLAG_STANDARDS, STARS
from showcase.domain.standards import allowed_standards


def index_with(standards=None) -> RecordIndex:
    fields = {"standards": standards} if standards is not None else {}
    return RecordIndex([Record("campaign", "campaign", None, fields)])


def test_defaults_without_a_list():
    assert allowed_standards(index_with(), "red_flag_branch", 2023) == RED_FLAG_STANDARDS
    assert allowed_standards(None, "five_star_member") == STARS
    assert "队伍坚强有力" in RED_FLAG_STANDARDS


def test_the_set_of_the_year():
    index = index_with({"red_flag_branch": [{"from": 2021, "items": ["新"]}, {"from": 2018, "items": ["旧"]}]})
    assert allowed_standards(index, "red_flag_branch", 2020) == ("旧",)
    assert allowed_standards(index, "red_flag_branch", 2021) == ("新",)
    assert allowed_standards(index, "red_flag_branch", 2015) == ("旧",)  # before every set: the oldest
    assert allowed_standards(index, "red_flag_branch") == ("新",)  # year unknown: the newest
    assert allowed_standards(index, "five_star_member", 2021) == STARS
