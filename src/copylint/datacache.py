"""A compact, precomputed form of the large read-only data copylint builds from installed packages
(the lexicon, the bigram counts, the public suffix list), so that a run on one article does not
spend its time parsing word lists.

The first run builds each table and writes it, pickled, to ``$COPYLINT_DATA_CACHE`` (default:
the user's cache folder, ``~/.cache/copylint``); later runs load that file. The file name
holds a hash of copylint's version and code and of the versions of the packages the data comes
from, so an upgrade (or an edit in a development checkout) rebuilds it. Writes go to a temporary
file renamed into place, so concurrent runs are safe; if the folder cannot be written, the data
is simply built in memory. Writing a table removes that table's files from other versions that
no run has loaded for :data:`STALE_DAYS` days: two installs of different versions that share the
folder (a project's environment and pre-commit's, say) keep their own tables instead of
rebuilding them on every alternate run.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import TypeVar

from copylint import __version__

T = TypeVar("T")


def cache_folder() -> str:
    configured = os.environ.get("COPYLINT_DATA_CACHE")
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "copylint")


def _versions(packages: Sequence[str]) -> str:
    return ";".join([f"copylint={__version__}", *(f"{package}={package_version(package)}" for package in packages)])


@cache
def package_version(package: str) -> str:
    """The installed version of ``package`` ("?" when it is not installed), looked up once."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


FORMAT = 6
"""Bumped whenever the shape of a cached table changes."""

STALE_DAYS = 7
"""A table file no run has loaded for this long is removed when another version is written."""
_DAY = 24 * 60 * 60


@lru_cache(maxsize=1)
def _code() -> str:
    from copylint.cache import code_fingerprint

    return code_fingerprint()


def cached(name: str, packages: Sequence[str], build: Callable[[], T]) -> T:
    """The table ``name`` from the cache folder, building (and storing) it when missing."""
    digest = hashlib.sha256(f"{FORMAT};{_versions(packages)};{_code()}".encode()).hexdigest()[:16]
    path = os.path.join(cache_folder(), f"{name}-{digest}.pickle")
    try:
        with open(path, "rb") as handle:
            value: T = pickle.load(handle)  # noqa: S301 - our own cache file
            modified = os.fstat(handle.fileno()).st_mtime
        _mark_used(path, modified)
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        pass
    value = build()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=os.path.dirname(path))
        with os.fdopen(descriptor, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        return value  # a read-only home: build in memory every time
    _remove_stale(name, path)
    return value


def _mark_used(path: str, modified: float) -> None:
    """Touch a table file that is still in use (at most once a day), so it is never taken for stale."""
    if modified < time.time() - _DAY:
        with contextlib.suppress(OSError):  # a read-only folder still serves its tables
            os.utime(path)


def _remove_stale(name: str, current: str) -> None:
    """Delete this table's files from other versions that no run has loaded for
    :data:`STALE_DAYS`, so upgrades and edits do not pile them up."""
    folder = os.path.dirname(current)
    other_version = re.compile(rf"{re.escape(name)}-[0-9a-f]{{16}}\.pickle")
    unused_since = time.time() - STALE_DAYS * _DAY
    for entry in os.listdir(folder):
        path = os.path.join(folder, entry)
        if path != current and other_version.fullmatch(entry):
            with contextlib.suppress(OSError):
                if os.stat(path).st_mtime < unused_since:
                    os.remove(path)
