"""Search tokens: CJK character unigrams and bigrams, whole words for letters and digits.

No segmenter and no dictionary: a Chinese word of two or more characters is found through the
bigrams it is made of, so any page whose text contains the query also holds every gram of the
query — recall cannot depend on how a segmenter happens to cut text and query. Brand, unit and
people's names need no dictionary for the same reason.

Grams have integer codes so that counting and inverting 15 million characters runs in numpy
instead of creating a Python string per bigram:
  CJK character c      → ord(c)                      (< 65536: BMP only)
  CJK bigram "ab"      → ord(a) | ord(b) << 16       (the UTF-16-LE bytes of "ab" read as uint32)
  word w               → w itself (a str; words are few), and each beginning of it

`theme/assets/js/search-engine.js` implements the same rules (normalize, runs, grams, shard_of);
tests compare the two on the same strings. Change both or neither.
"""
from __future__ import annotations

import re
from collections import Counter
from operator import add

import numpy as np

# BMP ideographs (extension A, unified, compatibility), 〇, kana and hangul: scripts written
# without spaces, indexed by characters. (Characters outside the BMP count as letters of words.)
_CJK = "\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK_RUN = re.compile(f"[{_CJK}]+")
NON_CJK_RUN = re.compile(f"[^{_CJK}]+")
# Letters and digits of other scripts form words ("2023", "app", the "1" and "n" of "1+N").
WORD = re.compile(f"[^\\W_{_CJK}]+")
RUN = re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+")

# Full-width letters and digits (ＡＢＣ１２３) read as ASCII; full-width punctuation separates anyway.
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

_SEPARATOR = "\x01"  # stands for any non-CJK stretch while counting CJK grams
_SEP = ord(_SEPARATOR)
_FIB = 2654435761  # Knuth's multiplicative hash: spreads gram codes over the shards
MAX_PREFIX = 12  # longer words are indexed whole and by their first 12 characters
_NO_CODES = np.zeros(0, dtype=np.uint32)


def normalize(text: str) -> str:
    """Full-width letters and digits to ASCII, then lower case."""
    if _FULLWIDTH_ALNUM.search(text):
        text = text.translate(_FULLWIDTH)
    return text.lower()


def is_cjk(run: str) -> bool:
    return bool(CJK_RUN.fullmatch(run))


def runs(text: str) -> list[str]:
    """The normalized text's CJK runs and words, in order; punctuation and spaces separate them."""
    return RUN.findall(normalize(text))


def run_grams(run: str) -> list[str]:
    """The grams a query run needs: a word itself; a CJK run's bigrams (its one character if alone)."""
    if len(run) == 1 or not is_cjk(run):
        return [run]
    return list(map(add, run, run[1:]))


def query_grams(text: str) -> list[str]:
    """Every gram a page must hold to contain `text` (distinct, in order)."""
    seen: dict[str, None] = {}
    for run in runs(text):
        for gram in run_grams(run):
            seen.setdefault(gram)
    return list(seen)


def gram_code(gram: str) -> int | str:
    """The code of a gram string (see the module docstring)."""
    if is_cjk(gram) and len(gram) <= 2:
        return ord(gram[0]) | (ord(gram[1]) << 16 if len(gram) == 2 else 0)
    return gram


def gram_text(code: int | str) -> str:
    if isinstance(code, str):
        return code
    return chr(code & 0xFFFF) + chr(code >> 16) if code > 0xFFFF else chr(code)


def page_grams(text: str) -> tuple[np.ndarray, np.ndarray, Counter]:
    """All grams of a text: (CJK gram codes, sorted and distinct; their counts; words with counts).

    Every CJK character and every pair of adjacent CJK characters; every word and its beginnings.
    numpy does the per-character work: 15 million characters at 5,000 pages take seconds.
    """
    if not text:
        return _NO_CODES, _NO_CODES, Counter()
    text = normalize(text)
    units = np.frombuffer(NON_CJK_RUN.sub(_SEPARATOR, text).encode("utf-16-le"), dtype="<u2").astype(np.uint32)
    cjk = units != _SEP
    codes = np.concatenate((units[cjk], (units[:-1] | (units[1:] << 16))[cjk[:-1] & cjk[1:]]))
    codes.sort()
    first = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1]))) if len(codes) else codes
    return codes[first], np.diff(np.append(first, len(codes))), word_grams(text)


def word_grams(text: str) -> Counter:
    """The words of a normalized text and their beginnings (see word_prefixes), with counts."""
    words = Counter(WORD.findall(text))
    found = Counter(words)
    get = found.get
    for word, count in words.items():
        for end in range(1, min(len(word), MAX_PREFIX + 1) if len(word) > MAX_PREFIX else len(word)):
            found[word[:end]] = get(word[:end], 0) + count
    return found


def word_prefixes(word: str) -> list[str]:
    """A word and its beginnings ("2023" → "2", "20", "202", "2023"): typing a number or a name
    letter by letter finds it before it is complete."""
    return [word[:end] for end in range(1, min(len(word), MAX_PREFIX) + 1)] + \
        ([word] if len(word) > MAX_PREFIX else [])


def fnv1a(text: str) -> int:
    """FNV-1a (32-bit) over code points: the code of a word for sharding."""
    h = 0x811C9DC5
    for ch in text:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h


def shard_bits(shards: int) -> int:
    return shards.bit_length() - 1


def shards_of(numbers, shards: int) -> np.ndarray:
    """Shard numbers (0 … shards-1, a power of two) of many gram numbers at once: a CJK gram's
    code, or fnv1a(word) for a word."""
    numbers = np.asarray(numbers, dtype=np.uint64)
    bits = shard_bits(shards)
    if bits == 0:
        return np.zeros(len(numbers), dtype=np.int64)
    return (((numbers * np.uint64(_FIB)) & np.uint64(0xFFFFFFFF)) >> np.uint64(32 - bits)).astype(np.int64)


def shard_of(gram: str, shards: int) -> int:
    code = gram_code(gram)
    return int(shards_of([code if isinstance(code, int) else fnv1a(code)], shards)[0])


def gram_texts(codes: np.ndarray) -> list[str]:
    """The strings of sorted CJK gram codes, decoded in bulk (900,000 grams at 5,000 pages)."""
    split = int(np.searchsorted(codes, 0xFFFF, side="right"))
    chars = codes[:split].astype("<u2").tobytes().decode("utf-16-le")
    pairs = codes[split:].astype("<u4").tobytes().decode("utf-16-le")
    return list(chars) + _PAIRS.findall(pairs)


_PAIRS = re.compile("..", re.S)
