"""The golden site: tests/fixtures/one-of-each (one record of every kind) built through the real
command and compared, file by file and line by line, with the tree committed in tests/golden/.

Every change to what the site says shows here and in review. When the change is meant, rewrite the
tree with `pytest tests/site/test_golden.py --update-golden` and commit it with the change.
"""
from __future__ import annotations

import pytest

from support import golden
from support.sites import build, copy_fixture

FIXTURE = "one-of-each"
NOW = "2025-01-01T09:00:00+08:00"  # the edition's clock: embargoes and "current" do not move with the day


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_fixture(FIXTURE, tmp_path_factory.mktemp("golden"))
    return golden.site_texts(build(project, "--now", NOW))


def test_the_fixture_builds_the_committed_golden_site(built, request):
    tree = golden.GOLDEN / FIXTURE
    if request.config.getoption("update_golden"):
        golden.write_tree(tree, built)
    expected = golden.tree_texts(tree)
    assert expected, f"no golden tree at {tree}: run pytest {__file__} --update-golden"
    report = golden.differences(expected, built)
    assert not report, "the built site differs from tests/golden/" + FIXTURE + ":\n" + report


def test_the_golden_tree_holds_every_kind_of_page(built):
    # Not vacuous: the fixture reaches each family of pages (a record of each kind, the listings).
    for page in ("index.html", "brands/alpha/index.html", "exemplars/star-li/index.html",
                 "honors/2022-five-star/index.html", "competitions/story-2022/results/index.html",
                 "column/2023/first/index.html", "notices/n1/index.html", "units/wenlv/index.html",
                 "column/feed.xml", "sitemap.xml", "search/data/index.js"):
        assert page in built, page
    assert not [name for name in built if name.startswith("assets/")]


def test_the_comparison_names_added_missing_and_changed_lines():
    expected = {"a/index.html": "<h1>甲</h1>\n<p>一</p>\n", "gone.html": "x\n"}
    actual = {"a/index.html": "<h1>甲</h1>\n<p>二</p>\n", "new.html": "y\n"}
    report = golden.differences(expected, actual).splitlines()
    assert "+ new file: new.html" in report and "- missing file: gone.html" in report
    assert "-<p>一</p>" in report and "+<p>二</p>" in report
    assert golden.differences(expected, dict(expected)) == ""


def test_volatile_bits_are_normalised_and_nothing_else():
    text = ('<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>'
            '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">'
            '__showcaseSearch.doc(3,"36fb9125e3a2",{"t":"首页 36fb9125e3a2"})')
    assert golden.normalise(text) == ('<script src="assets/javascripts/bundle.HASH.min.js"></script>'
                                      '<meta name="generator" content="mkdocs-X, mkdocs-material-X">'
                                      '__showcaseSearch.doc(3,"VERSION",{"t":"首页 36fb9125e3a2"})')
