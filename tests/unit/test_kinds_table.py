"""showcase/kinds.py is the one table of record kinds: what `showcase new` writes for a kind is read
back as that kind, every kind has a field table and a name, reserved ids are refused in their section."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from showcase.checks.run import check_content
from showcase.cli.skeletons import write_skeleton
from showcase.content.load import classify, load_content
from showcase.content.schema import KINDS as FIELD_TABLES
from showcase.domain.urls import page_path
from showcase.kinds import BY_NAME, KINDS, RESERVED_IDS, SECTION, measure_of
from support.sites import REPO

TODAY = date(2026, 5, 4)


@pytest.mark.parametrize("kind", [kind.name for kind in KINDS if kind.skeleton])
def test_the_skeleton_of_a_kind_is_read_back_as_that_kind(tmp_path, kind):
    path = write_skeleton(tmp_path, kind, "new-one", today=TODAY,
                          examples={"unit": "u", "column": "c", "brand": "b"})
    found_kind, found_id = classify(path.relative_to(tmp_path))
    assert found_kind == kind
    records = [r for r in load_content(tmp_path).records if r.kind == kind]
    assert [r.id if r.id is not None else r.data.get("id") for r in records] == ["new-one"]
    if kind != "unit":  # units.yml holds a list: the id is in the entry, not the path
        assert found_id == "new-one"


def test_every_kind_has_a_field_table_and_every_field_table_a_kind():
    assert set(BY_NAME) == set(FIELD_TABLES)
    assert all(kind.label and kind.place for kind in KINDS)


def test_a_record_page_lives_in_its_kinds_section():
    from showcase.content.records import Record

    for name, section in SECTION.items():
        record = Record(name, "x-1", Path(f"{BY_NAME[name].place}/x-1/index.md"), {})
        assert page_path(record) == f"{section}/x-1/index.md"
    assert measure_of("five_star_member") == "名" and measure_of("red_flag_branch") == measure_of("other") == "个"


@pytest.mark.parametrize("kind", sorted(RESERVED_IDS))
def test_an_id_a_listing_uses_is_refused_in_its_section(tmp_path, kind):
    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "fixtures" / "basic" / "content", content)
    taken = RESERVED_IDS[kind][-1]
    write_skeleton(content, kind, taken, today=TODAY, examples={"unit": "u", "column": "c", "brand": "b"})
    messages = [p.format() for p in check_content(content, today=TODAY).problems.errors]
    assert any(f"标识“{taken}”已被网站用作栏目网址（{SECTION[kind]}/{taken}/）" in m for m in messages), messages


def test_the_measure_word_of_an_honor_batch():
    from showcase.kinds import honor_measure

    assert honor_measure("five_star_member") == "名"
    assert honor_measure("red_flag_branch") == "个" and honor_measure("brand_exemplar") == "个"
    assert honor_measure("other", None, ["five_star_member", "five_star_member"]) == "名"  # people
    assert honor_measure("other", None, ["five_star_member", None]) == "个"  # a brand among them
    assert honor_measure("other", None, ["red_flag_branch"]) == "个"
    assert honor_measure("other") == "个"  # nothing linked, nothing said
    assert honor_measure("other", "名") == "名" and honor_measure("five_star_member", "个") == "个"  # as written
