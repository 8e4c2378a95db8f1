"""Fixtures the speed tests share: the demo's Markdown, converted with and without the shortcuts."""
from __future__ import annotations

import pytest

from support.markdown_pages import demo_markdown


@pytest.fixture(scope="session")
def demo_pages(demo_content) -> list[str]:
    return demo_markdown(demo_content)
