"""Record fields a document states itself: a leading two-column field table, key lines ("单位：…",
"党支部：…"), the newspaper record ("《云川日报》2023年5月16日第3版"), 文号 and dates in Chinese."""
from __future__ import annotations

import re
from datetime import date

KEYS = {
    "单位": "unit", "所在单位": "unit", "单位名称": "unit", "推荐单位": "unit",
    "党支部": "branch", "支部": "branch", "所在支部": "branch", "支部名称": "branch", "党组织": "branch",
    "荣誉称号": "honor", "荣誉": "honor", "类别": "honor",
    "作者": "author", "署名": "author",
    "刊发日期": "date", "见报日期": "date", "日期": "date", "发文日期": "date",
    "版次": "page", "版名": "page_name", "期号": "issue", "引题": "lead_title", "副题": "subtitle",
    "文号": "doc_no", "姓名": "name", "职务": "position", "品牌": "brand", "品牌名称": "brand",
    "口号": "slogan", "品牌口号": "slogan", "标题": "title", "题目": "title", "栏目": "category",
}
KEY_AT = re.compile(r"(?:^|[\s\u3000]+)(" + "|".join(sorted(KEYS, key=len, reverse=True)) + r")\s*[：:]")
NEWSPAPER_RECORD = re.compile(r"《([^》]{2,20})》\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:第\s*)?([A-Za-z]?\d{1,3})\s*版")
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号")
CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ISO_DATE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
ROLES = ("本报记者", "本报通讯员", "通讯员", "记者", "作者", "特约记者")


def key_line(text: str) -> dict[str, str]:
    """{"unit": "市人社局", "branch": …} when the line consists of key lines; {} otherwise."""
    starts = list(KEY_AT.finditer(text))
    if not starts or starts[0].start() != 0:
        return {}
    found = {}
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        value = text[match.end():end].strip(" \u3000；;，,")
        if value:
            found.setdefault(KEYS[match.group(1)], value)
    return found


def field_table(rows: list[list[str]]) -> dict[str, str]:
    """A table of key | value (| key | value …) cells; {} unless most of its key cells are known keys."""
    found, keys, known = {}, 0, 0
    for row in rows:
        cells = [c.strip().rstrip("：:").replace(" ", "").replace("\u3000", "") for c in row]
        values = [c.strip() for c in row]
        for i in range(0, len(cells) - 1, 2):
            if not cells[i]:
                continue
            keys += 1
            if cells[i] in KEYS:
                known += 1
                if values[i + 1]:
                    found.setdefault(KEYS[cells[i]], values[i + 1])
    return found if keys and known * 2 > keys else {}


def parse_date(text: str) -> date | None:
    for pattern in (CN_DATE, ISO_DATE):
        match = pattern.search(text or "")
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    return None


def newspaper_record(text: str) -> dict | None:
    """《云川日报》2023年5月16日第3版 → {"newspaper": "云川日报", "date": date(2023, 5, 16), "page": "03"}."""
    match = NEWSPAPER_RECORD.search(text)
    if not match:
        return None
    try:
        day = date(int(match.group(2)), int(match.group(3)), int(match.group(4)))
    except ValueError:
        return None
    page = match.group(5).upper()
    prefix, digits = (page[0], page[1:]) if page[0].isalpha() else ("", page)
    return {"newspaper": match.group(1), "date": day, "page": prefix + digits.zfill(2)}


def doc_number(text: str) -> str | None:
    match = DOC_NO.search(text)
    return re.sub(r"\s+", "", match.group(0)).replace("[", "〔").replace("]", "〕") if match else None


def bylines(text: str) -> list[dict]:
    """"本报记者 陆文涛 通讯员 韦思琪" → [{name: 陆文涛, role: 本报记者}, {name: 韦思琪, role: 通讯员}];
    names before any role word are not bylines (the line is something else)."""
    found, role = [], None
    for token in re.split(r"[\s\u3000、,，：:]+", text.strip()):
        if token in ROLES:
            role = "" if token == "作者" else token
        elif role is not None and re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", token):
            found.append({"name": token, "role": role} if role else {"name": token})
        elif token:
            return found if found and role is not None else []
    return found
