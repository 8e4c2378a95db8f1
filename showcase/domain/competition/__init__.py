"""Showcase competitions: the scoring rules."""
