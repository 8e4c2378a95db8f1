"""`showcase import`: Word (.docx, .doc/.wps via LibreOffice) and Excel (.xlsx) material to content.

Modules: convert (.doc/.wps → .docx, file sanity), docx_reader (the body as blocks, in order),
outline (Chinese outline numbering and clean text), fields (record fields the document states),
units (a unit by any of its names), pictures (pictures through the image pipeline), markdown (front
matter + body text), records (blocks + fields → the planned files of one record), honors (name lists
→ an honors batch), plan (staging, checking and writing all-or-nothing). Never imports MkDocs.
"""
