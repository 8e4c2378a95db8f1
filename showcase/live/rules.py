"""What the competition's YAML allows on the day: its rounds, the teams each round scores, the judges,
the criteria with their maxima and the step a score may take (`score_step`), and the validation of one
judge's scores against them. Messages are the ones a judge reads on the phone (Chinese).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from showcase.domain.competition.scoring import finalists, is_number, number, plain

DEFAULT_STEP = Fraction(1)


@dataclass(frozen=True)
class Criterion:
    name: str
    max: Fraction
    step: Fraction
    description: str = ""


@dataclass
class LiveCompetition:
    """The competition as the live server uses it (its `record.fields`, read once at start)."""

    id: str
    fields: dict
    names: dict = field(default_factory=dict)  # entry id → brand title (from the checked content)
    units: dict = field(default_factory=dict)  # entry id → unit name

    @property
    def title(self) -> str:
        return self.fields.get("title") or self.id

    @property
    def rounds(self) -> list[dict]:
        return list(self.fields.get("rounds") or [])

    def round(self, round_id: str) -> dict | None:
        return next((r for r in self.rounds if r["id"] == round_id), None)

    @property
    def entries(self) -> list[dict]:
        """The teams every round scores, in draw order (the finalists)."""
        return finalists(self.fields)

    def entry(self, entry_id: str) -> dict | None:
        return next((e for e in self.entries if e["id"] == entry_id), None)

    @property
    def judges(self) -> list[dict]:
        return list(self.fields.get("judges") or [])

    def judge(self, judge_id: str) -> dict | None:
        return next((j for j in self.judges if j["id"] == judge_id), None)

    def criteria(self, round_id: str) -> list[Criterion]:
        round_ = self.round(round_id) or {}
        return [Criterion(c["name"], number(c["max"]), step_of(c, round_), c.get("description") or "")
                for c in self.fields.get("criteria") or []]

    def entry_label(self, entry_id: str) -> str:
        entry = self.entry(entry_id) or {"id": entry_id}
        order = f"第{entry['order']}位 " if entry.get("order") else ""
        return f"{order}{self.names.get(entry_id) or entry.get('presenter') or entry_id}"


def step_of(criterion: dict, round_: dict) -> Fraction:
    """A criterion's `score_step`, else its round's, else whole points."""
    for source in (criterion, round_):
        if is_number(source.get("score_step")):
            return number(source["score_step"])
    return DEFAULT_STEP


def parse_score(value) -> Fraction | None:
    """A score as the phone sent it (a JSON number or a numeric string), exactly; None if not a number."""
    if isinstance(value, str):
        value = value.strip()
    try:
        return number(value)
    except (ValueError, ZeroDivisionError):
        return None


def check_values(criteria: list[Criterion], values) -> tuple[dict[str, Fraction], list[str]]:
    """The exact scores per criterion and every problem with them (all at once)."""
    if not isinstance(values, dict):
        return {}, ["评分格式不对：请刷新页面后重新填写"]
    known = {c.name for c in criteria}
    problems = [f"没有“{name}”这一评分项" for name in values if name not in known]
    exact = {}
    for criterion in criteria:
        if values.get(criterion.name) in (None, ""):
            problems.append(f"缺少“{criterion.name}”的分数")
            continue
        score = parse_score(values[criterion.name])
        if score is None:
            problems.append(f"“{criterion.name}”的分数“{values[criterion.name]}”不是数字")
        elif not 0 <= score <= criterion.max:
            problems.append(f"“{criterion.name}”的分数 {plain(score)} 超出范围：应在 0 到 {plain(criterion.max)} 之间")
        elif score % criterion.step:
            problems.append(f"“{criterion.name}”的分数 {plain(score)} 不符合评分精度：以 {plain(criterion.step)} 分为单位")
        else:
            exact[criterion.name] = score
    return exact, problems


def from_record(record, index) -> LiveCompetition:
    """The live competition of a checked `competition` record; `index` names the entries' brands and units."""
    names, units = {}, {}
    for entry in record.fields.get("entries") or []:
        brand = index.get("brand", entry.get("brand") or "")
        unit = index.get("unit", entry.get("unit") or "") or (brand and index.get("unit", brand.get("unit") or ""))
        names[entry["id"]] = brand.title if brand else entry["id"]
        units[entry["id"]] = unit.get("short_name") or unit.get("name") if unit else ""
    return LiveCompetition(record.id, record.fields, names, units)
