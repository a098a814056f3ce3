"""The plugin contract: copylint's pluggy hooks, and the marker plugins implement them with.

Built-in rules, packs, formats and reporters register through these hooks exactly like third-party
plugins, which are modules named in the ``copylint`` entry-point group. Each hook takes no
arguments and returns a sequence; copylint calls every implementation separately (one that raises
is reported by its plugin's name and skipped, the others still count) and concatenates the results
in registration order, built-ins first.
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
"""Marks a plugin's hook implementations (also exported as ``copylint.hookimpl``)."""


@hookspec
def copylint_register_rules() -> Sequence[type[Rule]]:  # type: ignore[empty-body]
    """Return rule classes: subclasses of :class:`copylint.Rule` with ids like ``family.kebab-name``.

    A rule whose id is invalid or already registered, whose category or severity is unknown, or
    whose family settings declare a configuration key another family (or copylint) already uses, is
    reported and skipped. A rule's :attr:`~copylint.Rule.family_settings` class brings its
    configuration keys with it.
    """


@hookspec
def copylint_register_formats() -> Sequence[DocumentFormat]:  # type: ignore[empty-body]
    """Return document formats (objects with ``name``, ``suffixes``, ``build_view`` and, optionally,
    ``traits``). A later format claiming a suffix wins over an earlier one; folder walks lint every
    registered suffix."""


@hookspec
def copylint_register_reporters() -> Sequence[type[Reporter]]:  # type: ignore[empty-body]
    """Return reporter classes (subclasses of :class:`copylint.Reporter`), each with a unique
    ``name`` for ``--format`` and a one-line ``description`` for the help; a second reporter with a
    name already taken is reported and skipped."""
