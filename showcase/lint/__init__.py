"""Lints over the words editors publish: privacy (ID and mobile numbers, photo consent) and text
(scraped artifacts, placeholders, Chinese typography, names that must be written exactly).

- `segments.py` finds the published text of every record and plain page, with file, line and column;
- `privacy.py` and `text.py` turn it into findings; `fix.py` applies the purely typographic ones
  (`showcase check --fix`);
- `checks.py` adapts them to `showcase check` (registered in showcase/checks/run.py).

A finding a record explicitly allows (`allow: [{match, reason}]`) is not reported.
"""
