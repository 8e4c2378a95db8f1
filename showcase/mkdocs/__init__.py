"""The MkDocs adapter: the only package that imports mkdocs, markdown or material."""
