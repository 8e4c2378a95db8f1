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
import shutil
from binascii import b2a_base64
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from showcase.search.documents import KIND_LABELS, SearchDoc
from showcase.search.tokenize import fnv1a, gram_texts, page_grams, runs, shards_of

FORMAT = 1
MAX_DOCS = 1 << 18  # page ids have 18 bits
TF_CAP = 15
IN_TITLE, IN_FIELDS = 16, 32
# Bytes a query loads grow with the shard size: one shard per gram it looks up.
SHARD_TARGET_BYTES = 20_000
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
    cpu_seconds: float = 0.0


@dataclass
class Postings:
    """Every gram of the site with its postings, in gram order (CJK codes ascending, then words)."""

    grams: list[str]
    numbers: np.ndarray  # what the shard hash takes: the CJK code, or fnv1a(word)
    data: list[str]  # base64 of the gram's 3-byte postings, in page order


@dataclass
class PageGrams:
    """One page's part of the index, made where the page is rendered (a worker process in big builds):
    its distinct CJK gram codes with their weights (count, capped, and the title/field flags), and its
    words with theirs."""

    codes: np.ndarray  # uint32
    weights: np.ndarray  # uint32, parallel to codes
    words: list  # [(word, weight)]


def page_postings(doc: SearchDoc) -> PageGrams:
    """numpy finds the page's distinct CJK grams with counts and flags (title, fields)."""
    codes, counts, body_words = page_grams(doc.body)
    weights = np.minimum(counts, TF_CAP).astype(np.uint32)
    title, _, title_words = page_grams(doc.title)
    fields, _, field_words = page_grams(doc.fields)
    extra: dict[int, int] = {}  # title and field grams the body lacks (few)
    for marked, bit in ((title, IN_TITLE), (fields, IN_FIELDS)):
        at = np.searchsorted(codes, marked)
        found = at < len(codes)
        found[found] = codes[at[found]] == marked[found]
        weights[at[found]] |= bit
        for code in marked[~found].tolist():
            extra[code] = extra.get(code, 0) | bit
    if extra:
        codes = np.concatenate((codes, np.array(list(extra), dtype=np.uint32)))
        weights = np.concatenate((weights, np.array(list(extra.values()), dtype=np.uint32)))
    words = []
    for word in sorted(body_words.keys() | title_words.keys() | field_words.keys()):
        weight = min(body_words.get(word, 0), TF_CAP)
        weight |= (IN_TITLE if word in title_words else 0) | (IN_FIELDS if word in field_words else 0)
        words.append((word, weight))
    return PageGrams(codes.astype(np.uint32, copy=False), weights, words)


def build_postings(docs: list[SearchDoc]) -> Postings:
    """The inverted index: each page's grams (`doc.grams` when its renderer made them, else made
    here), then one sort of (gram, page) keys over the whole site groups them by gram. Words (few)
    go through a dict."""
    code_parts, posting_parts = [], []
    words: dict[str, list[int]] = defaultdict(list)
    for doc_id, doc in enumerate(docs):
        grams = doc.grams if doc.grams is not None else page_postings(doc)
        page = np.uint32(doc_id << 6)
        code_parts.append(grams.codes)
        posting_parts.append(grams.weights | page)
        for word, weight in grams.words:
            words[word].append((doc_id << 6) | weight)
    keys = np.concatenate(code_parts or [np.zeros(0, np.uint32)]).astype(np.uint64) << np.uint64(32)
    keys |= np.concatenate(posting_parts or [np.zeros(0, np.uint32)])
    del code_parts, posting_parts
    keys.sort()  # by gram, then page: the postings' order
    codes = (keys >> np.uint64(32)).astype(np.uint32)
    starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1]))) if len(codes) else codes
    unique = codes[starts]
    bounds = (np.append(starts, len(codes)) * 4).tolist()
    del codes, starts
    # 3 bytes per posting encode to exactly 4 base64 characters: one encoding of everything,
    # then each gram's postings are a slice of it.
    encoded = b2a_base64(big_endian_3(keys), newline=False).decode("ascii")
    del keys
    data = [encoded[a:b] for a, b in zip(bounds, bounds[1:])]
    del encoded, bounds
    word_list = sorted(words)  # not set order (it varies between runs): the same site gives the same files
    data += [b2a_base64(big_endian_3(np.array(words[w], dtype=np.uint64)), newline=False).decode("ascii")
             for w in word_list]
    numbers = np.concatenate((unique.astype(np.uint64), np.array([fnv1a(w) for w in word_list], dtype=np.uint64)))
    return Postings(gram_texts(unique) + word_list, numbers, data)


def big_endian_3(postings: np.ndarray) -> bytes:
    """The low 3 bytes of each value, big-endian, back to back."""
    as_bytes = (postings & np.uint64(0xFFFFFF)).astype(">u4").view(np.uint8).reshape(-1, 4)
    return as_bytes[:, 1:].tobytes()


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
        "d": [d.sort_date for d in docs],  # yyyymmdd: the year filter reads it too
        "l": [max(1, round(len(d.body) / 100)) for d in docs],
        "p": [1 if d.listing else 0 for d in docs],
        # The title's hash (base64 of big-endian uint32s): a query that is exactly a page's title
        # ranks it first (brand, person, unit).
        "t": b2a_base64(np.array([fnv1a("".join(runs(d.title))) for d in docs], dtype=">u4").tobytes(),
                        newline=False).decode("ascii"),
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
    postings_chars = sum(map(len, postings.data))
    shards = shard_count(postings_chars + 8 * len(postings.grams))
    by_shard: list[dict] = [{} for _ in range(shards)]
    for gram, shard, data in zip(postings.grams, shards_of(postings.numbers, shards).tolist(), postings.data):
        by_shard[shard][gram] = data
    grams = len(postings.grams)
    del postings

    version = _version(docs, synonyms)
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
    return IndexStats(len(docs), grams, postings_chars // 4,
                      shards, written, version)


def _version(docs: list[SearchDoc], synonyms) -> str:
    """A digest of everything the index is made from: same pages, same version."""
    digest = hashlib.sha1(f"{FORMAT}\0{synonyms}".encode())
    for doc in docs:
        digest.update(f"{doc.url}\0{doc.title}\0{doc.kind}\0{doc.units}\0{doc.date}\0{doc.sort_date}\0"
                      f"{doc.listing}\0{doc.fields}\0{doc.body}\0".encode())
    return digest.hexdigest()[:12]


def _write(path: Path, text: str) -> int:
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)
