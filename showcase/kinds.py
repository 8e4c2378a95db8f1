"""The tables of what content holds: one row per record kind, per exemplar kind, per field type.

A record kind says where its files live in content/ (the layout of the content contract,
docs/editors-guide.md), where its pages live in the site, its Chinese name in messages, the ids its
section keeps for listings, and the skeleton `showcase new` writes. Every module reads these rows
from here, so a kind is described once. This module imports nothing of the package.
"""
from __future__ import annotations

from dataclasses import dataclass

PAGE_DIR = "page"    # brands/page/2/, exemplars/…/page/2/: later pages of a paginated list
YEARS_DIR = "years"  # exemplars/years/2022/: one list per year


@dataclass(frozen=True)
class Kind:
    """One kind of record. `layout` is how its files are laid out under `place` in content/:
    list    one file `place` holding a list of records (units.yml)
    single  one file `place` holding the one record (campaign.yml)
    folder  `place`/<id>/index.md
    page    `place`/<id>.md or `place`/<id>/index.md
    yaml    `place`/<id>.yml
    dated   `place`/<yyyy>/<id>.md or `place`/<yyyy>/<id>/index.md
    """

    name: str
    label: str
    layout: str
    place: str
    section: str | None = None  # the URL section of its pages (section/<id>/); None: no page of its own
    reserved_ids: tuple[str, ...] = ()  # ids the section's listings use as URL segments
    skeleton: tuple[str, str] | None = None  # (where `showcase new` writes, skeleton file)
    search_label: str = ""  # its name in the search page's filter (荣誉 for honor batches)


@dataclass(frozen=True)
class ExemplarKind:
    """One kind of 先进典型: its name, its URL segment under exemplars/, and the measure word it is
    counted with (persons in 名, branches and brands in 个)."""

    name: str
    label: str
    slug: str
    measure: str


# The measure words of counts (DESIGN: 74个 / 274名): people in 名; branches, brands and units in 个.
PERSON_MEASURE = "名"
GROUP_MEASURE = "个"
MEASURES = (PERSON_MEASURE, GROUP_MEASURE)  # what an honor batch's `measure` may say
DEFAULT_MEASURE = GROUP_MEASURE

EXEMPLAR_KINDS = (
    ExemplarKind("brand_exemplar", "品牌先进典型", "brand-exemplars", GROUP_MEASURE),
    ExemplarKind("red_flag_branch", "红旗党支部", "red-flag-branches", GROUP_MEASURE),
    ExemplarKind("five_star_member", "五星党员标兵", "five-star-members", PERSON_MEASURE),
)
EXEMPLAR_KIND_NAMES = {kind.name: kind.label for kind in EXEMPLAR_KINDS}
EXEMPLAR_SLUGS = {kind.name: kind.slug for kind in EXEMPLAR_KINDS}

KINDS = (
    Kind("unit", "单位", "list", "units.yml", section="units", skeleton=("units.yml", "unit.yml"), search_label="单位"),
    Kind("newspaper", "报纸", "list", "newspapers.yml"),
    Kind("column", "专栏", "list", "columns.yml", section="column"),
    Kind("brand", "品牌", "folder", "brands", section="brands", reserved_ids=(PAGE_DIR,),
         skeleton=("brands/{id}/index.md", "brand.md"), search_label="品牌"),
    Kind("exemplar", "先进典型", "folder", "exemplars", section="exemplars",
         reserved_ids=tuple(EXEMPLAR_SLUGS.values()) + (YEARS_DIR, PAGE_DIR),
         skeleton=("exemplars/{id}/index.md", "exemplar.md")),
    Kind("honor", "评选批次", "yaml", "honors", section="honors", skeleton=("honors/{id}.yml", "honor.yml"),
         search_label="荣誉"),
    Kind("competition", "展示赛", "yaml", "competitions", section="competitions",
         skeleton=("competitions/{id}.yml", "competition.yml"), search_label="展示赛"),
    Kind("article", "专栏文章", "dated", "column", skeleton=("column/{year}/{id}.md", "article.md"),
         search_label="专栏文章"),
    Kind("notice", "公告", "page", "notices", section="notices", skeleton=("notices/{id}.md", "notice.md"),
         search_label="公告"),
    Kind("campaign", "活动概况", "single", "campaign.yml"),
)
BY_NAME = {kind.name: kind for kind in KINDS}
KIND_NAMES = {kind.name: kind.label for kind in KINDS}
SECTION = {kind.name: kind.section for kind in KINDS if kind.section}
RESERVED_IDS = {kind.name: kind.reserved_ids for kind in KINDS if kind.reserved_ids}


def measure_of(exemplar_kind: str) -> str:
    """The measure word a count of this kind of exemplar (or honor batch type) takes."""
    for kind in EXEMPLAR_KINDS:
        if kind.name == exemplar_kind:
            return kind.measure
    return DEFAULT_MEASURE


def honor_measure(batch_type: str, written: str | None = None, linked_kinds=()) -> str:
    """The measure word of an honor batch's counts: the batch's own `measure` when written; else its
    type's, when the type is a kind of exemplar; else (type `other`) 名 when every award it links is a
    person (an exemplar of a kind counted in 名), 个 otherwise. `linked_kinds`: the exemplar kinds
    of the records its awards link (None for a brand)."""
    if written in MEASURES:
        return written
    if any(kind.name == batch_type for kind in EXEMPLAR_KINDS):
        return measure_of(batch_type)
    linked = list(linked_kinds)
    if linked and all(kind is not None and measure_of(kind) == PERSON_MEASURE for kind in linked):
        return PERSON_MEASURE
    return DEFAULT_MEASURE


@dataclass(frozen=True)
class FieldType:
    """A field type of the schema: its name in a problem message and in the editors' guide."""

    said: str
    documented: str


FIELD_TYPES = {
    "text": FieldType("文字", "文字"), "markdown": FieldType("文字", "Markdown 文字"),
    "int": FieldType("整数", "整数"), "number": FieldType("数字", "数字"),
    "bool": FieldType("true 或 false", "true/false"), "date": FieldType("日期", "日期"),
    "datetime": FieldType("时间", "时间"), "id": FieldType("标识", "标识"), "ref": FieldType("标识", "标识（引用）"),
    "enum": FieldType("选项", "选项"), "file": FieldType("文件名", "文件名"), "path": FieldType("网址路径", "网址路径"),
    "list": FieldType("列表", "列表"), "object": FieldType("“字段: 值”的集合", "集合"),
}
TYPE_NAMES = {name: kind.said for name, kind in FIELD_TYPES.items()}
