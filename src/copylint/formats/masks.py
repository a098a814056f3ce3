"""Source ranges that are never prose: front matter and static-site template tags.

Masking replaces such ranges with spaces (newlines kept) before parsing, so offsets do not move and
the parser sees blank text where a tag was.
"""

from __future__ import annotations

import re

from copylint.core.source import Span

_FRONT_MATTER = re.compile(
    r"\A(?:(?P<yaml>---)[ \t]*\r?\n(?:.*?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)"
    r"|(?P<toml>\+\+\+)[ \t]*\r?\n(?:.*?\n)??\+\+\+[ \t]*(?:\r?\n|\Z))",
    re.DOTALL,
)
# Hugo shortcodes, Liquid/Jinja tags, expressions and comments. Bounded so an unclosed tag cannot
# make the search quadratic.
_TEMPLATE_TAG = re.compile(
    r"\{\{<.{0,2000}?>\}\}|\{\{%.{0,2000}?%\}\}|\{%.{0,2000}?%\}|\{\{.{0,2000}?\}\}|\{#.{0,2000}?#\}",
    re.DOTALL,
)
_NOT_NEWLINE = re.compile(r"[^\n]")


def front_matter_span(text: str) -> Span | None:
    """The span of YAML (``---``) or TOML (``+++``) front matter at the very start of ``text``."""
    match = _FRONT_MATTER.match(text)
    return Span(0, match.end()) if match else None


def template_tag_spans(text: str) -> list[Span]:
    """Spans of template tags such as ``{{< figure >}}``, ``{% include %}`` and ``{{ page.title }}``."""
    if "{" not in text:
        return []
    return [Span(match.start(), match.end()) for match in _TEMPLATE_TAG.finditer(text)]


def blank(text: str, spans: list[Span]) -> str:
    """``text`` with every character in ``spans`` but newlines replaced by a space."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for span in spans:
        pieces.append(text[position : span.start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[span.start : span.end]))
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)
