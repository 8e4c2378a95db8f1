"""Image pipeline benchmark: images per second, cold (empty cache) and warm (everything cached).

    python benchmarks/images_bench.py [--count 200] [--corpus DIR] [--workers N] [--full-build]

Makes `count` synthetic phone photos (4032×3024 JPEG with EXIF rotation and GPS, noise-level detail
so they weigh what real ones weigh) once into --corpus (default /tmp/showcase-images-corpus), then:

  probe   what `showcase check` pays: hash + header + 1/8-scale decode, cold, in parallel
  cold    every photo as a content image (480/960/1600, WebP + JPEG) with an empty cache
  warm    the same again on a new catalog: all from the cache (what every later build pays)
  serial  cold with one worker on a slice, to show what the pool buys
  --full-build  the same photos in brand galleries, built by the real `showcase build`, cold and warm

Numbers are printed as a Markdown table for benchmarks/README-images.md.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def make_corpus(folder: Path, count: int) -> list[Path]:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    started = time.monotonic()
    for i in range(count):
        path = folder / f"photo-{i:03d}.jpg"
        paths.append(path)
        if path.exists():
            continue
        rng = random.Random(i)
        base = Image.new("RGB", (63, 48))
        base.putdata([(rng.randrange(40, 220), rng.randrange(40, 220), rng.randrange(40, 220)) for _ in range(63 * 48)])
        image = base.resize((4032, 3024), Image.BICUBIC)
        noise = Image.effect_noise((4032, 3024), 40).convert("RGB")
        image = Image.blend(image, noise, 0.25)
        exif = Image.Exif()
        exif[0x0112] = (1, 6, 3, 8)[i % 4]
        exif[0x0110] = "BenchPhone"
        exif[0x8825] = {1: "N", 2: (30.0, 15.0, float(i % 60)), 3: "E", 4: (120.0, 10.0, 5.0)}
        image.save(path, "JPEG", quality=92, exif=exif.tobytes())
        if i % 20 == 0:
            print(f"  corpus {i}/{count} ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    return paths


def catalog(content: Path, cache: Path, workers: int):
    from showcase.content.problems import Problems
    from showcase.images import ImageCatalog, ImageSettings
    from showcase.mkdocs.speed.processes import SHARED
    from showcase.pages.render import make_environment

    env = make_environment(REPO / "theme" / "showcase")
    return ImageCatalog(content, ImageSettings(cache_dir=cache, workers=workers, run=SHARED), Problems(), env)


def run(paths: list[Path], content: Path, cache: Path, site: Path, workers: int, purposes=("content",)):
    started, cpu = time.monotonic(), time.process_time()
    cat = catalog(content, cache, workers)
    for path in paths:
        for purpose in purposes:
            assert cat.rendition(path.parent, path.name, purpose, (path, 1)) is not None
    planned = time.monotonic() - started
    stats = cat.write_images(site)
    # With one worker everything runs in this process, so its CPU time is the work itself — a number
    # the shared machine's load does not distort (wall-clock time it does).
    stats.cpu = time.process_time() - cpu
    return time.monotonic() - started, planned, stats


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--corpus", default="/tmp/showcase-images-corpus")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--serial-slice", type=int, default=40)
    parser.add_argument("--full-build", action="store_true")
    args = parser.parse_args()

    from showcase.images.check import probe_many
    from showcase.mkdocs.speed.processes import SHARED

    corpus = Path(args.corpus)
    paths = make_corpus(corpus, args.count)
    load_before = os.getloadavg()[0]  # the machine is shared: say how busy it was
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    rows = []
    with tempfile.TemporaryDirectory(prefix="images-bench-") as tmp:
        tmp = Path(tmp)
        cache = tmp / "cache"

        started = time.monotonic()
        probes = probe_many(paths, tmp / "probe-cache", workers=args.workers, run=SHARED)
        seconds = time.monotonic() - started
        assert all(p.ok for p in probes.values())
        rows.append(("probe (check), cold", len(paths), seconds, "—"))

        seconds, planned, stats = run(paths, corpus, cache, tmp / "site-cold", args.workers)
        rows.append((f"cold, {args.workers} workers", len(paths), seconds, f"{stats.made} files made"))
        size = sum(p.stat().st_size for p in (tmp / "site-cold").rglob("*") if p.is_file()) / 1e6

        seconds, planned, stats = run(paths, corpus, cache, tmp / "site-warm", args.workers)
        assert stats.made == 0
        rows.append(("warm (all cached)", len(paths), seconds, f"{stats.files} files copied, planning {planned:.2f} s"))

        slice_ = paths[: args.serial_slice]
        seconds, _, stats = run(slice_, corpus, tmp / "cache-serial", tmp / "site-serial", 1)
        rows.append(("cold, 1 worker", len(slice_), seconds,
                     f"{stats.made} files made; CPU {stats.cpu / len(slice_):.2f} s per photo "
                     f"= {len(slice_) / stats.cpu:.2f} photos/s per idle core"))

        if args.full_build:
            rows += full_build(paths, tmp)

    print(f"\n{len(paths)} photos, 4032×3024 JPEG, {megabytes:.0f} MB in total; outputs {size:.0f} MB "
          f"(6 variants each); {os.cpu_count()} cores; load average before/after "
          f"{load_before:.1f}/{os.getloadavg()[0]:.1f}\n")
    print("| run | photos | seconds | photos/s | notes |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, count, seconds, note in rows:
        print(f"| {name} | {count} | {seconds:.2f} | {count / seconds:.1f} | {note} |")
    return 0


def full_build(paths: list[Path], tmp: Path) -> list[tuple]:
    """The photos as galleries of 10 brands in the fixture site, through `showcase build`."""
    from support.sites import copy_fixture, showcase

    project = copy_fixture("basic", tmp / "full")
    brands = project / "content" / "brands"
    per = max(1, len(paths) // 10)
    for b in range(10):
        folder = brands / f"bench-{b}"
        folder.mkdir()
        chunk = paths[b * per:(b + 1) * per]
        for path in chunk:
            os.link(path, folder / path.name) if _same_device(path, folder) else shutil.copy(path, folder)
        gallery = "".join(f"  - {{src: {p.name}, caption: 第{i + 1}张}}\n" for i, p in enumerate(chunk))
        (folder / "index.md").write_text(f"---\ntitle: 基准品牌{b}\nunit: wenlv\ngallery:\n{gallery}---\n\n正文。\n",
                                         encoding="utf-8")
    rows = []
    for name in ("full build, cold", "full build, warm"):
        started = time.monotonic()
        result = showcase("build", "-d", str(tmp / "full-site"), cwd=project)
        seconds = time.monotonic() - started
        if result.returncode:
            raise SystemExit(result.stderr[-2000:])
        line = next((l for l in (result.stderr + result.stdout).splitlines() if "图片：" in l), "")
        rows.append((name, per * 10, seconds, line.split("INFO    -  ")[-1]))
    return rows


def _same_device(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


if __name__ == "__main__":
    raise SystemExit(main())
