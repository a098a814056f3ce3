"""Source ranges that are never prose: front matter, static-site template tags and obfuscated
e-mail addresses.

Front matter and template tags (found by :mod:`copylint.formats.templates`) are masked before
parsing: :func:`masked_text` replaces them one character for one, so offsets do not move and the
parser sees the structure the page has. An obfuscated address is prose to a parser;
:func:`add_prose` puts a placeholder in its place as each format adds its text. (Markdown's own
non-prose inline syntax is in :mod:`copylint.formats.markdown_rules`.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from copylint.core.prose import PLACEHOLDER, Mask, Scope, ViewBuilder
from copylint.core.source import Span

_FRONT_MATTER = re.compile(
    r"\A(?:(?P<yaml>---)[ \t]*\r?\n(?:.*?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)"
    r"|(?P<toml>\+\+\+)[ \t]*\r?\n(?:.*?\n)??\+\+\+[ \t]*(?:\r?\n|\Z))",
    re.DOTALL,
)
_NOT_NEWLINE = re.compile(r"[^\n]")
# What a line holds beside silent tags when it opens or closes a code fence.
_FENCE = re.compile(r"`{3,}[^`\n{]*|~{3,}[^\n{]*")


def front_matter_span(text: str) -> Span | None:
    """The span of YAML (``---``) or TOML (``+++``) front matter at the very start of ``text``."""
    match = _FRONT_MATTER.match(text)
    return Span(0, match.end()) if match else None


def masked_text(text: str, masks: Sequence[Mask]) -> str:
    """``text`` as a Markdown or HTML parser is to see it: each masked character replaced one for one
    (newlines kept), so that no offset moves and no tag changes the structure around it.

    Masks alone on their lines (with only spaces or other masks beside them) become spaces: a blank
    line, as the tags leave none in the page. Any other mask becomes :data:`PLACEHOLDER` characters,
    which CommonMark reads like the braces they replace: never indentation (a tag starting a line
    of prose would otherwise make it an indented code block), a list marker, an emphasis delimiter
    or the start of a block. A code fence that silent tags glue to (``{% endraw %}```````) moves to
    its line's start, and silent tags after a fence become spaces, so that the fence still opens or
    closes.
    """
    if not masks:
        return text
    pieces: list[str] = []
    position = 0
    for start, end, silent in _runs(text, masks):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = end if text[end - 1] == "\n" else text.find("\n", end)  # front matter ends a line
        line_end = len(text) if line_end < 0 else line_end
        before, after = text[line_start:start], text[end:line_end]
        pieces.append(text[position:start])
        position = end
        if not after.strip() and (not before.strip() or (silent and _FENCE.fullmatch(before.lstrip(" \t")))):
            pieces.append(_filled(text, start, end, " "))
        elif silent and not before.strip() and "\n" not in text[start:end] and _FENCE.fullmatch(after):
            pieces.append(after + " " * (end - start))
            position = line_end
        else:
            pieces.append(_filled(text, start, end, PLACEHOLDER))
    pieces.append(text[position:])
    return "".join(pieces)


def _filled(text: str, start: int, end: int, fill: str) -> str:
    """``text[start:end]`` with every character but newlines replaced by ``fill``."""
    if text.find("\n", start, end) < 0:
        return fill * (end - start)
    return _NOT_NEWLINE.sub(fill, text[start:end])


def _runs(text: str, masks: Sequence[Mask]) -> Iterator[tuple[int, int, bool]]:
    """Runs of masks with only spaces between them: start, end, and whether none shows anything."""
    run_start, run_end, silent = masks[0].start, masks[0].end, not masks[0].stand_in.strip()
    for mask in masks[1:]:
        if mask.start >= run_end and not text[run_end : mask.start].strip(" \t"):
            run_end, silent = mask.end, silent and not mask.stand_in.strip()
            continue
        yield run_start, run_end, silent
        run_start, run_end, silent = mask.start, mask.end, not mask.stand_in.strip()
    yield run_start, run_end, silent


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
