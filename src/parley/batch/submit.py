"""The file to hand spark-submit: runs `parley batch --engine spark` with the arguments given.

    spark-submit [spark options] "$(python -c 'import parley.batch.submit as m; print(m.__file__)')" \
        INPUT... --out DIR

The Spark session, and so the master, come from spark-submit.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Run `parley batch --engine spark ARGV` (exits with its status)."""
    from parley.cli import commands  # noqa: F401  (registers the commands)
    from parley.cli.main import cli

    cli(["batch", "--engine", "spark", *(sys.argv[1:] if argv is None else argv)], prog_name="parley")


if __name__ == "__main__":
    main()
