"""The edition and the linked model of its records, URLs, counters and Chinese display forms."""
