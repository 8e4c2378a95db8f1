"""Defence in depth: should `showcase check` be skipped, the build still drops Markdown attributes the
editors' guide does not allow, and keeps the documented ones."""
from __future__ import annotations

import markdown

from showcase.checks.run import check_content
from showcase.content.problems import Problems
from showcase.domain.edition import Edition
from showcase.site import plan_site
from support.sites import REPO, copy_fixture, plan_images

HOSTILE = ("段落会响应点击。{: onclick=\"alert(1)\" }", "[看这里](#){: href=\"javascript:alert(2)\" }",
           "一段话\n{: style=\"position:fixed\" .sc-note }", "标题之后 { onmouseover }")


def test_the_build_strips_attributes_a_skipped_check_would_have_reported(tmp_path):
    project = copy_fixture("one-of-each", tmp_path)
    content = project / "content"
    brand = content / "brands" / "alpha" / "index.md"
    brand.write_text(brand.read_text(encoding="utf-8") + "\n" + "\n\n".join(HOSTILE) + "\n\n## 小节 {#kept}\n",
                     encoding="utf-8")
    checked = check_content(content)
    assert checked.problems.errors  # the check does see them …
    checked.problems = Problems()  # … and here it is skipped
    plan = plan_site(content, Edition(), REPO / "theme" / "showcase", site={"name": "t", "url": ""},
                     images=plan_images(content), checked=checked)
    page = next(source for spec, source in plan.pages if spec.src_path == "brands/alpha/index.md")
    body = page.split("---\n", 2)[2]
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"])
    for banned in ("onclick", "onmouseover", "javascript:", "position:fixed"):
        assert banned not in html
    assert '<p class="sc-note">一段话</p>' in html  # the allowed part of a list is kept
    assert 'id="kept"' in html
    assert "段落会响应点击。" in html and "看这里" in html
