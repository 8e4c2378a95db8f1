"""What every cross-record check is handed besides the records: the content root, the index, the day,
and how big work may be shared between processes (`workers`, chosen by the caller)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from showcase.content.workers import IN_THIS_PROCESS, Workers
from showcase.content.index import RecordIndex


@dataclass
class CheckContext:
    root: Path
    index: RecordIndex
    today: date
    workers: Workers = IN_THIS_PROCESS

