"""Site search: the index is built here (Python, at build time); the browser side is
theme/assets/js/search-engine.js (query, rank, snippets) and search.js (the header box and the
/search/ page). The MkDocs plugin only hands pages over to a `Collector`: `add` per rendered page, `write` once
after the build.

Design and measurements: benchmarks/README-search.md. For editors: docs/search.md.
"""
from __future__ import annotations

import time
from pathlib import Path

from showcase.search.documents import SearchDoc, page_document, sections_document
from showcase.search.indexer import IndexStats, SearchIndexError, page_postings, write_index
from showcase.search.query import IndexReader
from showcase.search.synonyms import unit_synonyms
from showcase.search.tokenize import query_grams

__all__ = ["Collector", "SearchDoc", "SearchIndexError", "IndexStats", "page_document", "indexed_document",
           "reindexed_document", "build_search",
           "DATA_DIR", "ENGINE_ASSETS", "excluded"]

DATA_DIR = "search/data"
# The browser side; a site without them would ship a search box that finds nothing.
ENGINE_ASSETS = ("assets/js/search-engine.js", "assets/js/search.js", "assets/css/search.css")
SELF_CHECK_PAGES = 40


def indexed_document(page_html: str, url: str, title: str, spec=None) -> SearchDoc:
    """A page's search document with its part of the index already made: page workers call this, so
    the index's per-page work is shared among the processes rendering pages."""
    doc = page_document(page_html, url, title, spec)
    doc.grams = page_postings(doc)
    return doc


def reindexed_document(earlier: SearchDoc, url: str, title: str, spec=None) -> SearchDoc:
    """The document of a page whose HTML is the same as when `earlier` was made from it (a page reused
    from an earlier build): the same text, its record's facts as they are now (the units it names may
    have been renamed), and the earlier part of the index while the words it was made from are the same."""
    doc = sections_document(earlier.sections, url, title, spec)
    same = (doc.title, doc.fields) == (earlier.title, earlier.fields)
    doc.grams = earlier.grams if same and earlier.grams is not None else page_postings(doc)
    return doc


def excluded(meta: dict | None) -> bool:
    """Front matter `search: {exclude: true}` keeps a page out (retracted records, listings)."""
    search = (meta or {}).get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


class Collector:
    """One build's search documents: the plugin adds each rendered page, then writes the index."""

    def __init__(self):
        self.docs: list[SearchDoc] = []
        # Spent on search (page text extraction, the index, its self-check), for the build log:
        # wall-clock and CPU seconds (they differ when other programs share the machine).
        self.seconds = 0.0
        self.cpu_seconds = 0.0

    def add(self, page_html: str, url: str, title: str, spec=None, meta: dict | None = None) -> None:
        if excluded(meta):
            return
        started, cpu = time.perf_counter(), time.process_time()
        self.docs.append(page_document(page_html, url, title, spec))
        self.seconds += time.perf_counter() - started
        self.cpu_seconds += time.process_time() - cpu

    def write(self, site_dir: Path, units=()) -> IndexStats:
        started, cpu = time.perf_counter(), time.process_time()
        stats = build_search(self.docs, site_dir, units)
        stats.seconds = self.seconds + time.perf_counter() - started
        stats.cpu_seconds = self.cpu_seconds + time.process_time() - cpu
        return stats


def build_search(docs: list[SearchDoc], site_dir: Path, units=()) -> IndexStats:
    """Write the index of `docs` into the built site and prove it finds what it holds."""
    site_dir = Path(site_dir)
    missing = [a for a in ENGINE_ASSETS if not (site_dir / a).is_file()]
    if missing:
        raise SearchIndexError("网站缺少检索脚本或样式：" + "、".join(missing) + "（主题 theme/assets 不完整）")
    units = list(units)
    stats = write_index(docs, site_dir / DATA_DIR, synonyms=unit_synonyms(units),
                        unit_order=[(u.id, u.get("name") or u.title) for u in units])
    self_check(site_dir / DATA_DIR, docs)
    return stats


def self_check(data_dir: Path, docs: list[SearchDoc]) -> None:
    """Read the written files back: sampled pages must be found by their own titles."""
    reader = IndexReader(data_dir)
    if reader.manifest["docs"] != len(docs):
        raise SearchIndexError(f"索引页面数 {reader.manifest['docs']} 与网站页面数 {len(docs)} 不符")
    step = max(1, len(docs) // SELF_CHECK_PAGES)
    for doc_id in range(0, len(docs), step):
        doc = docs[doc_id]
        record = reader.doc(doc_id)
        if record["u"] != doc.url:
            raise SearchIndexError(f"索引第 {doc_id} 页应为 {doc.url}，实为 {record['u']}")
        if query_grams(doc.title) and doc_id not in reader.find(doc.title):
            raise SearchIndexError(f"检索自检失败：用标题“{doc.title}”找不到 {doc.url}")
