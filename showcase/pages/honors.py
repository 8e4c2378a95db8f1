"""荣誉榜: honor batches by year (文号, date, official count), each list in document order with
revoked awards marked, never dropped, and a printable 事迹汇编 of the batch's exemplars."""
from __future__ import annotations

from showcase.content.records import Record
from showcase.domain.model import Award, Model
from showcase.domain.urls import page_path
from showcase.kinds import honor_measure
from showcase.pages.common import document, record_page, section_page
from showcase.pages.compilation import batch_compilation_src as compilation_src
from showcase.pages.compilation import compilation_page, story
from showcase.pages.exemplars import awards_of

def measure_in(model: Model):
    """`measure(batch)`: the measure word of a batch's counts (showcase/kinds.py honor_measure), from
    what its awards link in this model."""
    def measure(batch: Record) -> str:
        linked = [award.target for award in model.awards.get(batch.id, []) if award.target is not None]
        kinds = [t.get("kind") if t.kind == "exemplar" else None for t in linked]
        return honor_measure(batch["type"], batch.get("measure"), kinds)
    return measure


def by_year(model: Model) -> list[tuple[int, list[Record]]]:
    years: dict[int, list[Record]] = {}
    for batch in model.honors:  # newest first
        years.setdefault(batch["year"], []).append(batch)
    return list(years.items())


def exemplar_pages(model: Model) -> dict:
    """What an award names → its exemplar page: an exemplar itself, or a brand's brand exemplar."""
    found = {e.key: e for e in model.exemplars}
    for exemplar in model.exemplars:
        if exemplar["kind"] == "brand_exemplar" and exemplar.get("brand"):
            found.setdefault(("brand", exemplar["brand"]), exemplar)
    return found


def pages(model: Model):
    measure = measure_in(model)
    yield document(section_page("honors/index.md", "荣誉榜", "honors.md", "honors", model=model,
                                years=by_year(model), awards=model.awards, measure=measure))
    story_of = exemplar_pages(model)
    for batch in model.honors:
        awards = model.awards.get(batch.id, [])
        # awards whose honoree has an exemplar page, in document order
        with_story = [a for a in awards if a.target is not None and a.target.key in story_of]
        yield document(record_page(
            batch, "honor.md", model=model, awards=awards, measure=measure(batch),
            revoked=[a for a in awards if a.revoked],
            compilation_src=compilation_src(batch) if with_story else None))
        if with_story:
            stories = []
            for award in with_story:
                exemplar = story_of[award.target.key]
                stories.append(story(model, exemplar, awards_of(model, exemplar)))
            yield compilation_page(compilation_src(batch), f"{batch.title}事迹汇编", back_src=page_path(batch),
                                   model=model, stories=stories, batch=batch,
                                   others=[a for a in awards if a not in with_story])
