"""A Word document's blocks read as a record: the head (title, field table, key lines, newspaper
record, bylines) and the body as Markdown pieces with pictures and their captions in place."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from showcase.importing import fields as F
from showcase.importing import markdown as md
from showcase.importing.docx_reader import FOOTNOTE_MARK, Paragraph, Run, Table, WordDocument
from showcase.importing.outline import clean_text, shape_of

CAPTION = re.compile(r"^(?:图\s*\d*\s*[：:.．、]|图\s*\d+\s)")
SUBTITLE = re.compile(r"^[—－-]{1,2}\s*")
TITLE_MAX = 60


@dataclass
class Found:
    value: str
    line: int


@dataclass
class Reading:
    """What the document says: head fields (with the block they came from) and the body."""
    title: Found | None = None
    fields: dict[str, Found] = field(default_factory=dict)
    pieces: list = field(default_factory=list)  # ("md", text) | ("picture", Picture, caption, line)
    items: list = field(default_factory=list)  # the list being collected: (ordered, text)
    notes: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    head_lines: list[Found] = field(default_factory=list)  # every head line's text, for bylines and dates


def read_record(document: WordDocument) -> Reading:
    reading = Reading()
    note_ids = _renumber_notes(document, reading)
    in_head = True
    blocks = document.blocks
    skip = set()
    for i, block in enumerate(blocks):
        if i in skip:
            continue
        if isinstance(block, Table):
            in_head = _table(block, reading, in_head)
            continue
        text = clean_text(_with_notes(block.text, note_ids))
        if not text and not block.pictures:
            continue
        if in_head and _head_line(block, text, reading):
            continue
        in_head = False
        if block.pictures:
            caption, used = _caption_after(blocks, i)
            skip.update(used)
            _pictures(block, text, caption, reading)
            continue
        _paragraph(block, text, note_ids, reading)
    _flush_items(reading)
    return reading


def _renumber_notes(document: WordDocument, reading: Reading) -> dict[str, int]:
    """Word's note ids → 1, 2, … in reading order, with the notes' text collected."""
    numbers: dict[str, int] = {}
    for block in document.blocks:
        for run in block.runs if isinstance(block, Paragraph) else ():
            for note_id in re.findall("\x00fn(-?\\d+)\x00", run.text):
                if note_id not in numbers and note_id in document.footnotes:
                    numbers[note_id] = len(numbers) + 1
                    reading.notes.append(document.footnotes[note_id])
    return numbers


def _with_notes(text: str, numbers: dict[str, int]) -> str:
    return re.sub("\x00fn(-?\\d+)\x00", lambda m: FOOTNOTE_MARK.format(numbers[m.group(1)]) if m.group(1) in numbers else "", text)


def _table(block: Table, reading: Reading, in_head: bool) -> bool:
    rows = [[clean_text(c) for c in row] for row in block.rows if any(c.strip() for c in row)]
    if not rows:
        return in_head
    found = F.field_table(rows) if in_head else {}
    if found:
        for key, value in found.items():
            reading.fields.setdefault(key, Found(value, block.number))
        return True
    _flush_items(reading)
    reading.tables.append(Table(block.number, rows))
    reading.pieces.append(("md", md.table(rows)))
    return False


def _head_line(block: Paragraph, text: str, reading: Reading) -> bool:
    """Title, subtitle, key lines, the newspaper record and bylines before the body starts."""
    if block.pictures:
        return False
    found = F.key_line(text)
    paper = F.newspaper_record(text)
    if found or (paper and len(text) <= TITLE_MAX) or (F.bylines(text) and len(text) <= TITLE_MAX):
        for key, value in found.items():
            reading.fields.setdefault(key, Found(value, block.number))
        reading.head_lines.append(Found(text, block.number))
        return True
    if reading.title is None and _is_title(block, text, reading):
        reading.title = Found(text, block.number)
        return True
    if reading.title is not None and SUBTITLE.match(text) and "subtitle" not in reading.fields:
        reading.fields["subtitle"] = Found(SUBTITLE.sub("", text), block.number)
        return True
    return False


def _is_title(block: Paragraph, text: str, reading: Reading) -> bool:
    """A title style; else a first Heading 1; else (WPS and LibreOffice files often have no styles)
    the very first paragraph when it is short, unnumbered and no sentence."""
    if block.heading == 0:
        return True
    if len(text) > TITLE_MAX:
        return False
    if reading.fields or reading.head_lines:
        return block.heading == 1 and not reading.pieces
    sentence = text.endswith(("。", "：", ":", "；")) or shape_of(text).kind != "paragraph"
    return block.heading == 1 or not sentence


def _caption_after(blocks: list, i: int) -> tuple[str, set]:
    for j in range(i + 1, min(i + 3, len(blocks))):
        nxt = blocks[j]
        if not isinstance(nxt, Paragraph) or nxt.pictures:
            return "", set()
        text = clean_text(nxt.text)
        if not text:
            continue
        if CAPTION.match(text) or nxt.is_caption_style:
            return CAPTION.sub("", text).strip() or text, {j}
        return "", set()
    return "", set()


def _pictures(block: Paragraph, text: str, caption: str, reading: Reading) -> None:
    _flush_items(reading)
    if text and not CAPTION.match(text):
        reading.pieces.append(("md", md.inline(block.runs)))
    elif text:
        caption = caption or CAPTION.sub("", text).strip()
    for picture in block.pictures:
        reading.pieces.append(("picture", picture, caption, block.number))


def _paragraph(block: Paragraph, text: str, note_ids: dict, reading: Reading) -> None:
    shape = shape_of(text, block.heading, block.numbering)
    if shape.kind == "item":
        ordered = shape.level == 1
        if reading.items and reading.items[0][0] != ordered:  # a bullet list after a numbered one
            _flush_items(reading)
        reading.items.append((ordered, _inline(block, note_ids, text, shape.text)))
        return
    _flush_items(reading)
    if shape.kind == "heading":
        reading.pieces.append(("md", "#" * shape.level + " " + md.plain(shape.text)))
        if shape.rest:
            reading.pieces.append(("md", md.plain(shape.rest)))
    else:
        reading.pieces.append(("md", _inline(block, note_ids, text, text)))


def _inline(block: Paragraph, note_ids: dict, full: str, shown: str) -> str:
    """The paragraph's runs with their bold/italic when its text is shown whole; else the shown text."""
    runs = [Run(_with_notes(r.text, note_ids), r.bold, r.italic) for r in block.runs]
    if shown == full and any(r.bold or r.italic for r in runs):
        cleaned = [Run(r.text.replace("\u3000", "").replace("\u00a0", " "), r.bold, r.italic) for r in runs]
        while cleaned and not cleaned[0].text.strip():
            cleaned.pop(0)
        if cleaned:
            cleaned[0] = Run(cleaned[0].text.lstrip(), cleaned[0].bold, cleaned[0].italic)
            return md.inline(cleaned)
    return md.plain(shown)


def _flush_items(reading: Reading) -> None:
    if reading.items:
        ordered = reading.items[0][0]
        reading.pieces.append(("md", md.numbered([text for _, text in reading.items], ordered)))
        reading.items = []


def body_text(reading: Reading, picture_names: dict[int, str]) -> str:
    """The Markdown body; `picture_names` maps id(Picture) → the file written (absent: skipped)."""
    parts = []
    for piece in reading.pieces:
        if piece[0] == "md":
            parts.append(piece[1])
        elif id(piece[1]) in picture_names:
            parts.append(md.picture(picture_names[id(piece[1])], piece[2]))
    if reading.notes:
        parts.append(md.footnotes(reading.notes))
    return "\n\n".join(parts)

