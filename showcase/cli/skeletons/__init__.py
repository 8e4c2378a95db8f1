"""`showcase new`: commented skeletons (Chinese placeholders) written where the layout wants them."""
from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from showcase.content.load import ID_PATTERN
from showcase.kinds import KINDS

# kind → (where the new file goes, skeleton file)
SKELETON_KINDS = {kind.name: kind.skeleton for kind in KINDS if kind.skeleton}


def write_skeleton(content_root: Path, kind: str, record_id: str, today: date | None = None,
                   examples: dict | None = None) -> Path:
    """Write the skeleton; `examples` fills {unit}/{column}/{brand} with ids that exist, so the
    new file passes `showcase check` as it is (a draft) and shows real ids to imitate."""
    if not ID_PATTERN.match(record_id):
        raise ValueError(f"标识“{record_id}”不合规 — 只能用小写英文字母、数字和连字符，如 wenlv-museum")
    today = today or date.today()
    where, skeleton = SKELETON_KINDS[kind]
    path = Path(content_root) / where.format(id=record_id, year=today.year)
    text = resources.files(__package__).joinpath(skeleton).read_text(encoding="utf-8")
    fills = {"id": record_id, "today": today.isoformat(), **(examples or {})}
    for name, value in fills.items():
        text = text.replace("{" + name + "}", value)
    if kind == "unit":
        return _append_unit(path, record_id, text)
    if path.exists():
        raise FileExistsError(2, "exists", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(text)
    return path


def _append_unit(path: Path, record_id: str, text: str) -> Path:
    """Units live together in units.yml: append an entry, refusing an id that is already there."""
    from showcase.content.problems import Problems
    from showcase.content.yaml_positions import parse_yaml

    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    # the bounded loader: a broken or hostile units.yml is for `showcase check` to report, not a crash here
    data = parse_yaml(existing, path, Problems())[0] if existing.strip() else []
    if any(isinstance(u, dict) and u.get("id") == record_id for u in data or []):
        raise FileExistsError(2, "exists", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as out:
        out.write(("" if not existing or existing.endswith("\n") else "\n") + text)
    return path
