"""Checks across records, by subject (brands, column, competitions, aliases, reserved ids), and the
run of them all (`run.check_content`, what `showcase check` does). content/ never imports this."""
