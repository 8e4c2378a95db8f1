"""The processes the core's big work is shared with: `SHARED`, the `Workers` (content/workers.py)
the command line and the plugin hand the core — loading and the text lint split with one forked
copy of this process (forked.halves), image work over a pool of worker processes."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from showcase.content.workers import Workers
from showcase.mkdocs.speed.forked import halves


def process_pool(calls: list[tuple], workers: int) -> list:
    """`[function(*args) for function, *args in calls]` over `workers` processes, in order."""
    if workers <= 1:
        return [call[0](*call[1:]) for call in calls]
    # forkserver: forking the MkDocs process (with `serve`'s threads) could deadlock a worker.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("forkserver")) as pool:
        futures = [pool.submit(*call) for call in calls]
        return [future.result() for future in futures]


SHARED = Workers(chunks=halves, calls=process_pool)
