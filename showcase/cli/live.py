"""`showcase live COMPETITION`: run a competition's day (judges' phones, host console, big screen),
print the judges' codes (`--codes`) or write the day back into the YAML (`--export`).

It refuses to start on content `showcase check` finds errors in. The day's data lives in
live/<competition-id>/ beside mkdocs.yml: events.sqlite (append-only), codes.html, audit.csv.
"""
from __future__ import annotations

import sys
from pathlib import Path

from showcase.checks.run import check_content
from showcase.content.problems import display_path

DEFAULT_PORT = 8800


def add_parser(sub) -> None:
    p = sub.add_parser("live", help="展示赛现场评分：评委手机打分、主持台、大屏实时显示")
    p.add_argument("competition", help="展示赛标识（content/competitions/<标识>.yml）")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="站点配置文件（默认 mkdocs.yml）")
    p.add_argument("--host", default="127.0.0.1", help="监听地址；评委用手机连接时用 0.0.0.0（本机热点或会场局域网）")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"端口（默认 {DEFAULT_PORT}）")
    p.add_argument("--codes", action="store_true", help="为每位评委和主持人重新发码，生成可打印的二维码页（旧码作废）")
    p.add_argument("--base-url", help="二维码里的网址，如 http://192.168.137.1:8800（默认按 --host 和本机地址推断）")
    p.add_argument("--export", action="store_true", help="把现场评分和群众投票写回展示赛的 YAML，并导出审计日志 CSV")
    p.set_defaults(run=cmd_live)


def cmd_live(args) -> int:
    from showcase.cli.project import content_dir

    root = content_dir(args.config_file)
    checked = check_content(root)
    if checked.problems.errors:
        print(checked.problems.report(), file=sys.stderr)
        print(f"内容有 {len(checked.problems.errors)} 个错误，不能开始现场评分 — 先运行 showcase check 并改正",
              file=sys.stderr)
        return 1
    record = checked.index.get("competition", args.competition)
    if record is None:
        known = "、".join(sorted(checked.index.by_kind.get("competition", {}))) or "（没有）"
        print(f"错误: 没有展示赛“{args.competition}” — 写 content/competitions/ 下的文件名（已有：{known}）",
              file=sys.stderr)
        return 2
    from showcase.live.rules import from_record
    from showcase.live.service import Service
    from showcase.live.store import Store

    folder = Path(args.config_file).resolve().parent / "live" / record.id
    service = Service(from_record(record, checked.index), Store(folder / "events.sqlite"))
    if args.codes:
        return issue_codes(service, folder, args)
    if args.export:
        return export_day(service, record.path, folder, root)
    return serve_day(service, args)


def base_url(args) -> str:
    if args.base_url:
        return args.base_url
    host = args.host
    if host in ("0.0.0.0", "::"):
        from showcase.cli.hosting import lan_addresses

        host = (lan_addresses() or ["127.0.0.1"])[0]
    return f"http://{host}:{args.port}"


def issue_codes(service, folder: Path, args) -> int:
    from showcase.live.codes import sheet
    from showcase.live.export import write_atomic
    from showcase.live.state import HOST

    pins = service.issue_codes([j["id"] for j in service.comp.judges] + [HOST], device="showcase live --codes")
    path = folder / "codes.html"
    write_atomic(path, sheet(service.comp, pins, base_url(args)))
    for judge in service.comp.judges:
        print(f"{judge['id']}\t{judge['name']}\t{pins[judge['id']]}")
    print(f"{HOST}\t主持人\t{pins[HOST]}")
    print(f"已为 {len(service.comp.judges)} 位评委和主持人发码（旧码作废），打印页：{display_path(path)}")
    return 0


def export_day(service, yaml_path: Path, folder: Path, root: Path) -> int:
    from showcase.live.export import export

    audit = folder / "audit.csv"
    export(yaml_path, audit, service.comp, service.state, service.store.since(0))
    print(f"已写回 {display_path(yaml_path)}；审计日志：{display_path(audit)}")
    after = check_content(root)
    if after.problems.items:
        print(after.problems.report())
    print(f"检查完成：{len(after.problems.errors)} 个错误，{len(after.problems.warnings)} 个警告。")
    return 1 if after.problems.errors else 0


def serve_day(service, args) -> int:
    from showcase.live.server import serve

    url = base_url(args)
    print(f"现场评分：{service.comp.title}", file=sys.stderr)
    print(f"  大屏   {url}/screen\n  主持台 {url}/host\n  评委   {url}/judge", file=sys.stderr)
    if args.host == "127.0.0.1":
        print("  （只有本机能访问；评委用手机连接时加 --host 0.0.0.0）", file=sys.stderr)
    sys.stderr.flush()
    serve(service, host=args.host, port=args.port)
    return 0
