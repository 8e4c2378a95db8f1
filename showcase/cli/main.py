"""`showcase`: check, build, serve and scaffold the site. Runs MkDocs with the showcase plugin."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from showcase.checks.run import check_content
from showcase.cli.config import content_dir
from showcase.mkdocs.speed.processes import SHARED
from showcase.content.problems import display_path
from showcase.domain.edition import EDITIONS, Edition

DEFAULT_CONFIG = "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="showcase", description="机关党建品牌展示站：检查内容、生成网站、本地预览。")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="检查内容，列出所有问题")
    p.add_argument("path", nargs="?", help="内容目录（默认取 mkdocs.yml 的 docs_dir，即 content/）")
    p.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)
    p.add_argument("--fix", action="store_true", help="自动改正纯排版问题（中文里的半角标点、直引号、省略号），文件其余内容不变")
    p.add_argument("--now", help="按这个时间列出定时发布的记录（ISO 格式，北京时间），默认现在")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("build", help="检查并生成网站到 site/")
    p.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)
    p.add_argument("--edition", choices=EDITIONS, default="internal", help="internal 内网版（默认）| public 公开版")
    p.add_argument("--drafts", action="store_true", help="包含草稿和待审稿（预览用，页面标“草稿预览”）")
    p.add_argument("-d", "--site-dir", help="输出目录（默认 site/）")
    p.add_argument("--now", help="按这个时间判断定时发布（ISO 格式，北京时间），默认现在")
    p.add_argument("--no-strict", dest="strict", action="store_false", help="站内链接失效时只警告")
    p.add_argument("--base-url", help="网站放在服务器的子路径下时填写，如 /dangjian/ 或 http://服务器名/dangjian/")
    p.add_argument("--offline", action="store_true",
                   help="离线版：双击 index.html 就能看，输出 site-offline/ 和 site-offline.zip（拷U盘用）")
    p.add_argument("--precompress", action="store_true", help="同时写出 .gz 预压缩文件（nginx gzip_static 直接发送）")
    p.add_argument("--print", dest="publications", action="store_true",
                   help="同时生成印刷用 PDF（事迹汇编、品牌汇编、剪报集、评分表）到 site/print/，并在相应页面放链接")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("serve", help="本地预览，修改后自动刷新（默认包含草稿）")
    p.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)
    p.add_argument("--host", default="127.0.0.1", help="监听地址；局域网预览用 0.0.0.0")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--edition", choices=EDITIONS, default="internal")
    p.add_argument("--no-drafts", dest="drafts", action="store_false", help="不显示草稿")
    p.add_argument("--now", help="按这个时间预览定时发布的记录（ISO 格式，北京时间），默认现在")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("new", help="新建一条内容（带注释的模板）")
    p.add_argument("kind", choices=sorted(SKELETON_KINDS))
    p.add_argument("id", help="标识：小写英文字母、数字、连字符，即网址")
    p.add_argument("-f", "--config-file", default=DEFAULT_CONFIG)
    p.set_defaults(run=cmd_new)

    from showcase.cli.printing import add_print_parser

    add_print_parser(sub)

    args = parser.parse_args(argv)
    setup_logging()
    return args.run(args)


def setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    root = logging.getLogger("mkdocs")
    if not root.handlers:
        root.addHandler(handler)
    root.setLevel(logging.INFO)


# ---- check ---------------------------------------------------------------------------------------

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


def interrupt_on_terminate() -> None:
    """`kill` (SIGTERM, e.g. a scheduler's timeout) ends a build like Ctrl-C: staging folder removed."""
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, interrupt)


def parse_now(text: str | None):
    """`--now` as a moment (Beijing time unless the text says otherwise); None = the real clock."""
    from showcase.content.values import BadValue, to_datetime

    if not text:
        return None
    try:
        return to_datetime(text)
    except BadValue:
        raise ValueError(f"--now {text} 不是时间：写成 2024-01-01T09:00:00+08:00（北京时间）") from None


# ---- build ---------------------------------------------------------------------------------------

def apply_edition_env(edition: str, drafts: bool, now: str | None) -> None:
    # The plugin reads these, so `mkdocs serve`'s own rebuilds see the same edition.
    os.environ["SHOWCASE_EDITION"] = edition
    os.environ["SHOWCASE_DRAFTS"] = "1" if drafts else ""
    if now:
        os.environ["SHOWCASE_NOW"] = now


def cmd_build(args) -> int:
    from showcase.mkdocs.build import BuildFailed, build_site
    from showcase.cli.hosting import HostingError, normalize_base_url

    try:
        site_url = normalize_base_url(args.base_url) if args.base_url is not None else None
        now = parse_now(args.now)
    except (HostingError, ValueError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    root = content_dir(args.config_file)
    today = Edition(now=now).moment.date()  # the build's own day (Beijing time), as the plugin checks it
    checked = check_content(root, today=today, workers=SHARED)
    if checked.problems.items:
        print(checked.problems.report(), file=sys.stderr)
    if checked.problems.errors:
        print(f"内容有 {len(checked.problems.errors)} 个错误，未生成网站（原有网站保持不变）。", file=sys.stderr)
        return 1
    apply_edition_env(args.edition, args.drafts, args.now)
    interrupt_on_terminate()
    started = time.monotonic()
    try:
        result = build_site(args.config_file, site_dir=args.site_dir, strict=args.strict, site_url=site_url,
                            offline=args.offline, precompress=args.precompress and not args.offline,
                            checked=(root, today, checked),
                            publications=site_printer(args, root, checked) if args.publications else None)
    except BuildFailed as exc:
        print(f"生成失败：{exc}（原有网站保持不变）", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断（原有网站保持不变）。", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug or a broken theme: the details for a developer, the outcome for the editor
        import traceback

        traceback.print_exc()
        print(f"生成失败：程序出错（{exc}）（原有网站保持不变）", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - started
    print(f"完成：{args.edition == 'public' and '公开版' or '内网版'}，{result.pages} 个页面，"
          f"用时 {elapsed:.1f} 秒，输出到 {display_path(result.site_dir)}/")
    if result.bundle:
        print(f"离线包：{display_path(result.bundle)}（解压后双击 index.html 打开）")
    return 0


def site_printer(args, root: Path, checked):
    """`--print`: the function build_site calls to write the PDFs into its staging folder."""
    from showcase.cli.printing import write_publications

    edition = Edition(name=args.edition, drafts=args.drafts, now=parse_now(args.now))
    return lambda staging: write_publications(args.config_file, root, checked, edition, staging)


# ---- serve ---------------------------------------------------------------------------------------

def cmd_serve(args) -> int:
    from showcase.mkdocs.serve import serve  # MkDocs' serve, with rebuilds that reuse unchanged pages (issue 10)

    try:
        parse_now(args.now)
    except ValueError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    apply_edition_env(args.edition, args.drafts, args.now)
    if args.host in ("0.0.0.0", "::"):
        from showcase.cli.hosting import lan_addresses

        for address in lan_addresses():
            print(f"局域网预览：同一网络的电脑可打开 http://{address}:{args.port}/", file=sys.stderr)
    serve(config_file=args.config_file, host=args.host, port=args.port)
    return 0


# ---- new -----------------------------------------------------------------------------------------

from showcase.cli.skeletons import SKELETON_KINDS, write_skeleton  # noqa: E402


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


if __name__ == "__main__":
    sys.exit(main())
