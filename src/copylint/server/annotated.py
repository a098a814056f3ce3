"""The text a request sends, as the plain text copylint lints plus a map back to the request.

LanguageTool takes either ``text`` or ``data``, annotated text: a list of ``{"text": ...}`` parts
and ``{"markup": ..., "interpretAs": ...}`` parts. Markup is not checked: it is replaced by what it
is to be read as (``interpretAs``, often a line break) or removed, and the offsets of every match
still count in the original, markup included. LanguageTool counts offsets in UTF-16 code units
(Java's ``char``), so a character outside the Basic Multilingual Plane (an emoji) counts two.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from typing import Any


class BadRequest(ValueError):
    """A request LanguageTool would answer with 400: the message is the response text."""


@dataclass(frozen=True, slots=True)
class RequestText:
    """``plain`` is linted; ``original`` is what the request sent (markup included). Plain
    code-point offset ``i`` starts at ``starts[i]`` and ends at ``ends[i]`` in ``original``."""

    plain: str
    original: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def from_text(cls, text: str) -> RequestText:
        identity = tuple(range(len(text) + 1))
        return cls(text, text, identity, identity[1:] + (len(text),))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The code-point span in ``original`` of the plain span ``start``..``end``."""
        if not self.plain:
            return 0, 0
        begin = self.starts[min(start, len(self.plain) - 1)] if start < len(self.plain) else len(self.original)
        finish = self.ends[end - 1] if end > start else begin
        return begin, max(begin, finish)


def parse_annotated(data: str) -> RequestText:
    """The plain text of LanguageTool's annotated ``data`` JSON, or :class:`BadRequest`."""
    try:
        parsed: Any = json.loads(data)
    except ValueError as exc:
        raise BadRequest(f"Error: Could not parse JSON from 'data' parameter: {exc}") from None
    parts = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(parts, list):
        raise BadRequest("Error: 'data' needs an 'annotation' list of 'text' and 'markup' parts")
    plain: list[str] = []
    original: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for part in parts:
        text, markup, interpret = (part.get(key) if isinstance(part, dict) else None for key in _KEYS)
        if isinstance(text, str) and markup is None:
            plain.append(text)
            starts.extend(range(position, position + len(text)))
            ends.extend(range(position + 1, position + len(text) + 1))
            shown = text
        elif isinstance(markup, str) and text is None and isinstance(interpret, str | None):
            read_as = interpret or ""
            plain.append(read_as)
            starts.extend([position] * len(read_as))
            ends.extend([position + len(markup)] * len(read_as))
            shown = markup
        else:
            raise BadRequest(f"Error: An annotation part needs 'text' or 'markup' (and maybe 'interpretAs'): {part!r}")
        original.append(shown)
        position += len(shown)
    return RequestText("".join(plain), "".join(original), tuple(starts) + (position,), tuple(ends))


_KEYS = ("text", "markup", "interpretAs")


class Utf16:
    """Code-point offsets in one string as UTF-16 code units (LanguageTool's offsets)."""

    def __init__(self, text: str) -> None:
        self._astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)
