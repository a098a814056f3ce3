"""``copylint fix`` (and ``check --fix``): fix each file through the same per-file steps as a
check, and write the result atomically, keeping its BOM, line endings and permissions, never over
a file that changed on disk meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from copylint.core.engine import lint_document
from copylint.core.errors import CopylintError, InputError
from copylint.core.finding import FileResult, Finding
from copylint.core.fixer import fix_document
from copylint.core.rule import LintSettings
from copylint.core.source import Document, encode
from copylint.project.discovery import FileFilter, discover
from copylint.project.plugins import PluginSet
from copylint.run.pipeline import read_document
from copylint.store.files import replace_atomically

Review = Callable[[Document, Sequence[Finding]], str]
"""Chooses the replacements for a document's findings (``fix --interactive``): returns the new text."""


@dataclass(frozen=True)
class FileFix:
    """One file that was changed (or would be), or could not be fixed."""

    path: str
    before: str = ""
    after: str = ""
    error: str | None = None


def fix_paths(
    paths: Sequence[str],
    file_filter: FileFilter,
    plugins: PluginSet,
    settings_for: Callable[[str], LintSettings],
    unsafe: bool = False,
    write: bool = True,
    review: Review | None = None,
) -> Iterator[FileFix]:
    """Fix every file under ``paths`` (with unsafe fixes too when ``unsafe``, or as ``review``
    chooses), writing each changed file when ``write``. Yields the files that changed and those
    that failed; a failure costs its file only."""
    for found in discover(paths, file_filter):
        if found.error:
            yield FileFix(found.path, error=found.error)
            continue
        read = read_document(found.path)
        if isinstance(read, FileResult):
            yield FileFix(found.path, error=read.error)
            continue
        document, original = read
        try:
            text = _fixed_text(document, plugins, settings_for(found.path), unsafe, review)
            if text == document.text:
                continue
            if write:
                write_atomically(found.path, original, encode(document, text))
        except CopylintError as exc:
            yield FileFix(found.path, error=str(exc))
            continue
        yield FileFix(found.path, document.text, text)


def _fixed_text(
    document: Document, plugins: PluginSet, settings: LintSettings, unsafe: bool, review: Review | None
) -> str:
    document_format = plugins.format_for(document.path)

    def lint(current: Document) -> tuple[Finding, ...]:
        return lint_document(current, document_format, settings).findings

    if review is not None:
        return review(document, lint(document))
    return fix_document(document, lint, unsafe).text


def write_atomically(path: str, original: bytes, data: bytes) -> None:
    """Replace ``path`` with ``data`` unless it no longer holds ``original``; keep its permissions."""
    if not os.access(path, os.W_OK):
        raise InputError(f"{path}: not writable; fixes not applied")
    try:
        with open(path, "rb") as handle:
            if handle.read() != original:
                raise InputError(f"{path}: changed on disk while copylint was fixing it; not written")
        mode = os.stat(path).st_mode
        replace_atomically(path, lambda handle: handle.write(data), mode=mode & 0o7777)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
