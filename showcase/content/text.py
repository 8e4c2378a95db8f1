"""Reading the files editors actually produce: BOM, CRLF, lone CR, GBK, NUL bytes, tabs, full-width
colons, and files too big to be content."""
from __future__ import annotations

import re
from pathlib import Path

from showcase.content.problems import Problems

FULLWIDTH_COLON_KEY = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s*：")
NO_SPACE_AFTER_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*):(?![\s/])(\S)")
MAX_FILE_BYTES = 1024 * 1024  # 50× the biggest demo file; bounds parsing time (docs/editors-guide.md)
LONE_CR = re.compile(r"\r(?!\n)")


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text, normalised to `\\n` line ends; None (with an error) if unreadable."""
    raw = _read_bounded(path, problems)
    if raw is None:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # Windows Notepad's BOM: harmless, dropped silently.
    if b"\0" in raw:
        problems.error(path, raw[: raw.index(b"\0")].count(b"\n") + 1, "文件里有 NUL 空字符（\\0）",
                       "这通常是 UTF-16 编码或损坏的文件：用记事本或 VS Code 另存为 UTF-8 编码")
        return None
    text = _decode(raw, path, problems)
    if text is None:
        return None
    lone = LONE_CR.search(text)
    if lone:
        line = len(re.split(r"\r\n|\r|\n", text[: lone.start()]))
        problems.warning(path, line, "文件用了旧式换行符（单独的 CR，老式 Mac 格式）",
                         "已按换行读取；请在编辑器里把换行符改为 LF 或 CRLF 后保存")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bounded(path: Path, problems: Problems) -> bytes | None:
    """At most MAX_FILE_BYTES (+1 to tell), so a huge file or a device never fills the memory."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        problems.error(path, 0, f"文件无法读取（{exc.strerror}）", "检查文件是否存在、是否有读取权限")
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.error(path, 1, f"文件太大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）",
                       "把内容拆成几个文件；图片、视频、PDF 等放在记录的文件夹里，在字段中引用")
        return None
    return raw


def _decode(raw: bytes, path: Path, problems: Problems) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        problems.error(path, line, "文件不是 UTF-8 编码，也无法按 GBK 读取",
                       "用记事本或 VS Code 打开，选择“另存为”并把编码设为 UTF-8")
        return None
    problems.warning(path, line, "文件不是 UTF-8 编码（按 GBK 读取）",
                     "请另存为 UTF-8 编码，以免他人打开时出现乱码")
    return text


def lint_yaml_source(text: str, path: Path, problems: Problems, first_line: int = 1) -> bool:
    """Spot the typing slips YAML itself reports badly. Returns False if parsing would be futile."""
    ok = True
    for number, line in enumerate(text.split("\n"), start=first_line):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.error(path, number, "YAML 的缩进里有制表符（Tab）",
                           "YAML 只能用空格缩进：把这一行开头的 Tab 换成空格")
            ok = False
        match = FULLWIDTH_COLON_KEY.match(line)
        if match:
            key = match.group(2)
            problems.error(path, number, f"字段名 {key} 后面用了全角冒号“：”",
                           f"改成半角冒号加空格：`{key}: …`")
            ok = False
        match = NO_SPACE_AFTER_COLON.match(line)
        if match and not line.strip().startswith("#"):
            key = match.group(2)
            problems.error(path, number, f"字段名 {key} 的冒号后面缺少空格",
                           f"在冒号后加一个空格：`{key}: …`")
            ok = False
    return ok
