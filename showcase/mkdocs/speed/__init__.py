"""What makes builds fast (caches, worker processes, theme fragments, Markdown shortcuts): same site, less time."""
