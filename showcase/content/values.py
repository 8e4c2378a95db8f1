"""Turning editors' values into typed ones: dates in the ways people write them, ids, numbers."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "北京时间")
_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)
_DATETIME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?$")


class WrittenNumber(int):
    """A number YAML read from digits with a leading zero (`page: 03` is 3, `010` even 8): the text as
    written is kept, so a text field can keep it and say to quote it."""

    written: str = ""

    def __new__(cls, value: int, written: str) -> "WrittenNumber":
        number = super().__new__(cls, value)
        number.written = written
        return number

    def __getnewargs__(self):  # pickled between worker processes with its text
        return int(self), self.written


class BadValue(ValueError):
    """A value that cannot be read; args = (message, hint)."""


def to_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for form in _DATE_FORMS:
            match = form.match(text)
            if match:
                year, month, day = map(int, match.groups())
                try:
                    return date(year, month, day)
                except ValueError:
                    raise BadValue(f"日期 {text} 不存在", "检查月份和日期，如 2023-04-21") from None
    raise BadValue(f"“{value}”不是日期", "日期写成 2023-04-21（也可写 2023年4月21日 或 2023/4/21）")


def to_datetime(value) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=BEIJING)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=BEIJING)
    if isinstance(value, str):
        match = _DATETIME.match(value.strip())
        if match:
            y, mo, d, h, mi, s, tz = match.groups()
            try:
                moment = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
            except ValueError:
                raise BadValue(f"时间 {value} 不存在", "写成 2024-01-01T09:00:00+08:00") from None
            if tz in (None, ""):
                return moment.replace(tzinfo=BEIJING)
            if tz == "Z":
                return moment.replace(tzinfo=timezone.utc)
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            return moment.replace(tzinfo=timezone(sign * offset))
        try:
            return to_datetime(to_date(value))
        except BadValue:
            pass
    raise BadValue(f"“{value}”不是时间", "写成 2024-01-01T09:00:00+08:00（北京时间）")
