"""Search tokens: CJK character unigrams and bigrams, whole words for letters and digits.

No segmenter and no dictionary: a Chinese word of two or more characters is found through the
bigrams it is made of, so any page whose text contains the query also holds every gram of the
query — recall cannot depend on how a segmenter happens to cut text and query. Brand, unit and
people's names need no dictionary for the same reason.

Grams have integer codes so that counting and inverting 15 million characters runs in C
(Counter over arrays) instead of creating a Python string per bigram:
  CJK character c      → ord(c)                      (< 65536: BMP only)
  CJK bigram "ab"      → ord(a) | ord(b) << 16       (the UTF-16-LE bytes of "ab" read as uint32)
  word w               → w itself (a str; words are few), and each beginning of it

`theme/assets/js/search-engine.js` implements the same rules (normalize, runs, grams, shard_of);
tests compare the two on the same strings. Change both or neither.
"""
from __future__ import annotations

import re
import sys
from array import array
from collections import Counter, deque
from itertools import repeat
from operator import add, and_, mul, rshift

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
_FIB = 2654435761
MAX_PREFIX = 12  # longer words are indexed whole and by their first 12 characters  # Knuth's multiplicative hash: spreads gram codes over the shards


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


def count_grams(text: str) -> tuple[Counter, Counter]:
    """All grams of a text with their counts: (CJK unigrams and bigrams by code, words).

    Every CJK character and every pair of adjacent CJK characters; every word.
    """
    text = normalize(text)
    utf16 = NON_CJK_RUN.sub(_SEPARATOR, text).encode("utf-16-le")
    size = len(utf16)
    units = array("H", utf16)
    if sys.byteorder != "little":
        units.byteswap()
    cjk = Counter(units)
    pairs = array("I")
    pairs.frombytes(utf16[: size - size % 4])  # pairs starting at even positions
    odd = size - 2
    if odd >= 4:
        pairs.frombytes(utf16[2: 2 + odd - odd % 4])  # and at odd positions
    if sys.byteorder != "little":
        pairs.byteswap()
    bigrams = Counter(pairs)
    # Pairs that touch a separator are not bigrams; they are exactly these codes:
    chars = list(cjk)
    with_separator = set(map(add, chars, repeat(_SEP << 16)))
    with_separator.update(map(add, repeat(_SEP), map(mul, chars, repeat(1 << 16))))
    # dict methods, not Counter's: Counter.update and __delitem__ loop in Python.
    deque(map(bigrams.pop, with_separator & bigrams.keys()), maxlen=0)
    cjk.pop(_SEP, None)
    dict.update(cjk, bigrams)
    return cjk, Counter(prefix for word in WORD.findall(text) for prefix in word_prefixes(word))


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


def shards_of(codes, shards: int) -> list[int]:
    """Shard numbers (0 … shards-1, a power of two) of many gram codes at once."""
    bits = shard_bits(shards)
    if bits == 0:
        return [0] * len(codes)
    numbers = [c if isinstance(c, int) else fnv1a(c) for c in codes]
    mixed = map(and_, map(mul, numbers, repeat(_FIB)), repeat(0xFFFFFFFF))
    return list(map(rshift, mixed, repeat(32 - bits)))


def shard_of(gram: str, shards: int) -> int:
    return shards_of([gram_code(gram)], shards)[0]
