"""Work shared with one forked copy of this process: the content check of a big site.

`halves(work, items)` runs `work` on the first half of `items` here and on the second half in a
forked child at the same time, and returns both results in order — what `[work(first), work(second)]`
would give, in about half the time on two cores. Used only where forking is safe and worth it (POSIX
`fork`, no other thread running, two cores or more, enough items); otherwise `[work(items)]`. A child
that fails (an exception, killed) is not trusted: its half is done again here, so any error surfaces
as it would without the child. Results come back pickled, so they must be plain data.
"""
from __future__ import annotations

import os
import pickle
import threading

MIN_ITEMS = 500  # below this a fork costs more than it saves


def can_fork() -> bool:
    if not hasattr(os, "fork") or threading.active_count() != 1:
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except AttributeError:
        return (os.cpu_count() or 1) >= 2


def halves(work, items: list, min_items: int = MIN_ITEMS) -> list:
    if len(items) < min_items or not can_fork():
        return [work(items)]
    middle = len(items) // 2
    first, second = items[:middle], items[middle:]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its half, pickled into the pipe, and nothing else
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                pickle.dump(work(second), out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    try:
        mine = work(first)
    except BaseException:
        os.close(read)  # a child still writing gets a broken pipe and ends
        os.waitpid(pid, 0)
        raise
    with os.fdopen(read, "rb") as stream:
        data = stream.read()  # the child waits on a full pipe until this reads it
    _, status = os.waitpid(pid, 0)
    if status == 0 and data:
        try:
            return [mine, pickle.loads(data)]
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            pass
    return [mine, work(second)]
