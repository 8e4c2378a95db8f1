"""Editions as pure logic: which records an edition publishes, and what of them (no MkDocs here)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from showcase.checks.run import check_content
from showcase.content.values import BEIJING
from showcase.domain.edition import Edition, publication_notes, select
from showcase.domain.model import build_model
from support.sites import copy_fixture, showcase

BEFORE = datetime(2029, 12, 31, 23, 59, tzinfo=BEIJING)
AT = datetime(2030, 1, 1, 9, 0, tzinfo=BEIJING)


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    # A copy: the check keeps an image cache beside the content folder, never in the repository.
    return copy_fixture("publish-edition", tmp_path_factory.mktemp("edition")) / "content"


@pytest.fixture(scope="module")
def records(content):
    checked = check_content(content, today=BEFORE.date())
    assert not checked.problems.errors, checked.problems.report()
    return checked.records


def ids(records) -> set[str]:
    return {r.id for r in records}


def by_id(records, record_id):
    return next(r for r in records if r.id == record_id)


def test_internal_edition_publishes_everything_published(records):
    selection = select(records, Edition("internal", now=BEFORE))
    published = ids(selection.published)
    assert {"pub-brand", "secret-brand", "pub-sub", "secret-star", "pub-star", "show-2023"} <= published
    assert ids(selection.retracted) == {"gone-branch", "second"}
    assert {(r.id, why) for r, why in selection.left_out} == {
        ("draft-brand", "草稿"), ("later-brand", "定时发布（2030-01-01 09:00 北京时间）")}


def test_public_edition_leaves_out_internal_records(records):
    selection = select(records, Edition("public", now=BEFORE))
    assert {"secret-brand", "secret-star"}.isdisjoint(ids(selection.published))
    assert ("secret-brand", "仅内网版") in {(r.id, why) for r, why in selection.left_out}
    assert ("secret-star", "仅内网版") in {(r.id, why) for r, why in selection.left_out}
    # Their folders (photos, logos) never ship; nor do a retracted record's.
    assert {r.id for r in selection.unshipped} >= {"secret-brand", "secret-star", "gone-branch", "draft-brand"}


def test_public_records_hold_no_internal_fields(records):
    selection = select(records, Edition("public", now=BEFORE))
    competition = by_id(selection.published, "show-2023")
    assert competition["judges"] is None and competition["scores"] is None
    assert "judges" not in competition.fields and "scores" not in competition.fields
    brand = by_id(selection.published, "pub-brand")
    assert brand["review_notes"] is None
    # What was taken out is withheld for public figures (totals), never in the record.
    assert [j["name"] for j in selection.withheld[competition.key]["judges"]] == ["上官评审", "欧阳评审", "诸葛评审"]
    assert len(selection.withheld[competition.key]["scores"]) == 6
    assert selection.withheld[brand.key] == {"review_notes": "复核底稿编号甲乙丙丁，审核人已签字留存。"}
    # The loaded records themselves are untouched (nothing is shared between editions' builds).
    assert by_id(records, "show-2023")["judges"] and by_id(records, "pub-brand")["review_notes"]


def test_internal_records_keep_internal_fields(records):
    selection = select(records, Edition("internal", now=BEFORE))
    assert len(by_id(selection.published, "show-2023")["scores"]) == 6
    assert selection.withheld == {}


def test_public_totals_come_from_withheld_scores(records):
    public = build_model(select(records, Edition("public", now=BEFORE)), Edition("public", now=BEFORE))
    internal = build_model(select(records, Edition("internal", now=BEFORE)), Edition("internal", now=BEFORE))
    pub, intern = public.results["show-2023"], internal.results["show-2023"]
    assert pub.complete and intern.complete
    assert [(r.id, r.total) for r in pub.entries] == [(r.id, r.total) for r in intern.entries]
    assert not pub.with_judges  # individual marks are never kept for the public edition
    assert all(not rs.marks for r in pub.entries for rs in r.rounds.values())


def test_public_model_resolves_only_published_records(records):
    edition = Edition("public", now=BEFORE)
    model = build_model(select(records, edition), edition)
    assert model.get("brand", "secret-brand") is None
    awards = {a.name: a.target for a in model.awards["fs-2023"]}
    assert awards["王明"] is not None and awards["王明"].id == "pub-star"
    assert awards["司马内参"] is None  # the name stays (the batch is public), the link goes
    assert model.sub_brands.get("secret-brand") is None
    assert [a.id for a in model.articles_about.get(("brand", "pub-brand"), [])] == ["first"]
    assert ("brand", "secret-brand") not in model.articles_about
    retracted_award = model.awards["rf-2022"][0]
    assert retracted_award.name == "撤回的测绘党支部" and retracted_award.target is None


def test_drafts_are_in_only_with_drafts(records):
    assert "draft-brand" not in ids(select(records, Edition(now=BEFORE)).published)
    assert "draft-brand" in ids(select(records, Edition(drafts=True, now=BEFORE)).published)
    # A draft preview of the public edition still holds no review notes.
    public_preview = select(records, Edition("public", drafts=True, now=BEFORE))
    assert by_id(public_preview.published, "draft-brand")["review_notes"] is None


@pytest.mark.parametrize("now, included", [(BEFORE, False), (AT, True)])
def test_publish_at_is_an_embargo_until_the_moment(records, now, included):
    assert ("later-brand" in ids(select(records, Edition(now=now)).published)) is included


def test_publish_at_in_another_zone_is_compared_as_a_moment(records):
    # 2030-01-01 09:00 Beijing is 01:00 UTC: one minute before that is still embargoed.
    from datetime import timezone

    assert "later-brand" not in ids(select(records, Edition(now=datetime(2030, 1, 1, 0, 59, tzinfo=timezone.utc))).published)
    assert "later-brand" in ids(select(records, Edition(now=datetime(2030, 1, 1, 1, 0, tzinfo=timezone.utc))).published)


def test_publication_notes_name_scheduled_records_and_drafts(records, content):
    notes = publication_notes(records, Edition(now=BEFORE))
    assert notes == [
        f"{display(content / 'brands/later-brand/index.md')}:3: 提示: 品牌《定时品牌晨光》定时发布："
        "2030-01-01 09:00 北京时间，此前生成的网站不包含它",
        "提示: 1 条草稿、0 条待审不进入正式生成（showcase build --drafts 或 showcase serve 可预览）",
    ]
    assert publication_notes(records, Edition(now=AT)) == notes[1:]


def display(path: Path) -> str:
    from showcase.content.problems import display_path

    return display_path(path)


# ---- the command ---------------------------------------------------------------------------------

def test_check_says_which_records_are_scheduled_and_when(tmp_path):
    project = copy_fixture("publish-edition", tmp_path)
    result = showcase("check", "--now", "2029-12-31T12:00", cwd=project)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.strip().splitlines()
    assert lines[-3:] == [
        "content/brands/later-brand/index.md:3: 提示: 品牌《定时品牌晨光》定时发布：2030-01-01 09:00 北京时间，此前生成的网站不包含它",
        "提示: 1 条草稿、0 条待审不进入正式生成（showcase build --drafts 或 showcase serve 可预览）",
        "检查完成：0 个错误，0 个警告，18 条记录。",
    ]
    after = showcase("check", "--now", "2030-01-01T09:00:00+08:00", cwd=project)
    assert "定时发布" not in after.stdout


def test_a_bad_now_is_refused_before_anything_is_built(tmp_path):
    project = copy_fixture("publish-edition", tmp_path)
    result = showcase("build", "--now", "明天上午", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip() == "错误: --now 明天上午 不是时间：写成 2024-01-01T09:00:00+08:00（北京时间）"
    assert not (project / "site").exists()


def test_what_a_build_is_called_to_the_officer():
    assert Edition().label == "内网版"
    assert Edition(name="public").label == "公开版"
    # --drafts holds records neither edition publishes: a preview, never "内网版"
    assert Edition(drafts=True).label == "草稿预览（内网版内容加草稿、待审稿，不得发布）"
    assert Edition(name="public", drafts=True).label == "草稿预览（公开版内容加草稿、待审稿，不得发布）"
