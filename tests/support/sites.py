"""Building sites in tests: a fixture content tree or the demo, into a temp dir, via the real CLI."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def copy_fixture(name: str, dest: Path) -> Path:
    """A writable copy of tests/fixtures/<name> (tests may edit content); theme path fixed up."""
    target = dest / name
    shutil.copytree(FIXTURES / name, target)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../theme", str(REPO / "theme")),
                      encoding="utf-8")
    return target


def copy_demo(dest: Path, image_cache: Path | None = None) -> Path:
    """A writable copy of the demo project (content/, mkdocs.yml; theme/ by absolute path).

    With `image_cache`, the copy's plugin keeps processed images there: the cache is keyed by content
    hash and settings and written atomically, so copies sharing one (the session's, see conftest's
    `demo_image_cache`) do what a user's repeated builds do — and only the first pays the ~30 s of
    processing the demo's photos. Never the checkout's .cache/: tests do not write into the repository.
    """
    target = dest / "demo"
    target.mkdir(parents=True)
    shutil.copytree(REPO / "content", target / "content")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme",
                                                                      f"custom_dir: {REPO / 'theme'}")
    if image_cache is not None:
        assert "\n  - showcase\n" in text, "mkdocs.yml's plugin entry changed: update copy_demo"
        text = text.replace("\n  - showcase\n", f"\n  - showcase:\n      image_cache: {image_cache}\n", 1)
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    return target


def own_theme(project: Path, theme: Path | None = None) -> Path:
    """Give a copied project a theme of its own to edit: theme/ copied to `theme` (default
    project/theme, named relatively in mkdocs.yml) in place of the checkout's."""
    theme = theme or project / "theme"
    shutil.copytree(REPO / "theme", theme)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert f"custom_dir: {REPO / 'theme'}" in text, "copy the project with copy_fixture/copy_demo first"
    named = "theme" if theme == project / "theme" else str(theme)
    config.write_text(text.replace(f"custom_dir: {REPO / 'theme'}", f"custom_dir: {named}"), encoding="utf-8")
    return theme


def plan_images(content: Path):
    """Image settings for plan_site on a copied content/: the cache beside it (the default is relative to
    the working directory, which under pytest is the checkout)."""
    from showcase.images.catalog import ImageSettings

    return ImageSettings(cache_dir=Path(content).parent / ".cache" / "showcase-images")


def file_digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path: two sites compared byte for byte."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def plugin_options(project: Path, **options: str) -> None:
    """Set options of the showcase plugin in a project's mkdocs.yml (e.g. page_cache="" to turn the
    page store off where a test must see every page rendered)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "\n  - showcase\n" in text:
        text = text.replace("\n  - showcase\n", "\n  - showcase:\n", 1)
    assert "\n  - showcase:\n" in text, "mkdocs.yml's plugin entry changed: update plugin_options"
    lines = "".join(f"      {key}: {value!r}\n" for key, value in options.items())
    config.write_text(text.replace("\n  - showcase:\n", "\n  - showcase:\n" + lines, 1), encoding="utf-8")


def showcase(*args: str, cwd: Path, env: dict | None = None, check: bool = False) -> subprocess.CompletedProcess:
    """Run the real `showcase` command (as a user would) and capture its output."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    result = subprocess.run([sys.executable, "-m", "showcase", *args], cwd=cwd, env=full_env,
                            capture_output=True, text=True, encoding="utf-8")
    if check and result.returncode != 0:
        raise AssertionError(f"showcase {' '.join(args)} failed ({result.returncode}):\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


def build(project: Path, *args: str, site_dir: Path | None = None) -> Path:
    site = site_dir or project / "site"
    showcase("build", "-d", str(site), *args, cwd=project, check=True)
    return site
