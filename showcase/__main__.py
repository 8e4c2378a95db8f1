"""`python -m showcase` runs the `showcase` command."""
import sys

from showcase.cli.main import main

sys.exit(main())
