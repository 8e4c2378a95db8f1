"""Reading and validating content/: files, YAML with the line of every value, records and their
index, the schema, validation against it, and how big work may be shared (workers). This room
imports nothing of the package but showcase/kinds.py."""
