"""Ending the process without the interpreter's teardown.

After a one-article run, Python spends a large share of the run tearing down modules and freeing
the loaded word tables one object at a time, for memory the operating system reclaims at once
anyway. The command line therefore ends with :func:`exit_now`, which does everything a
normal exit does that anyone can observe (runs the ``atexit`` handlers, so that libraries and
plugins shut their servers and pools down, and flushes the standard streams) and then ends the
process with ``os._exit``. mypy ends its runs the same way, for the same reason.

When other threads are still running, a normal exit waits for them; so does :func:`exit_now`,
by falling back to ``sys.exit``.
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import NoReturn


def exit_code(status: str | int | None) -> int:
    """The process exit code ``sys.exit(status)`` gives (printing a non-integer status, as it does)."""
    if status is None:
        return 0
    if isinstance(status, int):
        return status
    print(status, file=sys.stderr)
    return 1


def exit_now(status: str | int | None) -> NoReturn:
    """Exit with ``status`` as ``sys.exit`` would, but skip freeing every object one by one."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(status)
    code = exit_code(status)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # e.g. a closed pipe: let Python report it as it always has
        sys.exit(code)
    os._exit(code)
