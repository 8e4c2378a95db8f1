"""Chinese typography of the demo as Chromium lays it out (served by nginx): quotation marks drawn
full-width by a Chinese font, dates and 文号 never split across lines on a phone, the results table's
last columns reachable on a phone with a visible hint, page titles in the dark text colour."""
from __future__ import annotations

import pytest
from support.nginx import MINIMAL_TEMPLATE

PHONE = {"width": 360, "height": 740}

# Every “ ” ‘ ’ in the page's content: its width against its font size.
QUOTES = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    for (const m of n.data.matchAll(/[“”‘’]/g)) {
      const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + 1);
      const size = parseFloat(getComputedStyle(n.parentElement).fontSize);
      found.push({mark: m[0], em: r.getBoundingClientRect().width / size, in: n.data.slice(0, 16)});
    }
  }
  return found;
}"""

# Every date and 文号 in the page's content: on how many lines it is drawn.
PIECES = r"""() => {
  const found = [];
  const pattern = /\d{4}年\d{1,2}月\d{1,2}日|[^\s（(：:，,、·|]{0,8}〔\d{4}〕\d+号/g;
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    if (!n.parentElement.offsetParent) continue;  // not shown
    for (const m of n.data.matchAll(pattern)) {
      const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
      const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
      found.push({text: m[0], lines: lines.size});
    }
  }
  return found;
}"""


@pytest.fixture
def server(nginx_server, demo_site):
    return nginx_server(MINIMAL_TEMPLATE, demo_site, prefix="/")


def test_quotation_marks_are_full_width_in_the_chinese_font(page, server):
    for path in ("", "brands/wenlv-yidian/"):
        page.goto(server.url_for(path))
        # Chromium halves a Chinese font's full-width punctuation at a line's start or beside another
        # (text-spacing-trim, as Chinese typesetting does): measured without it, each mark is its glyph.
        page.add_style_tag(content="* { text-spacing-trim: space-all !important; }")
        quotes = page.evaluate(QUOTES)
        assert len(quotes) >= 2, path
        narrow = [q for q in quotes if q["em"] < 0.9]
        assert narrow == [], path  # a Latin font draws them at ~0.4 em
    assert not page.console_errors


@pytest.mark.parametrize("path", ["honors/", "honors/rf-2022/", "units/wenlv/", "column/"])
def test_dates_and_document_numbers_never_break_on_a_phone(page, server, path):
    page.set_viewport_size(PHONE)
    page.goto(server.url_for(path))
    pieces = page.evaluate(PIECES)
    assert pieces, f"{path}: no date or 文号 shown"
    assert [p for p in pieces if p["lines"] != 1] == []


def test_the_results_table_scrolls_to_its_last_columns_with_a_hint_on_a_phone(page, server):
    page.set_viewport_size(PHONE)
    page.goto(server.url_for("competitions/brand-show-2023/"))
    table = page.locator(".sc-wide-table table").first
    table.scroll_into_view_if_needed()
    hint = page.evaluate("getComputedStyle(document.querySelector('.sc-wide-table'), '::before').content")
    assert "左右滑动" in hint
    state = table.evaluate("""t => {
      const box = t.closest('.md-typeset__scrollwrap');
      const last = t.querySelector('thead th:last-child'), first = t.querySelector('thead th:first-child');
      const hidden = last.getBoundingClientRect().left >= innerWidth;
      box.scrollLeft = box.scrollWidth;
      const l = last.getBoundingClientRect(), f = first.getBoundingClientRect();
      return {overflows: box.scrollWidth > box.clientWidth, hidden, last: last.textContent.trim(),
              lastIn: l.left >= 0 && l.right <= innerWidth + 1, firstIn: f.left >= 0 && f.right <= innerWidth,
              first: first.textContent.trim()};
    }""")
    assert state["overflows"] and state["hidden"]  # on a phone the award column starts off-screen
    assert state["last"] == "奖项" and state["lastIn"]  # …and scrolls into view
    assert state["first"] == "名次" and state["firstIn"]  # with the rank still beside it
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.evaluate("getComputedStyle(document.querySelector('.sc-wide-table'), '::before').content") == "none"


def test_page_titles_are_in_the_dark_text_colour(page, server):
    def luminance(css: str) -> float:  # over the white page
        parts = [float(x) for x in css[css.index("(") + 1:-1].split(",")]
        r, g, b, a = (parts + [1.0])[:4]
        return sum(w * (c * a + 255 * (1 - a)) for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b))) / 255

    for path in ("brands/", "honors/rf-2022/", "column/"):
        page.goto(server.url_for(path))
        title = page.eval_on_selector(".md-content h1", "h => getComputedStyle(h).color")
        text = page.eval_on_selector(".md-content .md-typeset", "t => getComputedStyle(t).color")
        assert title == text, path  # the text's own colour
        assert luminance(title) < 0.25, (path, title)  # Material's grey h1 is ~0.46
