"""The newspaper column: series numbers and their printed markers."""
