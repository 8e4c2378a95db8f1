"""The editing desk of `showcase serve` (/_desk/): forms made from the schema over content/'s own files,
checked as you type by `showcase check`'s own check, saved round-trip and atomically. Never imports MkDocs:
the adapter hands it the site's Markdown converter and mounts its WSGI application (app.py)."""
