"""`showcase build`: check the content, build the site beside the old one, swap it in only when whole.

A content error, a crash or Ctrl-C leaves the previous `site/` exactly as it was; a second build of
the same folder is refused while one runs, and readers never find `site/` missing (cli/site_swap.py).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from showcase.cli import publish_log
from showcase.cli.project import content_dir, parse_now
from showcase.checks.run import check_content
from showcase.cli.site_swap import LOCKED_EXIT, BuildLocked, build_lock, swap_in
from showcase.content.problems import display_path
from showcase.domain.edition import Edition
from showcase.mkdocs.speed.processes import SHARED


@dataclass
class BuildResult:
    site_dir: Path
    pages: int
    bundle: Path | None = None  # the offline zip, for --offline builds
    changes: publish_log.Changes | None = None  # against the site it replaced


def cmd_build(args) -> int:
    from showcase.cli.hosting import HostingError, normalize_base_url

    try:
        site_url = normalize_base_url(args.base_url) if args.base_url is not None else None
        now = parse_now(args.now)
    except (HostingError, ValueError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    precheck = checked_content(args.config_file, now)
    if precheck is None:
        return 1
    options = {"edition": args.edition, "drafts": args.drafts, "now": args.now or "", "precheck": precheck}
    if args.workers is not None:
        options["render_workers"] = args.workers
    interrupt_on_terminate()
    started = time.monotonic()
    printer = site_printer(args, precheck) if args.publications else None
    code, result = run_build(args, site_url, options, printer)
    if result is not None:
        edition = Edition(name=args.edition, drafts=args.drafts)
        report(edition, result, time.monotonic() - started)
        report_changes(args.config_file, edition, result)
    return code


def checked_content(config_file: str, now):
    """The content checked on the build's own day (Beijing time), as the plugin would; None (problems
    printed) when it has errors."""
    from showcase.mkdocs.config import Precheck

    root = content_dir(config_file)
    today = Edition(now=now).moment.date()
    checked = check_content(root, today=today, workers=SHARED)
    if checked.problems.items:
        print(checked.problems.report(), file=sys.stderr)
    if checked.problems.errors:
        print(f"内容有 {len(checked.problems.errors)} 个错误，未生成网站（原有网站保持不变）。", file=sys.stderr)
        return None
    return Precheck(root, today, checked)


def site_printer(args, precheck):
    """`--print`: the function build_site calls to write the PDFs into its staging folder."""
    from showcase.cli.printing import write_publications

    edition = Edition(name=args.edition, drafts=args.drafts, now=parse_now(args.now))
    return lambda staging: write_publications(args.config_file, precheck.root, precheck.checked, edition, staging)


def run_build(args, site_url, options, publications=None) -> tuple[int, BuildResult | None]:
    """The build and what the editor is told when it fails: (exit code, result)."""
    from showcase.mkdocs.build import BuildFailed

    try:
        return 0, build_site(args.config_file, site_dir=args.site_dir, strict=args.strict, site_url=site_url,
                             offline=args.offline, precompress=args.precompress and not args.offline,
                             options=options, publications=publications)
    except BuildFailed as exc:
        print(f"生成失败：{exc}（原有网站保持不变）", file=sys.stderr)
        return 1, None
    except BuildLocked as exc:
        print(f"{display_path(exc.folder)}: 错误: {exc} — 等它结束再试（本次未生成，网站保持不变）", file=sys.stderr)
        return LOCKED_EXIT, None
    except KeyboardInterrupt:
        print("已中断（原有网站保持不变）。", file=sys.stderr)
        return 130, None
    except Exception as exc:  # a bug or a broken theme: the details for a developer, the outcome for the editor
        import traceback

        traceback.print_exc()
        print(f"生成失败：程序出错（{exc}）（原有网站保持不变）", file=sys.stderr)
        return 1, None


def report(edition: Edition, result: BuildResult, elapsed: float) -> None:
    print(f"完成：{edition.label}，{result.pages} 个页面，"
          f"用时 {elapsed:.1f} 秒，输出到 {display_path(result.site_dir)}/")
    if result.bundle:
        print(f"离线包：{display_path(result.bundle)}（解压后双击 index.html 打开）")


def report_changes(config_file: str, edition: Edition, result: BuildResult) -> None:
    """What this build changed, printed and kept in the publish log (showcase/cli/publish_log.py)."""
    from datetime import datetime

    if result.changes is None:
        return
    when = datetime.now()
    text = publish_log.log_text(result.changes, edition.label, display_path(result.site_dir) + "/", when)
    name = "drafts" if edition.drafts else edition.name
    try:
        log = publish_log.write_log(Path(config_file).resolve().parent, name, text, when)
    except OSError as exc:  # the site is built and in place; only the record of it could not be kept
        print(f"警告: 发布记录未能写入（{exc}）— 检查 .showcase/ 文件夹的权限", file=sys.stderr)
        log = None
    print(publish_log.summary(result.changes, display_path(log) if log else None))


def interrupt_on_terminate() -> None:
    """`kill` (SIGTERM, e.g. a scheduler's timeout) ends a build like Ctrl-C: staging folder removed."""
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, interrupt)


# ---- the atomic build ----------------------------------------------------------------------------

def build_site(config_file: str, site_dir: str | None = None, strict: bool = True,
               site_url: str | None = None, offline: bool = False, precompress: bool = False,
               options: dict | None = None, publications=None) -> BuildResult:
    """`site_url`: serve under a sub-path (hosting.normalize_base_url); `offline`: a site that works
    from disk (links to .html files, default folder `<site_dir>-offline`); `precompress`: .gz twins;
    `options`: showcase plugin options over mkdocs.yml's (showcase/mkdocs/config.py); `publications`:
    a function writing the printed publications into the staging folder (`--print`; pages link them)."""
    from showcase.mkdocs import build as mkdocs_build

    config = mkdocs_build.load(config_file, strict=strict, site_url=site_url, offline=offline, options=options,
                               print_links=publications is not None)
    default_dir = config.site_dir + ("-offline" if offline else "")
    target = Path(site_dir).resolve() if site_dir else Path(default_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(target):  # held until the offline zip too is written: it is of this build's site
        pages, old = build_and_swap(config, target, offline, precompress, publications)
        if pages is None or offline:
            pages = sum(1 for _ in target.rglob("*.html"))
        bundle = offline_bundle(target, config.site_name) if offline else None
        changes = publish_log.compare(publish_log.site_pages(old), publish_log.site_pages(target), first=old is None)
    if old is not None:
        discard(old)
    return BuildResult(target, pages, bundle, changes)


def build_and_swap(config, target: Path, offline: bool, precompress: bool,
                   publications=None) -> tuple[int | None, Path | None]:
    """Build into a staging folder beside `target` (with the printed publications, when given) and
    exchange it in: (pages, folder of the old site)."""
    from showcase.cli import hosting
    from showcase.mkdocs import build as mkdocs_build

    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        pages = mkdocs_build.build_into(config, staging)
        if publications is not None:
            publications(staging)  # before the swap: a failure leaves the old site as it was
        if offline:
            hosting.remove_offline_extras(staging)
        if precompress:
            hosting.precompress(staging)
        return pages, swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def offline_bundle(target: Path, site_name: str) -> Path:
    """The offline site as a zip beside it, stamped with the time it was made (Beijing time)."""
    from datetime import datetime, timedelta, timezone

    from showcase.cli import hosting
    from showcase.domain.formatting import cn_date

    now = datetime.now(timezone(timedelta(hours=8)))
    bundle = target.with_name(target.name + ".zip")
    hosting.write_offline_zip(target, bundle, site_name, f"{cn_date(now.date())} {now:%H:%M}")
    return bundle


def discard(folder: Path) -> None:
    """Delete a replaced site without keeping the editor waiting: deleting 20,000 files takes seconds,
    so a detached process does it (the new site is already in place); here if that can't start."""
    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
