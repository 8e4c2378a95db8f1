"""The `showcase` command: check, build, serve, new and the hosting helpers they share."""
