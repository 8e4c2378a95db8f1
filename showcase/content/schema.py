"""The content model as data: every record kind, its fields, their types and meaning.

`validate.py` validates against these tables; the editors' guide documents them. Extending the
model means adding a `Field` here — field names are a contract with editors' files: never rename.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from showcase.kinds import EXEMPLAR_KINDS as EXEMPLAR_KIND_ROWS
from showcase.kinds import MEASURES


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # text | markdown | int | number | bool | date | datetime | id | ref | enum | file | path | list | object
    doc: str = ""
    required: bool = False
    choices: tuple = ()
    ref: tuple = ()  # kinds an id may point to (type "ref")
    item: "Field | None" = None  # element of a list
    fields: tuple = ()  # members of an object
    internal: bool = False  # internal by nature: never in the public edition


def F(name, type_, doc="", **kw) -> Field:
    for key in ("choices", "ref", "fields"):
        if key in kw and not isinstance(kw[key], tuple):
            kw[key] = tuple(kw[key]) if isinstance(kw[key], (list, tuple)) else (kw[key],)
    return Field(name, type_, doc, **kw)


def obj(name, doc, *fields, **kw) -> Field:
    return F(name, "object", doc, fields=fields, **kw)


def list_of(name, doc, item: Field, **kw) -> Field:
    return F(name, "list", doc, item=item, **kw)


STATUSES = ("draft", "review", "published", "retracted")
VISIBILITIES = ("public", "internal")
EXEMPLAR_KINDS = tuple(kind.name for kind in EXEMPLAR_KIND_ROWS)
HONOR_TYPES = EXEMPLAR_KINDS + ("other",)
# The evaluation standards when campaign.yml names none (its `standards` may set them by year; the
# allowed list is showcase/domain/standards.py's `allowed_standards`): the 工委's 红旗党支部 standard
# and the five stars of a 五星党员.
STARS = ("学习型", "服务型", "奉献型", "廉洁自律型", "文明和谐型")
RED_FLAG_STANDARDS = ("队伍坚强有力", "队伍先进纯洁", "党务健全规范", "作风勤政务实", "工作实绩突出", "群众满意")
DEFAULT_STANDARDS = {"red_flag_branch": RED_FLAG_STANDARDS, "five_star_member": STARS}
AGGREGATIONS = ("mean", "trimmed_mean", "sum")
RIGHTS = ("full_text", "summary_only")
NOTICE_KINDS = ("公示", "通知", "公告")

COMMON = (
    F("title", "text", "标题", required=True),
    F("status", "enum", "状态：draft 草稿 | review 待审 | published 已发布（默认）| retracted 已撤回",
      choices=STATUSES),
    F("visibility", "enum", "可见范围：public 公开（默认）| internal 仅内网版", choices=VISIBILITIES),
    F("publish_at", "datetime", "定时发布时间（北京时间），此前的构建不包含该记录"),
    list_of("corrections", "更正记录", obj("correction", "一条更正",
            F("date", "date", "更正日期", required=True), F("note", "text", "更正内容", required=True))),
    list_of("aliases", "旧网址（如 brands/old-id/），访问时跳转到本页", F("alias", "path")),
    obj("retraction", "撤回说明（status: retracted 时填写）",
        F("date", "date", "撤回日期", required=True), F("reason", "text", "撤回原因", required=True)),
    F("review_notes", "text", "审核意见（内部，永不公开）", internal=True),
    list_of("allow", "隐私检查的例外（须写明原因）", obj("allowance", "一条例外",
            F("match", "text", "允许出现的号码或文字", required=True),
            F("reason", "text", "允许的理由", required=True))),
)

METRIC = obj("metric", "一项数据",
             F("label", "text", "指标名称", required=True), F("value", "number", "数值", required=True),
             F("unit", "text", "单位"), F("as_of", "date", "统计截至日期", required=True))
IMAGE = obj("image", "一张图片",
            F("src", "file", "图片文件（与 index.md 同目录的相对路径）", required=True),
            F("caption", "text", "图片说明"), F("credit", "text", "来源/摄影"))

STANDARD_SET = obj("standard_set", "一套标准",
                   F("from", "int", "起始年度（评选年度从这一年起用这套标准；不写即一直适用）"),
                   list_of("items", "标准项", F("item", "text"), required=True))

KINDS: dict[str, tuple[Field, ...]] = {
    "unit": (
        F("id", "id", "单位标识（小写字母、数字、连字符），即网址", required=True),
        F("name", "text", "单位全称", required=True),
        F("short_name", "text", "简称（如 市文旅局）"),
        F("order", "int", "官方排序号，列表按它排序", required=True),
        list_of("former_names", "曾用名", obj("former_name", "一个曾用名",
                F("name", "text", "曾用名称", required=True), F("until", "date", "使用至"))),
        F("status", "enum", "状态", choices=STATUSES),
        F("visibility", "enum", "可见范围", choices=VISIBILITIES),
        list_of("aliases", "旧网址", F("alias", "path")),
    ),
    "newspaper": (
        F("id", "id", "报纸标识", required=True),
        F("name", "text", "报纸名称（不带书名号）", required=True),
    ),
    "column": (
        F("id", "id", "专栏标识（只有一个专栏时网址是 column/，有多个时是 column/<id>/）", required=True),
        F("name", "text", "专栏名称", required=True),
        F("newspaper", "ref", "合作报纸", required=True, ref="newspaper"),
        F("started_on", "date", "开栏日期", required=True),
        F("planned_total", "int", "计划篇数", required=True),
        list_of("categories", "栏目分类", F("category", "text")),
        F("numbering", "text", "印刷期号写法，{cn} 为中文数字，{n} 为阿拉伯数字，如 之{cn}"),
        F("intro", "markdown", "开栏的话（Markdown）"),
    ),
    "brand": COMMON + (
        F("unit", "ref", "所属单位", required=True, ref="unit"),
        F("branch", "text", "创建支部（党委）名称"),
        F("slogan", "text", "品牌口号"),
        F("logo", "file", "品牌标识图片（与 index.md 同目录）"),
        F("logo_meaning", "text", "标识释义"),
        F("launched", "date", "品牌创建日期"),
        F("parent", "ref", "上级品牌（“1+N”品牌矩阵中的“1”）", ref="brand"),
        list_of("tags", "标签", F("tag", "text")),
        list_of("metrics", "工作成效数据", METRIC),
        list_of("gallery", "图片集", IMAGE),
        F("featured", "bool", "在首页推荐"),
    ),
    "exemplar": COMMON + (
        F("kind", "enum", "典型类别：brand_exemplar 品牌先进典型 | red_flag_branch 红旗党支部 | "
          "five_star_member 五星党员标兵", required=True, choices=EXEMPLAR_KINDS),
        F("unit", "ref", "所属单位", required=True, ref="unit"),
        F("brand", "ref", "对应品牌（品牌先进典型必填）", ref="brand"),
        F("branch", "text", "所在支部"),
        obj("person", "人物（五星党员标兵）",
            F("name", "text", "姓名", required=True), F("position", "text", "职务")),
        list_of("stars", "五星（五星党员标兵）：须是 campaign.yml 的 standards.five_star_member 之一",
                F("star", "text")),
        list_of("standards", "达标项（红旗党支部）：须是 campaign.yml 的 standards.red_flag_branch 之一",
                F("standard", "text")),
        F("headline", "text", "一句话事迹"),
        F("summary", "text", "事迹简介"),
        obj("photo", "照片",
            F("src", "file", "图片文件", required=True), F("caption", "text", "图片说明"),
            F("consent", "bool", "本人已同意公开照片")),
    ),
    "honor": COMMON + (
        F("type", "enum", "评选类别", required=True, choices=HONOR_TYPES),
        F("year", "int", "年度", required=True),
        F("label", "text", "年度写法（如 2022年度、2021—2022年度）"),
        F("doc_no", "text", "文号（如 云直工〔2023〕5号）"),
        F("decided_on", "date", "发文日期"),
        F("official_count", "int", "文件公布的数量"),
        F("measure", "enum", "计数的量词：名（个人）或 个（集体、品牌）；不写时按评选类别，other 类的获奖者都链接到五星党员标兵时为“名”，否则为“个”",
          choices=MEASURES),
        list_of("awards", "获奖名单（按文件顺序）", obj("award", "一项表彰",
                F("ref", "ref", "对应的先进典型或品牌标识（没有页面时写 null）",
                  ref=("exemplar", "brand")),
                F("name", "text", "获奖名称（按文件原文）", required=True),
                F("unit", "ref", "所属单位", ref="unit"),
                obj("revoked", "撤销", F("date", "date", "撤销日期", required=True),
                    F("reason", "text", "撤销原因", required=True))), required=True),
    ),
    "competition": COMMON + (
        F("date", "date", "决赛日期", required=True),
        F("venue", "text", "地点"),
        F("summary", "text", "简介"),
        list_of("rounds", "赛程", obj("round", "一轮比赛",
                F("id", "id", "轮次标识", required=True), F("name", "text", "名称（初赛、决赛）", required=True),
                F("format", "text", "形式（材料评审、现场展示）"), F("date", "date", "日期"),
                F("aggregation", "enum", "汇总方式：mean 平均 | trimmed_mean 去掉最高最低分后平均 | sum 求和",
                  choices=AGGREGATIONS),
                F("weight", "number", "本轮权重（0–1）"), F("time_limit", "int", "展示时限（分钟）"),
                F("vote_weight", "number", "群众投票权重（0–1）"),
                F("score_step", "number", "本轮评分精度（如 0.5：只能打整数或半分；默认 1，现场评分按它校验）"))),
        list_of("criteria", "评分细则", obj("criterion", "一项评分标准",
                F("name", "text", "名称", required=True), F("max", "number", "满分", required=True),
                F("description", "text", "说明"),
                F("score_step", "number", "本项评分精度（如 0.5；不写时取所在轮次的 score_step，默认 1）"))),
        F("aggregation", "enum", "默认汇总方式", choices=AGGREGATIONS),
        list_of("judges", "评委（内部）", obj("judge", "一位评委",
                F("id", "id", "评委标识", required=True), F("name", "text", "姓名", required=True),
                F("title", "text", "身份")), internal=True),
        list_of("entries", "参赛队伍", obj("entry", "一支队伍",
                F("id", "id", "队伍标识", required=True), F("brand", "ref", "品牌", required=True, ref="brand"),
                F("unit", "ref", "单位", ref="unit"), F("order", "int", "决赛出场顺序"),
                F("presenter", "text", "展示人"), F("video", "file", "视频"), F("slides", "file", "演示文稿"),
                F("photo", "file", "展示照片"), F("vote", "number", "群众投票得分（百分制）"),
                F("award", "text", "直接指定的奖项（覆盖按名额评定）"))),
        list_of("scores", "评分（内部）", obj("score", "一位评委对一支队伍一轮的打分",
                F("round", "id", "轮次", required=True), F("entry", "id", "队伍", required=True),
                F("judge", "id", "评委", required=True), F("values", "object", "各项得分 {标准名: 分数}",
                                                          required=True)), internal=True),
        list_of("tiers", "奖项设置", obj("tier", "一个奖项",
                F("name", "text", "奖项名称", required=True), F("quota", "int", "名额", required=True))),
        F("publish_scores", "bool", "内网版公开评委打分明细"),
        obj("results_notice", "结果公示", F("start", "date", "公示开始", required=True),
            F("end", "date", "公示结束", required=True), F("note", "text", "说明")),
    ),
    "article": COMMON + (
        F("column", "ref", "所属专栏", required=True, ref="column"),
        F("series_no", "int", "专栏序号（1…计划篇数，栏内唯一）", required=True),
        F("marker", "text", "报纸上印的序号写法（如 之七十一、⑦），照印刷原样"),
        F("lead_title", "text", "引题"),
        F("subtitle", "text", "副题"),
        F("newspaper", "ref", "报纸（默认取专栏的合作报纸）", ref="newspaper"),
        F("date", "date", "见报日期", required=True),
        F("page", "text", "版次（字符串，如 \"03\"、\"A03\"）"),
        F("page_name", "text", "版名"),
        F("issue", "text", "期号"),
        list_of("bylines", "署名", obj("byline", "一位作者",
                F("name", "text", "姓名", required=True), F("role", "text", "身份（本报记者、通讯员…）"))),
        F("category", "text", "分类（须是专栏 categories 之一）"),
        list_of("related", "相关品牌、典型或单位的标识", F("id", "ref", ref=("brand", "exemplar", "unit"))),
        F("scan", "file", "版面图片或 PDF"),
        F("rights", "enum", "版权：full_text 全文 | summary_only 仅摘要", choices=RIGHTS),
        F("summary", "text", "摘要"),
    ),
    "notice": COMMON + (
        F("date", "date", "发布日期", required=True),
        F("kind", "enum", "类别", choices=NOTICE_KINDS),
        obj("period", "公示期", F("start", "date", "开始", required=True), F("end", "date", "结束", required=True)),
    ),
    "campaign": (
        list_of("figures", "官方累计数字", obj("figure", "一项官方数字",
                F("kind", "enum", "类别", required=True, choices=EXEMPLAR_KINDS),
                F("official", "int", "官方数字", required=True),
                F("as_of", "date", "截至日期", required=True), F("source", "text", "出处"))),
        obj("standards", "评选标准（不写时用默认：红旗党支部六项、五星党员五星）；标准变了就按起始年度再写一套",
            list_of("red_flag_branch", "红旗党支部的标准（达标项）", STANDARD_SET),
            list_of("five_star_member", "五星党员的五星", STANDARD_SET)),
    ),
}


def fields_of(kind: str) -> dict[str, Field]:
    return {f.name: f for f in KINDS[kind]}
