"""Files copylint writes: atomic replacement (readers see the old file or the new one, never half
of one), the per-user cache folder, and the housekeeping of versioned files in it."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable
from typing import BinaryIO


def replace_atomically(path: str, write: Callable[[BinaryIO], object], mode: int | None = None) -> None:
    """Call ``write`` on a new file beside ``path`` (its folder is created if missing), give it
    ``mode`` if set, and rename it over ``path``. If anything fails the new file is removed and
    the error (an ``OSError``, or whatever ``write`` raised) goes to the caller."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}-", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def cache_folder() -> str:
    configured = os.environ.get("COPYLINT_DATA_CACHE")
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "copylint")


STALE_DAYS = 7
"""A table file no run has loaded for this long is removed when another version is written."""
KEEP_OTHER_VERSIONS = 2
"""At most this many other versions of a table are kept (the most recently used): enough for two
installs that share the folder, and a bound on a development checkout, where each edit is a new
version."""
_DAY = 24 * 60 * 60


def mark_used(path: str, modified: float) -> None:
    """Touch a cache file that is still in use (at most once a day), so it is never taken for stale."""
    if modified < time.time() - _DAY:
        with contextlib.suppress(OSError):  # a read-only folder still serves its tables
            os.utime(path)


def remove_other_versions(current: str, versions: re.Pattern[str], keep: int | None = KEEP_OTHER_VERSIONS) -> None:
    """Delete the files in ``current``'s folder whose names match ``versions`` (other versions of
    the same data) that no run has used for :data:`STALE_DAYS`, and all but the ``keep`` most
    recently used (``None``: no limit)."""
    folder = os.path.dirname(current)
    others = []
    for entry in os.listdir(folder):
        path = os.path.join(folder, entry)
        if path != current and versions.fullmatch(entry):
            with contextlib.suppress(OSError):
                others.append((os.stat(path).st_mtime, path))
    others.sort(reverse=True)
    unused_since = time.time() - STALE_DAYS * _DAY
    for rank, (used, path) in enumerate(others):
        if (keep is not None and rank >= keep) or used < unused_since:
            with contextlib.suppress(OSError):
                os.remove(path)
