"""The guard that tests never write into the repository: the checkout's untracked and ignored files
(site/, .cache/, anything new) are listed at the start of the session and again at its end.

Python's bytecode and pytest's own cache are not the tests' doing and are left out.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

NOT_OURS = ("__pycache__/", ".pytest_cache/")


def stray_files(repo: Path) -> set[str] | None:
    """Every file under `repo` that git does not track (ignored ones too), or None outside a checkout."""
    try:
        listed = subprocess.run(["git", "-C", str(repo), "ls-files", "--others", "-z"],
                                capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    names = listed.decode("utf-8", "surrogateescape").split("\0")
    return {name for name in names if name and not any(f"/{n}" in f"/{name}" for n in NOT_OURS)}


def report(created: set[str], most: int = 20) -> str:
    """What the session wrote into the checkout, as the lines the test run ends with."""
    shown = sorted(created)[:most]
    more = f"\n  … and {len(created) - most} more" if len(created) > most else ""
    return ("tests wrote into the repository (they must use tmp_path copies — tests/support/sites.py "
            "has copy_demo/copy_fixture):\n" + "\n".join(f"  {name}" for name in shown) + more)
