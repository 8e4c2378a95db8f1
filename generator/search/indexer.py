"""The search index: an inverted index of CJK unigrams/bigrams and words, split into small shards.

Files (under `search/data/` of the site; every file is a script that registers itself with
`__showcaseSearch`, so the browser loads them with <script> tags — which works from file://,
where fetch() of local files is blocked — and by relative URL, so any sub-path works):

  index.js     manifest (version, shard count, filter labels, synonyms) and per-page facets
               (kind, units, year, date, length, listing) — loaded once per visit
  s/<n>.js     shard n: {gram: postings}; a query loads only the shards of its grams
  d/<id>.js    page id: title, url, kind, units, date and its text by section — loaded for the
               results on screen (snippets, highlighting, exact-phrase check)

Postings of a gram are base64 of 3-byte entries in page order: page id (18 bits) and a weight
(6 bits: occurrences in the body capped at 15, +16 in the title, +32 in the identifying fields).
"""
from __future__ import annotations

import hashlib
import json
import math
import shutil
from base64 import b64encode
from collections import defaultdict, deque
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from .documents import KIND_LABELS, SearchDoc
from .tokenize import count_grams, fnv1a, gram_text, runs, shards_of

FORMAT = 1
MAX_DOCS = 1 << 18  # page ids have 18 bits
TF_CAP = 15
IN_TITLE, IN_FIELDS = 16, 32
SHARD_TARGET_BYTES = 40_000  # a query with six grams loads about a quarter of a megabyte
MAX_SHARDS = 4096
SNIPPET_TEXT_LIMIT = 30_000  # characters of a page kept for snippets
GLOBAL = "__showcaseSearch"


class SearchIndexError(Exception):
    """The index cannot be built or does not find what it holds: the build must fail."""


@dataclass
class IndexStats:
    docs: int
    grams: int
    postings: int
    shards: int
    bytes: int
    version: str
    seconds: float = 0.0


def build_postings(docs: list[SearchDoc]) -> dict:
    """gram code → list of 3-byte postings in page order.

    The hot loop is C-level (map/deque over a page's gram counts: a dict lookup, a table lookup
    and an append per posting); a Python-level loop per posting would cost many seconds at
    5,000 pages. Title and field grams (a few per page) are then marked in Python.
    """
    postings: dict = defaultdict(list)
    entry = postings.__getitem__
    for doc_id, doc in enumerate(docs):
        grams, words = count_grams(doc.body)
        dict.update(grams, words)  # words are str, gram codes int: no clash
        title_grams, title_words = count_grams(doc.title)
        field_grams, field_words = count_grams(doc.fields)
        weights = [((doc_id << 6) | w).to_bytes(3, "big") for w in range(64)]
        most = max(grams.values(), default=0)
        by_count = weights[:TF_CAP + 1] + [weights[TF_CAP]] * max(0, most - TF_CAP)
        deque(map(list.append, map(entry, grams.keys()), map(by_count.__getitem__, grams.values())),
              maxlen=0)
        flags: dict = dict.fromkeys(title_grams.keys() | title_words.keys(), IN_TITLE)
        for code in field_grams.keys() | field_words.keys():
            flags[code] = flags.get(code, 0) | IN_FIELDS
        for code, bits in flags.items():
            count = grams.get(code, 0)
            if count:  # this page's posting is the last one appended
                entry(code)[-1] = weights[min(count, TF_CAP) | bits]
            else:
                entry(code).append(weights[bits])
    return postings


def shard_count(total_bytes: int) -> int:
    shards = 1
    while shards * SHARD_TARGET_BYTES < total_bytes and shards < MAX_SHARDS:
        shards *= 2
    return shards


def facets(docs: list[SearchDoc], unit_order: list[tuple[str, str]]) -> tuple[dict, dict]:
    """(labels for the manifest, per-page facet arrays)."""
    kinds = [k for k in KIND_LABELS if any(d.kind == k for d in docs)]
    kind_index = {k: i for i, k in enumerate(kinds)}
    units = list(unit_order)
    for doc in docs:  # units a page names that the official list lacks still get a filter entry
        for unit in doc.units:
            if unit[0] not in {u[0] for u in units}:
                units.append(unit)
    unit_index = {u[0]: i for i, u in enumerate(units)}
    used_units = {unit[0] for doc in docs for unit in doc.units}
    labels = {
        "kinds": [[k, KIND_LABELS[k]] for k in kinds],
        "units": [[uid, name] for uid, name in units if uid in used_units],
        "years": sorted({d.year for d in docs if d.year}, reverse=True),
    }
    shown_unit = {uid: i for i, (uid, _n) in enumerate(labels["units"])}
    arrays = {
        "k": [kind_index[d.kind] for d in docs],
        "u": [[shown_unit[u[0]] for u in d.units if u[0] in unit_index] for d in docs],
        "y": [d.year or 0 for d in docs],
        "d": [d.sort_date for d in docs],
        "l": [max(1, round(len(d.body) / 100)) for d in docs],
        "p": [1 if d.listing else 0 for d in docs],
        # The title's hash: a query that is exactly a page's title ranks it first (brand, person, unit).
        "t": [fnv1a("".join(runs(d.title))) for d in docs],
    }
    return labels, arrays


def doc_record(doc: SearchDoc) -> dict:
    sections, budget = [], SNIPPET_TEXT_LIMIT
    for section in doc.sections:
        text = section.text[:budget]
        budget -= len(text)
        sections.append([section.anchor, section.heading, text])
        if budget <= 0:
            break
    return {"t": doc.title, "u": doc.url, "k": doc.kind_label, "n": [name for _id, name in doc.units],
            "d": doc.date, "s": sections}


def script(call: str, *args) -> str:
    payload = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"{GLOBAL}.{call}({payload});\n"


def write_index(docs: list[SearchDoc], out_dir: Path, synonyms: list[list[str]] = (),
                unit_order: list[tuple[str, str]] = ()) -> IndexStats:
    """Build the index of `docs` and write it to `out_dir` (replaced whole)."""
    if not docs:
        raise SearchIndexError("没有可检索的页面")
    if len(docs) > MAX_DOCS:
        raise SearchIndexError(f"页面超过 {MAX_DOCS} 个，检索索引放不下")
    postings = build_postings(docs)
    codes = list(postings)
    encoded = list(map(bytes.decode, map(b64encode, map(b"".join, postings.values()))))
    del postings
    total = sum(map(len, encoded)) + 8 * len(codes)
    shards = shard_count(total)
    by_shard: list[dict] = [{} for _ in range(shards)]
    for code, shard, data in zip(codes, shards_of(codes, shards), encoded):
        by_shard[shard][gram_text(code)] = data
    del encoded

    version = _version(by_shard, docs)
    labels, arrays = facets(docs, list(unit_order))
    manifest = {"format": FORMAT, "v": version, "docs": len(docs), "shards": shards,
                "synonyms": [list(g) for g in synonyms], **labels}

    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "s").mkdir(parents=True)
    (out_dir / "d").mkdir()
    written = 0
    for number, grams in enumerate(by_shard):
        written += _write(out_dir / "s" / f"{number}.js", script("shard", number, version, grams))
    for doc_id, doc in enumerate(docs):
        written += _write(out_dir / "d" / f"{doc_id}.js", script("doc", doc_id, version, doc_record(doc)))
    written += _write(out_dir / "index.js", script("index", manifest, arrays))
    return IndexStats(len(docs), len(codes), sum(len(v) for g in by_shard for v in g.values()) // 4,
                      shards, written, version)


def _version(by_shard: list[dict], docs: list[SearchDoc]) -> str:
    digest = hashlib.sha1()
    for grams in by_shard:
        for gram, data in grams.items():
            digest.update(gram.encode())
            digest.update(data.encode())
    for doc in docs:
        digest.update(f"{doc.url}\0{doc.title}\0{doc.date}\0{doc.kind}".encode())
    return digest.hexdigest()[:12]


def _write(path: Path, text: str) -> int:
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def idf(df: int, docs: int) -> float:
    return math.log(1 + docs / max(df, 1))
