"""`showcase new`: a new content file from a commented skeleton (showcase/cli/skeletons/)."""
from __future__ import annotations

import sys
from datetime import date

from showcase.cli.project import content_dir
from showcase.cli.skeletons import SKELETON_KINDS, write_skeleton
from showcase.checks.run import check_content
from showcase.content.problems import display_path
from showcase.domain.column.numbers import next_free_number

KINDS = sorted(SKELETON_KINDS)


def cmd_new(args) -> int:
    try:
        on = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        print(f"错误: --date 的日期“{args.date}”无法识别 — 写成 2023-05-16", file=sys.stderr)
        return 2
    root = content_dir(args.config_file)
    index = check_content(root, today=on).index
    examples = {kind: next(iter(index.by_kind.get(kind, {})), f"请填写{kind}标识")
                for kind in ("unit", "column", "brand")}
    examples["series_no"] = str(_next_series_no(index, examples["column"]))
    target = root / SKELETON_KINDS[args.kind][0].format(id=args.id, year=on.year)
    existed = target.is_file()
    try:
        path = write_skeleton(root, args.kind, args.id, today=on, examples=examples)
    except FileExistsError as exc:
        print(f"{display_path(exc.filename)}: 错误: 文件已存在，未覆盖 — 换一个标识，或直接编辑这个文件", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 1
    done = f"已追加到 {display_path(path)}" if existed else f"已创建 {display_path(path)}"
    print(f"{done}，请按注释填写后运行 showcase check。")
    return 0


def _next_series_no(index, column_id: str) -> int:
    """The next free series number of the column (showcase/domain/column/numbers.py)."""
    column = index.get("column", column_id)
    used = [r.get("series_no") for r in index.by_kind.get("article", {}).values() if r.get("column") == column_id]
    return next_free_number(used, column.get("planned_total") if column is not None else None)
