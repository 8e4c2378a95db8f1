"""A basic-fixture project with real images in every place an editor puts one (brand logo and gallery,
body image, exemplar photo, a page's own image, a draft's logo), for the image build tests."""
from __future__ import annotations

from pathlib import Path

from support import image_factory as make
from support.sites import copy_fixture

BRAND_FRONT = """gallery:
  - {src: g1.jpg, caption: 志愿服务现场, credit: 市文旅局}
  - {src: g2.jpg, caption: 主题党日}
  - {src: g3.png, caption: 宣传展板}
logo: logo.png
"""


def add_front_matter(index: Path, lines: str) -> None:
    text = index.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    index.write_text("---\n" + lines + text[4:], encoding="utf-8")


def image_project(root: Path) -> Path:
    project = copy_fixture("basic", root)
    content = project / "content"
    alpha = content / "brands" / "alpha"
    make.alpha_png(alpha / "logo.png", size=(400, 400))
    make.phone_photo(alpha / "g1.jpg", size=(2400, 1800), orientation=6)
    make.phone_photo(alpha / "g2.jpg", size=(2000, 1500), orientation=1, color=(120, 40, 40))
    make.opaque_rgba_png(alpha / "g3.png")
    make.phone_photo(alpha / "body.jpg", size=(1800, 1200), orientation=3, color=(60, 60, 120))
    make.phone_photo(alpha / "unused.jpg", size=(640, 480))
    (alpha / "material.pdf").write_bytes(b"%PDF-1.4\n% scanned material\n")
    add_front_matter(alpha / "index.md", BRAND_FRONT)
    with (alpha / "index.md").open("a", encoding="utf-8") as out:
        out.write('\n\n![活动现场](body.jpg "2024年活动现场")\n\n附件：[事迹材料](material.pdf)\n')
    star = content / "exemplars" / "star-li"
    make.phone_photo(star / "li.jpg", size=(1200, 1600), orientation=1, color=(90, 90, 90))
    add_front_matter(star / "index.md", "photo: {src: li.jpg, caption: 李红梅在窗口, consent: true}\n")
    (content / "about").mkdir()
    make.phone_photo(content / "about" / "team.jpg", size=(1000, 750), orientation=1)
    (content / "about.md").write_text("# 关于本站\n\n![工作组合影](about/team.jpg)\n", encoding="utf-8")
    secret = content / "brands" / "secret"
    secret.mkdir()
    make.phone_photo(secret / "logo.jpg", size=(900, 700), color=(1, 2, 3))
    (secret / "index.md").write_text("---\ntitle: 尚未发布的品牌\nunit: wenlv\nstatus: draft\nlogo: logo.jpg\n---\n\n草稿。\n",
                                     encoding="utf-8")
    return project
