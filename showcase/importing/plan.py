"""Writing an import all-or-nothing: the new files are staged in a hidden folder inside content/
(`.import-*`, which the loader skips), checked by `showcase check`'s own `check_content` on a
hard-linked copy of the content with them in place, and only then renamed into content/. An existing
record is never overwritten unless `--force`, and then only after its diff is printed."""
from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from showcase.content.problems import Problem, Problems, display_path
from showcase.importing.records import Planned

STAGING_PREFIX = ".import-"
TEXT_SUFFIXES = (".md", ".markdown", ".yml", ".yaml")


def existing_conflicts(root: Path, plans: list[Planned], index, force: bool, problems: Problems) -> list[Path]:
    """Targets that exist (replaced with --force, refused without); ids used by another file refused."""
    replaced = []
    for plan in plans:
        target = root / plan.target
        other = index.get(plan.kind, plan.record_id) if index is not None else None
        if other is not None and not _same_place(other.path, target):
            problems.error(other.path, other.line() if other.base_line else 1,
                           f"标识 {plan.record_id} 已被这条记录使用，导入 {plan.source.name} 未写入",
                           "用 --id 换一个标识")
        elif target.exists() and not force:
            problems.error(target, 0, f"标识 {plan.record_id} 已有记录，未覆盖（导入 {plan.source.name}）",
                           "用 --id 换一个标识，或加 --force 替换（会先显示差异）")
        elif target.exists():
            replaced.append(target)
    return replaced


def _same_place(path: Path, target: Path) -> bool:
    path, target = path.resolve(), target.resolve()
    return path == target or path.parent == target


def stage(root: Path, plans: list[Planned]) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    for plan in plans:
        for rel, data in plan.files.items():
            path = staging / "new" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return staging


def check_staged(root: Path, staging: Path, plans: list[Planned], replaced: list[Path]) -> Problems:
    """`check_content` on content/ as it would be after the import; only the new files' problems."""
    new_files = {rel for plan in plans for rel in plan.files}
    return check_as_if(root, staging, skip=replaced).only(new_files)


@dataclass
class CheckedAsIf:
    """The problems of content/ as it would be with some files replaced, paths as in content/."""

    root: Path
    problems: Problems
    checked: object  # the staged tree's `Checked` (its records, index)

    def only(self, rels) -> Problems:
        """The problems of the files `rels` (relative to content/, or their folders)."""
        outside = display_path(self.root)
        wanted = {f"{outside}/{rel}".rstrip("/") for rel in rels}
        found = Problems()
        found.items = [p for p in self.problems.items if p.path in wanted]
        return found


def check_as_if(root: Path, staging: Path, skip=()) -> CheckedAsIf:
    """`check_content` on a hard-linked copy of content/ (in `staging`/check, made anew) over which the
    files in `staging`/new are laid; the paths `skip` (every file of `new` must be one) are left out.
    Problems name the files as they are in content/."""
    tree = staging / "check" / root.name
    shutil.rmtree(tree, ignore_errors=True)  # never link over an old link: copying onto it writes through
    link_tree(root, tree, skip={Path(p).resolve() for p in skip})
    if (staging / "new").is_dir():
        shutil.copytree(staging / "new", tree, dirs_exist_ok=True)
    return check_tree(root, tree)


def check_tree(root: Path, tree: Path) -> CheckedAsIf:
    """`check_content` on `tree` (a copy of content/ `root`), its problems named as in `root`."""
    from showcase.checks.run import check_content

    checked = check_content(tree)
    inside, outside = display_path(tree), display_path(root)
    found = Problems()
    for problem in checked.problems.items:
        path = outside + problem.path[len(inside):] if problem.path.startswith(inside) else problem.path
        found.items.append(Problem(path, problem.line, problem.level, problem.message.replace(inside, outside),
                                   problem.hint.replace(inside, outside)))
    return CheckedAsIf(root, found, checked)


def link_tree(source: Path, dest: Path, skip: set = frozenset(), with_assets: bool = False) -> None:
    """The content's Markdown and YAML, hard-linked (its pictures too `with_assets`). For an import the
    pictures stay out: the image check would probe every one of them again in a new copy (its cache is
    keyed by path), and what it could say about them belongs to the existing records, whose problems the
    import does not report."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        if entry.name.startswith(".") or entry.resolve() in skip:
            continue
        if entry.is_dir():
            link_tree(entry, dest / entry.name, skip, with_assets)
        elif with_assets or entry.suffix.lower() in TEXT_SUFFIXES:
            try:
                os.link(entry, dest / entry.name)
            except OSError:  # another file system or no hard links: a copy is as good for reading
                shutil.copy2(entry, dest / entry.name)


def diff_of(root: Path, target: Path, plan: Planned) -> str:
    """Unified diff of every text file the import replaces or adds under `target`."""
    out = []
    for rel, data in plan.files.items():
        if not rel.endswith((".md", ".yml")):
            continue
        old_path = root / rel
        old = old_path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True) if old_path.is_file() else []
        out.extend(difflib.unified_diff(old, data.decode("utf-8").splitlines(keepends=True),
                                        display_path(old_path) + "（原有）", display_path(old_path) + "（导入）"))
    return "".join(out)


def commit(root: Path, staging: Path, plans: list[Planned], replaced: list[Path]) -> None:
    """Rename every staged record into place; on a failure, undo the ones already moved."""
    moved: list[tuple[Path, Path | None]] = []
    try:
        for plan in plans:
            target = root / plan.target
            backup = None
            if target in replaced or target.exists():
                backup = staging / "old" / plan.target
                backup.parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, backup)
            target.parent.mkdir(parents=True, exist_ok=True)
            moved.append((target, backup))
            os.replace(staging / "new" / plan.target, target)
    except OSError:
        for target, backup in reversed(moved):
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            elif target.exists():
                target.unlink()
            if backup is not None and backup.exists():
                os.replace(backup, target)
        raise


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
