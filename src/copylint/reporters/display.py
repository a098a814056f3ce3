"""Text for one-line output: control characters (a line break in a file name) shown escaped; counts
with their nouns."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with control characters escaped, so it stays on one line (``a\\nb.md``)."""
    return _CONTROL.sub(lambda match: _NAMED.get(match.group(), f"\\x{ord(match.group()):02x}"), text)


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, the noun in the plural unless the count is one ("1 finding", "2 files")."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
