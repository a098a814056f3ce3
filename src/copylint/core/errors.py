"""The one exception family copylint raises for user-facing problems, and the did-you-mean hint
its messages share."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class CopylintError(Exception):
    """A problem the user can fix; its message names the file, key or plugin at fault."""


class InputError(CopylintError):
    """A file could not be read or decoded."""


class UsageError(CopylintError):
    """A command-line option or selector is wrong."""


def close_match(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a mistyped ``word``, if one is close enough."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the choice closest to ``word``, or ``""``."""
    close = close_match(word, choices)
    return f"; did you mean '{close}'?" if close else ""
