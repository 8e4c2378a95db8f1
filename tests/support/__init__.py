"""Test support, imported as ``support.…`` from every test folder (conftest.py puts tests/ on the path):
sites built through the real CLI (sites.py), real headless Chromium (browser.py) and nginx (nginx.py),
made test inputs (image_factory.py, column_corpus.py), HTML readers, the golden trees (golden.py) and
the guard that tests leave nothing in the checkout (repo_guard.py). This module: a missing prerequisite
fails under CI and skips elsewhere.

See ``tests/conftest.py`` for the pytest fixtures built on these helpers.
"""

import os

import pytest


def in_ci() -> bool:
    """True when running under CI (env ``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def require(reason: str):
    """A missing prerequisite: fail under CI, skip locally.

    In CI a test that silently skips proves nothing, so a missing browser or web
    server is an error there; on a developer machine it is a skip with the reason.
    """
    if in_ci():
        pytest.fail(f"{reason} (CI=true: missing test prerequisites are failures; see .ci/run)",
                    pytrace=False)
    pytest.skip(reason)
