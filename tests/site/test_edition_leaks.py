"""THE test of the public edition: build the same content in both editions and search every output
file — HTML, sitemap.xml(.gz), feeds, the search index (JSON/JS, \\u-escaped or not), images — for every
internal string. Each must be present in the internal edition where expected and absent from the
public one. Done on the demo content (strings derived from the content itself) and on the small
publish-edition fixture (strings named by hand, including judges' names and individual scores)."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from showcase.checks.run import check_content
from showcase.content.schema import fields_of
from showcase.domain.edition import Edition, internal_field_names, select
from showcase.lint.segments import plain_page_paths
from support.publishing import Output, publish_sites
from support.sites import build

pytestmark = pytest.mark.slow  # the demo and a fixture built in both editions

CLAUSE = re.compile(r"[。！？；，、：:\n“”\"‘’（）()《》]+")


# ---- what is internal, derived from the content -----------------------------------------------------

def text_values(kind: str, fields: dict) -> list[str]:
    out: list[str] = []

    def walk(spec, value):
        if spec.type == "list" and spec.item is not None and isinstance(value, list):
            for item in value:
                walk(spec.item, item)
        elif spec.type == "object" and isinstance(value, dict):
            members = {f.name: f for f in spec.fields}
            for key, item in value.items():
                if key in members:
                    walk(members[key], item)
        elif spec.type in ("text", "markdown") and isinstance(value, str):
            out.append(value)

    spec = fields_of(kind)
    for name, value in fields.items():
        if name in spec and name != "allow":
            walk(spec[name], value)
    return out


def clauses(text: str, minimum: int = 6) -> set[str]:
    text = re.sub(r"\]\([^)]*\)", "", text)
    text = re.sub(r"[#*_`\[\]<>|!>-]", " ", text)
    return {c.strip() for c in CLAUSE.split(text) if len(c.strip()) >= minimum}


def internal_strings(root: Path) -> dict[str, tuple[str, str]]:
    """string → (why internal, record id). A string the public edition's own records or pages also
    hold (an internal exemplar's name in a public honor roll) is public, and left out."""
    checked = check_content(root)
    public = select(checked.records, Edition("public"))
    corpus = [t for r in public.published + public.retracted for t in text_values(r.kind, r.fields) + [r.body]]
    corpus += [p.read_text(encoding="utf-8") for p in plain_page_paths(root)]
    corpus_text = "\n".join(corpus)
    found: dict[str, tuple[str, str]] = {}
    for record, why in public.left_out:
        if why != "仅内网版":
            continue
        found[record.title] = ("title", record.id)
        for text in text_values(record.kind, record.fields) + [record.body]:
            for clause in clauses(text):
                found.setdefault(clause, ("text", record.id))
    for record in checked.records:
        for name in internal_field_names(record.kind):
            if name in record.fields and name != "scores":
                for text in text_values(record.kind, {name: record.fields[name]}):
                    for clause in clauses(text, 3):
                        found.setdefault(clause, (name, record.id))
    return {s: why for s, why in found.items() if s not in corpus_text}


NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def number_sequence(text: str) -> str:
    """The numbers of a text in order, as ",a,b,c,": a judges' table row becomes a run of them."""
    return "," + ",".join(NUMBER.findall(text)) + ","


def score_sequences(root: Path) -> list[str]:
    """Per competition round and entry: each judge's total, in the judges' order — the row a table of
    individual scores would print (unique enough, unlike one small mark)."""
    from fractions import Fraction

    sequences = []
    for record in check_content(root).records:
        if record.kind != "competition":
            continue
        judges = [j["id"] for j in record.get("judges", [])]
        totals: dict[tuple, dict] = {}
        for score in record.get("scores", []):
            total = sum((Fraction(str(v)) for v in score["values"].values()), Fraction(0))
            shown = str(total.numerator) if total.denominator == 1 else f"{float(total):g}"
            totals.setdefault((score["round"], score["entry"]), {})[score["judge"]] = shown
        for marks in totals.values():
            if len(marks) == len(judges) >= 3:
                sequences.append("," + ",".join(marks[j] for j in judges) + ",")
    return sequences


def internal_record_folders(root: Path) -> list[Path]:
    checked = check_content(root)
    return [r.path.parent for r, why in select(checked.records, Edition("public")).left_out
            if why == "仅内网版" and r.path.name == "index.md"]


# ---- the demo ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_site):
    project = demo_site.parent  # the session's demo project: same content, its image cache reused
    public = build(project, "--edition", "public", "--print", site_dir=tmp_path_factory.mktemp("demo-public") / "site")
    return project / "content", Output(demo_site), Output(public)


def test_demo_has_internal_content_to_hide(demo):
    root, _internal, _public = demo
    strings = internal_strings(root)
    kinds = {why for why, _id in strings.values()}
    assert {"title", "text", "review_notes", "judges"} <= kinds
    assert {record_id for _why, record_id in strings.values()} >= {"jgswj-hongguanjia", "rf-jgswj-houqin"}
    assert len(score_sequences(root)) >= 20


def test_demo_public_edition_holds_no_internal_string(demo):
    root, _internal, public = demo
    leaks = {s: (why, public.where(s)[:3]) for s, why in internal_strings(root).items() if public.where(s)}
    assert leaks == {}


def test_demo_public_edition_prints_without_internal_records(demo):
    """The public edition's PDFs are searched like its pages (support.publishing reads their text):
    they exist, hold the public stories, and no score sheet (the panel is internal by nature)."""
    root, _internal, public = demo
    pdfs = [name for name in public.files if name.endswith(".pdf")]
    assert "print/honors/rf-2021.pdf" in pdfs and not [n for n in pdfs if n.endswith("sheets.pdf")]
    assert "市发改委重点项目服务党支部" in public.files["print/honors/rf-2021.pdf"]
    hidden = [s for s, (why, rid) in internal_strings(root).items() if rid == "rf-jgswj-houqin" and why == "text"]
    assert hidden and not [s for s in hidden for n in pdfs if s in public.files[n]]


def test_demo_internal_edition_shows_internal_records(demo):
    """The search above really finds text: the internal edition holds the internal records' text."""
    root, internal, _public = demo
    strings = internal_strings(root)
    for record_id in ("jgswj-hongguanjia", "rf-jgswj-houqin"):
        own = [s for s, (why, rid) in strings.items() if rid == record_id and why in ("title", "text")]
        shown = [s for s in own if internal.where(s)]
        assert len(shown) >= 0.8 * len(own), sorted(set(own) - set(shown))
        assert all(internal.where(s) for s in own if strings[s][0] == "title")


def test_demo_review_notes_are_in_no_edition(demo):
    root, internal, public = demo
    notes = [s for s, (why, _id) in internal_strings(root).items() if why == "review_notes"]
    assert notes
    assert [s for s in notes if internal.where(s) or public.where(s)] == []


def test_demo_individual_scores_are_not_public(demo):
    root, _internal, public = demo
    numbers = {name: number_sequence(text) for name, text in public.files.items() if not name.startswith("assets/")}
    leaked = [(row, name) for row in score_sequences(root) for name, seq in numbers.items() if row in seq]
    assert leaked == []


def test_demo_internal_records_leave_no_file_url_or_image(demo):
    root, internal, public = demo
    for folder in internal_record_folders(root):
        record_id = folder.name
        assert [n for n in public.files if record_id in n] == []
        assert public.where(f"/{record_id}/") == [] and public.where(f"{record_id}/") == []
        assert [n for n in internal.files if record_id in n]  # it is a page of the internal edition
        sources = {hashlib.sha256(p.read_bytes()).digest() for p in folder.iterdir() if p.suffix != ".md"}
        shipped = {hashlib.sha256((public.site / n).read_bytes()).digest() for n in public.files}
        assert not sources & shipped


# ---- the fixture: named strings, judges and scores published internally ---------------------------------

INTERNAL_ONLY = [  # present in the internal edition, absent from the public one
    "内参管家", "内部口号绝密九号", "钥匙形标识寓意守好机关内部家底", "内部仓储周转率",
    "这段内部管理材料仅限内网阅读", "机要科科长", "内部标兵守护机要文件十五年", "司马内参同志长期从事机要工作",
    "内部标兵的事迹材料", "brands/secret-brand/", "exemplars/secret-star/",
    "上官评审", "欧阳评审", "诸葛评审",
]
MARKS = ("51.25", "33.75", "52.75", "34.25", "50.5", "35.5", "55.25", "36.75", "54.75", "37.25", "56.5", "36.5")
NOWHERE = [  # in no normal build of either edition
    "复核底稿编号甲乙丙丁",  # review notes of a published record
    "草稿品牌未定稿", "草稿口号尚待推敲", "请补充草稿品牌的成效数据",  # a draft and its review notes
    "定时品牌晨光", "晨光口号定时见面",  # embargoed until 2030
    "撤回前的事迹正文", "撤回前的一句话事迹", "撤回文章的正文",  # retracted records' content
]


@pytest.fixture(scope="module")
def fixture_sites(tmp_path_factory):
    return publish_sites(tmp_path_factory)


@pytest.mark.parametrize("needle", INTERNAL_ONLY)
def test_fixture_internal_strings(fixture_sites, needle):
    assert fixture_sites["internal"].where(needle)
    assert fixture_sites["public"].where(needle) == []
    assert fixture_sites["public-drafts"].where(needle) == []


@pytest.mark.parametrize("needle", NOWHERE)
def test_fixture_unpublished_strings(fixture_sites, needle):
    assert fixture_sites["internal"].where(needle) == []
    assert fixture_sites["public"].where(needle) == []


def test_fixture_draft_preview_shows_review_notes_only_internally(fixture_sites):
    note = "审核意见：请补充草稿品牌的成效数据后再报审。"
    assert fixture_sites["drafts"].where(note) == ["brands/draft-brand/index.html"]
    assert fixture_sites["public-drafts"].where("草稿品牌未定稿")  # the draft is previewed …
    assert fixture_sites["public-drafts"].where("请补充草稿品牌的成效数据") == []  # … without its notes
    assert fixture_sites["drafts"].where("复核底稿编号甲乙丙丁") == []  # a published record's notes: never


def test_fixture_scores_are_individual_only_internally(fixture_sites):
    shown = NUMBER.findall(fixture_sites["internal"].files["competitions/show-2023/index.html"])
    assert set(MARKS) <= set(shown)  # every judge's every mark, internally
    rows = score_sequences(fixture_sites["internal"].site.parent / "publish-edition" / "content")
    assert rows == [",85,87,86,", ",92,92,93,"]  # each judge's total of an entry, in judge order
    internal_numbers = number_sequence(fixture_sites["internal"].files["competitions/show-2023/index.html"])
    assert all(row in internal_numbers for row in rows)  # publish_scores: true → shown internally
    for name, text in fixture_sites["public"].files.items():
        assert not any(row in number_sequence(text) for row in rows), name
    for edition in ("public", "public-drafts"):  # not one judge's mark, as a number anywhere but theme CSS/JS
        for name, text in fixture_sites[edition].files.items():
            if not name.startswith(("assets/stylesheets/", "assets/javascripts/")):
                assert set(MARKS).isdisjoint(NUMBER.findall(text)), name


def test_fixture_public_keeps_honor_names_without_links(fixture_sites):
    page = fixture_sites["public"].files["honors/fs-2023/index.html"]
    assert "<td>司马内参</td>" in page and "secret-star" not in page  # the name as awarded, no link
    assert re.search(r'<a href="[^"]*exemplars/pub-star/">公开标兵王明</a>', page)
    internal = fixture_sites["internal"].files["honors/fs-2023/index.html"]
    assert re.search(r'<a href="[^"]*exemplars/secret-star/">司马内参</a>', internal)


def test_fixture_public_images_are_only_public_records_images(fixture_sites):
    internal, public = fixture_sites["internal"], fixture_sites["public"]
    images = lambda output: {n for n in output.files if n.startswith("assets/images/content/")}  # noqa: E731
    only_internal = images(internal) - images(public)
    assert only_internal  # the internal brand's logo variants
    digests = {hashlib.sha256((internal.site / n).read_bytes()).digest() for n in only_internal}
    assert not digests & {hashlib.sha256((public.site / n).read_bytes()).digest() for n in images(public)}
