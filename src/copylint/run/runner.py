"""A whole run: discover files, read and decode each, lint it, and collect the results."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from copylint.core.finding import FileResult, RunResult
from copylint.core.rule import LintSettings
from copylint.core.source import suffix_of
from copylint.project.discovery import FileFilter, discover
from copylint.project.plugins import PluginSet
from copylint.run.cluster import lint_on_cluster
from copylint.run.pipeline import cache_lookup, lint_file, read_document
from copylint.run.results import ResultCache

if TYPE_CHECKING:
    from distributed import Client


# A parallel run forks workers after this is set: they inherit the plugins and settings and
# receive only paths.
_WORKER: tuple[PluginSet, Callable[[str], LintSettings], ResultCache | None] | None = None
SMALL_RUN = 8


def _lint_in_worker(path: str) -> FileResult:
    assert _WORKER is not None
    plugins, settings_for, cache = _WORKER
    return lint_file(path, plugins, settings_for(path), cache)


def _can_fork() -> bool:
    import multiprocessing  # only for a run large enough to share out: keeps start-up short

    return "fork" in multiprocessing.get_all_start_methods()


def run(
    paths: Sequence[str],
    file_filter: FileFilter,
    plugins: PluginSet,
    settings: LintSettings | Callable[[str], LintSettings],
    jobs: int = 1,
    cache: ResultCache | None = None,
    client: Client | None = None,
) -> RunResult:
    """Lint every file under ``paths``; ``settings`` may vary per file (configuration overrides).

    With ``jobs`` above one and more than a few files, files are linted by forked worker
    processes; the result is the same, in the same order, as a serial run. With a Dask
    ``client`` (see :mod:`copylint.run.cluster`), files are linted on its cluster instead.
    """
    global _WORKER
    settings_for = settings if callable(settings) else (lambda _path: settings)
    results: list[FileResult] = []
    to_lint: list[str] = []
    for found in discover(paths, file_filter):
        if found.error:
            results.append(FileResult(found.path, None, error=found.error))
        else:
            to_lint.append(found.path)
    notes = unclaimed_notes(to_lint, plugins)
    if client is not None:
        results.extend(lint_on_cluster(client, to_lint, plugins, settings_for, cache))
        return _sorted(results, notes)
    if cache is not None and jobs > 1 and len(to_lint) > SMALL_RUN:
        # cached results are found here: a re-run of an unchanged tree starts no workers
        to_lint = _take_cached(to_lint, plugins, settings_for, cache, results)
    if jobs > 1 and len(to_lint) > SMALL_RUN and _can_fork():
        # both only for a run large enough to share out: keeps start-up short
        import concurrent.futures
        import multiprocessing

        # the first file is linted here, which loads every lexicon and list the rules need, so
        # the forked workers share them instead of each loading its own
        first, to_lint = to_lint[0], to_lint[1:]
        results.append(lint_file(first, plugins, settings_for(first), cache))
        _WORKER = (plugins, settings_for, cache)
        try:
            context = multiprocessing.get_context("fork")
            with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                results.extend(pool.map(_lint_in_worker, to_lint, chunksize=max(1, len(to_lint) // (jobs * 8))))
        finally:
            _WORKER = None
    else:
        results.extend(lint_file(path, plugins, settings_for(path), cache) for path in to_lint)
    return _sorted(results, notes)


def _sorted(results: list[FileResult], notes: tuple[str, ...]) -> RunResult:
    results.sort(key=lambda result: result.path)
    return RunResult(tuple(results), notes)


def unclaimed_notes(paths: Sequence[str], plugins: PluginSet) -> tuple[str, ...]:
    """One note per suffix that no format claims among ``paths`` (files an ``--include`` brought
    in, or named on the command line): they are read as plain text, which should not be silent.
    A file without a suffix is plain text as documented, with no note."""
    counts = Counter(suffix_of(path) for path in paths if not plugins.claims(path))
    formats = ", ".join(sorted(plugins.format_names()))
    return tuple(
        f"{count} {'file' if count == 1 else 'files'} ending in {suffix} read as plain text: no format claims "
        f"the suffix (map it to one of {formats} with format-suffixes in the configuration)"
        for suffix, count in sorted(counts.items())
        if suffix
    )


def _take_cached(
    paths: list[str],
    plugins: PluginSet,
    settings_for: Callable[[str], LintSettings],
    cache: ResultCache,
    results: list[FileResult],
) -> list[str]:
    """Add to ``results`` the files the cache answers for (and those that cannot be read); return
    the paths left to lint.

    Once more than ``SMALL_RUN`` files are left, workers will be started anyway and look the rest
    up themselves, in parallel: a cold run reads only a few files here."""
    left: list[str] = []
    for position, path in enumerate(paths):
        if len(left) > SMALL_RUN:
            return left + paths[position:]
        read = read_document(path)
        if isinstance(read, FileResult):
            results.append(read)
            continue
        _, cached = cache_lookup(cache, *read, settings_for(path), plugins.format_for(path).name)
        if cached is None:
            left.append(path)
        else:
            results.append(cached)
    return left
