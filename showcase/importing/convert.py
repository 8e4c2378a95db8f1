"""Opening the material: .docx and .xlsx as they are, .doc/.wps (and .xls/.et) through LibreOffice's
`soffice --headless --convert-to` into a temp dir. A corrupt, password-protected or mislabelled file
becomes one clear `ImportFailed`, never a traceback.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from showcase.importing.messages import ImportFailed

WORD_SUFFIXES = (".docx",)
OLD_WORD_SUFFIXES = (".doc", ".wps")
EXCEL_SUFFIXES = (".xlsx",)
OLD_EXCEL_SUFFIXES = (".xls", ".et")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SOFFICE_PACKAGE = "libreoffice-writer-nogui"
CONVERT_TIMEOUT = 120


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_soffice(path: Path, target: str, workdir: Path) -> Path:
    """`path` converted to `target` ("docx" | "xlsx") inside `workdir`."""
    soffice = soffice_path()
    if soffice is None:
        package = SOFFICE_PACKAGE if target == "docx" else "libreoffice-calc-nogui"
        raise ImportFailed(f"读取 {path.suffix} 文件需要 LibreOffice（soffice），本机没有安装",
                           f"安装 Debian 软件包 {package}（apt-get install {package}），或在 WPS/Word 中另存为 .{target} 后再导入")
    profile = workdir / "profile"  # a private profile: works beside a running LibreOffice, leaves $HOME alone
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(workdir), str(path)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise ImportFailed(f"LibreOffice 转换 {path.name} 超时（{CONVERT_TIMEOUT} 秒）",
                           f"在 WPS/Word 中另存为 .{target} 后再导入") from None
    converted = workdir / f"{path.stem}.{target}"
    if not converted.is_file():
        raise ImportFailed(f"LibreOffice 无法转换 {path.name}（文件可能已损坏或有密码保护）",
                           f"用 WPS/Word 打开确认文件完好，另存为 .{target} 后再导入")
    return converted


def check_package(path: Path, kind: str) -> None:
    """A .docx/.xlsx must be a zip package: tell protected, old-format and broken files apart."""
    try:
        head = path.read_bytes()[:8]
    except OSError as exc:
        raise ImportFailed(f"无法读取文件（{exc.strerror}）", "检查文件是否存在、是否有读取权限") from None
    if head == OLE_MAGIC:
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in path.read_bytes():
            raise ImportFailed("文件有密码保护，无法读取", f"在 WPS/Word/Excel 中去掉打开密码（文件 → 加密/保护）后另存为 {path.suffix} 再导入")
        raise ImportFailed(f"文件实际是旧版格式，扩展名却是 {path.suffix}", f"在 WPS/{kind} 中另存为 {path.suffix} 再导入")
    if not zipfile.is_zipfile(path):
        raise ImportFailed("文件已损坏或不是 Word/Excel 文件，无法读取", f"用 WPS/{kind} 打开确认文件完好，另存为 {path.suffix} 后再导入")


def open_word(path: Path, workdir: Path):
    """A python-docx Document for a .docx (or a .doc/.wps converted first)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if path.suffix.lower() in OLD_WORD_SUFFIXES:
        path = convert_with_soffice(path, "docx", workdir)
    check_package(path, "Word")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise ImportFailed(f"Word 文件已损坏，无法读取（{type(exc).__name__}）",
                           "用 WPS/Word 打开确认文件完好，另存为 .docx 后再导入") from None
    except Exception as exc:  # lxml's XMLSyntaxError and python-docx's own errors on broken parts
        raise ImportFailed(f"Word 文件内容有误，无法读取（{type(exc).__name__}）",
                           "用 WPS/Word 打开确认文件完好，另存为 .docx 后再导入") from None


def open_workbook(path: Path, workdir: Path):
    import openpyxl

    if path.suffix.lower() in OLD_EXCEL_SUFFIXES:
        path = convert_with_soffice(path, "xlsx", workdir)
    check_package(path, "Excel")
    try:
        return openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken package
        raise ImportFailed(f"Excel 文件已损坏，无法读取（{type(exc).__name__}）",
                           "用 WPS/Excel 打开确认文件完好，另存为 .xlsx 后再导入") from None


def temp_workdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="showcase-import-")
