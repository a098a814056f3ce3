"""The options several commands share: which rules, which files and word lists, and how the files
are linted. Each is a decorator that adds its options to a click command, in the order listed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from copylint.run.results import DEFAULT_FOLDER as DEFAULT_CACHE


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by ``check``, ``fix``, ``baseline`` and ``config``: which rules, then :func:`file_options`."""
    options = [
        click.option("--select", multiple=True, metavar="IDS",
                     help="Only run these rules: ids or family prefixes, comma-separated (default: ALL)."),
        click.option("--extend-select", multiple=True, metavar="IDS", help="Add rules to the selection."),
        click.option("--ignore", multiple=True, metavar="IDS",
                     help="Skip these rules: ids or prefixes, comma-separated. The longest matching prefix wins."),
    ]  # fmt: skip
    return _with_options(file_options(command), options)


def file_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads the project's files: which files, the word
    lists and the configuration file (``vocabulary`` has these, and chooses its own rule)."""
    options = [
        click.option("--include", multiple=True, metavar="GLOB",
                     help="File globs to lint inside folders (replaces the default: every registered format's "
                          "suffixes; see 'copylint config')."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="File or folder globs to skip."),
        click.option("--force-exclude", is_flag=True,
                     help="Apply --include/--exclude to files named on the command line too."),
        click.option("--accept", "accept_lists", multiple=True, metavar="FILE", type=click.Path(dir_okay=False),
                     help="Word list of words never reported as misspelled: one word or regex a line."),
        click.option("--reject", "reject_lists", multiple=True, metavar="FILE", type=click.Path(dir_okay=False),
                     help="Word list of words always reported (spelling.rejected), even correct ones."),
        click.option("--max-file-size", "max_file_mb", type=click.FloatRange(min=0), metavar="MB",
                     help="Refuse files larger than this, with an error (default: 10; 0: no limit)."),
        click.option("--config", "config_path", metavar="FILE", type=click.Path(dir_okay=False, exists=True),
                     help="Use this configuration file instead of searching from the current folder."),
    ]  # fmt: skip
    return _with_options(command, options)


def run_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by ``check`` and ``vocabulary``: how the files are linted (processes, a Dask
    cluster, the result cache)."""
    options = [
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: the number of CPUs; small runs stay in one process)."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="Lint on a Dask cluster: tcp://host:8786, or 'local[:N]' to start N local workers "
                          "(needs copylint[dask])."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the result cache."),
        click.option("--cache-dir", default=DEFAULT_CACHE, show_default=True, envvar="COPYLINT_CACHE_DIR",
                     metavar="DIR",
                     help="Where cached results are kept (keyed by file content and settings; also "
                          "COPYLINT_CACHE_DIR)."),
    ]  # fmt: skip
    return _with_options(command, options)


def _with_options(command: Callable[..., Any], options: list[Callable[..., Any]]) -> Callable[..., Any]:
    """``command`` with ``options``, listed in their order in its help."""
    for option in reversed(options):
        command = option(command)
    return command
