"""Images in real Chromium, opened from disk (file://): every picture loads, the browser picks WebP,
and the gallery lightbox works offline with the keyboard."""
from __future__ import annotations

from pathlib import Path

import pytest

from support.sites import build
from support.image_project import image_project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(image_project(tmp_path_factory.mktemp("images-browser")))


def load_all_images(page) -> list[dict]:
    """Bring every processed image into view (they are lazy), wait for it, report how it loaded."""
    images = page.locator("img[src*='assets/images/content/']")
    for i in range(images.count()):
        images.nth(i).scroll_into_view_if_needed()
        images.nth(i).evaluate("i => i.complete && i.naturalWidth ? 0 : new Promise(r => { i.onload = i.onerror = r; })")
    return images.evaluate_all("""all => all.map(i => ({
        src: i.getAttribute('src'), current: i.currentSrc, natural: i.naturalWidth,
        width: i.getAttribute('width'), loading: i.getAttribute('loading'),
        priority: i.getAttribute('fetchpriority')}))""")


def test_brand_page_images_load_from_disk_as_webp(site, page):
    page.goto((site / "brands" / "alpha" / "index.html").as_uri())
    images = load_all_images(page)
    assert len(images) >= 5  # logo, three gallery thumbnails, the body photo
    for image in images:
        assert image["natural"] > 0, image
        assert image["current"].endswith(".webp"), image  # Chromium takes the WebP <source>
        assert image["width"]
    # the hero (the brand's 标识) is wanted at once; everything below it loads as it scrolls into view
    eager = [image for image in images if image["loading"] != "lazy"]
    assert len(eager) == 1 and eager[0]["priority"] == "high" and eager[0] is images[0], eager
    page.requests.settle(page)
    page.requests.assert_all_local_and_ok("file:///")


def test_gallery_opens_in_a_lightbox_and_steps_with_the_keyboard(site, page):
    page.goto((site / "brands" / "alpha" / "index.html").as_uri())
    links = page.locator("a[data-sc-lightbox]")
    assert links.count() == 3
    links.nth(0).click()
    box = page.locator(".sc-lightbox")
    assert box.is_visible()
    big = page.locator(".sc-lightbox__img")
    page.wait_for_function("document.querySelector('.sc-lightbox__img').naturalWidth > 0")
    assert big.evaluate("i => i.naturalWidth") >= 960
    assert page.locator(".sc-lightbox__caption").inner_text() == "志愿服务现场"
    assert page.locator(".sc-lightbox__counter").inner_text() == "1 / 3"
    page.keyboard.press("ArrowRight")
    assert page.locator(".sc-lightbox__counter").inner_text() == "2 / 3"
    assert page.locator(".sc-lightbox__caption").inner_text() == "主题党日"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.locator(".sc-lightbox__counter").inner_text() == "3 / 3"
    page.keyboard.press("Escape")
    assert not box.is_visible()
    # Focus returns to the thumbnail that opened it (keyboard users keep their place).
    assert page.evaluate("document.activeElement.hasAttribute('data-sc-lightbox')")
    assert page.console_errors == []
