"""A whole run: discover files, read and decode each, lint it, and collect the results."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from copylint.cache import ResultCache
from copylint.discovery import FileFilter, discover
from copylint.engine import LintSettings, lint_document
from copylint.errors import InputError
from copylint.finding import Category, FileResult, Severity
from copylint.plugins import PluginSet
from copylint.source import Document, Excerpts, read_source

if TYPE_CHECKING:
    from distributed import Client


@dataclass(frozen=True)
class RunResult:
    """Every file's result, sorted by path."""

    files: tuple[FileResult, ...]

    @property
    def errors(self) -> tuple[FileResult, ...]:
        return tuple(result for result in self.files if result.error)

    @property
    def checked(self) -> tuple[FileResult, ...]:
        """Files that were read and linted (a clean file's result keeps no document: see :func:`slim`)."""
        return tuple(result for result in self.files if result.document is not None or result.error is None)

    def findings_at_or_above(self, level: Severity) -> int:
        return sum(1 for result in self.files for finding in result.findings if finding.severity.rank >= level.rank)

    def summary(self) -> dict[str, object]:
        severities = Counter(f.severity.value for r in self.files for f in r.findings)
        categories = Counter(f.category.value for r in self.files for f in r.findings)
        return {
            "findings": sum(severities.values()),
            "by_severity": {severity.value: severities.get(severity.value, 0) for severity in reversed(Severity)},
            "by_category": {
                category.value: categories[category.value] for category in Category if categories[category.value]
            },
            "files_checked": len(self.checked),
            "files_with_findings": sum(1 for result in self.files if result.findings),
            "files_with_errors": [{"path": result.path, "message": result.error} for result in self.errors],
        }


def read_document(path: str) -> tuple[Document, bytes] | FileResult:
    """As :func:`~copylint.source.read_source`, with an error result naming the file for a bad one."""
    try:
        return read_source(path)
    except InputError as exc:
        return FileResult(path, None, error=str(exc))


def lint_file(path: str, plugins: PluginSet, settings: LintSettings, cache: ResultCache | None = None) -> FileResult:
    """Read, decode and lint one file; unreadable or undecodable files become an error result."""
    read = read_document(path)
    if isinstance(read, FileResult):
        return read
    document, data = read
    key, cached = cache_lookup(cache, document, data, settings)
    if cached is not None:
        return cached
    result = lint_document(document, plugins.format_for(path), settings)
    if cache is not None and result.error is None:
        cache.put(key, result.findings)
    return slim(result)


def cache_lookup(
    cache: ResultCache | None, document: Document, data: bytes, settings: LintSettings
) -> tuple[str, FileResult | None]:
    """The file's cache key under ``settings`` ("" without a cache), and its cached result if any.

    The key holds the file's suffix too: the same bytes are read as Markdown in ``a.md`` and as
    plain text in ``a.txt``, with different findings."""
    if cache is None:
        return "", None
    suffix = os.path.splitext(document.path)[1].lower()
    key = cache.key(data, f"{suffix}\0{settings.fingerprint}")
    findings = cache.get(key)
    return key, None if findings is None else slim(FileResult(document.path, document, findings))


def slim(result: FileResult) -> FileResult:
    """Keep of a linted document only what its report needs (nothing when it has no findings), so
    a run's memory follows its largest file, not the size of the tree."""
    document = result.document
    if document is None or isinstance(document, Excerpts):
        return result
    if not result.findings and not result.error:
        return FileResult(result.path, None)
    spans = [finding.span for finding in result.findings]
    spans += [edit.span for finding in result.findings if finding.fix for edit in finding.fix.edits]
    return FileResult(result.path, document.excerpts(spans), result.findings, result.error)


# A parallel run forks workers after this is set: they inherit the plugins and settings and
# receive only paths.
_WORKER: tuple[PluginSet, Callable[[str], LintSettings], ResultCache | None] | None = None
SMALL_RUN = 8


def _lint_in_worker(path: str) -> FileResult:
    assert _WORKER is not None
    plugins, settings_for, cache = _WORKER
    return lint_file(path, plugins, settings_for(path), cache)


def _can_fork() -> bool:
    import multiprocessing  # only for a run large enough to share out

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
    ``client`` (see :mod:`copylint.cluster`), files are linted on its cluster instead.
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
    if client is not None:
        from copylint.cluster import lint_on_cluster

        results.extend(lint_on_cluster(client, to_lint, plugins, settings_for, cache))
        return _sorted(results)
    if cache is not None and jobs > 1 and len(to_lint) > SMALL_RUN:
        # cached results are found here: a re-run of an unchanged tree starts no workers
        to_lint = _take_cached(to_lint, settings_for, cache, results)
    if jobs > 1 and len(to_lint) > SMALL_RUN and _can_fork():
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
    return _sorted(results)


def _sorted(results: list[FileResult]) -> RunResult:
    results.sort(key=lambda result: result.path)
    return RunResult(tuple(results))


def _take_cached(
    paths: list[str], settings_for: Callable[[str], LintSettings], cache: ResultCache, results: list[FileResult]
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
        _, cached = cache_lookup(cache, *read, settings_for(path))
        if cached is None:
            left.append(path)
        else:
            results.append(cached)
    return left
