"""The editing desk in real Chromium against a real `showcase serve` (one-of-each fixture copy): an
officer who knows no YAML makes a brand with a 1+2 matrix, a 五星党员标兵 with an uploaded photo and a
column article by forms only; every saved file passes `showcase check` and its page appears in the
preview; the article got the next free series number and its year's folder; a bad date is shown on its
field and blocks the save; the page asks nothing of any other machine."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from support.preview import serving, wait_for
from support.sites import copy_fixture, showcase

pytestmark = pytest.mark.slow


@pytest.fixture
def served(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    log = tmp_path / "serve.log"
    with serving(project, log=log, seconds=90) as (_, base):
        yield project, base + "/", log


def fill(page, path: str, value: str) -> None:
    page.locator(f'#fields [data-path="{path}"] input:not([type=date]):not([type=file]), '
                 f'#fields [data-path="{path}"] textarea').first.fill(value)


def choose(page, path: str, value: str) -> None:
    page.locator(f'#fields [data-path="{path}"] select').first.select_option(value)


def save(page) -> str:
    # (the desk's CSP forbids eval, so waits are Playwright's own expectations, not wait_for_function)
    expect(page.locator("#save-state")).to_contain_text("检查通过", timeout=20000)
    page.click("#save")
    expect(page.locator("#save-state")).to_contain_text("已保存", timeout=20000)
    return page.locator("#save-state").inner_text().removeprefix("已保存 ")


def new_record(page, url: str, kind: str) -> None:
    page.goto(url + "_desk/")
    page.click(f'a[href="#new/{kind}"]')
    page.wait_for_selector('#fields [data-path="title"]')


def brand(page, url: str, title: str, parent: str | None = None) -> str:
    new_record(page, url, "brand")
    fill(page, "title", title)
    fill(page, "unit", "市文旅局")  # the unit's short name, typed as an officer knows it
    choose(page, "status", "published")
    if parent:
        fill(page, "parent", parent)
    page.fill("#body", f"## 品牌内涵\n\n{title}的内涵。\n")
    return save(page)


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (180, 40, 40)).save(out, "JPEG")
    return out.getvalue()


def test_an_officer_creates_a_matrix_an_exemplar_with_a_photo_and_an_article_by_forms(served, page, tmp_path):
    project, url, log = served
    page.on("dialog", lambda dialog: dialog.accept())
    parent = brand(page, url, "窗口红")
    children = [brand(page, url, "窗口红·文明窗口", parent="窗口红"), brand(page, url, "窗口红·志愿服务", parent="窗口红")]
    assert parent == "content/brands/wenlv-pinpai/index.md"
    assert children == ["content/brands/wenlv-pinpai-2/index.md", "content/brands/wenlv-pinpai-3/index.md"]
    assert "parent: wenlv-pinpai\n" in (project / children[0]).read_text(encoding="utf-8")

    new_record(page, url, "exemplar")
    fill(page, "title", "王芳")
    choose(page, "kind", "five_star_member")
    fill(page, "unit", "云川市文化和旅游局")
    choose(page, "status", "published")
    fill(page, "person.name", "王芳")
    fill(page, "person.position", "科员")
    exemplar = save(page)
    picture = tmp_path / "王芳.jpg"
    picture.write_bytes(photo())
    page.set_input_files('#fields [data-path="photo.src"] input[type=file]', str(picture))
    expect(page.locator("#status")).to_contain_text("已上传", timeout=20000)
    fill(page, "photo.caption", "王芳在服务窗口")
    assert save(page) == exemplar
    stored = (project / exemplar).read_text(encoding="utf-8")
    assert "consent: true" in stored and "src: photo.jpg" in stored, stored

    new_record(page, url, "article")
    assert page.locator('#fields [data-path="series_no"] input').input_value() == "3"  # fixture uses 1 and 2
    fill(page, "title", "窗口里的红色身影")
    fill(page, "date", "2023年4月1日")  # a bad date first: its message on its field, no save
    fill(page, "date", "2024-02-30")
    expect(page.locator('#fields [data-path="date"] > .problems')).to_contain_text("日期 2024-02-30 不存在",
                                                                                 timeout=20000)
    assert page.locator("#save").is_disabled()
    fill(page, "date", "2024年5月6日")
    page.fill("#body", "市文旅局窗口党员的一天。\n")
    article = save(page)
    assert article == "content/column/2024/sanchuang-003.md"
    assert "series_no: 3\n" in (project / article).read_text(encoding="utf-8")

    result = showcase("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    for address in ("brands/wenlv-pinpai/", "brands/wenlv-pinpai-3/", "exemplars/wenlv-wuxing/"):
        wait_for(url + address, log=log)
    outside = [e.url for e in page.requests.entries if not e.url.startswith(url) and not e.url.startswith("data:")]
    assert not outside, outside
    missing = [e.url for e in page.requests.entries if e.status == 404]
    assert not page.console_errors, (page.console_errors, missing)


def tree_digest(root) -> str:
    import hashlib

    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def problems_of(page, path: str):
    return page.locator(f'#fields [data-path="{path}"] > .problems')


def test_bad_values_show_their_message_on_the_field_block_the_save_and_a_changed_file_is_not_overwritten(
        served, page):
    project, url, _ = served
    content = project / "content"
    before = tree_digest(content)
    page.goto(url + "_desk/")
    page.select_option("#f-kind", "article")
    expect(page.locator("#records tbody tr")).to_have_count(2)
    page.click("text=让党旗在文旅窗口高高飘扬")
    page.wait_for_selector('#fields [data-path="series_no"]')
    expect(page.frame_locator("#preview").locator("article.md-typeset")).to_contain_text("正文第一段")
    for path, typed, message in (("date", "2023-13-01", "日期 2023-13-01 不存在"),
                                 ("series_no", "2", "专栏序号 2 重复"),
                                 ("subtitle", "身份证 440301199003071230", "疑似身份证号")):
        fill(page, path, typed)
        expect(problems_of(page, path)).to_contain_text(message, timeout=20000)
        expect(page.locator("#save")).to_be_disabled()
    expect(problems_of(page, "series_no")).to_contain_text("second.md")  # names the other article
    assert tree_digest(content) == before

    page.goto(url + "_desk/#brand/alpha")
    page.wait_for_selector('#fields [data-path="unit"]')
    fill(page, "unit", "云川市不存在局")
    expect(problems_of(page, "unit")).to_contain_text("没有名为“云川市不存在局”的单位", timeout=20000)
    fill(page, "unit", "市发改委")
    fill(page, "slogan", "我在表单里改的口号")
    path = content / "brands/alpha/index.md"
    theirs = path.read_text(encoding="utf-8").replace("让党旗在文旅窗口飘扬", "别人在编辑器里改的口号")
    path.write_text(theirs, encoding="utf-8")
    expect(page.locator("#save-state")).to_contain_text("检查通过", timeout=20000)
    page.click("#save")
    expect(page.locator("#conflict")).to_be_visible(timeout=20000)
    expect(page.locator("#theirs")).to_contain_text("别人在编辑器里改的口号")
    expect(page.locator("#mine")).to_contain_text("我在表单里改的口号")
    assert path.read_text(encoding="utf-8") == theirs
