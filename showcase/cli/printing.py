"""`showcase print KIND [ID]`: a publication for the printer (PDF, or .docx for Word) from the content."""
from __future__ import annotations

import sys
from pathlib import Path

from showcase.content.problems import display_path
from showcase.domain.edition import EDITIONS, Edition
from showcase.mkdocs.markdown_html import markdown_to_html

DEFAULT_ORGANIZATION = "中共市直属机关工作委员会"


def add_print_parser(sub) -> None:
    from showcase.publications.catalog import FORMATS, KINDS
    from showcase.publications.collect import ORDERS

    p = sub.add_parser("print", help="生成印刷用的汇编（PDF 或 Word）：事迹汇编、品牌汇编、剪报集、评分表",
                       description="出版物：" + "；".join(f"{k} {v}" for k, v in KINDS.items()))
    p.add_argument("kind", help="honors | exemplars | brands | column | sheets")
    p.add_argument("id", nargs="?", help="评选批次、先进典型类别、展示赛或专栏的标识")
    p.add_argument("--year", type=int, help="年度（exemplars、brands、column）")
    p.add_argument("--run-on", action="store_true", help="各篇接排（默认每篇另起一页）")
    p.add_argument("--order", choices=ORDERS, default="document", help="document 表彰文件顺序（默认）| unit 单位顺序")
    p.add_argument("--format", choices=FORMATS, default="pdf", help="pdf（默认）| docx（Word）")
    p.add_argument("-o", "--output", help="输出文件（默认当前目录下按内容命名）")
    p.add_argument("--edition", choices=EDITIONS, default="internal", help="internal 内网版（默认）| public 公开版")
    p.add_argument("--drafts", action="store_true", help="包含草稿和待审稿（每页标“草稿预览”）")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="站点配置文件（默认 mkdocs.yml）")
    p.set_defaults(run=cmd_print)


def project_settings(config_file: str) -> tuple[Path, str, Path]:
    """(content folder, the 工委's name for covers, theme/print) from mkdocs.yml."""
    from showcase.cli.project import content_dir, read_config

    data = read_config(config_file) or {}
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    custom = theme.get("custom_dir") or "theme"
    organization = extra.get("organization") or DEFAULT_ORGANIZATION
    return content_dir(config_file), str(organization), Path(config_file).parent / custom / "print"


def cmd_print(args) -> int:
    from showcase.publications.catalog import Request, booklet_for, render
    from showcase.publications.collect import Options, PrintError
    from showcase.publications.output import write_atomically

    root, organization, template_dir = project_settings(args.config_file)
    edition = Edition(name=args.edition, drafts=args.drafts)
    model = load_model(root, edition)
    if model is None:
        return 1
    options = Options(organization=organization, content_root=root, run_on=args.run_on, order=args.order,
                      markdown=markdown_to_html,
                      preview=args.drafts)
    refused: list[str] = []
    try:
        booklet = booklet_for(model, Request(args.kind, args.id, args.year), options)
        data = render(booklet, args.format, template_dir, (root, template_dir), refused)
    except PrintError as exc:
        print(f"{exc}（未生成文件）", file=sys.stderr)
        return 1
    for url in refused:
        print(f"{display_path(root)}: 警告: 未取外部资源 {url} — 图片须放在记录的目录里", file=sys.stderr)
    target = Path(args.output) if args.output else Path(f"{booklet.stem}.{args.format}")
    write_atomically(target, data)
    count = f"，{len(booklet.entries)} 篇" if booklet.entries else ""
    print(f"完成：{booklet.title}{count}，输出到 {display_path(target)}")
    return 0


def load_model(root: Path, edition: Edition):
    """The edition's linked model, or None after printing the content's errors."""
    from showcase.checks.run import check_content
    from showcase.domain.edition import select
    from showcase.domain.model import build_model

    from showcase.mkdocs.speed.processes import SHARED

    checked = check_content(root, today=edition.moment.date(), workers=SHARED)
    if checked.problems.errors:
        print(checked.problems.report(), file=sys.stderr)
        print(f"内容有 {len(checked.problems.errors)} 个错误，未生成文件。", file=sys.stderr)
        return None
    return build_model(select(checked.records, edition), edition)


def write_publications(config_file: str, root: Path, checked, edition: Edition, site_dir: Path) -> None:
    """`showcase build --print`: every publication of the edition as PDF under site_dir/print/."""
    from showcase.domain.edition import select
    from showcase.domain.model import build_model
    from showcase.publications.catalog import write_site_prints
    from showcase.publications.collect import Options

    import jinja2

    from showcase.mkdocs.build import BuildFailed
    from showcase.mkdocs.speed.processes import SHARED
    from showcase.publications.collect import PrintError

    _root, organization, template_dir = project_settings(config_file)
    model = build_model(select(checked.records, edition), edition)
    refused: list[str] = []
    options = Options(organization=organization, content_root=root, preview=edition.drafts,
                      markdown=markdown_to_html)
    try:
        count = write_site_prints(model, site_dir, options, template_dir, (root, template_dir), refused, SHARED)
    except (PrintError, jinja2.TemplateError, OSError) as exc:  # the old site stays: build_site swaps only after
        where = f"{display_path(Path(exc.filename))}:{exc.lineno}: " if getattr(exc, "lineno", None) and getattr(
            exc, "filename", None) else ""
        raise BuildFailed(f"{where}印刷版 PDF 未能生成：{exc} — 检查 {display_path(template_dir)}/ 的模板") from None
    for url in sorted(set(refused)):
        print(f"{display_path(root)}: 警告: 未取外部资源 {url} — 图片须放在记录的目录里", file=sys.stderr)
    print(f"印刷版：{count} 个 PDF，输出到 print/", file=sys.stderr)
