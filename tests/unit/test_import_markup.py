"""Markup compatibility in a .docx (what WPS and Word 2010+ write): of an mc:AlternateContent the
reader takes exactly one branch."""
from __future__ import annotations

import pytest


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize("choice, expected", [
    ("<w:r><w:t>选择</w:t></w:r>", "Choice"),  # a reader that understands the choice reads it
    ("<w:r><w:drawing/></w:r>", "Fallback"),  # a choice holding nothing this reader reads
])
def test_alternate_content_reads_one_branch(choice, expected):
    from lxml import etree

    from showcase.importing.docx_reader import alternate_branch

    element = etree.fromstring(f'<mc:AlternateContent xmlns:mc="{MC}" xmlns:w="{W}"><mc:Choice Requires="wps">'
                               f'{choice}</mc:Choice><mc:Fallback><w:r><w:t>后备</w:t></w:r></mc:Fallback>'
                               "</mc:AlternateContent>")
    assert etree.QName(alternate_branch(element)).localname == expected
