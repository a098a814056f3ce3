"""Source ranges that are never prose: front matter, static-site template tags and obfuscated
e-mail addresses.

Front matter and template tags are masked: replaced with spaces (newlines kept) before parsing, so
offsets do not move and the parser sees blank text where a tag was. An obfuscated address is prose
to a parser; :func:`add_prose` puts a placeholder in its place as each format adds its text.
(Markdown's own non-prose inline syntax is in :mod:`copylint.formats.markdown_rules`.)
"""

from __future__ import annotations

import re

from copylint.core.prose import PLACEHOLDER, Scope, ViewBuilder
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


# "jane.doe(at)agency(dot)gov", "jane [at] agency [dot] gov" ("jane at agency dot gov" is prose).
_AT = re.compile(r"[(\[{][ \t]*at[ \t]*[)\]}]", re.IGNORECASE)
_LOCAL_PART = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}\Z")
_DOMAIN = re.compile(r"[ \t]*[\w-]+(?:(?:[ \t]*[(\[{][ \t]*dot[ \t]*[)\]}][ \t]*|\.)[\w-]+)+", re.IGNORECASE)


def obfuscated_addresses(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans of e-mail addresses written to fool harvesters ("jane(at)agency(dot)gov") in
    ``text[start:end]``."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    for at in _AT.finditer(text, start, end):
        left = at.start()
        while left > start and text[left - 1] in " \t":
            left -= 1
        local = _LOCAL_PART.search(text, max(start, left - 64), left)
        domain = _DOMAIN.match(text, at.end(), end)
        if local and domain and (not spans or spans[-1].end <= local.start()):
            spans.append(Span(local.start(), domain.end()))
    return spans


def add_prose(builder: ViewBuilder, text: str, start: int, end: int, scope: Scope) -> None:
    """Add the verbatim source ``text[start:end]`` to ``builder``, an obfuscated address as a placeholder."""
    if not _AT.search(text, start, end):  # the usual case, tested first: no address at all
        builder.add(start, end, scope)
        return
    position = start
    for span in obfuscated_addresses(text, start, end):
        builder.add(position, span.start, scope)
        builder.add_synthetic(PLACEHOLDER, span.start, span.end, scope)
        position = span.end
    builder.add(position, end, scope)
