"""Score sheets and results of a competition: one judge per sheet, 评委编号 and 签名 fields.

Each judge gets the final round's sheet with the finalists in draw order and a blank per criterion;
the results table (成绩表) follows once results exist. Sheets exist in the internal edition only
(the panel is internal by nature).
"""
from __future__ import annotations

from showcase.domain.competition.scoring import final_round, finalists, full_mark, plain
from showcase.domain.formatting import cn_date
from showcase.domain.model import Model
from showcase.publications.booklet import Booklet
from showcase.publications.collect import Options, PrintError, choices


def score_sheets(model: Model, competition_id: str, options: Options) -> Booklet:
    competition = model.get("competition", competition_id)
    if competition is None:
        raise PrintError(f"错误: 没有展示赛“{competition_id}” — 可用：{choices(model.competitions)}")
    if model.edition.is_public:
        raise PrintError("错误: 评分表含评委信息，只印内网版 — 去掉 --edition public")
    round_ = final_round(competition.fields) or (competition.get("rounds") or [{}])[-1]
    rows = [_row(model, entry, number) for number, entry in enumerate(finalists(competition.fields), start=1)]
    judges = len(model.full_fields(competition).get("judges") or []) or 1
    results = model.results[competition.id]
    ranked = [_result_row(model, competition, r) for r in results.entries] if results.published else []
    meta = "　".join(part for part in (round_.get("name", ""), round_.get("format", ""),
                                       cn_date(round_.get("date") or competition["date"]),
                                       competition.get("venue", "")) if part)
    extra = {"competition": competition, "round": round_, "criteria": competition.get("criteria", []),
             "full": plain(full_mark(competition.fields)), "rows": rows, "judges": range(1, judges + 1),
             "meta": meta, "results": ranked, "time_limit": round_.get("time_limit")}
    return Booklet(kind="sheets", title=f"{competition.title}评分表", organization=options.organization,
                   on=competition["date"], stem=f"sheets-{competition.id}", extra=extra)


def _row(model: Model, entry: dict, number: int) -> dict:
    brand = model.get("brand", entry.get("brand"))
    unit = model.get("unit", entry.get("unit")) or (model.unit_of(brand) if brand else None)
    return {"order": entry.get("order") or number, "brand": brand.title if brand else "",
            "unit": (unit.get("short_name") or unit["name"]) if unit else ""}


def _result_row(model: Model, competition, result) -> dict:
    entry = next(e for e in competition.get("entries", []) if e["id"] == result.id)
    row = _row(model, entry, 0)
    return {**row, "rank": result.rank or "", "total": result.total if result.total is not None else "",
            "award": result.award or ""}
