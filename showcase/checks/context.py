"""What every cross-record check is handed besides the records: the content root, the index, the day,
and how to share big work between processes (`chunk_map`, chosen by the caller)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from showcase.content.chunks import ChunkMap, in_one_go
from showcase.content.index import RecordIndex


@dataclass
class CheckContext:
    root: Path
    index: RecordIndex
    today: date
    chunk_map: ChunkMap = in_one_go

