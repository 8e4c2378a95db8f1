"""The core pipeline, free of MkDocs: content → check → edition → model → page specs → Markdown.

The MkDocs plugin calls `plan_site` once per build; nothing survives between builds.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from showcase.checks.run import Checked, check_content
from showcase.content.workers import IN_THIS_PROCESS, Workers
from showcase.content.load import PREFACE_SUFFIX, split_front_matter
from showcase.content.problems import Problems
from showcase.content.text import read_text
from showcase.content.yaml_positions import parse_yaml
from showcase.domain.edition import Edition, Selection, select
from showcase.images import ImageCatalog, ImageSettings
from showcase.domain.model import Model, build_model
from showcase.pages import all_pages
from showcase.pages.render import make_environment, render_page
from showcase.pages.spec import PageSpec, StaticFile


@dataclass
class SitePlan:
    checked: Checked
    selection: Selection | None = None
    model: Model | None = None
    pages: list[tuple[PageSpec, str | None]] | None = None  # (spec, rendered Markdown; None: not yet)
    static_files: list[StaticFile] | None = None  # feeds, redirect pages, data files
    images: ImageCatalog | None = None  # pictures the pages asked for; written after the pages
    env: object = None  # the content templates' Jinja environment
    site: dict | None = None

    def render(self, spec: PageSpec) -> str:
        """The page's Markdown (its pictures are asked for from `images` as it renders)."""
        return render_page(self.env, spec, self.site or {}, self.images)

    @property
    def problems(self) -> Problems:
        return self.checked.problems

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def plan_site(content_root: Path, edition: Edition, template_dir: Path, site: dict | None = None,
              images: ImageSettings | None = None, checked: Checked | None = None,
              template_cache: Path | None = None, render: bool = True, workers: Workers = IN_THIS_PROCESS) -> SitePlan:
    """`checked`: the content as the caller (`showcase build`) already checked it for this edition's day
    (else it is checked here, big work run by `workers`);
    `template_cache`: a folder for compiled content templates (kept between builds); `render=False`:
    pages are rendered later, one by one, with `plan.render(spec)` (check `plan.ok` after that)."""
    checked = checked or check_content(content_root, today=edition.moment.date(), workers=workers)
    plan = SitePlan(checked)
    if not plan.ok:
        return plan
    plan.selection = select(checked.records, edition)
    plan.model = build_model(plan.selection, edition, home=read_home(content_root, checked.problems))
    env = make_environment(template_dir, template_cache)
    site = site or {}
    plan.model.site = site  # feeds need the site's name and address (site_url, may be empty)
    outputs = all_pages(plan.model)
    plan.images = ImageCatalog(content_root, images or ImageSettings(), checked.problems, env)
    plan.env, plan.site = env, site
    plan.pages = [(spec, plan.render(spec) if render else None) for spec in outputs if isinstance(spec, PageSpec)]
    plan.static_files = [out for out in outputs if isinstance(out, StaticFile)]
    return plan


def read_home(content_root: Path, problems: Problems) -> dict:
    """Title and body of content/index.md (the home page's own text), if there is one."""
    path = Path(content_root) / "index.md"
    if not path.is_file():
        return {}
    text = read_text(path, problems) or ""
    if not text.startswith("---\n"):
        return {"body": text}
    split = split_front_matter(text, path, problems)
    if split is None:
        return {}
    yaml_text, yaml_line, body, _ = split
    data, _lines = parse_yaml(yaml_text, path, problems, yaml_line)
    return {**(data if isinstance(data, dict) else {}), "body": body}


def record_sources(plan: SitePlan) -> set[Path]:
    """Files whose content reaches the site only through generated pages (never copied), and the
    prefaces of printed publications (honors/<batch>.preface.md), which reach only the PDFs."""
    prefaces = set(Path(plan.checked.root).glob(f"honors/*{PREFACE_SUFFIX}"))
    return {record.path for record in plan.checked.records} | prefaces


def excluded_folders(plan: SitePlan) -> list[Path]:
    """Folders of records this edition leaves out or retracted: their images and attachments must not ship."""
    folders = []
    for record in plan.selection.unshipped if plan.selection else []:
        if record.path.name == "index.md":
            folders.append(record.path.parent)
    return folders
