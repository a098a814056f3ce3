"""The command line: click commands over a session, the runner, the fixer and the reporters.

Only this package and :mod:`copylint.reporters` write to the terminal. :func:`main` is the
``copylint`` console script.
"""

from __future__ import annotations

import gc
from typing import NoReturn

from copylint.cli.commands import cli
from copylint.cli.fastexit import exit_now

__all__ = ["cli", "main"]


GC_THRESHOLDS = (1_000_000, 50, 100)
"""A run creates millions of small records (words, spans) that live until their document is done
and form no reference cycles; Python's default first threshold (700) makes the cycle collector
rescan them over and over. A million was measured faster than 700 and than 100,000, with the same
peak memory (figures in ``benchmarks/README.md``)."""


def main() -> NoReturn:
    """The ``copylint`` console script: the command, then an exit that skips the interpreter's
    teardown (see :mod:`copylint.cli.fastexit`). Errors that escape the command still end as usual."""
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        cli()
    except SystemExit as stop:
        exit_now(stop.code)
    exit_now(0)
