"""Search tokens (showcase/search/tokenize.py) and their twin in the browser (search-engine.js)."""
from __future__ import annotations

import random

import pytest

from showcase.search.tokenize import (
    gram_code,
    is_cjk,
    gram_text,
    gram_texts,
    normalize,
    page_grams,
    query_grams,
    runs,
    shard_of,
)
from support.sites import REPO

ENGINE_JS = REPO / "theme" / "assets" / "js" / "search-engine.js"


def grams_of(text: str) -> dict[str, int]:
    codes, counts, words = page_grams(text)
    assert list(codes) == sorted(set(codes.tolist()))  # distinct, ascending
    return {**dict(zip(gram_texts(codes), counts.tolist())), **words}


def reference_grams(text: str) -> dict[str, int]:
    """The definition, spelled out character by character."""
    text = normalize(text)
    grams: dict[str, int] = {}
    for i, ch in enumerate(text):
        if is_cjk(ch):
            grams[ch] = grams.get(ch, 0) + 1
            if i + 1 < len(text) and is_cjk(text[i + 1]):
                grams[text[i:i + 2]] = grams.get(text[i:i + 2], 0) + 1
    return grams


def test_cjk_text_gives_every_character_and_adjacent_pair():
    assert grams_of("红旗党支部") == {"红": 1, "旗": 1, "党": 1, "支": 1, "部": 1,
                                     "红旗": 1, "旗党": 1, "党支": 1, "支部": 1}


def test_punctuation_and_spaces_separate_runs_no_bigram_across_them():
    grams = grams_of("文旅红·一店一名片，党建 品牌")
    assert "红一" not in grams and "片党" not in grams and "建品" not in grams
    assert grams["一店"] == 1 and grams["名片"] == 1 and grams["一"] == 2


def test_numpy_counting_matches_the_definition():
    rng = random.Random(9)
    alphabet = "党建品牌支部红旗，。 2023ＡＢ年〇カ한𠀀"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        got = {g: n for g, n in grams_of(text).items() if is_cjk(g)}
        assert got == reference_grams(text), text


def test_counts_repeat_occurrences():
    grams = grams_of("支部支部，支部")
    assert grams["支部"] == 3 and grams["部支"] == 1 and grams["支"] == 3


def test_words_of_letters_and_digits_are_lowercase_tokens_with_their_beginnings():
    grams = grams_of("2023年，ＡＰＰ上线 App 1+N")
    assert grams["2023"] == 1 and grams["app"] == 2 and grams["1"] == 1 and grams["n"] == 1
    assert grams["20"] == 1 and grams["ap"] == 2 and "年" in grams
    assert "023" not in grams and "pp" not in grams  # beginnings only


def test_full_width_letters_and_digits_read_as_ascii():
    assert normalize("２０２３年ＡＢｃ") == "2023年abc"
    assert query_grams("２０２３年") == query_grams("2023年") == ["2023", "年"]


def test_query_grams_are_bigrams_of_runs_or_the_single_character():
    assert query_grams("党建") == ["党建"]
    assert query_grams("党") == ["党"]
    assert query_grams("“2023年 红旗党支部”") == ["2023", "年", "红旗", "旗党", "党支", "支部"]
    assert query_grams("，。！") == []


def test_text_containing_the_query_holds_all_its_grams():
    # The property recall rests on: no segmenter can cut the text differently from the query.
    rng = random.Random(4)
    text = "市直机关持续深化“机关创品牌、支部创红旗、党员创五星”活动，2023年评出红旗党支部50个。" * 3
    for _ in range(300):
        start = rng.randrange(len(text))
        if text[start - 1:start + 1].isascii() and text[start - 1:start + 1].isalnum():
            continue  # a query starting inside a word ("023") is the one case not covered
        query = text[start:start + rng.randint(1, 12)]
        held = grams_of(text)
        assert all(g in held for g in query_grams(query)), query


def test_gram_codes_round_trip():
    for gram in ("党", "党建", "2023", "app"):
        assert gram_text(gram_code(gram)) == gram


def test_runs_split_cjk_from_words():
    assert runs("第3版A03 市文旅局") == ["第", "3", "版", "a03", "市文旅局"]


def test_shards_spread_grams_over_all_shards():
    grams = {g for text in ("红旗党支部党建品牌志愿服务廉政建设", "五星党员标兵一店一名片") for g in query_grams(text)}
    grams |= {chr(c) + chr(c + 1) for c in range(0x4E00, 0x4E00 + 2000)}
    used = {shard_of(g, 64) for g in grams}
    assert len(used) == 64
    assert {shard_of(g, 1) for g in grams} == {0}


SAMPLES = ["红旗党支部", "2023年 红旗", "“文旅红·一店一名片”", "ＡＢＣ１２３ 市文旅局", "1+N 品牌矩阵",
           "İstanbul café naïve", "〇一二", "カタカナ 한국어", "云直工〔2023〕5号", "a_b-c", "𠀀字", ""]


@pytest.fixture
def engine_page(page):
    page.goto("about:blank")
    page.add_script_tag(path=str(ENGINE_JS))
    return page


def test_browser_tokenizer_matches_python(engine_page):
    got = engine_page.evaluate("""samples => samples.map(s => ({
        norm: ShowcaseSearch.tokenize.normalize(s),
        runs: ShowcaseSearch.tokenize.runs(s),
        grams: ShowcaseSearch.tokenize.queryGrams(s)}))""", SAMPLES)
    for sample, js in zip(SAMPLES, got):
        assert js["norm"] == normalize(sample), sample
        assert js["runs"] == runs(sample), sample
        assert js["grams"] == query_grams(sample), sample


def test_browser_looks_up_a_covering_subset_of_the_grams(engine_page):
    samples = ["一店一名片", "红旗党支部", "党建", "党", "市文化和旅游局 2023年", "服务群众最后一公里"]
    looked_up = engine_page.evaluate("s => s.map(t => ShowcaseSearch.tokenize.lookupGrams(t))", samples)
    for sample, grams in zip(samples, looked_up):
        assert set(grams) <= set(query_grams(sample))
        for run in runs(sample):  # every character of every run is in a looked-up gram
            assert all(any(ch in g for g in grams) for ch in run), (sample, grams)
    assert looked_up[0] == ["一店", "一名", "名片"]


def test_browser_shard_numbers_match_python(engine_page):
    grams = sorted({g for s in SAMPLES for g in query_grams(s)} | {"党建", "支部", "党", "2023", "𠀀字"}
                   | {"红旗党支部风采", "云川市文化和旅游局"})  # whole titles hash the same way (exact-title match)
    for shards in (1, 2, 64, 4096):
        js = engine_page.evaluate("([grams, n]) => grams.map(g => ShowcaseSearch.tokenize.shardOf(g, n))",
                                  [grams, shards])
        assert js == [shard_of(g, shards) for g in grams], shards
