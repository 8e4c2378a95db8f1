"""How the core runs work that may be shared between processes — without starting any itself.

`Workers` bundles the two shapes of such work; the core is handed one (the command line and the
MkDocs adapter hand it theirs, showcase/mkdocs/speed/) and by default does everything here, in order:
- `chunks(work, items)`: the results of `work` over chunks of `items`, in order (`[work(items)]`);
- `calls(calls, workers)`: `[function(*args) for function, *args in calls]`, maybe over up to
  `workers` processes (the functions then live at module level and their results are plain data).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

ChunkMap = Callable[[Callable[[list], object], list], list]
CallMap = Callable[[list[tuple], int], list]


def in_one_go(work: Callable[[list], object], items: list) -> list:
    """All items as one chunk: `[work(items)]`."""
    return [work(items)]


def call_here(calls: list[tuple], workers: int = 1) -> list:
    """Every call in this process, in order."""
    return [call[0](*call[1:]) for call in calls]


@dataclass(frozen=True)
class Workers:
    chunks: ChunkMap = in_one_go
    calls: CallMap = call_here

    @property
    def shared(self) -> bool:
        """Whether calls may go to other processes (worth sorting the big ones first)."""
        return self.calls is not call_here


IN_THIS_PROCESS = Workers()
