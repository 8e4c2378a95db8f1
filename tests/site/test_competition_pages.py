"""Competition pages built from tests/fixtures/competition, in both editions.

The fixture's show-2024 (publish_scores: true) was worked by hand (see tests/unit/test_scoring.py for the
method): a 红旗商务 89.85 (1st, 一等奖), b 绿野先锋 88.14 (2nd, 二等奖), d 安心民政 and c 清风审计 both
84.59 (3rd equal, 三等奖). show-2022 (publish_scores: false): y 清风审计 91.67 with the explicit
最佳创意奖, x 绿野先锋 85.33 一等奖, z 安心民政 79.33 二等奖.
"""
import re
from pathlib import Path

import pytest


# Judges of both fixture competitions, and criterion scores that only a judge's row holds.
JUDGES = ["欧阳明远", "司徒静怡", "上官文博", "诸葛晓岚", "皇甫立新", "东方未明", "令狐清风", "慕容听雪"]
SHOW_2022_JUDGES = JUDGES[5:]
INDIVIDUAL = ["35.5", "21.5", "32.5", "28.5", "33.5", "23.5", "51.5", "34.5", "36.5", "56.5", "31.5", "47.5"]


@pytest.fixture(scope="module")
def sites(competition_sites):
    return competition_sites  # tests/conftest.py: the fixture built once per edition


def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(page: str) -> str:
    """The page's visible text, roughly: inline tags dropped without a gap (a date's no-break span),
    other tags dropped, whitespace collapsed."""
    page = re.sub(r"</?span\b[^>]*>", "", page)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def output_files(site: Path):
    for path in site.rglob("*"):
        if path.is_file() and path.suffix not in (".png", ".jpg", ".webp", ".gz", ".br", ".woff2", ".zip"):
            yield path, path.read_text(encoding="utf-8", errors="replace")


def test_results_table_ranks_ties_and_awards(sites):
    page = text_of(html(sites["internal"], "competitions/show-2024/index.html"))
    rows = re.findall(r"(\d（并列）|\d) (\S+) \S+ (\d+\.\d\d) (\d+) (\d+\.\d\d) (\d+\.\d\d) ([一二三]等奖)", page)
    assert rows == [
        ("1", "红旗商务", "87.00", "90", "91.07", "89.85", "一等奖"),
        ("2", "绿野先锋", "81.00", "80", "91.20", "88.14", "二等奖"),
        ("3（并列）", "安心民政", "90.00", "70", "82.27", "84.59", "三等奖"),
        ("3（并列）", "清风审计", "90.00", "70", "82.27", "84.59", "三等奖"),
    ]
    # the rules are stated on the page
    assert "只对总分四舍五入保留两位小数" in page
    assert "如 1、2、2、4" in page
    assert "初赛得分×30% + 决赛得分×70%" in page
    assert "评委评分占80%、群众投票占20%" in page


def test_finalists_in_draw_order_and_timeline(sites):
    page = text_of(html(sites["internal"], "competitions/show-2024/index.html"))
    finalists = page[page.index("按出场顺序"):page.index("比赛结果 名次")]
    rows = re.findall(r"(\d) (\S+) (云川市\S+) (\S+)", finalists)
    assert rows == [("1", "绿野先锋", "云川市林业局", "林青松"), ("2", "红旗商务", "云川市商务局", "陈晓红"),
                    ("3", "安心民政", "云川市民政局", "何安"), ("4", "清风审计", "云川市审计局", "吴清")]
    assert "决赛 2024年5月20日 现场展示，每支队伍限时5分钟，占总分70%" in page
    # an entry's slides: a link that works from the page
    raw = html(sites["public"], "competitions/show-2024/index.html")
    [href] = re.findall(r'<a href="([^"]+)">演示文稿</a>', raw)
    assert (sites["public"] / "competitions/show-2024" / href).resolve().is_file()


def test_explicit_award_outside_the_tiers(sites):
    page = text_of(html(sites["internal"], "competitions/show-2022/index.html"))
    assert re.search(r"最佳创意奖 ?（1个）： ?清风审计", page)
    assert re.search(r"一等奖 ?（1个）： ?绿野先锋", page)
    assert re.search(r"二等奖 ?（1个）： ?安心民政", page)


def test_judges_marks_only_internal_and_only_with_publish_scores(sites):
    internal = html(sites["internal"], "competitions/show-2024/index.html")
    assert "sc-judge-scores" in internal
    for name in JUDGES[:5]:
        assert name in internal
    # dropped marks are shown struck through, with what they were
    assert '<del title="去掉的最高分">95</del>' in internal
    # show-2022 has publish_scores: false — its judges appear nowhere, even in the internal edition
    for path, content in output_files(sites["internal"]):
        for name in SHOW_2022_JUDGES:
            assert name not in content, f"{name} in {path}"
        for score in INDIVIDUAL[6:]:  # show-2022's criterion scores
            assert not re.search(rf"(?<![\d.]){re.escape(score)}(?!\d)", content), f"{score} in {path}"


def test_public_edition_has_no_judge_and_no_individual_score(sites):
    public = sites["public"]
    leaks = []
    for path, content in output_files(public):
        leaks += [f"{path}: {name}" for name in JUDGES if name in content]
        leaks += [f"{path}: {score}" for score in INDIVIDUAL
                  if re.search(rf"(?<![\d.]){re.escape(score)}(?!\d)", content)]
        if path.suffix == ".html" and ("sc-judge-scores" in content or "评分明细" in content):
            leaks.append(f"{path}: judges' table")
    assert leaks == []
    # …yet the published results are there: computed before the edition withheld the scores
    page = text_of(html(public, "competitions/show-2024/index.html"))
    assert "89.85" in page and "3（并列）" in page and "一等奖" in page
    assert not (public / "competitions/show-2024/sheets").exists()
    assert (sites["internal"] / "competitions/show-2024/sheets/final/index.html").is_file()


def test_individual_scores_do_reach_the_internal_edition(sites):
    # The public test above means something only if those strings show where they are allowed.
    page = html(sites["internal"], "competitions/show-2024/index.html")
    for score in INDIVIDUAL[:6]:  # show-2024's; show-2022's stay unpublished (publish_scores: false)
        assert re.search(rf"(?<![\d.]){re.escape(score)}(?!\d)", page), score
    detail = text_of(page[page.index("初赛各项得分"):])
    assert "红旗商务 欧阳明远 35 30 21 86" in detail  # j1's prelim row for a: 35 + 30 + 21


def test_brand_pages_show_their_results(sites):
    for edition in ("internal", "public"):
        page = text_of(html(sites[edition], "brands/lvye/index.html"))
        assert "2024年品牌展示赛（测试）" in page
        assert re.search(r"二等奖 ?，第2名，总分88\.14", page)
        assert "2022年品牌故事会（测试）" in page and "一等奖" in page
    page = text_of(html(sites["internal"], "brands/anxin/index.html"))
    assert re.search(r"三等奖 ?，第3名（并列），总分84\.59", page)


def test_results_notice_with_its_period(sites):
    page = text_of(html(sites["public"], "competitions/show-2024/notice/index.html"))
    assert "关于2024年品牌展示赛（测试）结果的公示" in page
    assert re.search(r"公示期 ?：2024年5月22日至2024年5月28日", page)
    assert "公示期内如有异议" in page
    assert "红旗商务" in page and "89.85" in page
    # show-2022 has no results_notice: no notice page
    assert not (sites["public"] / "competitions/show-2022/notice").exists()


@pytest.mark.parametrize("edition", ["internal", "public"])
def test_results_notice_is_listed_with_the_notices(sites, edition):
    listing = html(sites[edition], "notices/index.html")
    assert '<a href="../competitions/show-2024/notice/">关于2024年品牌展示赛（测试）结果的公示</a>（<span class="sc-nobr">2024年5月22日</span>）' in listing
    assert "show-2022/notice" not in listing  # no results_notice, no 公示


def test_scoring_sheet_lists_entries_in_draw_order_with_criteria_and_blank_cells(sites):
    page = html(sites["internal"], "competitions/show-2024/sheets/final/index.html")
    table = page[page.index('<table class="sc-sheet__table">'):page.index("</table>")]
    rows = re.findall(r"<tr><td class=\"sc-sheet__no\">(\d+)</td><td class=\"sc-sheet__brand\">([^<]+)</td>"
                      r"<td class=\"sc-sheet__unit\">[^<]*</td>((?:<td></td>)+)</tr>", table)
    assert [(n, name) for n, name, _ in rows] == [("1", "绿野先锋"), ("2", "红旗商务"), ("3", "安心民政"), ("4", "清风审计")]
    assert all(cells.count("<td></td>") == 5 for _, _, cells in rows)  # 3 criteria, 合计, 备注
    for header in ("品牌内涵<br><span class=\"sc-sheet__max\">（40分）", "创建举措<br><span class=\"sc-sheet__max\">（35分）",
                   "合计<br><span class=\"sc-sheet__max\">（100分）"):
        assert header in table
    assert "评委签名" in page
    assert "sc-page--competition-print" in page  # the print stylesheet's hook


def test_printable_results_table(sites):
    page = text_of(html(sites["public"], "competitions/show-2024/results/index.html"))
    assert "2024年品牌展示赛（测试）成绩表" in page
    assert "89.85" in page and "84.59" in page


def test_big_screen_page_is_standalone_and_offline(sites):
    page = html(sites["internal"], "competitions/show-2024/bigscreen/index.html")
    assert "md-header" not in page and "assets/stylesheets/main" not in page  # Material-free
    assert '<link rel="stylesheet" href="../../../assets/css/bigscreen.css">' in page
    assert '<script src="../../../assets/js/bigscreen.js"></script>' in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    slides = re.findall(r'data-kind="(\w+)"(?: data-entry="(\w+)")?', page)
    assert slides == [("title", ""), ("entry", "b"), ("entry", "a"), ("entry", "d"), ("entry", "c"), ("awards", "")]
    assert 'data-time-limit="300"' in page
    index = [content for path, content in output_files(sites["internal"])
             if path.relative_to(sites["internal"]).parts[0] == "search" and path.suffix in (".js", ".json")]
    assert any("competitions/show-2024/" in content for content in index)  # the competition page is indexed…
    assert not any("bigscreen" in content or "sheets/" in content for content in index)  # …not the big screen, sheets


def test_demo_competition(demo_site):
    """content/competitions/brand-show-2023.yml: publish_scores false, so totals but no judge anywhere."""
    page = text_of(html(demo_site, "competitions/brand-show-2023/index.html"))
    assert re.search(r"1 文旅红·一店一名片 \S+ 93\.29 93\.60 93\.47 一等奖", page)  # see tests/unit/test_scoring.py
    assert re.search(r"10 红色安居 \S+ 79\.57 79\.80 79\.71 三等奖", page)
    assert "初赛得分×40% + 决赛得分×60%" in page
    judges = [f"评委{n}" for n in "一二三四五六七"]
    for path, content in output_files(demo_site):
        assert not [j for j in judges if j in content], path
    brand = text_of(html(demo_site, "brands/wenlv-yidian/index.html"))
    assert re.search(r"2023年市直机关党建品牌展示赛 ?（2023年4月21日）： ?一等奖 ?，第1名，总分93\.47", brand)
