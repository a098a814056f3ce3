"""The command line: click commands over a session, the runner, the fixer and the reporters.

Only this package and :mod:`copylint.reporters` write to the terminal. :func:`main` is the
``copylint`` console script.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any, NoReturn

from copylint.cli.fastexit import exit_now

if TYPE_CHECKING:
    from copylint.cli.commands import cli

__all__ = ["cli", "main"]


GC_THRESHOLDS = (1_000_000, 50, 100)
"""A run creates millions of small records (words, spans) that live until their document is done
and form no reference cycles; Python's default first threshold (700) makes the cycle collector
rescan them over and over. A million was measured faster than 700 and than 100,000, with the same
peak memory (figures in ``benchmarks/README.md``)."""


def main() -> NoReturn:
    """The ``copylint`` console script: the command, then an exit that skips the interpreter's
    teardown (see :mod:`copylint.cli.fastexit`). Errors that escape the command still end as usual.

    The thresholds are raised before the commands are imported: importing them (with the rules
    and formats) creates tens of thousands of objects that live for the whole run (modules,
    classes, functions), which the default thresholds have the collector scan dozens of times."""
    gc.set_threshold(*GC_THRESHOLDS)
    from copylint.cli.commands import cli  # start-up time: imported once the thresholds are raised

    try:
        cli()
    except SystemExit as stop:
        exit_now(stop.code)
    exit_now(0)


def __getattr__(name: str) -> Any:
    """:data:`cli` (the click group) on first use, so that :func:`main` can import it later."""
    if name == "cli":
        from copylint.cli.commands import cli  # start-up time: see main

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
