"""Markdown → HTML outside MkDocs' page loop, for the printed publications (their stories and prefaces).

The publications never import Python-Markdown themselves (only showcase/mkdocs/ does): the command line
hands them this converter. The extensions are the ones a story's Markdown uses on the site.
"""
from __future__ import annotations

EXTENSIONS = ("tables", "attr_list", "sane_lists")


def markdown_to_html(text: str) -> str:
    import markdown

    return markdown.markdown(text, extensions=list(EXTENSIONS), output_format="html")
