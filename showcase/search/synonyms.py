"""Names that mean the same unit: 市文旅局 = 云川市文化和旅游局 = its former names.

Derived from units.yml (name, short_name, former_names), so editors never maintain a list.
The browser expands a query that contains one name into the same query with each other name.
"""
from __future__ import annotations

import re

from showcase.search.tokenize import normalize

# "云川市文化和旅游局" → "文化和旅游局"; "市文旅局" → "文旅局": text often drops the city.
_CITY_PREFIX = re.compile(r"^(?:[^市]{1,6}市|市)(?=.{3,})")


def unit_names(unit) -> list[str]:
    names = [unit.get("name"), unit.get("short_name")]
    names += [former.get("name") for former in unit.get("former_names", [])]
    return [n for n in names if isinstance(n, str) and n.strip()]


def synonym_group(names: list[str]) -> list[str]:
    """The shortest forms of a list of names: a form that contains another adds nothing to matching
    (every text holding 云川市文化和旅游局 holds 文化和旅游局)."""
    forms = set()
    for name in names:
        name = normalize(name.strip())
        forms.add(name)
        forms.add(_CITY_PREFIX.sub("", name))
    return sorted((f for f in forms if not any(o != f and o in f for o in forms)), key=lambda f: (-len(f), f))


def unit_synonyms(units) -> list[list[str]]:
    """One group per unit with two or more distinct names."""
    groups = []
    for unit in units:
        group = synonym_group(unit_names(unit))
        if len(group) > 1:
            groups.append(group)
    return groups
