"""`python -m parley` runs the command line."""

from parley.cli.main import main

main()
