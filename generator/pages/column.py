"""日报专栏: column home and one page per article with its newspaper record."""
from __future__ import annotations

from ..model import Model
from .common import record_page, section_page


def pages(model: Model):
    yield section_page("column/index.md", "日报专栏", "column.md", "column", model=model)
    for article in model.articles:
        column = model.get("column", article["column"])
        newspaper = model.get("newspaper", article.get("newspaper") or (column and column["newspaper"]))
        yield record_page(article, "article.md", model=model, column=column, newspaper=newspaper,
                          related=[r for ref in article.get("related", [])
                                   if (r := model.resolve(("brand", "exemplar", "unit"), ref))])
