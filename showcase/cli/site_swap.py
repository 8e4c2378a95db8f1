"""Putting a finished site in place of the old one while others may be reading it or building too.

- `build_lock`: one build at a time per output folder — an exclusive `fcntl.flock` on a lock file beside
  it (`.site-build.lock`), refused at once (never waited for) with the holder's process and start time.
- `swap_in`: the new folder takes the old one's name in one step, `renameat2(RENAME_EXCHANGE)` on Linux,
  so `site/` is never absent and never half-made for a reader (a web server, a copy to the server).
  Where the call or the file system lacks it, two renames under the lock: `site/` is then missing for
  the instant between them, which no second build can widen.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: builds there are not guarded against each other
    fcntl = None

AT_FDCWD = -100
RENAME_EXCHANGE = 2
LOCKED_EXIT = 75  # EX_TEMPFAIL: try again later


class BuildLocked(Exception):
    """Another build holds the lock of `folder`; the message says who and since when."""

    def __init__(self, message: str, folder: Path):
        super().__init__(message)
        self.folder = folder


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}-build.lock")


@contextlib.contextmanager
def build_lock(target: Path):
    """Hold the lock of `target` for the block, or raise BuildLocked at once."""
    if fcntl is None:
        yield
        return
    path = lock_path(target)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            raise BuildLocked(_holder(path), target) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {time.strftime('%H:%M:%S')}\n".encode())
        yield
    finally:
        os.close(fd)  # closing releases the lock; the file stays (removing it would race a newcomer)


def _holder(path: Path) -> str:
    for _ in range(20):  # the holder writes who it is just after taking the lock: give it a moment
        try:
            pid, started = path.read_text(encoding="utf-8").split()[:2]
            return f"另一个构建正在进行（进程 {pid}，{started} 开始）"
        except (OSError, ValueError):
            time.sleep(0.01)
    return "另一个构建正在进行"


def swap_in(staging: Path, target: Path) -> Path | None:
    """Put `staging` at `target`. Returns the folder now holding the old site (to discard), if any."""
    if not target.exists():
        staging.rename(target)
        return None
    old = target.with_name(f".{target.name}.old-{os.getpid()}-{time.monotonic_ns()}")
    if exchange(staging, target):
        staging.rename(old)  # the old site, under the name that says so
        return old
    target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        old.rename(target)
        raise
    return old


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where renameat2 or RENAME_EXCHANGE is not available."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # a file system (or kernel) without the exchange
    raise OSError(code, os.strerror(code), os.fspath(first), None, os.fspath(second))


def _renameat2():
    if not hasattr(os, "uname") or os.uname().sysname != "Linux":
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    function = getattr(libc, "renameat2", None)  # glibc 2.28 and later
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        function.restype = ctypes.c_int
    return function
