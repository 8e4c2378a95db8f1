"""How the core runs work that may be shared between processes: a `ChunkMap` is handed the work and
the items and returns the work's results, one per chunk, in order. The core never forks: by default
it works in one go (`in_one_go`); the command line hands it a parallel one."""
from __future__ import annotations

from typing import Callable, TypeVar

Result = TypeVar("Result")
ChunkMap = Callable[[Callable[[list], Result], list], list]


def in_one_go(work: Callable[[list], Result], items: list) -> list[Result]:
    """All items as one chunk: `[work(items)]`."""
    return [work(items)]
