"""`showcase import FILE…`: Word and Excel material to content files, checked before anything is written."""
from __future__ import annotations

import sys

from showcase.importing.context import KINDS


def add_parser(sub, default_config: str) -> None:
    p = sub.add_parser("import", help="把 Word/Excel 材料导入为内容（先检查，出错时什么也不写）")
    p.add_argument("files", nargs="+", metavar="FILE", help="Word（.docx/.doc/.wps）或 Excel（.xlsx）文件")
    p.add_argument("--kind", choices=KINDS, help="导入成哪类内容（默认按文档内容判断）")
    p.add_argument("--id", dest="record_id", help="记录标识（默认建议 <单位>-<年份>-<序号>，如 rsj-2024-1）")
    p.add_argument("--unit", help="单位：标识、全称、简称或曾用名（覆盖文档里写的单位）")
    p.add_argument("--title", help="标题（文档里没有标题样式时）")
    p.add_argument("--doc-no", help="表彰文号，如 云直工〔2024〕3号")
    p.add_argument("--decided-on", help="表彰发文日期，如 2024-03-15")
    p.add_argument("--dry-run", action="store_true", help="只列出将写入的文件，不写入")
    p.add_argument("--force", action="store_true", help="替换已有记录（先显示差异）")
    p.add_argument("--mask-pii", action="store_true", help="把身份证号、手机号打码（138****1234）后导入")
    p.add_argument("-f", "--config-file", default=default_config, help="站点配置文件（默认 mkdocs.yml）")
    p.set_defaults(run=cmd_import)


def cmd_import(args) -> int:
    from showcase.cli.project import content_dir
    from showcase.importing.context import Options
    from showcase.importing.run import import_files
    from showcase.mkdocs.speed.processes import SHARED

    options = Options(kind=args.kind, record_id=args.record_id, unit=args.unit, mask_pii=args.mask_pii,
                      title=args.title, doc_no=args.doc_no, decided_on=args.decided_on, workers=SHARED)
    return import_files(args.files, content_dir(args.config_file), options, args.force, args.dry_run, sys.stdout)
