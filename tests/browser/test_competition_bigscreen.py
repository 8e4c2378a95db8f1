"""The big screen in real headless Chromium, opened from disk (file://) as on the venue's PC, driven by
the keyboard only: slides in draw order, the countdown (start, pause, overtime, reset), fullscreen,
the awards slide; nothing requested outside the site, nothing missing."""
import pytest


@pytest.fixture(scope="module")
def bigscreen_url(competition_sites):
    return (competition_sites["internal"] / "competitions" / "show-2024" / "bigscreen" / "index.html").as_uri()


def active(page) -> dict:
    return page.evaluate("""() => {
        const s = document.querySelector('.bs-slide.is-active');
        const timer = document.getElementById('bs-timer');
        return {kind: s.dataset.kind, entry: s.dataset.entry || null,
                name: (s.querySelector('.bs-name') || {}).textContent || null,
                count: document.querySelectorAll('.bs-slide.is-active').length,
                counter: document.getElementById('bs-counter').textContent,
                timer: timer.hidden ? null : timer.querySelector('.bs-timer__value').textContent,
                phase: timer.dataset.phase, running: timer.dataset.running,
                visible: getComputedStyle(s).visibility};
    }""")


def test_keyboard_steps_through_finalists_in_draw_order(page, bigscreen_url):
    page.clock.install()
    page.goto(bigscreen_url)
    first = active(page)
    assert (first["kind"], first["counter"], first["timer"], first["count"]) == ("title", "1 / 6", None, 1)

    seen = []
    for key in ("ArrowRight", "Space", "PageDown", "ArrowRight"):
        page.keyboard.press(key)
        state = active(page)
        assert state["count"] == 1 and state["visible"] == "visible"
        seen.append((state["entry"], state["name"], state["timer"]))
    # draw order: b (order 1), a (2), d (3), c (4); each slide starts with the full 5 minutes
    assert seen == [("b", "绿野先锋", "05:00"), ("a", "红旗商务", "05:00"), ("d", "安心民政", "05:00"),
                    ("c", "清风审计", "05:00")]

    page.keyboard.press("ArrowLeft")
    assert active(page)["entry"] == "d"
    page.keyboard.press("PageUp")
    assert active(page)["entry"] == "a"
    assert page.evaluate("location.hash") == "#3"

    page.keyboard.press("End")
    awards = active(page)
    assert (awards["kind"], awards["counter"], awards["timer"]) == ("awards", "6 / 6", None)
    tiers = page.eval_on_selector_all(".bs-slide.is-active .bs-tier", """tiers => tiers.map(t => [
        t.querySelector('.bs-tier__name').textContent,
        [...t.querySelectorAll('.bs-tier__brand')].map(b => b.textContent)])""")
    assert tiers == [["一等奖", ["红旗商务"]], ["二等奖", ["绿野先锋"]], ["三等奖", ["安心民政", "清风审计"]]]
    page.keyboard.press("ArrowRight")  # past the end: stays
    assert active(page)["kind"] == "awards"
    page.keyboard.press("Home")
    assert active(page)["kind"] == "title"
    assert page.console_errors == []


def test_countdown_start_pause_overtime_reset(page, bigscreen_url):
    page.clock.install()
    page.goto(bigscreen_url + "#2")
    state = active(page)
    assert (state["entry"], state["timer"], state["phase"], state["running"]) == ("b", "05:00", "ready", "false")

    page.keyboard.press("t")  # start
    page.clock.run_for(61_000)
    state = active(page)
    assert (state["timer"], state["phase"], state["running"]) == ("03:59", "normal", "true")

    page.keyboard.press("T")  # pause: time stands still
    page.clock.run_for(30_000)
    assert active(page)["timer"] == "03:59"
    assert active(page)["running"] == "false"

    page.keyboard.press("t")  # resume; the last minute is amber
    page.clock.run_for(180_000)
    state = active(page)
    assert (state["timer"], state["phase"]) == ("00:59", "warning")

    page.clock.run_for(61_000)  # 241 + 61 = 302 s: two seconds over the limit
    state = active(page)
    assert (state["timer"], state["phase"]) == ("超时 00:02", "over")

    page.keyboard.press("r")  # reset: full time, stopped
    state = active(page)
    assert (state["timer"], state["phase"], state["running"]) == ("05:00", "ready", "false")

    page.keyboard.press("t")
    page.clock.run_for(10_000)
    page.keyboard.press("ArrowRight")  # the next team starts with its full time, stopped
    state = active(page)
    assert (state["entry"], state["timer"], state["running"]) == ("a", "05:00", "false")
    assert page.console_errors == []


def test_fullscreen_key_and_everything_loads_from_disk(page, bigscreen_url):
    page.goto(bigscreen_url)
    page.keyboard.press("ArrowRight")  # b's slide: its logo box and its stage photo
    page.wait_for_function("""() => [...document.querySelectorAll('.bs-slide.is-active img')]
        .every(img => img.complete && img.naturalWidth > 0)""")
    assert page.eval_on_selector_all(".bs-slide.is-active img", "imgs => imgs.length") >= 1

    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement === document.documentElement")
    page.keyboard.press("F")
    page.wait_for_function("() => document.fullscreenElement === null")

    page.requests.settle(page)
    page.requests.assert_all_local_and_ok(bigscreen_url)
    assert page.console_errors == []


def test_without_javascript_every_slide_is_readable(browser, bigscreen_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        page.goto(bigscreen_url)
        names = page.eval_on_selector_all(".bs-slide .bs-name", "els => els.map(e => e.textContent)")
        assert names == ["绿野先锋", "红旗商务", "安心民政", "清风审计"]
        hidden = page.eval_on_selector_all(".bs-slide", "els => els.filter(e => getComputedStyle(e).visibility !== 'visible').length")
        assert hidden == 0
    finally:
        context.close()


def test_demo_big_screen_from_the_offline_bundle(page, demo_offline):
    """The venue's case: the demo's `showcase build --offline` folder, opened from disk."""
    folder = demo_offline.with_suffix("")
    url = (folder / "competitions" / "brand-show-2023" / "bigscreen" / "index.html").as_uri()
    page.clock.install()
    page.goto(url)
    order = []
    for _ in range(10):
        page.keyboard.press("PageDown")
        state = active(page)
        order.append(state["entry"])
        assert state["timer"] == "08:00"  # the final's time_limit: 8 minutes
    # content/competitions/brand-show-2023.yml: e03 drew 1, e06 2, e01 3 … e07 10
    assert order == ["e03", "e06", "e01", "e08", "e05", "e10", "e02", "e09", "e04", "e07"]
    page.keyboard.press("PageDown")
    assert active(page)["kind"] == "awards"
    first = page.eval_on_selector_all(".bs-slide.is-active .bs-tier:first-child .bs-tier__brand",
                                      "els => els.map(e => e.textContent)")
    assert first == ["文旅红·一店一名片", "红色代办·一次办好"]
    page.requests.settle(page)
    page.requests.assert_all_local_and_ok(url)
    assert page.console_errors == []
