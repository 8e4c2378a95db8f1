"""The competition day, live (`showcase live`): judges score on their phones, the host steers, the big
screen follows, and every act is an append-only row in SQLite.

store (events table) → state (replayed) → rules/acts (validation) → service (apply) → results (the
scoring rules of showcase/domain/competition) → screen (server-sent events) → app (HTTP routes) →
server (uvicorn). codes.py prints the judges' codes; export.py writes the day back into the YAML.
Never imports mkdocs.
"""
