"""`showcase import`: Word (.docx, .doc/.wps via LibreOffice) and Excel (.xlsx) material to content.

Modules: convert (opening files; .doc/.wps → .docx; corrupt/protected files), docx_reader (the body
as blocks, in order), outline (Chinese outline numbering, clean text), fields (fields the document
states: field table, key lines, newspaper record), body (blocks → head fields + Markdown pieces),
units (a unit by any of its names), pictures (pictures through the image pipeline's decoder),
markdown (front matter and body text as the project writes them), context (the content an import
goes into, id proposals), records (one exemplar/brand/article), honors (name lists → an honors
batch), plan (stage, check, write all-or-nothing), run (one `showcase import`), messages.
Never imports MkDocs.
"""
