"""Which files to lint: walk directories, apply include and exclude globs, skip hidden folders.

A glob with a ``/`` is matched against the path relative to the directory given on the command
line; a glob without one against the file or folder name, as in ``.gitignore``.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

DEFAULT_MAX_FILE_MB = 10.0
"""Larger files are refused with an error: a run's memory grows with the size of the file it is linting."""


@dataclass(frozen=True)
class FileFilter:
    """Which files a walk lints: ``include`` globs (by default, every registered format's suffixes:
    :meth:`~copylint.project.plugins.PluginSet.default_include`), ``exclude`` globs, and a size limit."""

    include: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    """Files larger than this many megabytes get an error instead of being read (0: no limit)."""

    def included(self, relative: str) -> bool:
        return _matches(self.include, relative)

    def excluded(self, relative: str) -> bool:
        return _matches(self.exclude, relative)


def _matches(patterns: Sequence[str], relative: str) -> bool:
    relative = relative.replace(os.sep, "/").removeprefix("./")
    name = relative.rsplit("/", 1)[-1]
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if "/" in pattern:
            if fnmatch.fnmatchcase(relative, pattern.lstrip("/")) or fnmatch.fnmatchcase(
                relative, "*/" + pattern.lstrip("/")
            ):
                return True
        elif fnmatch.fnmatchcase(name, pattern):
            return True
    return False


@dataclass(frozen=True)
class Discovered:
    """A file to lint, or a path that could not be used (``error`` set)."""

    path: str
    error: str | None = None


def discover(paths: Sequence[str], file_filter: FileFilter) -> Iterator[Discovered]:
    """Yield the files under ``paths`` in a stable order, each once."""
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            for found in _walk(given, file_filter):
                key = os.path.normpath(found.path)
                if key not in seen:
                    seen.add(key)
                    yield found
        elif os.path.lexists(given):
            key = os.path.normpath(given)
            if key in seen:
                continue
            seen.add(key)
            if file_filter.force_exclude and (file_filter.excluded(given) or not file_filter.included(given)):
                continue
            yield _sized(given, file_filter)
        else:
            yield Discovered(given, f"{given}: no such file or directory")


def _walk(root: str, file_filter: FileFilter) -> Iterator[Discovered]:
    errors: list[OSError] = []
    for directory, folders, files in os.walk(root, onerror=errors.append):
        yield from _folder_errors(errors)
        relative_dir = os.path.relpath(directory, root)
        relative_dir = "" if relative_dir == "." else relative_dir + "/"
        folders[:] = sorted(
            folder
            for folder in folders
            if not folder.startswith(".") and not file_filter.excluded(relative_dir + folder)
        )
        for name in sorted(files):
            relative = relative_dir + name
            if file_filter.included(relative) and not file_filter.excluded(relative):
                yield _sized(os.path.join(directory, name), file_filter)
    yield from _folder_errors(errors)


def _sized(path: str, file_filter: FileFilter) -> Discovered:
    """The file, or an error when it is over the size limit (unreadable files fail later, when read)."""
    if file_filter.max_file_mb > 0:
        try:
            size = os.stat(path).st_size
        except OSError:
            return Discovered(path)
        if size > file_filter.max_file_mb * 1_000_000:
            return Discovered(
                path,
                f"{path}: {_size(size)} is over the {_size(round(file_filter.max_file_mb * 1_000_000))} limit; "
                "raise it with --max-file-size (0: no limit)",
            )
    return Discovered(path)


def _size(size: int) -> str:
    """A size in bytes for people: ``512 bytes``, ``34.1 KB``, ``50 MB``."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.3g} KB"
    return f"{size / 1_000_000:.3g} MB"


def _folder_errors(errors: list[OSError]) -> Iterator[Discovered]:
    while errors:
        error = errors.pop(0)
        yield Discovered(str(error.filename), f"{error.filename}: cannot list folder ({error.strerror})")
