"""MkDocs' warning about dirty builds, kept quiet during the builds that are dirty on purpose.

Why a filter on the message text: MkDocs (1.6, mkdocs/commands/build.py `build`) logs it as a plain
warning of "mkdocs.commands.build", with no switch and no distinct logger or type, and a strict build
counts it as a failure. Our dirty builds are right — a fresh staging folder (`showcase build`), or every
page proven unchanged (`showcase serve`) — so the warning would only mislead. The filter is attached to
that one logger only while such a build runs, and matches only that message's start.
"""
from __future__ import annotations

import contextlib
import logging

LOGGER = "mkdocs.commands.build"
MESSAGE_START = "A 'dirty' build is being performed"


class _NoDirtyWarning(logging.Filter):
    def filter(self, record):
        return not record.getMessage().startswith(MESSAGE_START)


@contextlib.contextmanager
def quiet():
    """While the block runs, MkDocs' dirty-build warning is dropped (every other message passes)."""
    quiet_filter = _NoDirtyWarning()
    logging.getLogger(LOGGER).addFilter(quiet_filter)
    try:
        yield
    finally:
        logging.getLogger(LOGGER).removeFilter(quiet_filter)
