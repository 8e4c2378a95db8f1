"""Developer tools, not shipped in the package: the editors-guide field tables, the demo images."""
