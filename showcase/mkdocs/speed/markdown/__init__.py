"""Shortcuts for Python-Markdown that give the same HTML with less work."""
