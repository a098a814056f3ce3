"""A whole run: discover files, read and decode each, lint it, and collect the results."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from copylint.discovery import FileFilter, discover
from copylint.engine import LintSettings, lint_document
from copylint.errors import InputError
from copylint.finding import Category, FileResult, Severity
from copylint.plugins import PluginSet
from copylint.source import decode


@dataclass(frozen=True)
class RunResult:
    """Every file's result, sorted by path."""

    files: tuple[FileResult, ...]

    @property
    def errors(self) -> tuple[FileResult, ...]:
        return tuple(result for result in self.files if result.error)

    @property
    def checked(self) -> tuple[FileResult, ...]:
        return tuple(result for result in self.files if result.document is not None)

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


def lint_file(path: str, plugins: PluginSet, settings: LintSettings) -> FileResult:
    """Read, decode and lint one file; unreadable or undecodable files become an error result."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        return FileResult(path, None, error=f"{path}: is a directory")
    except OSError as exc:
        return FileResult(path, None, error=f"{path}: cannot read ({exc.strerror or exc})")
    try:
        document = decode(path, data)
    except InputError as exc:
        return FileResult(path, None, error=str(exc))
    return lint_document(document, plugins.format_for(path), settings)


def run(
    paths: Sequence[str],
    file_filter: FileFilter,
    plugins: PluginSet,
    settings: LintSettings | Callable[[str], LintSettings],
) -> RunResult:
    """Lint every file under ``paths``; ``settings`` may vary per file (configuration overrides)."""
    settings_for = settings if callable(settings) else (lambda _path: settings)
    results: list[FileResult] = []
    for found in discover(paths, file_filter):
        if found.error:
            results.append(FileResult(found.path, None, error=found.error))
        else:
            results.append(lint_file(found.path, plugins, settings_for(found.path)))
    results.sort(key=lambda result: result.path)
    return RunResult(tuple(results))
