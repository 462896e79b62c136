"""``python -m frontlines`` is the ``frontlines`` command."""

from frontlines.cli.main import main

main()
