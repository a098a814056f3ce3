"""A whole run for Python callers: the session ``copylint check`` builds, then the runner.

:func:`lint_paths` finds the same files and reports the same findings as ``copylint check`` run
from the current folder with the same options. It prints nothing: what the command line prints
as warnings and notes (a plugin that failed to load, a Vale rule that was skipped) is issued
with :func:`warnings.warn`, and files that could not be read are :attr:`RunResult.errors`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from typing import TypeAlias, TypeVar

from copylint.core.finding import RunResult
from copylint.core.selection import split_selectors
from copylint.project.plugins import load_plugins
from copylint.project.resolver import CommandLine
from copylint.project.session import open_session
from copylint.run.results import ResultCache
from copylint.run.runner import run

PathLike: TypeAlias = str | os.PathLike[str]
_One = TypeVar("_One", str, PathLike)


def lint_paths(
    paths: PathLike | Sequence[PathLike] = (),
    *,
    config: PathLike | None = None,
    select: str | Sequence[str] = (),
    ignore: str | Sequence[str] = (),
    jobs: int = 1,
    cache_dir: PathLike | None = None,
) -> RunResult:
    """Lint the files and folders in ``paths`` (one path or several; default: the current
    folder), as ``copylint check`` does.

    ``config`` names a configuration file; without it the nearest one to the current folder is
    used, as on the command line. ``select`` and ``ignore`` take rule ids or prefixes (a string
    may hold several, comma-separated) and win over the configuration as ``--select`` and
    ``--ignore`` do. ``jobs`` above one lints a large run in forked worker processes, with the same
    result. ``cache_dir`` reads and writes the result cache there; without it nothing is cached,
    so a library call leaves no folder behind.

    Raises :class:`~copylint.core.errors.CopylintError` for a configuration or selection that is
    wrong, and :class:`ValueError` for ``jobs`` under one. A file that cannot be read is an error
    in the result, and the other files are linted. Paths in the result are written as given, so a
    reporter prints what the command line would.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    plugins = load_plugins()
    for error in plugins.errors:
        warnings.warn(f"copylint: {error}", RuntimeWarning, stacklevel=2)
    command_line = CommandLine(select=split_selectors(_several(select)), ignore=split_selectors(_several(ignore)))
    session = open_session(plugins, command_line, os.fspath(config) if config is not None else None)
    for note in session.notes:
        warnings.warn(f"copylint: {note}", RuntimeWarning, stacklevel=2)
    resolver = session.resolver
    cache = ResultCache(os.fspath(cache_dir)) if cache_dir is not None else None
    targets = [os.fspath(path) for path in _several(paths)] or ["."]
    result = run(targets, resolver.file_filter(), session.plugins, resolver.settings_for, jobs, cache)
    if cache is not None:
        cache.prune()
    for note in result.notes:
        warnings.warn(f"copylint: {note}", RuntimeWarning, stacklevel=2)
    return result


def _several(values: _One | Sequence[_One]) -> Sequence[_One]:
    """``values`` as a sequence: one path or selector on its own is not a sequence of characters."""
    return (values,) if isinstance(values, str | os.PathLike) else values
