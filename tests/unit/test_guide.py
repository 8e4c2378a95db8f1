"""The editors' guide documents every field of every record type, generated from the schema."""

from showcase.content.schema import KINDS
from tools.field_tables import render
from support.sites import REPO

GUIDE = REPO / "docs" / "editors-guide.md"


def test_guide_tables_are_current():
    text = GUIDE.read_text(encoding="utf-8")
    assert render(text) == text, "字段表已过期：运行 python -m tools.field_tables docs/editors-guide.md"


def test_every_kind_has_a_table_and_an_example():
    text = GUIDE.read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"<!-- fields:{kind} -->" in text, kind
    for field in ("series_no", "former_names", "official_count", "planned_total", "stars", "standards"):
        assert f"`{field}`" in text
