"""Plugin hooks. Built-in rules, formats and reporters register through these, exactly like
third-party plugins found through the ``copylint`` entry-point group.

Each hook returns a sequence; pluggy calls every implementation and copylint concatenates the
results in registration order (built-ins first). Duplicate names are reported as plugin errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from copylint.core.prose import DocumentFormat
    from copylint.core.rule import Rule
    from copylint.reporters import Reporter

PROJECT = "copylint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def copylint_register_rules() -> Sequence[type[Rule]]:  # type: ignore[empty-body]
    """Return rule classes (subclasses of :class:`copylint.core.rule.Rule`) with unique ids."""


@hookspec
def copylint_register_formats() -> Sequence[DocumentFormat]:  # type: ignore[empty-body]
    """Return document formats; a later format claiming the same suffix wins over an earlier one."""


@hookspec
def copylint_register_reporters() -> Sequence[type[Reporter]]:  # type: ignore[empty-body]
    """Return reporter classes, each with a unique ``name`` usable with ``--format``."""
