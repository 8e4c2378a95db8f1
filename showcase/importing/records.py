"""A Word document to the files of one record (exemplar, brand or column article): front matter from
what the document says, the body, the pictures beside index.md. Problems point into the source."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from showcase.content.load import ID_PATTERN
from showcase.content.problems import Problems
from showcase.importing import fields as F
from showcase.importing import markdown as md
from showcase.importing.body import Found, Reading, body_text
from showcase.importing.context import Context, propose_id
from showcase.importing.pictures import PictureSkipped, prepare_pictures
from showcase.lint.privacy import find_numbers, mask

EXEMPLAR_WORDS = (("五星", "five_star_member"), ("红旗", "red_flag_branch"), ("品牌", "brand_exemplar"))
FOLDERS = {"exemplar": "exemplars", "brand": "brands"}
CN_NUMBER = re.compile(r"之([零〇一二三四五六七八九十百]+)")


@dataclass
class Planned:
    """Files one import would write, relative to content/."""
    source: Path
    kind: str
    record_id: str
    target: str  # the record's folder or file, relative to content/
    files: dict[str, bytes] = field(default_factory=dict)


def guess_kind(reading: Reading) -> str | None:
    if any(F.newspaper_record(f.value) for f in reading.head_lines):
        return "article"
    if "honor" in reading.fields or "name" in reading.fields:
        return "exemplar"
    if "slogan" in reading.fields or "brand" in reading.fields:
        return "brand"
    return None


def plan_record(source: Path, reading: Reading, kind: str, context: Context, problems: Problems) -> Planned | None:
    before = len(problems.errors)
    if reading.title is None and not context.options.title:
        problems.error(source, 1, "没有找到标题",
                       "在 Word 中把标题设为“标题”或“标题 1”样式，或在开头写一行“标题：……”，或用 --title 指定")
    unit = resolve_unit(source, reading, context, problems)
    front = {"exemplar": exemplar_fields, "brand": brand_fields, "article": article_fields}[kind](
        source, reading, unit, context, problems)
    if len(problems.errors) > before or front is None:
        return None
    record_id = choose_id(source, kind, unit, front, context, problems)
    if record_id is None:
        return None
    return assemble(source, kind, record_id, front, reading, context, problems)


def title_of(reading: Reading, context: Context) -> str:
    """The title; a column article's "三创先锋·之四十五 " before its headline dropped (series_no says it)."""
    title = context.options.title or reading.title.value
    return re.sub(r"^[^\s·]{0,10}·?之[零〇一二三四五六七八九十百]+[\s\u3000:：]+(?=\S)", "", title)


def resolve_unit(source: Path, reading: Reading, context: Context, problems: Problems) -> str | None:
    given = context.options.unit
    found = Found(given, 0) if given else reading.fields.get("unit")
    if found is None:
        problems.error(source, 1, "没有找到单位", "在文档开头写“单位：……”（或字段表里填单位），或用 --unit 指定单位标识")
        return None
    unit = context.units.resolve(found.value)
    if unit is None:
        where = "--unit" if given else "单位"
        problems.error(source, found.line, f"{where}“{found.value}”不在 units.yml 中", context.units.unknown_hint(found.value))
    return unit


def _text(reading: Reading, key: str) -> str | None:
    found = reading.fields.get(key)
    return found.value if found else None


def exemplar_fields(source, reading: Reading, unit, context: Context, problems: Problems) -> dict | None:
    honor = _text(reading, "honor") or ""
    kind = next((k for word, k in EXEMPLAR_WORDS if word in honor), None)
    if kind is None and _text(reading, "name"):
        kind = "five_star_member"
    if kind is None:
        problems.error(source, reading.fields["honor"].line if "honor" in reading.fields else 1,
                       f"无法判断先进典型的类别（荣誉称号：{honor or '未写'}）",
                       "荣誉称号写明“品牌先进典型”“红旗党支部”或“五星党员标兵”")
        return None
    front = {"title": title_of(reading, context) if reading.title or context.options.title else None,
             "kind": kind, "unit": unit}
    if kind == "brand_exemplar":
        front["brand"] = resolve_brand(source, reading, unit, context, problems)
    front["branch"] = _text(reading, "branch")
    if kind == "five_star_member":
        name = _text(reading, "name") or (reading.title.value if reading.title else "")
        front["person"] = {k: v for k, v in (("name", name), ("position", _text(reading, "position"))) if v}
    return front


def resolve_brand(source, reading: Reading, unit, context: Context, problems: Problems) -> str | None:
    named = _text(reading, "brand")
    brands = context.records("brand")
    if named:
        bare = named.strip("“”\"")
        for brand_id, brand in brands.items():
            if bare in (brand_id, brand.get("title"), str(brand.get("title", "")).strip("“”")):
                return brand_id
    own = [brand_id for brand_id, brand in brands.items() if brand.get("unit") == unit and not brand.get("parent")]
    if not named and len(own) == 1:
        return own[0]
    line = reading.fields["brand"].line if named else 1
    problems.error(source, line, f"品牌先进典型对应的品牌“{named or '未写'}”在 brands/ 中找不到",
                   "在文档开头写“品牌：品牌名称”（与品牌页标题一致），或先导入品牌" +
                   (f"；本单位的品牌有：{'、'.join(own)}" if own else ""))
    return None


def brand_fields(source, reading: Reading, unit, context: Context, problems: Problems) -> dict:
    return {"title": title_of(reading, context) if reading.title or context.options.title else None,
            "unit": unit, "branch": _text(reading, "branch"), "slogan": _text(reading, "slogan")}


def article_fields(source, reading: Reading, unit, context: Context, problems: Problems) -> dict | None:
    paper = next((p for f in reading.head_lines if (p := F.newspaper_record(f.value))), None)
    day = paper["date"] if paper else F.parse_date(_text(reading, "date") or "")
    if day is None:
        problems.error(source, 1, "没有找到见报日期", "在文档开头写报纸出处，如“《云川日报》2023年5月16日第3版”，或写“刊发日期：2023年5月16日”")
        return None
    newspaper = resolve_newspaper(source, paper, context, problems) if paper else None
    column = pick_column(newspaper, context)
    if column is None:
        problems.error(source, 1, "找不到对应的专栏", "在 columns.yml 中确认专栏和它的合作报纸")
        return None
    title = title_of(reading, context) if reading.title or context.options.title else None
    as_printed = context.options.title or (reading.title.value if reading.title else "")
    front = {"title": title, "column": column.id, "series_no": series_number(as_printed, column, context),
             "lead_title": _text(reading, "lead_title"), "subtitle": _text(reading, "subtitle"),
             "newspaper": newspaper or column.get("newspaper"), "date": day,
             "page": (paper or {}).get("page") or _text(reading, "page"), "page_name": _text(reading, "page_name"),
             "issue": _text(reading, "issue"), "bylines": article_bylines(reading) or None}
    category = _text(reading, "category")
    front["category"] = category if category in (column.get("categories") or []) else None
    front["related"] = [unit] if unit else None
    front["rights"] = "full_text"
    if not CN_NUMBER.search(as_printed):
        problems.warning(source, 1, f"专栏序号 series_no: {front['series_no']} 是按已有文章推算的建议值",
                         "与报纸上印的序号核对，不一致时改正")
    return front


def resolve_newspaper(source, paper: dict, context: Context, problems: Problems) -> str | None:
    for paper_id, record in context.records("newspaper").items():
        if record.get("name") == paper["newspaper"]:
            return paper_id
    names = "、".join(str(r.get("name")) for r in context.records("newspaper").values())
    problems.error(source, 1, f"报纸《{paper['newspaper']}》不在 newspapers.yml 中",
                   f"在 newspapers.yml 中添加这份报纸（现有：{names or '无'}）")
    return None


def pick_column(newspaper: str | None, context: Context):
    columns = list(context.records("column").values())
    matching = [c for c in columns if newspaper is None or c.get("newspaper") == newspaper]
    return matching[0] if len(matching) >= 1 else (columns[0] if len(columns) == 1 else None)


def series_number(title: str, column, context: Context) -> int:
    """The printed marker (之七十一) when the title has one; else the column's highest number + 1."""
    from showcase.domain.formatting import cn_numeral

    match = CN_NUMBER.search(title)
    limit = int(column.get("planned_total") or 999)
    if match:
        for n in range(1, limit + 1):
            if cn_numeral(n) == match.group(1):
                return n
    used = [a.get("series_no") for a in context.records("article").values() if a.get("column") == column.id]
    return max([n for n in used if isinstance(n, int)], default=0) + 1


def article_bylines(reading: Reading) -> list[dict]:
    author = _text(reading, "author")
    found = F.bylines(author) if author and F.bylines(author) else ([{"name": author}] if author else [])
    for line in reading.head_lines:
        found += [b for b in F.bylines(line.value) if b not in found]
    return found


def choose_id(source, kind: str, unit, front: dict, context: Context, problems: Problems) -> str | None:
    record_id = context.options.record_id
    if record_id and not ID_PATTERN.match(record_id):
        problems.error(source, 0, f"--id {record_id} 不能用作标识",
                       "标识只能用小写英文字母、数字和连字符，如 rsj-2024-1")
        return None
    year = front["date"].year if front.get("date") else context.today.year
    return record_id or propose_id(context, kind, unit, year)


def assemble(source, kind: str, record_id: str, front: dict, reading: Reading, context: Context,
             problems: Problems) -> Planned:
    pictures = [p for p in reading.pieces if p[0] == "picture"]
    folder = target_of(kind, record_id, front, bool(pictures))
    planned = Planned(source, kind, record_id, folder)
    names = {}
    base = folder if folder.endswith("/") else ""
    made_all = prepare_pictures([(picture.name, picture.data) for _, picture, _, _ in pictures],
                                context.options.workers, context.options.vector_converters)
    for (_, picture, _, line), made in zip(pictures, made_all):
        if isinstance(made, PictureSkipped):
            problems.warning(source, line, made.message, made.hint)
            continue
        names[id(picture)] = made.name
        planned.files[base + made.name] = made.data
    if kind == "exemplar" and front["kind"] == "five_star_member" and names:
        first = next(iter(names.values()))
        front["#photo"] = f"photo: {md.flow({'src': first, 'caption': pictures[0][2] or front['title'], 'consent': True})}"
        front["#consent"] = "↑ 人物照片：取得本人同意公开后，删去上一行行首的“# ”"
        problems.warning(source, pictures[0][3], "人物照片须本人同意公开才能作为典型照片（photo）",
                         "取得同意后删去 index.md 中 photo 一行行首的“# ”（consent: true）")
    text = md.page_file(front, body_text(reading, names))
    if context.options.mask_pii:
        text = mask_numbers(text)
    planned.target = folder.rstrip("/")
    planned.files[(base + "index.md") if base else folder] = text.encode("utf-8")
    return planned


def target_of(kind: str, record_id: str, front: dict, has_pictures: bool) -> str:
    if kind == "article":
        year = front["date"].year
        return f"column/{year}/{record_id}/" if has_pictures else f"column/{year}/{record_id}.md"
    return f"{FOLDERS[kind]}/{record_id}/"


def mask_numbers(text: str) -> str:
    """身份证号 and mobile numbers masked wherever they stand: 138\\*\\*\\*\\*1234 in the body (Markdown
    shows 138****1234; a bare ** would read as a scraper's artifact), 138＊＊＊＊1234 in front matter."""
    lines = text.split("\n")
    front_end = lines.index("---", 1) if lines and lines[0] == "---" and "---" in lines[1:] else 0
    for i, line in enumerate(lines):
        star = "＊" if i <= front_end else "\\*"
        for found in sorted(find_numbers(line, i + 1), key=lambda f: f.col, reverse=True):
            line = line[:found.col] + mask(found.text).replace("*", star) + line[found.col + len(found.text):]
        lines[i] = line
    return "\n".join(lines)
