"""Ids that listings use as URL segments: a record may not take them (brands/page/2/ is the wall's
second page, exemplars/five-star-members/ a list), or its page and the listing would collide."""
from __future__ import annotations

from showcase.kinds import KIND_NAMES, RESERVED_IDS, SECTION


def check_reserved_ids(records, context, problems) -> None:
    for record in records:
        if record.id in RESERVED_IDS.get(record.kind, ()):
            taken = "、".join(RESERVED_IDS[record.kind])
            problems.error(record.path, record.line("id"),
                           f"{KIND_NAMES[record.kind]}标识“{record.id}”已被网站用作栏目网址"
                           f"（{SECTION[record.kind]}/{record.id}/）",
                           f"换一个标识（改文件夹名）；{SECTION[record.kind]}/ 下不能使用：{taken}")
