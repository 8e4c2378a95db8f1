"""Reading and validating content/: files, YAML with the line of every value, records, the schema."""
