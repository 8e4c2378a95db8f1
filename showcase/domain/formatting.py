"""Chinese display conventions: 2023年4月21日, 74个, 274名, 《云川日报》, 第3版, 之七十一."""
from __future__ import annotations

import re
from datetime import date, datetime

_DIGITS = "零一二三四五六七八九"


def cn_date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def cn_month(value) -> str:
    return f"{value.year}年{value.month}月"


def cn_count(number, measure: str = "个") -> str:
    return f"{number}{measure}"


def newspaper_name(name: str) -> str:
    name = (name or "").strip("《》")
    return f"《{name}》" if name else ""


def page_label(page) -> str:
    """版次 as printed: "03" → 第3版, "A03" → 第A03版."""
    text = str(page or "").strip()
    if not text:
        return ""
    return f"第{int(text)}版" if text.isdigit() else f"第{text}版"


def cn_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 100 → 一百, 71 → 七十一 (as newspapers print series markers)."""
    if number < 0:
        raise ValueError(number)
    if number < 10:
        return _DIGITS[number]
    if number < 20:
        return "十" + (_DIGITS[number % 10] if number % 10 else "")
    if number < 100:
        tens, ones = divmod(number, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        if rest == 0:
            return _DIGITS[hundreds] + "百"
        if rest < 10:
            return _DIGITS[hundreds] + "百零" + _DIGITS[rest]
        tail = cn_numeral(rest)
        return _DIGITS[hundreds] + "百" + ("一" + tail if rest < 20 else tail)
    return str(number)


def cn_number(value) -> str:
    """6.0 → 6, 2.4 → 2.4, 186000 → 186000: metrics as a person writes them (no 1.86e+05, no .0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


_NOT_ANCHOR = re.compile(r"[^\w\- ]", re.UNICODE)


def anchor(text) -> str:
    """A heading id as the site's toc slugify makes it: Chinese kept, punctuation dropped, spaces → -.

    Used for explicit ids ({#…}) that other pages link to, so the link and the id always agree.
    """
    return re.sub(r"\s+", "-", _NOT_ANCHOR.sub("", str(text or "")).strip()).lower()


FILTERS = {
    "cn_date": cn_date,
    "cn_month": cn_month,
    "cn_count": cn_count,
    "newspaper_name": newspaper_name,
    "page_label": page_label,
    "cn_numeral": cn_numeral,
    "cn_number": cn_number,
    "anchor": anchor,
}
