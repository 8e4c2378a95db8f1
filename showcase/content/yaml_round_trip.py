"""The one way Showcase writes an editor's YAML back: ruamel.yaml's round trip, keeping quotes, long
lines and the indentation the editors' files use (the desk's saves, the competition day's export)."""
from __future__ import annotations

from ruamel.yaml import YAML


def round_trip() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never re-wrap an editor's long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
