"""Showcase: the intranet publicity site of a 机关工委, built from Markdown + YAML with MkDocs and Material."""
