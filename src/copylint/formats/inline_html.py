"""HTML tags inside a Markdown paragraph (``<span style="display:none"><a href="…">…</a></span>``):
which elements are open, whether they hide what they hold, and the links their ``<a href>`` tags
make, so that a Markdown article's inline HTML links are links like any other.
"""

from __future__ import annotations

import html
import re

from copylint.core.prose import Link
from copylint.core.source import Span
from copylint.formats.hiding import Visibility
from copylint.formats.html import OpenLink

_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:\s[^>]*?)?)\s*(/?)>\Z", re.DOTALL)
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>\Z")
_ATTRIBUTE = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*('[^']*'|"[^"]*"|[^\s>]*))?""")
_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"})
_VISIBLE = Visibility()


class InlineHtml:
    """The inline HTML of one paragraph, fed tag by tag in order."""

    def __init__(self) -> None:
        self._open: list[tuple[str, Visibility]] = []
        self._links: list[OpenLink] = []

    @property
    def in_link(self) -> bool:
        return bool(self._links)

    def tag(self, raw: str, source: Span, prose_offset: int) -> Link | None:
        """Take one tag at ``source``; the link it closes, if it is an ``</a>``."""
        end = _END_TAG.match(raw)
        if end is not None:
            name = end.group(1).lower()
            for index in range(len(self._open) - 1, -1, -1):
                if self._open[index][0] == name:
                    del self._open[index:]
                    break
            if name == "a" and self._links:
                return self._links.pop().close(source.end, prose_offset)
            return None
        start = _START_TAG.match(raw)
        if start is None:
            return None
        name = start.group(1).lower()
        values = {match.group(1).lower(): _value(match.group(2) or "") for match in _ATTRIBUTE.finditer(start.group(2))}
        visibility = (self._open[-1][1] if self._open else _VISIBLE).child(values)
        closed = bool(start.group(3)) or name in _VOID
        if name == "a" and "href" in values and not closed:
            rel = tuple(values.get("rel", "").lower().split())
            self._links.append(
                OpenLink(source.start, prose_offset, values["href"], rel, visibility.hidden, values.get("title"))
            )
        if not closed:
            self._open.append((name, visibility))
        return None

    def finish(self, source_end: int, prose_offset: int) -> list[Link]:
        """The links the paragraph left open, closed at its end."""
        links = [opened.close(source_end, prose_offset) for opened in reversed(self._links)]
        self._links.clear()
        return links


def _value(written: str) -> str:
    """An attribute's value as written, unquoted and with its character references decoded."""
    if len(written) >= 2 and written[0] in "\"'" and written[-1] == written[0]:
        written = written[1:-1]
    return html.unescape(written)
