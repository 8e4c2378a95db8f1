"""The editing desk's check-as-you-type: how long one check of an edited form takes (a hard-linked copy
of content/ with the edited file in place, `showcase check`'s own check_content on it), on the demo and
on a synthetic corpus of N pages (benchmarks/make_corpus.py).

    python benchmarks/desk_bench.py [--pages 1000] [--runs 5]

Prints, per content: the first listing (the check of content/), then the median and the slowest of
`runs` checks of an edited brand, and one save.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def measure(content: Path, runs: int) -> dict:
    from showcase.desk.service import Desk

    desk = Desk(content)
    start = time.perf_counter()
    rows = desk.records()["records"]
    listing = time.perf_counter() - start
    brand = next(row for row in rows if row["kind"] == "brand")
    form = desk.open("brand", brand["id"])
    times = []
    for n in range(runs):
        form["values"]["slogan"] = f"新的口号 {n}"
        start = time.perf_counter()
        desk.check(form)
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    saved = desk.save(form)
    save = time.perf_counter() - start
    return {"records": len(rows), "listing_s": round(listing, 2), "check_median_s": round(statistics.median(times), 2),
            "check_max_s": round(max(times), 2), "save_s": round(save, 2), "saved": saved.get("saved")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
        demo = Path(tmp) / "demo" / "content"
        shutil.copytree(REPO / "content", demo)
        print("demo", measure(demo, args.runs))
        if args.pages:
            from make_corpus import make_corpus

            corpus = Path(tmp) / "corpus"
            make_corpus(corpus, args.pages)
            print(f"corpus {args.pages} pages", measure(corpus / "showcase" / "content", args.runs))


if __name__ == "__main__":
    main()
