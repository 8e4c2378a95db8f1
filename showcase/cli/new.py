"""`showcase new`: a new content file from a commented skeleton (showcase/cli/skeletons/)."""
from __future__ import annotations

import sys

from showcase.cli.project import content_dir
from showcase.cli.skeletons import SKELETON_KINDS, write_skeleton
from showcase.checks.run import check_content
from showcase.content.problems import display_path

KINDS = sorted(SKELETON_KINDS)


def cmd_new(args) -> int:
    root = content_dir(args.config_file)
    index = check_content(root).index
    examples = {kind: next(iter(index.by_kind.get(kind, {})), f"请填写{kind}标识")
                for kind in ("unit", "column", "brand")}
    try:
        path = write_skeleton(root, args.kind, args.id, examples=examples)
    except FileExistsError as exc:
        print(f"{display_path(exc.filename)}: 错误: 文件已存在，未覆盖 — 换一个标识，或直接编辑这个文件", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 1
    print(f"已创建 {display_path(path)}，请按注释填写后运行 showcase check。")
    return 0
