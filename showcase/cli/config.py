"""mkdocs.yml read as plain data by the command line (without MkDocs): the content folder, extra settings."""
from __future__ import annotations

from pathlib import Path


def read_config(config_file: str) -> dict | None:
    """mkdocs.yml as plain data (None when there is none), without MkDocs."""
    config = Path(config_file)
    if not config.is_file():
        return None
    import yaml

    class _Lenient(yaml.SafeLoader):  # mkdocs.yml may hold !ENV and !!python tags
        pass

    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Lenient)
    return data if isinstance(data, dict) else {}


def content_dir(config_file: str, path: str | None = None) -> Path:
    if path:
        return Path(path)
    data = read_config(config_file)
    if data is not None:
        return Path(config_file).parent / (data.get("docs_dir") or "docs")
    return Path("content")
