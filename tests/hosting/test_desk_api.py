"""The editing desk's JSON API as the page uses it (httpx over the desk's own WSGI application, on a copy of
the one-of-each fixture): the check's messages on the fields, saves refused with nothing written, the
round trip that keeps every untouched byte, a file changed on disk never overwritten, and the refusals
(CSRF, token, Host, traversal, symbolic links, oversize and fake pictures)."""
from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import httpx
import pytest
from PIL import Image

from support.sites import copy_fixture

from showcase.checks.run import check_content
from showcase.desk.app import desk_app, mounted
from showcase.desk.security import Guard
from showcase.desk.service import Desk

ID_NUMBER = "440301199003071230"  # a valid 18-digit number (checksum), as the privacy lint tests use


@pytest.fixture
def desk(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    guard = Guard.for_address("127.0.0.1", 8000)
    app = desk_app(Desk(project / "content", upload_limit=2 * 1024 * 1024), guard)
    client = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://127.0.0.1:8000")
    client.headers["X-Desk-CSRF"] = guard.csrf
    return project, client


def tree_digest(root: Path) -> str:
    """Every file under content/ (names and bytes)."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def messages(report: dict, field: str) -> list[str]:
    return [p["message"] for p in report["fields"].get(field, [])]


def test_bad_values_show_the_checks_message_on_their_field_and_nothing_is_written(desk):
    project, client = desk
    before = tree_digest(project / "content")
    form = client.get("/_desk/api/record", params={"kind": "brand", "id": "alpha"}).json()
    form["values"].update(launched="2023-02-30", unit="云川市不存在局", slogan=f"联系人身份证{ID_NUMBER}")
    report = client.post("/_desk/api/check", json=form).json()["report"]
    assert "日期 2023-02-30 不存在" in messages(report, "launched")
    assert "没有名为“云川市不存在局”的单位" in messages(report, "unit")
    assert any("疑似身份证号" in m for m in messages(report, "slogan")), report
    saved = client.post("/_desk/api/save", json=form).json()
    assert saved["saved"] is False and saved["report"]["errors"] >= 3
    assert tree_digest(project / "content") == before


def test_a_unit_picked_by_its_chinese_name_is_written_as_its_id(desk):
    project, client = desk
    form = client.get("/_desk/api/record", params={"kind": "brand", "id": "alpha"}).json()
    form["values"]["unit"] = "市发改委"
    saved = client.post("/_desk/api/save", json=form).json()
    assert saved["saved"], saved
    assert "\nunit: fgw\n" in (project / "content/brands/alpha/index.md").read_text(encoding="utf-8")


def test_a_new_article_gets_the_next_series_number_and_its_year_folder_and_a_duplicate_is_refused(desk):
    project, client = desk
    new = client.get("/_desk/api/new", params={"kind": "article"}).json()
    used = [int(line.split(":")[1]) for f in (project / "content/column").rglob("*.md")
            for line in f.read_text(encoding="utf-8").splitlines() if line.startswith("series_no:")]
    assert new["values"]["series_no"] == max(used) + 1 and new["values"]["newspaper"] == "ycrb"
    new["values"].update(title="新的一篇", date="2024年5月6日")
    new["body"] = "正文。\n"
    new["id"] = "xin-yi-pian"
    duplicate = dict(new, values=dict(new["values"], series_no=1))
    before = tree_digest(project / "content")
    report = client.post("/_desk/api/save", json=duplicate).json()["report"]
    # on the field, naming the other article
    assert any("专栏序号 1 重复" in m and "first.md" in m for m in messages(report, "series_no")), report
    assert tree_digest(project / "content") == before
    saved = client.post("/_desk/api/save", json=new).json()
    assert saved["saved"] and saved["file"] == "column/2024/xin-yi-pian.md", saved
    assert not check_content(project / "content").problems.errors  # what `showcase check` runs


def test_an_edited_record_keeps_its_comments_and_untouched_lines_byte_for_byte(desk):
    project, client = desk
    path = project / "content/brands/alpha/index.md"
    original = path.read_text(encoding="utf-8")
    commented = original.replace("slogan:", "# 口号由支部大会确定\nslogan:", 1).replace(
        "tags: [文旅融合]", "tags: [文旅融合]   # 标签可多选")
    path.write_text(commented, encoding="utf-8")
    form = client.get("/_desk/api/record", params={"kind": "brand", "id": "alpha"}).json()
    form["values"]["branch"] = "市文化和旅游局机关第一党支部"
    form["values"]["metrics"].append({"label": "志愿服务", "value": "320", "unit": "小时", "as_of": "2023-12-31"})
    assert client.post("/_desk/api/save", json=form).json()["saved"]
    after = path.read_text(encoding="utf-8").splitlines()
    before = commented.splitlines()
    changed_before = [line for line in before if line not in after]
    added = [line for line in after if line not in before]
    assert changed_before == ["branch: 市文化和旅游局机关党委"]
    assert added[0] == "branch: 市文化和旅游局机关第一党支部"
    assert any("志愿服务" in line and "320" in line for line in added[1:]) and len(added) <= 6
    assert "# 口号由支部大会确定" in after and "tags: [文旅融合]   # 标签可多选" in after
    assert after[after.index("---", 1) + 1:] == before[before.index("---", 1) + 1:]  # the body


def test_a_file_changed_on_disk_while_the_form_is_open_is_not_overwritten(desk):
    project, client = desk
    path = project / "content/brands/alpha/index.md"
    form = client.get("/_desk/api/record", params={"kind": "brand", "id": "alpha"}).json()
    theirs = path.read_text(encoding="utf-8").replace("让党旗在文旅窗口飘扬", "别人刚改的口号")
    path.write_text(theirs, encoding="utf-8")
    form["values"]["slogan"] = "我的口号"
    answer = client.post("/_desk/api/save", json=form).json()
    assert answer["saved"] is False and answer["conflict"] is True
    assert "别人刚改的口号" in answer["theirs"] and "我的口号" in answer["mine"]
    assert path.read_text(encoding="utf-8") == theirs


def test_writes_without_the_csrf_token_or_with_a_wrong_one_are_refused(desk):
    project, client = desk
    form = client.get("/_desk/api/record", params={"kind": "brand", "id": "alpha"}).json()
    form["values"]["slogan"] = "不该写入"
    before = tree_digest(project / "content")
    for headers in ({"X-Desk-CSRF": ""}, {"X-Desk-CSRF": "wrong"}):
        answer = client.post("/_desk/api/save", json=form, headers=headers)
        assert answer.status_code == 403 and "CSRF" in answer.json()["error"]
    assert client.get("/_desk/api/save").status_code == 403  # a GET is never a write
    assert tree_digest(project / "content") == before


def test_a_desk_on_all_addresses_wants_its_token_and_checks_nothing_else_for_it(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    guard = Guard.for_address("0.0.0.0", 8000)
    app = desk_app(Desk(project / "content"), guard)
    client = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://192.0.2.7:8000")
    assert client.get("/_desk/").status_code == 403
    assert client.get("/_desk/", params={"token": "wrong"}).status_code == 403
    page = client.get("/_desk/", params={"token": guard.token})
    assert page.status_code == 200 and "HttpOnly" in page.headers["set-cookie"]
    assert client.get("/_desk/api/records").status_code == 200  # the cookie carries the token now


def test_a_loopback_desk_refuses_another_host_name(desk):
    _, client = desk
    assert client.get("/_desk/api/records", headers={"Host": "evil.example:8000"}).status_code == 403
    assert client.get("/_desk/api/records", headers={"Host": "localhost:8000"}).status_code == 200


def test_mounted_sends_only_desk_paths_to_the_desk():
    seen = []

    def site(environ, start_response):
        seen.append("site")
        start_response("200 OK", [])
        return [b"site"]

    def desk_side(environ, start_response):
        seen.append("desk")
        start_response("200 OK", [])
        return [b"desk"]

    client = httpx.Client(transport=httpx.WSGITransport(app=mounted(site, desk_side)), base_url="http://127.0.0.1")
    assert [client.get(p).text for p in ("/", "/_desk/", "/_desk", "/_desktop/", "/brands/")] == \
        ["site", "desk", "desk", "site", "site"]


# ---- pictures ----------------------------------------------------------------------------------

def photo_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated: the stored picture must come out upright (48 × 64)
    exif[0x8825] = {1: "N", 2: (25.0, 2.0, 3.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(client, name: str, data: bytes, record="star-li", kind="exemplar"):
    return client.post("/_desk/api/upload", params={"kind": kind, "id": record, "name": name}, content=data,
                       headers={"Content-Type": "application/octet-stream"})


def test_an_uploaded_photo_lands_in_the_records_folder_upright_without_exif(desk):
    project, client = desk
    answer = upload(client, "张三 Portrait.JPG", photo_with_gps())
    assert answer.status_code == 200, answer.text
    name = answer.json()["name"]
    assert name == "portrait.jpg"
    with Image.open(project / "content/exemplars/star-li" / name) as stored:
        assert stored.size == (48, 64) and not stored.getexif()
    assert upload(client, "portrait.jpg", photo_with_gps()).json()["name"] == "portrait-2.jpg"


@pytest.mark.parametrize("name", ["../../evil.jpg", "..", "a/b.jpg", "..\\x.jpg"])
def test_an_upload_name_with_a_path_is_refused(desk, name):
    project, client = desk
    before = tree_digest(project)
    assert upload(client, name, photo_with_gps()).status_code == 400
    assert tree_digest(project) == before


def test_uploads_to_an_unknown_record_or_a_traversing_id_are_refused(desk):
    project, client = desk
    before = tree_digest(project)
    assert upload(client, "p.jpg", photo_with_gps(), record="../../../tmp").status_code == 404
    assert upload(client, "p.jpg", photo_with_gps(), kind="unit", record="wenlv").status_code == 404
    assert tree_digest(project) == before


def test_an_upload_through_a_symbolic_link_is_refused(desk, tmp_path):
    project, client = desk
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = project / "content/exemplars/star-li"
    os.rename(folder, outside / "star-li")
    os.symlink(outside / "star-li", folder)
    answer = upload(client, "p.jpg", photo_with_gps())
    assert answer.status_code in (403, 404), answer.text
    assert sorted(p.name for p in (outside / "star-li").iterdir()) == ["index.md"]


def test_an_oversize_upload_and_a_jpg_that_is_no_picture_are_refused(desk):
    project, client = desk
    before = tree_digest(project)
    big = upload(client, "big.jpg", b"\xff\xd8" + os.urandom(2 * 1024 * 1024 + 10))
    assert big.status_code == 413
    fake = upload(client, "fake.jpg", b"<?php echo 1; ?>" * 100)
    assert fake.status_code == 400 and "不是可读的图片" in fake.json()["error"]
    assert tree_digest(project) == before


def test_a_new_exemplar_is_created_then_given_a_photo_and_passes_the_check(desk):
    project, client = desk
    new = client.get("/_desk/api/new", params={"kind": "exemplar"}).json()
    new["values"].update(title="王芳", kind="five_star_member", unit="市文旅局", status="published",
                         person={"name": "王芳", "position": "科员"}, stars=["学习型"])
    new["id"] = client.post("/_desk/api/propose", json={"kind": "exemplar", "values": new["values"]}).json()["id"]
    assert new["id"] == "wenlv-wuxing"
    saved = client.post("/_desk/api/save", json=new).json()
    assert saved["saved"], saved
    name = upload(client, "wang.jpg", photo_with_gps(), record="wenlv-wuxing").json()["name"]
    form = client.get("/_desk/api/record", params={"kind": "exemplar", "id": "wenlv-wuxing"}).json()
    form["values"]["photo"] = {"src": name, "caption": "王芳在窗口", "consent": True}
    assert client.post("/_desk/api/save", json=form).json()["saved"]
    assert not check_content(project / "content").problems.errors  # what `showcase check` runs


def test_a_new_records_bad_or_taken_id_is_shown_on_the_id_field_and_not_saved(desk):
    project, client = desk
    before = tree_digest(project / "content")
    new = client.get("/_desk/api/new", params={"kind": "brand"}).json()
    new["values"].update(title="新品牌", unit="wenlv")
    for bad, expected in (("窗口红", "不合规"), ("../x", "不合规"), ("alpha", "已存在")):
        answer = client.post("/_desk/api/save", json=dict(new, id=bad)).json()
        assert answer["saved"] is False and any(expected in m for m in messages(answer["report"], "id")), answer
    assert tree_digest(project / "content") == before


def test_the_body_preview_is_the_sites_converter_output_with_the_sites_styles(tmp_path):
    from showcase.mkdocs.markdown_html import markdown_to_html

    project = copy_fixture("one-of-each", tmp_path)
    guard = Guard.for_address("127.0.0.1", 8000)
    frame = {"styles": ["/assets/stylesheets/main.css"], "body": {"data-md-color-scheme": "default"}}
    app = desk_app(Desk(project / "content", markdown=markdown_to_html, frame=lambda: frame), guard)
    client = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://127.0.0.1:8000",
                          headers={"X-Desk-CSRF": guard.csrf})
    answer = client.post("/_desk/api/preview", json={"body": "## 品牌内涵\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"}).json()
    assert "<h2>品牌内涵</h2>" in answer["html"] and "<table>" in answer["html"]
    assert answer["styles"] == frame["styles"] and answer["body"] == frame["body"]


def test_a_duplicate_reported_on_the_other_article_is_shown_on_the_edited_field_too(desk):
    _, client = desk
    form = client.get("/_desk/api/record", params={"kind": "article", "id": "first"}).json()
    form["values"]["series_no"] = 2  # second.md has 2; the check reports the later file, naming this one
    report = client.post("/_desk/api/check", json=form).json()["report"]
    assert any("second.md" in p["where"] and "重复" in p["message"] for p in report["affected"])
    on_field = messages(report, "series_no")
    assert any("second.md" in m and "专栏序号 2 重复" in m for m in on_field), report
    assert report["errors"] == 1


def test_the_kept_copy_never_writes_into_content_and_leaves_no_folder_of_a_new_record(tmp_path):
    from showcase.desk.check import StagedCopy
    from showcase.desk.records import ContentState

    project = copy_fixture("one-of-each", tmp_path)
    content = project / "content"
    before = tree_digest(content)
    copy, state = StagedCopy(content), ContentState(content)
    signature = state.signature()
    edited = copy.check("brands/alpha/index.md", b"---\ntitle: x\n---\n", signature)
    assert any("unit" in p.message for p in edited.problems.items if "alpha/" in p.path)
    copy.check("brands/brand-new/index.md", b"---\ntitle: y\nunit: wenlv\n---\n", signature)
    assert not (copy.tree / "brands/brand-new").exists()
    again = copy.check("brands/alpha/index.md", (content / "brands/alpha/index.md").read_bytes(), signature)
    assert not [p for p in again.problems.items if p.is_error], again.problems.report()
    assert tree_digest(content) == before
    assert (copy.tree / "brands/alpha/index.md").stat().st_ino == (content / "brands/alpha/index.md").stat().st_ino


def test_a_file_ruamel_cannot_read_is_refused_with_a_message_not_an_error_page(desk):
    project, client = desk
    path = project / "content/brands/alpha/index.md"
    text = path.read_text(encoding="utf-8")
    form = client.get("/_desk/api/record", params={"kind": "brand", "id": "alpha"}).json()
    path.write_text(text.replace("slogan:", "slogan: 一\nslogan:", 1), encoding="utf-8")  # a repeated key
    answer = client.post("/_desk/api/check", json=form)
    assert answer.status_code == 422 and "无法用表单保存（DuplicateKeyError）" in answer.json()["error"]
    assert path.read_text(encoding="utf-8") == text.replace("slogan:", "slogan: 一\nslogan:", 1)
