"""Text lint: what a government site is faulted for, and Chinese typography.

Errors (a reader would see a broken or wrong text):
- scraped/masked artifacts: `**` inside words (中国**党), placeholders (习xx, ××局, XX单位, x委),
  pinyin left for masked words (dangwei), years with a blank (20_年);
- names from the names list (content/names.yml) written in a known wrong way.

Warnings, fixable by `showcase check --fix` (purely typographic):
- half-width , ; : ? ! between Chinese characters, ( ) around Chinese text;
- straight quotes "…" '…' around Chinese text; ... or 。。。 for the Chinese ellipsis ……;
- the year of a 文号 in [ ] ［ ］ 【 】 ( ): 云直工[2023]8号 → 云直工〔2023〕8号
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from showcase.lint.findings import ERROR, WARNING, Finding
from showcase.lint.names import NameRule
from showcase.lint.segments import Segment

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
LEFT = HAN + "”’）》」』】"  # may stand before Chinese punctuation
RIGHT = HAN + "“‘（《「『【"  # may follow it
FIX_HINT = "可运行 showcase check --fix 自动修改"

FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
PUNCT_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号"}
PINYIN = {  # pinyin a scraper left for a masked word → the word
    "dangwei": "党委", "dangzu": "党组", "dangjian": "党建", "dangyuan": "党员", "dangzhibu": "党支部",
    "dangzuzhi": "党组织", "dangzhang": "党章", "dangxing": "党性", "zhibu": "支部", "gongwei": "工委",
    "jiwei": "纪委", "gongchandang": "共产党", "shuji": "书记",
}
_PINYIN = re.compile(r"(?<![A-Za-z])(" + "|".join(
    sorted(PINYIN, key=len, reverse=True)) + r")(?![A-Za-z])", re.I)
_STARS = re.compile(r"\*{2,}")
_MASKED_WORDS = re.compile(r"中国\*{2,}党|\*{2,}主义|习\*{2,}(?=[总同主书])")
_TIMES = re.compile(r"×{2,}")
_XX = re.compile(rf"(?<![A-Za-z0-9_])[xX]{{2,}}(?![A-Za-z0-9_])")
_X_ORGAN = re.compile(r"(?<![A-Za-z0-9_×])[xX×](?=[委市县区局省厅部办镇乡村])")
_BLANK_NUMBER = re.compile(r"\d{0,3}_+\d{0,3}(?=[年月日号届次期])")
_HALF_PUNCT = re.compile(rf"(?<=[{LEFT}])([,;:?!])[ \t]*(?=[{RIGHT}])")
_PARENS = re.compile(r"\(([^()\n]{1,80})\)")
_DOUBLE = re.compile(r'"([^"\n]*)"')
_SINGLE = re.compile(r"'([^'\n]*)'")
_DOC_YEAR = re.compile(rf"(?<=[{HAN}])[\[［【(]\s*((?:19|20)\d{{2}})\s*[\]］】)](?=\s*\d+\s*号)")
_ELLIPSIS = re.compile(rf"(?:\.{{3,}}|。{{2,}}|(?<!…)…(?!…))")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    level: str
    message: str
    hint: str
    fix: str | None = None


_HAN_CHAR = re.compile(f"[{HAN}]")
_CLASSES = {HAN: _HAN_CHAR, LEFT: re.compile(f"[{LEFT}]"), RIGHT: re.compile(f"[{RIGHT}]"),
            LEFT + "，。": re.compile(f"[{LEFT}，。]")}


def has_han(text: str) -> bool:
    return _HAN_CHAR.search(text) is not None


def _han_at(text: str, index: int, chars: str = HAN) -> bool:
    return 0 <= index < len(text) and _CLASSES[chars].match(text[index]) is not None


# ---- errors: artifacts and placeholders ---------------------------------------------------------

def artifact_hits(text: str, markdown: bool) -> list[Hit]:
    """What a scraper or a template left in the text: masked words, stray **, placeholders."""
    return _star_hits(text, markdown) + _placeholder_hits(text)


def _star_hits(text: str, markdown: bool) -> list[Hit]:
    hits = []
    star_hint = "核对原文，补全被屏蔽的文字（抓取的网页常把敏感词替换成 **）"
    stars = "**" in text  # cheap substring tests first: most lines have none of these
    for match in _MASKED_WORDS.finditer(text) if stars else ():
        hits.append(Hit(match.start(), match.end(), ERROR, f"疑似屏蔽残留“{match.group(0)}”", star_hint))
    runs = list(_STARS.finditer(text)) if stars else []
    if markdown:
        # Bold is **paired** on a line; an odd one out inside a word is what a scraper left.
        pairs = [m for m in runs if len(m.group(0)) in (2, 3)]
        if len(pairs) % 2 == 1:
            inside = [m for m in pairs if _han_at(text, m.start() - 1) and _han_at(text, m.end())]
            runs = inside[-1:] if inside else []
        else:
            runs = [m for m in runs if len(m.group(0)) > 3]
    else:
        # Text fields are no Markdown: any ** between characters is an artifact.
        runs = [m for m in runs if m.start() > 0 and m.end() < len(text)
                and not text[m.start() - 1].isspace() and not text[m.end()].isspace()]
    for match in runs:
        around = text[max(0, match.start() - 2):match.end() + 2]
        hits.append(Hit(match.start(), match.end(), ERROR, f"疑似屏蔽残留“{around.strip()}”", star_hint))
    return hits


def _placeholder_hits(text: str) -> list[Hit]:
    hits = []
    lower = text.lower()
    for match in _TIMES.finditer(text) if "××" in text else ():
        hits.append(Hit(match.start(), match.end(), ERROR, f"占位符“{match.group(0)}”未替换",
                        "填写实际的名称或数字"))
    for match in _XX.finditer(text) if "xx" in lower else ():
        if _han_at(text, match.start() - 1) or _han_at(text, match.end()):
            around = text[max(0, match.start() - 1):match.end() + 1].strip()
            hits.append(Hit(match.start(), match.end(), ERROR, f"占位符“{match.group(0)}”未替换（“{around}”）",
                            "填写实际的名称或数字（抓取的网页常把人名、地名换成 xx）"))
    for match in _X_ORGAN.finditer(text) if ("x" in lower or "×" in text) else ():
        word = text[match.start():match.end() + 1]
        hits.append(Hit(match.start(), match.end() + 1, ERROR, f"疑似被屏蔽的机构名“{word}”",
                        "核对原文，写出完整名称（如“市委”“党委”）"))
    for match in _PINYIN.finditer(text) if any(word in lower for word in PINYIN) else ():
        word = re.sub(r"\s", "", match.group(1)).lower()
        hits.append(Hit(match.start(), match.end(), ERROR, f"正文里有拼音“{match.group(1)}”，疑似屏蔽词残留",
                        f"改为汉字“{PINYIN.get(word, '')}”"))
    for match in _BLANK_NUMBER.finditer(text) if "_" in text else ():
        word = text[match.start():match.end() + 1]
        hits.append(Hit(match.start(), match.end(), ERROR, f"“{word}”中的数字不完整",
                        "补全数字，如“2023年”"))
    return hits


# ---- warnings: typography (fixable) -------------------------------------------------------------

def typography_hits(text: str) -> list[Hit]:
    hits = []
    for match in _HALF_PUNCT.finditer(text) if any(mark in text for mark in FULLWIDTH) else ():
        mark = match.group(1)
        hits.append(Hit(match.start(), match.end(), WARNING,
                        f"中文之间用了半角{PUNCT_NAMES[mark]}“{mark}”",
                        f"改为全角“{FULLWIDTH[mark]}”；{FIX_HINT}", FULLWIDTH[mark]))
    for match in _PARENS.finditer(text) if "(" in text else ():
        inner = match.group(1)
        if has_han(inner) and (_han_at(text, match.start() - 1, LEFT) or _han_at(inner, 0)
                               or _han_at(text, match.end(), RIGHT) or _han_at(inner, len(inner) - 1)):
            hits.append(Hit(match.start(), match.end(), WARNING, f"中文里用了半角括号“{match.group(0)}”",
                            f"改为全角“（{inner}）”；{FIX_HINT}", f"（{inner}）"))
    for pattern, open_, close, name in ((_DOUBLE, "“", "”", "双引号"), (_SINGLE, "‘", "’", "单引号")):
        quote = pattern.pattern[0]
        paired = []
        for match in pattern.finditer(text):
            inner = match.group(1)
            if has_han(inner):
                paired.append(match.span())
                hits.append(Hit(match.start(), match.end(), WARNING,
                                f"中文里用了直{name}{quote}{_short(inner)}{quote}",
                                f"改为{open_}{_short(inner)}{close}；{FIX_HINT}", f"{open_}{inner}{close}"))
        if quote == '"' and text.count('"') % 2:
            for index in (i for i, char in enumerate(text) if char == quote):
                if not any(a <= index < b for a, b in paired) and (_han_at(text, index - 1) or _han_at(text, index + 1)):
                    hits.append(Hit(index, index + 1, WARNING, "中文里有一个不成对的直引号\"",
                                    "改为中文引号“”，并检查另一半是否丢失"))
    for match in _DOC_YEAR.finditer(text) if ("[" in text or "［" in text or "【" in text or "(" in text) else ():
        year = match.group(1)
        hits.append(Hit(match.start(), match.end(), WARNING, f"文号里的年份写成了“{match.group(0)}”",
                        f"文号的年份用六角括号：改为“〔{year}〕”；{FIX_HINT}", f"〔{year}〕"))
    for match in _ELLIPSIS.finditer(text) if ("..." in text or "。。" in text or "…" in text) else ():
        if _han_at(text, match.start() - 1, LEFT + "，。") or _han_at(text, match.end(), RIGHT):
            hits.append(Hit(match.start(), match.end(), WARNING, f"中文里的省略号写成了“{match.group(0)}”",
                            f"改为“……”；{FIX_HINT}", "……"))
    return hits


def _short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# ---- errors: names that must be written exactly -------------------------------------------------

def name_hits(text: str, rules: list[NameRule]) -> list[Hit]:
    hits = []
    for rule in rules:
        wrong, correct = rule.wrong, rule.correct
        start = text.find(wrong)
        while start != -1:
            end = start + len(wrong)
            # Where the wrong form is part of the correct name written right, it is no error.
            inside_correct = any(a <= start and end <= a + len(correct)
                                 for a in _occurrences(text, correct))
            if not inside_correct:
                hits.append(Hit(start, end, ERROR, f"名称“{wrong}”写法有误", f"应为“{correct}”（见名称表 names.yml）"))
            start = text.find(wrong, start + 1)
    return hits


def _occurrences(text: str, word: str) -> list[int]:
    found, start = [], text.find(word)
    while start != -1:
        found.append(start)
        start = text.find(word, start + 1)
    return found


# ---- segments → findings ------------------------------------------------------------------------

# Every character (or word) one of the checks above needs to find anything: most lines of Chinese prose
# have none of them and are done with one search (issue 10: the lint was half of `showcase check`).
# (Any ASCII letter stands for x and the pinyin words: one character class is one fast scan.)
_ANY_TRIGGER = re.compile(r"[A-Za-z*×_,;:?!(\"'.…\[［【]|。。")


def segment_findings(segment: Segment, rules: list[NameRule]) -> list[Finding]:
    if not _ANY_TRIGGER.search(segment.text) and not any(rule.wrong in segment.text for rule in rules):
        return []
    hits = artifact_hits(segment.text, segment.markdown) + name_hits(segment.text, rules) \
        + typography_hits(segment.text)
    findings, covered = [], []
    for hit in sorted(hits, key=lambda h: (h.start, h.level != ERROR)):
        if any(a <= hit.start < b for a, b in covered):
            continue  # one message for one slip (××委 is a placeholder, not also an organ)
        covered.append((hit.start, hit.end))
        line, col = segment.locate(hit.start, hit.end)
        findings.append(Finding(segment.path, line, hit.level, hit.message, hit.hint,
                                segment.text[hit.start:hit.end], segment.text, segment.record, col, hit.fix,
                                yaml=not segment.markdown or segment.col is None))
    return findings
