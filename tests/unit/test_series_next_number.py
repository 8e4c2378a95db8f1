"""The series number a new article is offered (showcase new, the desk)."""
from showcase.domain.column.numbers import next_free_number


def test_after_the_highest():
    assert next_free_number([1, 2, 5]) == 6
    assert next_free_number([]) == 1


def test_past_the_plan_the_lowest_gap():
    assert next_free_number([1, 2, 4, 5], planned=5) == 3
    assert next_free_number([1, 2, 3], planned=3) == 4
    assert next_free_number([None, 0, 2], planned=10) == 3
