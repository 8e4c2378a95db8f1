"""The site's pages as MkDocs files: the core's page specs and static outputs become `File.generated`
entries in place of the content sources, and old URLs become redirect pages."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from showcase.images import is_image_name
from showcase.pages.redirects import alias_records, redirect_files
from showcase.site import SitePlan, excluded_folders, record_sources


def add_redirects(files: Files, plan: SitePlan, config) -> Files:
    """Old URLs (aliases) become static redirect pages rendered with theme/redirect.html."""
    template = config.theme.get_env().get_template("redirect.html")
    outputs, problems = redirect_files(alias_records(plan.model), {f.dest_uri for f in files}, template.render,
                                       config.use_directory_urls, config.site_url or "")
    if problems.errors:
        raise PluginError("内容有错误，未生成网站：\n" + problems.report())
    for out in outputs:
        files.append(File.generated(config, out.dest_path, content=out.content))
    return files


# Material's own search (lunr and its web worker, 1.2 MB): never loaded, the site has its own (showcase/search).
MATERIAL_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def replace_sources(files: Files, plan: SitePlan, config) -> Files:
    """Content files become generated pages; data files, left-out records' assets and files that only a
    symlink puts in content/ never ship."""
    sources = {p.resolve() for p in record_sources(plan)}
    hidden = [folder.resolve() for folder in excluded_folders(plan)]
    docs_dir = Path(config.docs_dir).resolve()
    generated = {spec.src_path for spec, _ in plan.pages} | {out.dest_path for out in plan.static_files}
    kept = Files([])
    for file in files:
        path = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if file.src_uri.endswith((".yml", ".yaml")) or file.src_uri in generated:
            continue
        if is_image_name(file.src_uri) and path is not None and path.is_relative_to(docs_dir):
            continue  # content images ship only as processed variants (showcase/images); theme icons as they are
        if file.src_uri.startswith(MATERIAL_SEARCH) and path is not None and not path.is_relative_to(docs_dir):
            continue
        if path is not None and (path in sources or any(path.is_relative_to(f) for f in hidden)):
            continue
        if file.abs_src_path and Path(file.abs_src_path).absolute().is_relative_to(Path(config.docs_dir).absolute()) \
                and not path.is_relative_to(docs_dir):
            continue  # a symlink in content/ to a file elsewhere: never published (check reports it)
        kept.append(file)
    for spec, markdown in plan.pages:
        kept.append(File.generated(config, spec.src_path, content=markdown or ""))  # see on_page_read_source
    for out in plan.static_files:
        kept.append(File.generated(config, out.dest_path, content=out.content))
    return kept
