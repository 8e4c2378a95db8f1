"""A deterministic synthetic site of any size, for benchmarks/build_bench.py (issue 10).

    python benchmarks/make_corpus.py OUT --pages 1000 [--seed 1]

Writes two projects holding the same pages:

  OUT/showcase/   mkdocs.yml (the repository's, theme by absolute path) + content/: units, brands
                  (some "1+N" matrices, logos, galleries), exemplars of the three kinds (photos with
                  consent), honor batches awarding them, a competition with full scores, notices and
                  column articles of ~3,000 Chinese characters (lead, 3–4 sections, a quote, a list;
                  a few with a photo) spread over several columns — a few small generated JPEG/PNG per
                  hundred records.
  OUT/reference/  the reference build (issue 10): the same record pages as plain Markdown under the
                  same URLs (title, a field list, the same body, the same images), section pages
                  listing their items, Material with its search plugin (jieba segments Chinese when
                  installed) and a navigation holding only the section pages.

`--pages` counts record pages (one per unit, brand, exemplar, honor batch, competition, notice and
article); the showcase build adds listings, archives and calendars on top. Same seed and size, same
bytes: text comes from a built-in phrase grammar (no dependence on the demo content), images from
seeded Pillow drawing.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# ---- vocabulary ------------------------------------------------------------------------------------

DEPARTMENTS = [
    ("发展和改革委员会", "发改委"), ("教育局", "教育局"), ("科学技术局", "科技局"), ("工业和信息化局", "工信局"),
    ("公安局", "公安局"), ("民政局", "民政局"), ("司法局", "司法局"), ("财政局", "财政局"),
    ("人力资源和社会保障局", "人社局"), ("自然资源和规划局", "自然资源规划局"), ("生态环境局", "生态环境局"),
    ("住房和城乡建设局", "住建局"), ("交通运输局", "交通运输局"), ("水利局", "水利局"), ("农业农村局", "农业农村局"),
    ("商务局", "商务局"), ("文化和旅游局", "文旅局"), ("卫生健康委员会", "卫健委"), ("退役军人事务局", "退役军人局"),
    ("应急管理局", "应急局"), ("审计局", "审计局"), ("市场监督管理局", "市场监管局"), ("统计局", "统计局"),
    ("医疗保障局", "医保局"), ("机关事务管理局", "机关事务局"), ("信访局", "信访局"), ("档案馆", "档案馆"),
    ("政务服务中心", "政务服务中心"), ("城市管理局", "城管局"), ("林业局", "林业局"), ("体育局", "体育局"),
    ("地方金融监督管理局", "金融局"), ("投资促进局", "投促局"), ("大数据管理局", "大数据局"),
    ("住房公积金管理中心", "公积金中心"), ("图书馆", "图书馆"), ("博物馆", "博物馆"), ("气象局", "气象局"),
    ("税务局", "税务局"), ("供销合作社", "供销社"),
]
DISTRICTS = ["东城", "西城", "南湖", "北山", "临江", "高新", "经开", "滨海", "青溪", "云岭"]
BRANCH_KINDS = ["机关第一", "机关第二", "综合", "办公室", "政策法规", "业务", "窗口服务", "执法", "信息", "离退休"]
BRAND_HEADS = ["红色", "红心", "先锋", "初心", "党旗", "红帆", "暖心", "清风", "匠心", "启航", "红韵", "丹心"]
BRAND_TAILS = ["引擎", "驿站", "管家", "护航", "直通车", "服务队", "讲堂", "堡垒", "领航", "桥梁", "纽带", "名片",
               "工作室", "先锋岗", "加油站", "连心桥"]
BRAND_SUBJECTS = ["项目", "窗口", "服务", "安居", "账本", "税务", "医保", "档案", "书香", "绿盾", "安全", "法治",
                  "交通", "健康", "文旅", "数据", "科技", "民生", "就业", "生态"]
TAGS = ["窗口服务", "项目一线", "品牌矩阵", "志愿服务", "党建引领", "营商环境", "为民办实事", "青年理论学习",
        "清廉机关", "基层治理", "数字政务", "乡村振兴", "文明创建", "党员示范岗"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁"
GIVEN = ("建国 志强 晓明 丽华 海燕 伟 芳 秀英 文静 俊杰 雪梅 玉兰 红霞 春生 立新 永刚 嘉欣 思远 子涵 宇航 雨桐 "
         "清扬 明轩 若溪 一帆 慧琴 亚楠 静怡 云飞 建华 国庆 卫东 晓燕 丽娟 海波 志刚 婷婷 浩然 欣怡 博文").split()
POSITIONS = ["科长", "副科长", "窗口负责人", "支部书记", "一级主任科员", "二级主任科员", "业务骨干", "办公室主任",
             "党支部组织委员", "党支部宣传委员"]
ROLES = ["本报记者", "通讯员", "本报通讯员", "见习记者"]
STARS = ["学习型", "服务型", "奉献型", "廉洁自律型", "文明和谐型"]
STANDARDS = ["队伍坚强有力", "队伍先进纯洁", "党务健全规范", "作风勤政务实", "工作实绩突出", "群众满意"]
CATEGORIES = ["品牌先进典型案例", "红旗党支部", "五星党员标兵"]
PAGE_NAMES = ["党的建设", "要闻", "综合新闻", "基层一线", "民生"]
COLUMN_NAMES = ["三创先锋", "支部风采", "党员身边事", "品牌故事", "红旗飘飘", "星光闪耀", "一线见闻", "初心如磐",
                "机关新风", "实干担当", "为民服务", "堡垒坚强"]

TOPICS = ["理论学习", "主题党日", "党员示范岗", "志愿服务", "“三会一课”", "品牌创建", "为民办实事", "作风建设",
          "窗口服务", "项目攻坚", "基层调研", "结对共建", "清廉机关建设", "青年理论学习小组", "党员积分管理",
          "组织生活会", "谈心谈话", "业务培训", "政策宣讲", "服务企业"]
ACTIONS = ["把党员身份亮在窗口", "把支部建在项目上", "把服务送到群众家门口", "建立问题清单和责任清单",
           "推行“一次告知、一窗受理”", "开展“党员带头、全员参与”活动", "组建党员突击队攻坚克难",
           "定期召开支部书记交流会", "推出“周末不打烊”预约服务", "编写业务“明白卡”",
           "建立季度讲评和年度评议制度", "把党课讲到一线", "与社区党组织结对共建", "设立党员责任区",
           "开展“比学赶超”岗位练兵", "实行首问负责和限时办结", "梳理高频事项办事指南", "建立群众意见快速响应机制"]
RESULTS = ["群众满意度明显提升", "办事时间压缩了一半以上", "一批难题得到解决", "党员作用发挥更加充分",
           "支部凝聚力战斗力不断增强", "工作效能持续提高", "得到服务对象的一致好评", "形成了可复制的经验",
           "带动了全系统的工作", "业务工作和党建工作实现双提升", "多项工作走在全市前列"]
GOALS = ["推动党建和业务深度融合", "提升服务群众水平", "建设模范机关", "优化营商环境", "服务中心大局",
         "锻造过硬党员队伍", "激发党员干部干事创业热情", "打通服务群众“最后一公里”"]
PLACES = ["服务大厅", "项目现场", "社区", "企业车间", "田间地头", "综合窗口", "展厅", "会议室", "调解室", "档案库房"]
HEADINGS = ["把支部建在一线", "让群众少跑腿", "一个窗口一面旗", "党员带头攻难关", "小切口做出大文章", "制度管长远",
            "青年党员挑大梁", "服务有温度", "共建聚合力", "从“有形”到“有效”", "用心用情办实事", "把难题当课题",
            "创建永远在路上", "亮身份作表率", "比学赶超当先锋", "把经验变成制度", "数字赋能提效率", "守好群众的“钱袋子”",
            "一张清单管到底", "支部书记走在前"]
QUOTES = ["群众的事再小也是大事，我们多跑一步，群众就少跑一趟", "党员就要在关键时刻站得出来、顶得上去",
          "品牌不是挂在墙上的牌子，而是落在群众心里的口碑", "支部有凝聚力，干事才有战斗力",
          "把每一件小事办好，就是对初心最好的践行", "服务没有终点，只有一个个新的起点",
          "创建工作要经得起群众评判", "我们要让每一名党员都成为一面旗帜"]


VARY = 0.04
COMMON_HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3500)]


class Words:
    """Seeded choices over the vocabulary; every record draws from its own Random."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def pick(self, items):
        return self.rng.choice(items)

    def person(self) -> str:
        return self.pick(SURNAMES) + self.pick(GIVEN)

    def sentence(self, unit: str) -> str:
        r, p = self.rng, self.pick
        forms = [
            lambda: f"{unit}坚持把{p(TOPICS)}作为{p(GOALS)}的重要抓手，{p(ACTIONS)}，{p(RESULTS)}。",
            lambda: f"近年来，支部围绕{p(TOPICS)}，{p(ACTIONS)}，累计开展活动{r.randint(12, 380)}场次。",
            lambda: f"在{p(PLACES)}，{r.randint(3, 60)}名党员{p(ACTIONS)}，{p(RESULTS)}。",
            lambda: f"“{p(QUOTES)}。”{self.person()}说。",
            lambda: f"{r.randint(2015, 2024)}年以来，{unit}{p(ACTIONS)}，服务群众{r.randint(2, 90)}万人次，{p(RESULTS)}。",
            lambda: f"支部书记{self.person()}介绍，{p(TOPICS)}和{p(TOPICS)}结合起来抓，{p(RESULTS)}。",
            lambda: f"针对群众反映集中的问题，支部{p(ACTIONS)}，并{p(ACTIONS)}，{r.randint(60, 99)}%的事项实现当场办结。",
            lambda: f"为{p(GOALS)}，{unit}还{p(ACTIONS)}，让党建工作看得见、摸得着、有实效。",
            lambda: f"通过{p(TOPICS)}，党员干部{p(ACTIONS)}的自觉性明显增强，{p(RESULTS)}。",
        ]
        return self.pick(forms)()

    def paragraph(self, unit: str, sentences: int) -> str:
        return "".join(self.sentence(unit) for _ in range(sentences))

    def body(self, unit: str, target_chars: int, extra: str = "") -> str:
        """Markdown of about `target_chars` characters: a lead, sections of paragraphs, a quote, a list."""
        parts = [self.paragraph(unit, 3)]
        headings = self.rng.sample(HEADINGS, 4)
        size, section = len(parts[0]), 0
        while size < target_chars:
            if section < len(headings) and (section == 0 or self.rng.random() < 0.45):
                parts.append(f"## {headings[section]}")
                section += 1
            text = self.paragraph(unit, self.rng.randint(3, 5))
            parts.append(text)
            size += len(text)
            if section == 2 and not any(p.startswith(">") for p in parts):
                quote = f"> “{self.pick(QUOTES)}。”"
                parts.append(quote)
                size += len(quote)
            if section == 3 and not any(p.startswith("1.") for p in parts):
                items = "\n".join(f"{i}. {self.pick(ACTIONS)}，{self.pick(RESULTS)}。" for i in range(1, 4))
                parts.append(items)
                size += len(items)
        if extra:
            parts.insert(2, extra)
        return self.vary("\n\n".join(parts) + "\n")

    def vary(self, text: str) -> str:
        """Swap ~4% of the Chinese characters for others (as benchmarks/search_bench.py does): a real
        archive's vocabulary keeps growing — names, places, terms — where a phrase grammar repeats
        itself, which would flatter every text-dependent cost (search indexing, jieba, Markdown)."""
        r = self.rng
        return "".join(r.choice(COMMON_HAN) if "\u4e00" <= ch <= "\u9fff" and r.random() < VARY else ch
                       for ch in text)


# ---- images ------------------------------------------------------------------------------------------

def write_photo(path: Path, seed: int, size=(800, 600)) -> None:
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randrange(120, 230), rng.randrange(80, 200), rng.randrange(60, 180)))
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        w, h = rng.randrange(40, 260), rng.randrange(40, 200)
        draw.rectangle((x, y, x + w, y + h), fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=82)


def write_logo(path: Path, seed: int) -> None:
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 230, 230), fill=(200 + rng.randrange(40), 20, 30, 255))
    draw.ellipse((70, 70, 170, 170), fill=(250, 200 + rng.randrange(40), 40, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")


# ---- the corpus ----------------------------------------------------------------------------------------

def plan_counts(pages: int) -> dict:
    units = max(8, round(pages * 0.02))
    notices = max(2, round(pages * 0.01))
    competitions = max(1, round(pages * 0.002))
    honors = max(3, round(pages * 0.01))
    brands = max(12, round(pages * 0.15))
    exemplars = max(9, round(pages * 0.20))
    articles = max(10, pages - units - notices - competitions - honors - brands - exemplars)
    return {"units": units, "brands": brands, "exemplars": exemplars, "honors": honors,
            "competitions": competitions, "notices": notices, "articles": articles}


def yaml_list(items) -> str:
    return "[" + ", ".join(items) + "]"


def make_corpus(out: Path, pages: int, seed: int = 1) -> dict:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    project, reference = out / "showcase", out / "reference"
    content, docs = project / "content", reference / "docs"
    content.mkdir(parents=True)
    docs.mkdir(parents=True)
    counts = plan_counts(pages)
    rng = random.Random(seed)
    ref_pages: dict[str, list[tuple[str, str]]] = {}  # section → [(title, path)]
    images = 0

    def ref_page(section: str, rel: str, title: str, fields: list[tuple[str, str]], body: str) -> None:
        lines = [f"# {title}", ""] + [f"- **{k}**：{v}" for k, v in fields if v] + ["", body]
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")
        ref_pages.setdefault(section, []).append((title, rel))

    def copy_image(src: Path, rel: str) -> None:
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)

    # units
    units = []
    for i in range(counts["units"]):
        full, short = DEPARTMENTS[i % len(DEPARTMENTS)]
        if i >= len(DEPARTMENTS):
            district = DISTRICTS[(i // len(DEPARTMENTS) - 1) % len(DISTRICTS)]
            full, short = f"{full}{district}分局", f"{short}{district}分局"
        units.append({"id": f"dw{i + 1:03d}", "name": f"云川市{full}", "short": f"市{short}", "order": i + 1})
    with (content / "units.yml").open("w", encoding="utf-8") as f:
        f.write("# 合成单位名录（benchmarks/make_corpus.py）\n")
        for u in units:
            f.write(f"- id: {u['id']}\n  name: {u['name']}\n  short_name: {u['short']}\n  order: {u['order']}\n")
            ref_page("units", f"units/{u['id']}/index.md", u["name"], [("简称", u["short"])],
                     f"{u['name']}的党建品牌、先进典型和专栏报道。\n")
    (content / "newspapers.yml").write_text("- id: ycrb\n  name: 云川日报\n", encoding="utf-8")

    # brands
    brands = []
    for i in range(counts["brands"]):
        r = random.Random(seed * 1_000_003 + i)
        w = Words(r)
        unit = units[i % len(units)]
        brand = {"id": f"pp{i + 1:04d}", "unit": unit,
                 "title": f"{w.pick(BRAND_SUBJECTS)}{w.pick(BRAND_HEADS)}·{w.pick(BRAND_HEADS)}{w.pick(BRAND_TAILS)}"}
        roots = [b for b in brands[-30:] if b["unit"] is unit and "parent" not in b]
        if roots and r.random() < 0.25:
            brand["parent"] = roots[0]["id"]
        brands.append(brand)
        folder = content / "brands" / brand["id"]
        fm = [f"title: {brand['title']}", f"unit: {unit['id']}",
              f"branch: {unit['name']}{w.pick(BRANCH_KINDS)}党支部",
              f"slogan: {w.pick(ACTIONS)}", f"launched: {date(2016, 1, 1) + timedelta(days=r.randrange(2500))}",
              f"tags: {yaml_list(r.sample(TAGS, 3))}", "metrics:",
              f"  - {{label: 党员志愿服务时长, value: {r.randint(2, 90) / 10}, unit: 万小时, as_of: 2023-12-31}}",
              f"  - {{label: 服务群众, value: {r.randint(3, 200)}, unit: 万人次, as_of: 2023-12-31}}"]
        if "parent" in brand:
            fm.append(f"parent: {brand['parent']}")
        ref_body_images = []
        if i % 10 == 3:
            write_logo(folder / "logo.png", seed * 7 + i)
            fm += ["logo: logo.png", f"logo_meaning: 标识以红色圆环环抱金色圆心，寓意{w.pick(GOALS)}。"]
            copy_image(folder / "logo.png", f"brands/{brand['id']}/logo.png")
            ref_body_images.append("![品牌标识](logo.png)")
            images += 1
        if i % 15 == 7:
            fm.append("gallery:")
            for k in (1, 2):
                write_photo(folder / f"photo-{k}.jpg", seed * 11 + i * 3 + k)
                fm.append(f"  - {{src: photo-{k}.jpg, caption: {w.pick(PLACES)}里的党员志愿者, credit: {unit['short']}供图}}")
                copy_image(folder / f"photo-{k}.jpg", f"brands/{brand['id']}/photo-{k}.jpg")
                ref_body_images.append(f"![活动照片](photo-{k}.jpg)")
                images += 1
        if i % 20 == 0:
            fm.append("featured: true")
        body = w.body(unit["short"], 2500)
        write_md(folder / "index.md", fm, body)
        ref_page("brands", f"brands/{brand['id']}/index.md", brand["title"],
                 [("单位", unit["name"]), ("口号", fm[3].split(": ", 1)[1])],
                 "\n\n".join(ref_body_images + [body]))

    # exemplars
    exemplars = {"brand_exemplar": [], "red_flag_branch": [], "five_star_member": []}
    kinds = ["brand_exemplar"] * 25 + ["red_flag_branch"] * 35 + ["five_star_member"] * 40
    for i in range(counts["exemplars"]):
        r = random.Random(seed * 2_000_003 + i)
        w = Words(r)
        kind = kinds[(i * 37) % 100]
        unit = units[(i * 7) % len(units)]
        ex_id = f"dx{i + 1:04d}"
        branch = f"{unit['name']}{w.pick(BRANCH_KINDS)}党支部"
        fm = [f"kind: {kind}", f"unit: {unit['id']}", f"branch: {branch}"]
        if kind == "brand_exemplar":
            brand = brands[(i * 13) % len(brands)]
            title = f"{brand['unit']['short']}“{brand['title']}”"
            fm = [f"kind: {kind}", f"unit: {brand['unit']['id']}", f"brand: {brand['id']}", f"branch: {branch}"]
        elif kind == "red_flag_branch":
            title = branch
            fm.append(f"standards: {yaml_list(r.sample(STANDARDS, 4))}")
        else:
            name = w.person()
            title = name
            fm += [f"person: {{name: {name}, position: {unit['short']}{w.pick(POSITIONS)}}}",
                   f"stars: {yaml_list(r.sample(STARS, r.randint(3, 5)))}"]
        headline = f"{w.pick(ACTIONS)}的{w.pick(['排头兵', '领头雁', '贴心人', '先锋队', '主心骨'])}"
        fm = [f"title: {title}"] + fm + [f"headline: {headline}",
                                         f"summary: {w.paragraph(unit['short'], 2)}"]
        folder = content / "exemplars" / ex_id
        ref_images = []
        if i % 12 == 5:
            write_photo(folder / "photo.jpg", seed * 13 + i, size=(600, 800))
            fm.append(f"photo: {{src: photo.jpg, caption: {w.pick(PLACES)}里的工作场景, consent: true}}")
            copy_image(folder / "photo.jpg", f"exemplars/{ex_id}/photo.jpg")
            ref_images.append("![照片](photo.jpg)")
            images += 1
        body = "## 事迹材料\n\n" + w.body(unit["short"], 2000)
        write_md(folder / "index.md", fm, body)
        exemplars[kind].append({"id": ex_id, "title": title, "unit": unit})
        ref_page("exemplars", f"exemplars/{ex_id}/index.md", title, [("单位", unit["name"]), ("事迹", headline)],
                 "\n\n".join(ref_images + [body]))

    # honor batches: each exemplar is awarded by one batch of its kind
    kind_cycle = list(exemplars)
    batches = [(kind_cycle[b % 3], 2016 + b // 3) for b in range(counts["honors"])]
    for b, (kind, year) in enumerate(batches):
        members = exemplars[kind][b // 3::max(1, (counts["honors"] + 2 - b % 3) // 3)]
        label = {"brand_exemplar": "党建品牌先进典型", "red_flag_branch": "红旗党支部", "five_star_member": "五星党员标兵"}[kind]
        title = f"{year}年度市级机关{label}"
        lines = [f"title: {title}", f"type: {kind}", f"year: {year}", f"label: {year}年度",
                 f"doc_no: 云直工〔{year + 1}〕{b + 1}号", f"decided_on: {year + 1}-01-{10 + b % 18:02d}",
                 f"official_count: {len(members) + 3}", "awards:"]
        for m in members:
            lines.append(f"  - {{ref: {m['id']}, name: \"{m['unit']['short']}{m['title'] if kind != 'brand_exemplar' else ''}\", unit: {m['unit']['id']}}}")
        lines.append(f"  - {{ref: null, name: {units[b % len(units)]['short']}综合党支部, unit: {units[b % len(units)]['id']}}}")
        (content / "honors").mkdir(exist_ok=True)
        (content / "honors" / f"hb-{b + 1:03d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        ref_page("honors", f"honors/hb-{b + 1:03d}/index.md", title, [("文号", f"云直工〔{year + 1}〕{b + 1}号")],
                 "\n".join(f"1. {m['unit']['short']} {m['title']}" for m in members) + "\n")

    # competitions
    (content / "competitions").mkdir()
    for c in range(counts["competitions"]):
        r = random.Random(seed * 3_000_003 + c)
        entries = [brands[(c * 10 + k) % len(brands)] for k in range(10)]
        year = 2018 + c
        lines = [f"title: {year}年市直机关党建品牌展示赛", f"date: {year}-04-21", "venue: 市民之家报告厅",
                 "summary: 展示赛分初赛和决赛两个阶段进行，进入决赛的10支队伍均获奖。", "rounds:",
                 f"  - {{id: prelim, name: 初赛, format: 材料评审, date: {year}-03-20, aggregation: mean, weight: 0.4}}",
                 f"  - {{id: final, name: 决赛, format: 现场展示, date: {year}-04-21, aggregation: trimmed_mean, weight: 0.6, time_limit: 8}}",
                 "criteria:", "  - {name: 品牌内涵, max: 30}", "  - {name: 创建举措, max: 30}",
                 "  - {name: 工作成效, max: 25}", "  - {name: 展示效果, max: 15}", "judges:"]
        lines += [f"  - {{id: j{j}, name: 评委{'一二三四五六七'[j - 1]}, title: 党建工作专家}}" for j in range(1, 8)]
        lines.append("entries:")
        order = list(range(1, 11))
        r.shuffle(order)
        for k, brand in enumerate(entries):
            lines.append(f"  - {{id: e{k + 1:02d}, brand: {brand['id']}, unit: {brand['unit']['id']}, "
                         f"order: {order[k]}, presenter: {Words(r).person()}}}")
        lines += ["tiers:", "  - {name: 一等奖, quota: 2}", "  - {name: 二等奖, quota: 3}", "  - {name: 三等奖, quota: 5}",
                  "publish_scores: false", "scores:"]
        for rnd in ("prelim", "final"):
            for k in range(10):
                for j in range(1, 8):
                    lines.append(f"  - {{round: {rnd}, entry: e{k + 1:02d}, judge: j{j}, values: "
                                 f"{{品牌内涵: {r.randint(22, 30)}, 创建举措: {r.randint(22, 30)}, "
                                 f"工作成效: {r.randint(18, 25)}, 展示效果: {r.randint(10, 15)}}}}}")
        cid = f"show-{year}"
        (content / "competitions" / f"{cid}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        ref_page("competitions", f"competitions/{cid}/index.md", f"{year}年市直机关党建品牌展示赛",
                 [("日期", f"{year}-04-21")], "\n".join(f"1. {b['title']}" for b in entries) + "\n")

    # notices
    (content / "notices").mkdir()
    for n in range(counts["notices"]):
        w = Words(random.Random(seed * 4_000_003 + n))
        day = date(2018, 3, 1) + timedelta(days=n * 53)
        title = f"关于{day.year}年度市级机关先进典型拟表彰对象的公示（第{n + 1}号）"
        body = w.body("市直机关工委", 600)
        write_md(content / "notices" / f"gs-{n + 1:03d}.md",
                 [f"title: {title}", f"date: {day}", "kind: 公示",
                  f"period: {{start: {day}, end: {day + timedelta(days=6)}}}"], body)
        ref_page("notices", f"notices/gs-{n + 1:03d}/index.md", title, [("日期", str(day))], body)

    # columns and articles
    per_column = 400
    columns = max(1, -(-counts["articles"] // per_column))
    with (content / "columns.yml").open("w", encoding="utf-8") as f:
        for c in range(columns):
            count = min(per_column, counts["articles"] - c * per_column)
            name = COLUMN_NAMES[c % len(COLUMN_NAMES)] + (f"（{c // len(COLUMN_NAMES) + 1}）" if c >= len(COLUMN_NAMES) else "")
            f.write(f"- id: zl{c + 1:02d}\n  name: {name}\n  newspaper: ycrb\n  started_on: {date(2012 + c % 8, 3, 1)}\n"
                    f"  planned_total: {count + 20}\n  categories: [{', '.join(CATEGORIES)}]\n  numbering: \"之{{cn}}\"\n"
                    f"  intro: 本报与市直机关工委联合开设“{name}”专栏，讲述支部和党员的创建故事。\n")
    all_related = [b["id"] for b in brands] + [e["id"] for ex in exemplars.values() for e in ex]
    for i in range(counts["articles"]):
        r = random.Random(seed * 5_000_003 + i)
        w = Words(r)
        c, number = divmod(i, per_column)
        number += 1
        day = date(2012 + c % 8, 3, 1) + timedelta(days=number * 2 + r.randrange(2))
        unit = units[(i * 11) % len(units)]
        article_id = f"zl{c + 1:02d}-{number:04d}"
        title = f"{w.pick(HEADINGS)} {w.pick(ACTIONS)}"
        related = [all_related[(i * 17 + k * 5) % len(all_related)] for k in range(2)] + [unit["id"]]
        fm = [f"title: {title}", f"column: zl{c + 1:02d}", f"series_no: {number}",
              f"lead_title: {unit['short']}{w.pick(TOPICS)}见闻", f"date: {day}",
              f"page: \"{r.randint(1, 8):02d}\"", f"page_name: {w.pick(PAGE_NAMES)}", f"issue: 第{10000 + i}期",
              "bylines:", f"  - {{name: {w.person()}, role: {ROLES[0]}}}", f"  - {{name: {w.person()}, role: {ROLES[1]}}}",
              f"category: {CATEGORIES[i % 3]}", f"related: {yaml_list(dict.fromkeys(related))}", "rights: full_text",
              f"summary: {w.paragraph(unit['short'], 2)}"]
        extra, folder = "", content / "column" / str(day.year)
        path = folder / f"{article_id}.md"
        ref_rel = f"column/{day.year}/{article_id}/index.md"
        if i % 30 == 11:
            path = folder / article_id / "index.md"
            write_photo(path.parent / "photo.jpg", seed * 17 + i)
            copy_image(path.parent / "photo.jpg", f"column/{day.year}/{article_id}/photo.jpg")
            extra = f"![{w.pick(PLACES)}里的党员]({'photo.jpg'} \"{unit['short']}党员在{w.pick(PLACES)}服务群众\")"
            images += 1
        body = w.body(unit["short"], 3000, extra)
        write_md(path, fm, body)
        ref_page("column", ref_rel, title, [("见报日期", str(day)), ("单位", unit["name"])], body)

    (content / "campaign.yml").write_text(
        "figures:\n"
        f"  - {{kind: brand_exemplar, official: {len(exemplars['brand_exemplar']) + 10}, as_of: 2023-04-21, source: 工作报告}}\n"
        f"  - {{kind: red_flag_branch, official: {len(exemplars['red_flag_branch']) + 10}, as_of: 2023-04-21, source: 工作报告}}\n"
        f"  - {{kind: five_star_member, official: {len(exemplars['five_star_member']) + 10}, as_of: 2023-04-21, source: 工作报告}}\n",
        encoding="utf-8")
    (content / "index.md").write_text("---\ntitle: 首页\n---\n\n市直机关“三创”活动展示（合成数据，用于性能测试）。\n",
                                      encoding="utf-8")
    write_showcase_config(project)
    write_reference(reference, ref_pages)
    record_pages = sum(len(v) for v in ref_pages.values())
    summary = {"pages": pages, "seed": seed, "record_pages": record_pages, "images": images, **counts,
               "columns": columns}
    (out / "corpus.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


def write_md(path: Path, front: list[str], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + "\n".join(front) + "\n---\n\n" + body, encoding="utf-8")


def write_showcase_config(project: Path) -> None:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


SECTIONS = [("brands", "党建品牌"), ("exemplars", "先进典型"), ("honors", "荣誉榜"), ("competitions", "品牌展示赛"),
            ("column", "日报专栏"), ("units", "单位"), ("notices", "公示公告")]


def write_reference(reference: Path, ref_pages: dict) -> None:
    """Plain MkDocs + Material: section pages list their items; the nav holds only the sections."""
    docs = reference / "docs"
    (docs / "index.md").write_text("# 首页\n\n市直机关“三创”活动展示（合成数据）。\n", encoding="utf-8")
    nav = ["  - 首页: index.md"]
    for section, name in SECTIONS:
        items = ref_pages.get(section, [])
        listing = "\n".join(f"- [{title}]({Path(rel).relative_to(section).as_posix()})" for title, rel in items)
        (docs / section).mkdir(exist_ok=True)
        (docs / section / "index.md").write_text(f"# {name}\n\n{listing}\n", encoding="utf-8")
        nav.append(f"  - {name}: {section}/index.md")
    (reference / "mkdocs.yml").write_text(
        "site_name: 云川市直机关“三创”展示（参照）\n"
        "docs_dir: docs\n"
        "site_dir: site\n"
        "use_directory_urls: true\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n"
        "  features:\n    - navigation.tabs\n    - navigation.indexes\n"
        "nav:\n" + "\n".join(nav) + "\n"
        "validation:\n  nav:\n    omitted_files: ignore\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - tables\n  - admonition\n  - toc\n"
        "plugins:\n  - search\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000, help="record pages (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    summary = make_corpus(args.out, args.pages, args.seed)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
