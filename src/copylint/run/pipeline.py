"""One path through the whole pipeline: read and decode, look up the result cache, lint, and keep
only what the report needs. The serial runner, the forked workers, the Dask executor and ``fix``
all go through here.
"""

from __future__ import annotations

from copylint.core.engine import lint_document
from copylint.core.errors import InputError
from copylint.core.finding import FileResult
from copylint.core.rule import LintSettings
from copylint.core.source import Document, Excerpts, read_source, suffix_of
from copylint.project.plugins import PluginSet
from copylint.run.results import ResultCache


def read_document(path: str) -> tuple[Document, bytes] | FileResult:
    """As :func:`~copylint.core.source.read_source`, with an error result naming the file for a bad one."""
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
    document_format = plugins.format_for(path)
    key, cached = cache_lookup(cache, document, data, settings, document_format.name)
    if cached is not None:
        return cached
    result = lint_document(document, document_format, settings)
    if cache is not None and result.error is None:
        cache.put(key, result.findings)
    return slim(result)


def cache_lookup(
    cache: ResultCache | None, document: Document, data: bytes, settings: LintSettings, format_name: str
) -> tuple[str, FileResult | None]:
    """The file's cache key read as ``format_name`` under ``settings`` ("" without a cache), and
    its cached result if any. The format is part of the key: ``format-suffixes`` may read the
    same suffix as another format from one run to the next."""
    if cache is None:
        return "", None
    key = cache.key(data, f"{suffix_of(document.path)} {format_name}", settings.digest)
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
