"""`showcase`: the command line — check, build, serve, scaffold, import, print and run the competition day (one module per command)."""
from __future__ import annotations

import argparse
import logging
import sys

from showcase.cli.build import cmd_build
from showcase.cli.importing import add_parser as add_import
from showcase.cli.live import add_parser as add_live
from showcase.cli.printing import add_print_parser
from showcase.cli.new import KINDS, cmd_new
from showcase.cli.project import content_dir, parse_now
from showcase.cli.serve import cmd_serve
from showcase.checks.run import check_content
from showcase.mkdocs.speed.processes import SHARED
from showcase.domain.edition import EDITIONS, Edition

DEFAULT_CONFIG = "mkdocs.yml"
CONFIG_HELP = "站点配置文件（默认 mkdocs.yml）"


def build_parser() -> argparse.ArgumentParser:
    """Every command and option, each with its help text (tests/checks/test_cli_help.py)."""
    parser = argparse.ArgumentParser(prog="showcase", description="机关党建品牌展示站：检查内容、生成网站、本地预览。")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (add_check, add_build, add_serve, add_new, add_live, add_print_parser):
        add(sub)
    add_import(sub, DEFAULT_CONFIG)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging()
    return args.run(args)


def add_check(sub) -> None:
    p = sub.add_parser("check", help="检查内容，列出所有问题")
    p.add_argument("path", nargs="?", help="内容目录（默认取 mkdocs.yml 的 docs_dir，即 content/）")
    p.add_argument("-f", "--config-file", default=DEFAULT_CONFIG, help=CONFIG_HELP)
    p.add_argument("--fix", action="store_true", help="自动改正纯排版问题（中文里的半角标点、直引号、省略号），文件其余内容不变")
    p.add_argument("--now", help="按这个时间列出定时发布的记录（ISO 格式，北京时间），默认现在")
    p.set_defaults(run=cmd_check)


def add_build(sub) -> None:
    p = sub.add_parser("build", help="检查并生成网站到 site/")
    p.add_argument("-f", "--config-file", default=DEFAULT_CONFIG, help=CONFIG_HELP)
    p.add_argument("--edition", choices=EDITIONS, default="internal", help="internal 内网版（默认）| public 公开版")
    p.add_argument("--drafts", action="store_true", help="包含草稿和待审稿（预览用，页面标“草稿预览”）")
    p.add_argument("-d", "--site-dir", help="输出目录（默认 site/）")
    p.add_argument("--now", help="按这个时间判断定时发布（ISO 格式，北京时间），默认现在")
    p.add_argument("--no-strict", dest="strict", action="store_false", help="站内链接失效时只警告")
    p.add_argument("--base-url", help="网站放在服务器的子路径下时填写，如 /dangjian/ 或 http://服务器名/dangjian/")
    p.add_argument("--offline", action="store_true",
                   help="离线版：双击 index.html 就能看，输出 site-offline/ 和 site-offline.zip（拷U盘用）")
    p.add_argument("--precompress", action="store_true", help="同时写出 .gz 预压缩文件（nginx gzip_static 直接发送）")
    p.add_argument("--workers", type=int, help="并行生成页面的进程数（默认取 mkdocs.yml，0 = 大网站按核数自动，-1 = 不并行）")
    p.add_argument("--print", dest="publications", action="store_true",
                   help="同时生成印刷用 PDF（事迹汇编、品牌汇编、剪报集、评分表）到 site/print/，并在相应页面放链接")
    p.set_defaults(run=cmd_build)


def add_serve(sub) -> None:
    p = sub.add_parser("serve", help="本地预览，修改后自动刷新（默认包含草稿）")
    p.add_argument("-f", "--config-file", default=DEFAULT_CONFIG, help=CONFIG_HELP)
    p.add_argument("--host", default="127.0.0.1", help="监听地址；局域网预览用 0.0.0.0")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    p.add_argument("--edition", choices=EDITIONS, default="internal", help="internal 内网版（默认）| public 公开版")
    p.add_argument("--no-drafts", dest="drafts", action="store_false", help="不显示草稿")
    p.add_argument("--now", help="按这个时间预览定时发布的记录（ISO 格式，北京时间），默认现在")
    p.add_argument("--no-desk", dest="desk", action="store_false",
                   help="不开编辑台（/_desk/）；默认开，监听 0.0.0.0 时须用启动时显示的口令打开")
    p.set_defaults(run=cmd_serve)


def add_new(sub) -> None:
    p = sub.add_parser("new", help="新建一条内容（带注释的模板）")
    p.add_argument("kind", choices=KINDS, help="内容类别：" + " | ".join(KINDS))
    p.add_argument("id", help="标识：小写英文字母、数字、连字符，即网址")
    p.add_argument("-f", "--config-file", default=DEFAULT_CONFIG, help=CONFIG_HELP)
    p.add_argument("--date", help="模板里的日期（专栏文章即见报日期，决定放在 column/<年份>/ 下），如 2023-05-16；默认今天")
    p.set_defaults(run=cmd_new)

def setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    root = logging.getLogger("mkdocs")
    if not root.handlers:
        root.addHandler(handler)
    root.setLevel(logging.INFO)


def cmd_check(args) -> int:
    from showcase.domain.edition import publication_notes
    from showcase.lint.fix import fix_content

    root = content_dir(args.config_file, args.path)
    try:
        now = parse_now(args.now)
    except ValueError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    if args.fix:
        print(fix_content(root))
    checked = check_content(root, workers=SHARED)
    report = checked.problems.report()
    if report:
        print(report)
    for note in publication_notes(checked.records, Edition(now=now)):
        print(note)
    errors, warnings = len(checked.problems.errors), len(checked.problems.warnings)
    print(f"检查完成：{errors} 个错误，{warnings} 个警告，{len(checked.records)} 条记录。")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
