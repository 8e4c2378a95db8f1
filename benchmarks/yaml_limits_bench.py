"""Time and peak memory of parsing hostile or oversized YAML with the content loader's bounds.

Each case runs in a child process under a 500 MB address-space limit (RLIMIT_AS) and prints one row:
case, seconds, peak RSS (MB), the first problem reported. Run from the repository root:

    python benchmarks/yaml_limits_bench.py
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIMIT = 500 * 1024 * 1024

CHILD = r'''
import json, resource, sys, time
from pathlib import Path
from showcase.content.problems import Problems
from showcase.content.yaml_positions import parse_yaml

def laughs():
    rows = ["lol0: &lol0 [" + ", ".join(["哈"] * 9) + "]"]
    rows += [f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i-1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(rows) + "\n"

def units(count, broken=False):
    text = "".join(f"- id: unit-{i}\n  name: 第{i}个单位的名称\n  tags: [a, b, c]\n" for i in range(count))
    return text + ("x: [\n" if broken else "")

CASES = {
    "billion laughs (9×9)": laughs,
    "200,000 aliases": lambda: "a: &a 甲\nb: [" + ", ".join(["*a"] * 200_000) + "]\n",
    "30,000 nested [": lambda: "a: " + "[" * 30_000 + "]" * 30_000 + "\n",
    "5,000 nested {a:": lambda: "a: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n",
    "50,000 nested '- '": lambda: "a:\n" + "- " * 50_000 + "x\n",
    "valid list, ~1 MB": lambda: units(12_000),
    "~1 MB, error on the last line": lambda: units(12_000, broken=True),
}
name = sys.argv[1]
text = CASES[name]()
started = time.monotonic()
problems = Problems()
parse_yaml(text, Path("x.yml"), problems)
elapsed = time.monotonic() - started
first = problems.sorted()[0].format() if problems.items else "(no problem)"
print(json.dumps({"case": name, "bytes": len(text.encode()), "seconds": round(elapsed, 2),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, "first": first},
                 ensure_ascii=False))
'''

NAMES = ["billion laughs (9×9)", "200,000 aliases", "30,000 nested [", "5,000 nested {a:",
         "50,000 nested '- '", "valid list, ~1 MB", "~1 MB, error on the last line"]


def limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def main() -> int:
    print("| case | bytes | seconds | peak RSS (MB) | first problem |\n| --- | --- | --- | --- | --- |")
    for name in NAMES:
        result = subprocess.run([sys.executable, "-c", CHILD, name], cwd=REPO, preexec_fn=limit,
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            print(f"| {name} | — | — | — | failed ({result.returncode}): {result.stderr.strip()[-200:]} |")
            continue
        row = json.loads(result.stdout)
        print(f"| {name} | {row['bytes']:,} | {row['seconds']} | {row['peak_mb']} | {row['first'][:90]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
