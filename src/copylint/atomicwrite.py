"""Replacing a file atomically: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import BinaryIO


def replace_atomically(path: str, write: Callable[[BinaryIO], object], mode: int | None = None) -> None:
    """Call ``write`` on a new file beside ``path`` (its folder is created if missing), give it
    ``mode`` if set, and rename it over ``path``. If anything fails the new file is removed and
    the error (an ``OSError``, or whatever ``write`` raised) goes to the caller."""
    import tempfile  # only when something is written: importing it costs 4 ms of every start

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
