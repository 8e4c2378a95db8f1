"""What every `showcase` command reads from its arguments: mkdocs.yml as data, the content folder, the `--now` moment."""
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
    """The content folder: `path` if given, else mkdocs.yml's docs_dir (read without MkDocs)."""
    if path:
        return Path(path)
    data = read_config(config_file)
    if data is not None:
        return Path(config_file).parent / (data.get("docs_dir") or "docs")
    return Path("content")


def parse_now(text: str | None):
    """`--now` as a moment (Beijing time unless the text says otherwise); None = the real clock."""
    from showcase.content.values import BadValue, to_datetime

    if not text:
        return None
    try:
        return to_datetime(text)
    except BadValue:
        raise ValueError(f"--now {text} 不是时间：写成 2024-01-01T09:00:00+08:00（北京时间）") from None
