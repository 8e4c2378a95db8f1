"""Publications for the printer: 事迹汇编, 品牌汇编, 剪报集 and score sheets as PDF (WeasyPrint) or .docx.

collect.py chooses what goes in (from the linked model), booklet.py holds the publication model,
html.py renders it with the templates in theme/print/, pdf.py and docx.py write the files, fonts.py
picks the installed typefaces, sheets.py builds the judges' score sheets, pictures.py prepares images.
Nothing here imports MkDocs.
"""
