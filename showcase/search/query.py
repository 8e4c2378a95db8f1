"""Reading a written index back: the build's self-check and the tests use it.

Matching here is the browser's candidate step (every gram of every term, page ids intersected);
ranking, synonyms and snippets live in theme/assets/js/search-engine.js and are tested in Chromium.
"""
from __future__ import annotations

import json
from base64 import b64decode
from pathlib import Path

from showcase.search.indexer import GLOBAL, SearchIndexError
from showcase.search.tokenize import query_grams, shard_of


def read_script(path: Path, call: str) -> list:
    """The arguments of `__showcaseSearch.<call>(...)` in a written index file."""
    text = path.read_text(encoding="utf-8").strip()
    prefix = f"{GLOBAL}.{call}("
    if not (text.startswith(prefix) and text.endswith(");")):
        raise SearchIndexError(f"{path}: 不是检索索引文件")
    return json.loads(f"[{text[len(prefix):-2]}]")


def decode_postings(data: str) -> list[tuple[int, int]]:
    """[(page id, weight)] from a base64 posting string."""
    raw = b64decode(data)
    return [((raw[i] << 10) | (raw[i + 1] << 2) | (raw[i + 2] >> 6), raw[i + 2] & 63)
            for i in range(0, len(raw), 3)]


class IndexReader:
    def __init__(self, data_dir: Path):
        self.dir = Path(data_dir)
        self.manifest, self.facets = read_script(self.dir / "index.js", "index")
        self._shards: dict[int, dict] = {}

    @property
    def version(self) -> str:
        return self.manifest["v"]

    def shard(self, number: int) -> dict:
        if number not in self._shards:
            got_number, version, grams = read_script(self.dir / "s" / f"{number}.js", "shard")
            if got_number != number or version != self.version:
                raise SearchIndexError(f"{self.dir}/s/{number}.js: 分片编号或版本不符")
            self._shards[number] = grams
        return self._shards[number]

    def postings(self, gram: str) -> list[tuple[int, int]]:
        data = self.shard(shard_of(gram, self.manifest["shards"])).get(gram)
        return decode_postings(data) if data else []

    def doc(self, doc_id: int) -> dict:
        got_id, version, record = read_script(self.dir / "d" / f"{doc_id}.js", "doc")
        if got_id != doc_id or version != self.version:
            raise SearchIndexError(f"{self.dir}/d/{doc_id}.js: 页面编号或版本不符")
        return record

    def find(self, text: str) -> set[int]:
        """Pages holding every gram of `text` (no synonyms, no ranking)."""
        found = None
        for gram in query_grams(text):
            ids = {doc for doc, _w in self.postings(gram)}
            found = ids if found is None else found & ids
            if not found:
                return set()
        return found or set()
