"""What an import needs to know about the content it goes into: the checked records, the unit names,
and the options the editor gave."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from showcase.content.problems import Problems
from showcase.content.workers import IN_THIS_PROCESS, Workers
from showcase.importing.units import UnitNames, unit_names

KINDS = ("exemplar", "brand", "article", "honor")


@dataclass(frozen=True)
class Options:
    kind: str | None = None
    record_id: str | None = None
    unit: str | None = None
    mask_pii: bool = False
    title: str | None = None
    doc_no: str | None = None
    decided_on: str | None = None
    workers: Workers = IN_THIS_PROCESS  # the command line hands its process pool (pictures on two cores)
    vector_converters: object = None  # EMF/WMF → PNG commands (pictures.vector_converters when None)


@dataclass
class Context:
    root: Path  # content/
    index: object  # showcase.content.index.RecordIndex of the content as it is
    units: UnitNames
    options: Options
    today: date = field(default_factory=date.today)
    taken: set = field(default_factory=set)  # (kind, id) planned earlier in this run

    def records(self, kind: str) -> dict:
        return self.index.by_kind.get(kind, {})

    def id_taken(self, kind: str, record_id: str) -> bool:
        return record_id in self.records(kind) or (kind, record_id) in self.taken


def load_context(root: Path, options: Options) -> Context:
    """The content's records by kind and id: loaded and validated, without the cross-record checks
    (the staged result gets the full check; the content's own problems are `showcase check`'s job)."""
    from showcase.content.index import RecordIndex
    from showcase.content.validate import validate_record
    from showcase.content.load import load_content

    ignored = Problems()
    records = [r for raw in load_content(Path(root)).records if (r := validate_record(raw, ignored)) is not None]
    index = RecordIndex(records)
    return Context(root=Path(root), index=index, units=unit_names(index), options=options)


def propose_id(context: Context, kind: str, unit: str | None, year: int, prefix: str = "") -> str:
    """`<unit>-<yyyy>-<n>` with the first n free for this kind (ASCII, from ids only: never pinyin)."""
    stem = f"{prefix}{unit or 'import'}-{year}"
    n = 1
    while context.id_taken(kind, f"{stem}-{n}"):
        n += 1
    return f"{stem}-{n}"
