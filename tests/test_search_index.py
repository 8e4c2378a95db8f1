"""The search index as written files (showcase/search): pages in, shards and records out, read back."""
from __future__ import annotations

from datetime import date
from base64 import b64decode
from pathlib import Path

import numpy as np
import pytest

from showcase.content.records import Record
from showcase.search import Collector, SearchIndexError, build_search, excluded
from showcase.search.documents import SearchDoc, Section, html_sections, page_document
from showcase.search.indexer import IN_FIELDS, IN_TITLE, shard_count, write_index
from showcase.search.query import IndexReader, decode_postings
from showcase.search.synonyms import synonym_group, unit_synonyms
from showcase.search.tokenize import fnv1a


def doc(url, title, text, **kw) -> SearchDoc:
    return SearchDoc(url=url, title=title, sections=[Section("", "", text)], **kw)


DOCS = [
    doc("a/", "红旗党支部风采", "市直机关红旗党支部坚持党建引领。党建工作扎实，党建成效明显。", kind="exemplar:red_flag_branch",
        units=[("wenlv", "云川市文化和旅游局")], year=2022, date="2022年度", sort_date=20221231,
        fields="红旗党支部\n云川市文化和旅游局\n市文旅局"),
    doc("b/", "廉政建设", "财政局开展廉政风险排查。2023年完成整改。", kind="article", units=[("czj", "云川市财政局")],
        year=2023, date="2023年5月1日", sort_date=20230501),
    doc("c/", "栏目", "红旗 党支部 分开写的两个词。", listing=True),
]


@pytest.fixture
def index(tmp_path) -> IndexReader:
    write_index(DOCS, tmp_path / "data", synonyms=[["文化和旅游局", "文旅局"]],
                unit_order=[("czj", "云川市财政局"), ("wenlv", "云川市文化和旅游局"), ("none", "没有页面的单位")])
    return IndexReader(tmp_path / "data")


def test_finds_pages_holding_every_gram(index):
    assert index.find("党建") == {0}
    assert index.find("红旗党支部") == {0}
    assert index.find("红旗") == {0, 2}
    assert index.find("2023年") == {1}
    assert index.find("20") == {1}  # the beginning of a number, as typed
    assert index.find("党建 廉政") == set()
    assert index.find("不存在的词") == set()


def test_postings_carry_count_title_and_field_flags(index):
    (doc_id, weight), = [p for p in index.postings("党建") if p[0] == 0]
    assert weight & 15 == 3 and not weight & (IN_TITLE | IN_FIELDS)
    (doc_id, weight), = index.postings("风采")
    assert doc_id == 0 and weight & IN_TITLE and weight & 15 == 0  # in the title only
    (_, weight), = [p for p in index.postings("旅局") if p[0] == 0]
    assert weight & IN_FIELDS
    red = dict(index.postings("红旗"))
    assert red[0] & IN_TITLE and red[0] & IN_FIELDS and red[0] & 15 == 1 and not red[2] & IN_TITLE


def test_postings_are_in_page_order_and_decode_exactly():
    data = "AAAB" + "AABD"  # (0, 1) and (1, 3): 18-bit page id, 6-bit weight
    assert decode_postings(data) == [(0, 1), (1, 3)]


def test_manifest_and_facets(index):
    m, f = index.manifest, index.facets
    assert m["docs"] == 3 and m["v"] == index.version
    assert [k for k, _ in m["kinds"]] == ["exemplar:red_flag_branch", "article", "page"]
    assert dict(m["kinds"])["exemplar:red_flag_branch"] == "红旗党支部"
    assert m["units"] == [["czj", "云川市财政局"], ["wenlv", "云川市文化和旅游局"]]  # official order, used only
    assert m["years"] == [2023, 2022]
    assert m["synonyms"] == [["文化和旅游局", "文旅局"]]
    assert f["k"] == [0, 1, 2] and f["u"] == [[1], [0], []]
    assert f["d"] == [20221231, 20230501, 0] and f["p"] == [0, 0, 1]
    hashes = np.frombuffer(b64decode(f["t"]), dtype=">u4").tolist()  # exact-title match
    assert hashes == [fnv1a("红旗党支部风采"), fnv1a("廉政建设"), fnv1a("栏目")]


def test_page_records_hold_what_results_show(index):
    record = index.doc(1)
    assert record == {"t": "廉政建设", "u": "b/", "k": "专栏文章", "n": ["云川市财政局"], "d": "2023年5月1日",
                      "s": [["", "", "财政局开展廉政风险排查。2023年完成整改。"]]}


def test_files_are_scripts_that_register_themselves(index):
    first = (index.dir / "index.js").read_text(encoding="utf-8")
    assert first.startswith("__showcaseSearch.index({") and first.rstrip().endswith(");")
    assert "\\u" not in first  # Chinese as UTF-8, not escaped: half the bytes
    shard_files = sorted((index.dir / "s").glob("*.js"))
    assert len(shard_files) == index.manifest["shards"]
    assert all(p.read_text(encoding="utf-8").startswith("__showcaseSearch.shard(") for p in shard_files)
    assert len(list((index.dir / "d").glob("*.js"))) == 3


def test_every_gram_lives_in_exactly_one_shard(index):
    seen = {}
    for number in range(index.manifest["shards"]):
        for gram in index.shard(number):
            assert gram not in seen
            seen[gram] = number
    assert {"党建", "红旗", "2023", "廉"} <= seen.keys()


def test_shard_count_grows_with_the_index():
    from showcase.search.indexer import SHARD_TARGET_BYTES as target

    assert shard_count(10) == 1
    assert shard_count(target + 1) == 2
    assert shard_count(target * 1000) == 1024
    assert shard_count(10**12) == 4096


def test_rewriting_replaces_the_old_index(tmp_path):
    write_index(DOCS, tmp_path / "data")
    (tmp_path / "data" / "s" / "999.js").write_text("stale", encoding="utf-8")
    write_index(DOCS[:1], tmp_path / "data")
    assert not (tmp_path / "data" / "s" / "999.js").exists()
    assert IndexReader(tmp_path / "data").manifest["docs"] == 1


def test_no_pages_is_an_error(tmp_path):
    with pytest.raises(SearchIndexError, match="没有可检索的页面"):
        write_index([], tmp_path / "data")


def test_a_damaged_shard_is_detected(index):
    path = index.dir / "s" / "0.js"
    path.write_text(path.read_text(encoding="utf-8").replace(index.version, "other"), encoding="utf-8")
    with pytest.raises(SearchIndexError, match="版本不符"):
        IndexReader(index.dir).shard(0)


# ---- build_search: assets and self-check --------------------------------------------------------------

def site_with_assets(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for asset in ("assets/js/search-engine.js", "assets/js/search.js", "assets/css/search.css"):
        (site / asset).parent.mkdir(parents=True, exist_ok=True)
        (site / asset).write_text("/* */", encoding="utf-8")
    return site


def test_build_search_writes_and_checks(tmp_path):
    stats = build_search(DOCS, site_with_assets(tmp_path))
    assert stats.docs == 3 and (tmp_path / "site" / "search" / "data" / "index.js").is_file()


def test_build_search_refuses_a_site_without_the_engine(tmp_path):
    site = site_with_assets(tmp_path)
    (site / "assets/js/search-engine.js").unlink()
    with pytest.raises(SearchIndexError, match="search-engine.js"):
        build_search(DOCS, site)


def test_self_check_fails_when_pages_are_not_found_by_their_titles(tmp_path, monkeypatch):
    import showcase.search.indexer as indexer

    real = indexer.build_postings

    def losing_a_gram(docs):  # an index bug that drops one gram
        postings = real(docs)
        lost = postings.grams.index("风采")
        for column in (postings.grams, postings.data):
            del column[lost]
        postings.numbers = np.delete(postings.numbers, lost)
        return postings

    monkeypatch.setattr(indexer, "build_postings", losing_a_gram)
    with pytest.raises(SearchIndexError, match="用标题“红旗党支部风采”找不到 a/"):
        build_search(DOCS, site_with_assets(tmp_path))


def test_collector_skips_excluded_pages_and_times_itself(tmp_path):
    collector = Collector()
    collector.add("<h1 id='t'>撤回</h1><p>已撤回</p>", "x/", "本文已撤回", meta={"search": {"exclude": True}})
    collector.add("<h1 id='t'>标题</h1><p>正文党建</p>", "y/", "标题", meta={"title": "标题"})
    assert [d.url for d in collector.docs] == ["y/"]
    stats = collector.write(site_with_assets(tmp_path))
    assert stats.docs == 1 and stats.seconds > 0
    assert excluded({"search": {"exclude": True}}) and not excluded({"search": {}}) and not excluded(None)


# ---- documents: HTML → sections, record facts ---------------------------------------------------------

def test_html_sections_split_at_headings_and_keep_words_whole():
    html = ('<h1 id="标题">陈静怡</h1><div class="sc-record"><ul><li><strong>类别</strong>：五星</li>'
            '<li>单位</li></ul></div><p>红<em>旗</em>党支部&amp;窗口</p><script>var x="不要"</script>'
            '<h2 id="事迹简介">事迹<a href="#">简介</a></h2><p>长期从事</p><p>就业服务</p><!-- 注释 -->'
            '<h3>无锚点</h3>')
    sections = html_sections(html)
    assert [(s.anchor, s.heading) for s in sections] == [("标题", "陈静怡"), ("事迹简介", "事迹简介"), ("", "无锚点")]
    assert sections[0].text == "类别：五星\n单位\n红旗党支部&窗口"
    assert sections[1].text == "长期从事\n就业服务"
    assert "不要" not in str(sections) and "注释" not in str(sections)


def record(record_kind, id_, **fields) -> Record:
    if record_kind != "unit":  # units have a name, no title
        fields.setdefault("title", id_)
    return Record(kind=record_kind, id=id_, path=Path(f"content/{id_}.md"), fields=fields)


class Spec:
    def __init__(self, **context):
        self.context = context


def test_page_document_of_an_article_names_its_units_and_date():
    wenlv = record("unit", "wenlv", name="云川市文化和旅游局", short_name="市文旅局")
    brand = record("brand", "yidian", title="文旅红·一店一名片", unit="wenlv")

    class Model:
        def unit_of(self, r):
            return wenlv if r.get("unit") == "wenlv" else None

    article = record("article", "a1", title="一店一名片 处处党旗红", date=date(2022, 4, 12),
                     bylines=[{"name": "张敏", "role": "本报记者"}], lead_title="引题文字")
    d = page_document("<h1>一店一名片</h1><p>正文</p>", "column/2022/a1/", "一店一名片 处处党旗红",
                      Spec(record=article, related=[brand, wenlv], model=Model()))
    assert (d.kind, d.kind_label, d.year, d.date, d.sort_date) == ("article", "专栏文章", 2022, "2022年4月12日", 20220412)
    assert d.units == [("wenlv", "云川市文化和旅游局")]
    assert {"专栏文章", "云川市文化和旅游局", "市文旅局", "张敏", "引题文字"} <= set(d.fields.split("\n"))


def test_page_document_kinds_and_dates():
    awards = [type("Award", (), {"batch": record("honor", "fs", year=2021, label="2021年度")})()]
    exemplar = record("exemplar", "fs-x", title="陈静怡", kind="five_star_member", person={"name": "陈静怡"})
    d = page_document("<p>x</p>", "e/", "陈静怡", Spec(record=exemplar, awards=awards, unit=None))
    assert (d.kind, d.kind_label, d.year, d.date) == ("exemplar:five_star_member", "五星党员标兵", 2021, "2021年度")
    honor = record("honor", "rf", title="红旗", year=2022, decided_on=date(2023, 3, 15))
    d = page_document("<p>x</p>", "h/", "红旗", Spec(record=honor))
    assert (d.kind_label, d.year, d.date) == ("荣誉", 2023, "2022年度")
    brand = record("brand", "b", launched=date(2018, 6, 28))
    assert page_document("", "b/", "b", Spec(record=brand)).date == "创建于2018年6月28日"
    listing = page_document("<p>列表</p>", "brands/", "党建品牌", Spec(model=None))
    assert listing.kind == "page" and listing.listing
    plain = page_document("<p>关于</p>", "about/", "关于", None)
    assert plain.kind == "page" and not plain.listing


# ---- synonyms -------------------------------------------------------------------------------------------

def test_synonym_groups_from_unit_names():
    assert synonym_group(["云川市文化和旅游局", "市文旅局", "云川市文化广电新闻出版局"]) == \
        ["文化广电新闻出版局", "文化和旅游局", "文旅局"]
    units = [record("unit", "jyj", name="云川市教育局", short_name="市教育局"),
             record("unit", "rsj", name="云川市人力资源和社会保障局", short_name="市人社局",
                    former_names=[{"name": "云川市人事局"}])]
    assert unit_synonyms(units) == [["人力资源和社会保障局", "人事局", "人社局"]]  # 教育局: one name only


def test_demo_units_give_the_short_name_of_the_culture_bureau():
    from showcase.checks.run import check_content

    units = [r for r in check_content(Path(__file__).resolve().parents[1] / "content").records if r.kind == "unit"]
    groups = unit_synonyms(units)
    assert any("文旅局" in g and "文化和旅游局" in g for g in groups)
    assert all(len(name) >= 3 for group in groups for name in group)  # never a bare "局" or "市委"


def reference_postings(docs: list[SearchDoc]) -> dict[str, list[tuple[int, int]]]:
    """The index by its definition, in plain Python: gram → [(page, weight)]."""
    from showcase.search.tokenize import WORD, is_cjk, normalize, word_prefixes

    def grams(text):
        text, found = normalize(text), {}
        for i, ch in enumerate(text):
            if is_cjk(ch):
                found[ch] = found.get(ch, 0) + 1
                if i + 1 < len(text) and is_cjk(text[i + 1]):
                    found[text[i:i + 2]] = found.get(text[i:i + 2], 0) + 1
        for word in WORD.findall(text):
            for prefix in word_prefixes(word):
                found[prefix] = found.get(prefix, 0) + 1
        return found

    index: dict[str, list[tuple[int, int]]] = {}
    for page, d in enumerate(docs):
        body, title, fields = grams(d.body), grams(d.title), grams(d.fields)
        for gram in body.keys() | title.keys() | fields.keys():
            weight = min(body.get(gram, 0), 15) | (16 if gram in title else 0) | (32 if gram in fields else 0)
            index.setdefault(gram, []).append((page, weight))
    return index


def test_postings_match_the_definition():
    import random

    from showcase.search.indexer import build_postings

    rng = random.Random(3)
    alphabet = "党建品牌支部红旗廉政志愿，。 2023年ＡＢapp一二"
    docs = [doc(f"p{i}/", "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))),
                "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300))),
                fields="".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))))
            for i in range(60)]
    postings = build_postings(docs)
    got = {g: decode_postings(data) for g, data in zip(postings.grams, postings.data)}
    assert got == reference_postings(docs)
    assert len(postings.numbers) == len(postings.grams) == len(set(postings.grams))
