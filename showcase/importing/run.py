"""One `showcase import` run: read every file, plan its records, check them in place, then write all
of them or none. Returns the exit code; everything the editor reads goes to `out`."""
from __future__ import annotations

from pathlib import Path

from showcase.content.problems import Problems, display_path
from showcase.importing import plan as staging_plan
from showcase.importing.context import Context, Options, load_context
from showcase.importing.convert import EXCEL_SUFFIXES, OLD_EXCEL_SUFFIXES, OLD_WORD_SUFFIXES, WORD_SUFFIXES, \
    open_word, open_workbook, temp_workdir
from showcase.importing.honors import Row, header_index, plan_honors
from showcase.importing.messages import ImportFailed
from showcase.importing.records import Planned, guess_kind, plan_record

KIND_WORDS = {"exemplar": "先进典型", "brand": "品牌", "article": "专栏文章", "honor": "评选批次"}


def import_files(paths: list[str], root: Path, options: Options, force: bool, dry_run: bool, out) -> int:
    problems = Problems()
    if not Path(root).is_dir():
        problems.error(root, 0, "内容目录不存在", "在网站目录（mkdocs.yml 所在目录）里运行 showcase import，或用 -f 指定 mkdocs.yml")
        print(problems.report(), file=out)
        return 1
    context = load_context(root, options)
    plans = []
    for name in paths:
        plan = plan_file(Path(name), context, problems)
        if plan is not None:
            context.taken.add((plan.kind, plan.record_id))
            plans.append(plan)
    summary: list[str] = []
    if not problems.errors:
        problems.extend(_write(root, plans, context, force, dry_run, summary))
    if problems.items:
        print(problems.report(), file=out)
    if summary:
        print("\n".join(summary), file=out)
    if problems.errors:
        print(f"导入失败：{len(problems.errors)} 个错误，{len(problems.warnings)} 个警告；未写入任何文件。", file=out)
        return 1
    return 0


def plan_file(path: Path, context: Context, problems: Problems) -> Planned | None:
    suffix = path.suffix.lower()
    if not path.is_file():
        problems.error(path, 0, "文件不存在", "检查文件名和路径")
        return None
    try:
        with temp_workdir() as workdir:
            if suffix in EXCEL_SUFFIXES + OLD_EXCEL_SUFFIXES:
                return plan_workbook(path, open_workbook(path, Path(workdir)), context, problems)
            if suffix in WORD_SUFFIXES + OLD_WORD_SUFFIXES:
                return plan_word(path, open_word(path, Path(workdir)), context, problems)
    except ImportFailed as failed:
        failed.report(path, problems)
        return None
    problems.error(path, 0, f"不支持的文件类型 {suffix or '（无扩展名）'}",
                   "导入 Word（.docx，装有 LibreOffice 时也可 .doc/.wps）或 Excel（.xlsx）文件")
    return None


def plan_workbook(path: Path, workbook, context: Context, problems: Problems) -> Planned | None:
    sheet = workbook.worksheets[0]
    rows = [Row(number, list(values)) for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    workbook.close()
    rows = [Row(r.line, [_cell(c) for c in r.cells]) for r in rows if any(c not in (None, "") for c in r.cells)]
    return plan_honors(path, rows, [sheet.title], context, problems)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def plan_word(path: Path, document, context: Context, problems: Problems) -> Planned | None:
    from showcase.importing.body import read_record
    from showcase.importing.docx_reader import Paragraph, Table, read_document

    try:
        word = read_document(document)
    except Exception as exc:  # a broken part inside a package that opened: still no traceback for the editor
        raise ImportFailed(f"Word 文件内容有误，无法读取（{type(exc).__name__}）",
                           "用 WPS/Word 打开确认文件完好，另存为 .docx 后再导入") from None
    _document_warnings(path, word, problems)
    kind = context.options.kind
    names = name_list(word.blocks, Table)
    if kind == "honor" or (kind is None and names is not None):
        if names is None:
            problems.error(path, 0, "文档里没有名单表格（需要“姓名”或“名称”列和“单位”列）", "把名单做成表格，第一行是表头")
            return None
        lines = [b.text.strip() for b in word.blocks if isinstance(b, Paragraph) and b.text.strip()]
        return plan_honors(path, names, lines, context, problems)
    reading = read_record(word)
    kind = kind or guess_kind(reading)
    if kind is None:
        problems.error(path, 0, "无法判断要导入成哪类内容",
                       "用 --kind exemplar|brand|article|honor 指定；或在文档开头写“荣誉称号：”“口号：”或报纸出处")
        return None
    return plan_record(path, reading, kind, context, problems)


def name_list(blocks: list, table_type) -> list[Row] | None:
    """The rows of the first table that is a name list (a header with name and unit columns, 3+ rows)."""
    for block in blocks:
        if isinstance(block, table_type):
            rows = [Row(block.number, cells, f"表格第 {i} 行：") for i, cells in enumerate(block.rows, start=1)]
            head = header_index(rows)
            if head is not None and len(rows) - head > 2:
                return rows
    return None


def _document_warnings(path: Path, word, problems: Problems) -> None:
    if word.tracked_changes:
        problems.warning(path, 0, f"文档含修订记录（{word.tracked_changes} 处），已按“接受全部修订”导入",
                         "核对导入的文字；以后可先在 Word 中“审阅 → 接受所有修订”再导入")
    if word.comments:
        problems.warning(path, 0, f"文档含批注（{word.comments} 条），批注未导入",
                         "批注里的修改意见请先在 Word 中处理")


def _write(root: Path, plans: list[Planned], context: Context, force: bool, dry_run: bool, out: list) -> Problems:
    problems = Problems()
    replaced = staging_plan.existing_conflicts(root, plans, context.index, force, problems)
    if problems.errors or not plans:
        return problems
    staging = staging_plan.stage(root, plans)
    try:
        problems.extend(staging_plan.check_staged(root, staging, plans, replaced))
        if problems.errors:
            return problems
        for target in replaced:  # shown before anything is replaced, and on a dry run too
            plan = next(p for p in plans if (root / p.target) == target)
            out.append(staging_plan.diff_of(root, target, plan) or f"{display_path(target)}：内容相同")
        _print_plan(root, plans, dry_run, out)
        if not dry_run:
            staging_plan.commit(root, staging, plans, replaced)
    finally:
        staging_plan.discard(staging)
    return problems


def _print_plan(root: Path, plans: list[Planned], dry_run: bool, out: list) -> None:
    out.append("将写入（--dry-run，未写入）：" if dry_run else "已写入：")
    for plan in plans:
        out.append(f"  {KIND_WORDS[plan.kind]} {plan.record_id}（来自 {plan.source.name}）")
        out.extend(f"    {display_path(root / rel)}" for rel in plan.files)
