"""A unit by any name it goes by in units.yml: id, Chinese name, short name or a former name.

An unknown name gets the closest names (difflib) for the message, so the editor sees the spelling
units.yml expects.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

CITY_PREFIX = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{2,3}市(?=[\u4e00-\u9fff]{2})|^市")


@dataclass(frozen=True)
class UnitNames:
    by_name: dict  # every spelling (and its form without "云川市"/"市") → unit id
    spellings: tuple  # the spellings as units.yml writes them, for suggestions

    def resolve(self, text: str) -> str | None:
        text = (text or "").strip()
        return self.by_name.get(text) or self.by_name.get(_bare(text))

    def closest(self, text: str, count: int = 3) -> list[str]:
        names = [n for n in self.spellings if not n.isascii()]
        picked = difflib.get_close_matches(text, names, n=count * 2, cutoff=0.3)
        picked += difflib.get_close_matches(_bare(text), [_bare(n) for n in names], n=count * 2, cutoff=0.3)
        seen, units = [], set()
        for name in picked:
            name = next((n for n in names if _bare(n) == name), name)
            if self.by_name[name] not in units:
                units.add(self.by_name[name])
                seen.append(name)
        return seen[:count]

    def unknown_hint(self, text: str) -> str:
        near = self.closest(text)
        if near:
            shown = "、".join(f"{n}（{self.by_name[n]}）" for n in near)
            return f"最接近的是：{shown}；改成 units.yml 中的写法，或用 --unit 指定单位标识"
        return "在 units.yml 中添加这个单位，或用 --unit 指定单位标识"


def _bare(name: str) -> str:
    return CITY_PREFIX.sub("", name.replace(" ", "").replace("\u3000", ""))


def unit_names(index) -> UnitNames:
    """From the content's `RecordIndex`."""
    by_name, written = {}, []
    for unit_id, unit in index.by_kind.get("unit", {}).items():
        spellings = [unit_id, unit.get("name"), unit.get("short_name")]
        spellings += [former.get("name") for former in unit.get("former_names") or []]
        for spelling in filter(None, spellings):
            written.append(str(spelling))
            by_name.setdefault(str(spelling), unit_id)
            by_name.setdefault(_bare(str(spelling)), unit_id)
    return UnitNames(by_name, tuple(written))
