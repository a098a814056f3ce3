"""The stretches of a document a Vale rule reads, picked by Vale's scope selectors (after Vale's
``internal/check/scope.go`` and ``internal/lint/ast.go``).

Vale reads a Markdown or HTML file as blocks, each named by a scope: a heading is
``text.heading.h2.md``, a list item ``text.list.md``, a table's header cell ``text.table.header.md``
and a data cell ``text.table.cell.md``, a quotation ``text.blockquote.md``, an image's alt text
``text.attr.alt``. A plain paragraph is read three times: whole (``paragraph.md``), sentence by
sentence (``sentence.md``) and as text (``text.md``); so ``sentence`` and ``paragraph`` never
reach a heading, a list item or a table cell. ``summary.md`` is the body text at once
(paragraphs, list items and quotations: no headings, table cells or alt text) and ``raw.md`` the
source as written, markup and code included.

A rule's scope is a list of selectors, any of which may pick a block; a selector is parts joined
by ``&``, all of which must hold; a part is dotted names that must all be in the block's name
(``table.cell``), or, after ``~``, must not be (``~heading``: every block but headings, and never
the summary or the raw source).
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from copylint.core.prose import ProseView, Scope
from copylint.core.rule import RuleContext
from copylint.core.source import Span

SCOPES = (
    "text", "heading", "table", "figure", "list", "paragraph", "sentence", "alt", "title", "blockquote",
    "summary", "raw",
)  # fmt: skip
"""The first names of the selectors Vale accepts (``heading.h1``, ``table.cell`` ... extend them)."""
RETIRED_SCOPES = ("code", "link", "strong", "emphasis")
"""Inline scopes Vale no longer supports (since 2.26): it refuses a rule that names one, and says
to match the markup in ``raw`` instead."""
_INLINE = frozenset({Scope.LINK_TEXT, Scope.ALT_TEXT, Scope.MARKUP})
"""Prose scopes inside a block, which do not say what the block is."""
_NOT_SUMMARY = frozenset({Scope.HEADING, Scope.TABLE_CELL})
_DELIMITER_ROW = re.compile(r"[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$", re.MULTILINE)
_ATX = re.compile(r"[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?[ \t>]*(#{1,6})(?:[ \t]|\r?$)", re.MULTILINE)
_SETEXT = re.compile(r"[ \t>]*(=+|-+)[ \t]*\r?$", re.MULTILINE)
_HTML_HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
_HTML_CELL = re.compile(r"<t([hd])\b", re.IGNORECASE)
_LOOK_BACK = 2000
"""How far back in the source an HTML heading or cell's opening tag is looked for."""


@dataclass(frozen=True)
class Unit:
    """One stretch a rule searches: its span, Vale's name for it, and where a match may lie."""

    span: Span
    scope: str = ""
    parts: tuple[Span, ...] | None = None
    """The sub-spans a match must lie within (a paragraph without its images' alt text, the
    summary's blocks), or ``None`` for the whole span."""
    source: bool = False
    """The span is in the document's source, not its prose (Vale's ``raw``)."""

    def holds(self, start: int, end: int) -> bool:
        """Whether a match from ``start`` to ``end`` lies within one of the unit's parts."""
        if self.parts is None:
            return True
        index = bisect.bisect_right(self.parts, start, key=lambda part: part.start) - 1
        return index >= 0 and end <= self.parts[index].end


def selected(selectors: Sequence[str], ctx: RuleContext) -> Iterator[Unit]:
    """The units of ``ctx``'s document that ``selectors`` pick, in document order."""
    for unit in ctx.shared("packs.vale-units", lambda: _units(ctx)):
        if matches(tuple(selectors), unit.scope):
            yield unit


@lru_cache(maxsize=256)
def matches(selectors: tuple[str, ...], scope: str) -> bool:
    """Whether any of ``selectors`` picks the block named ``scope`` (Vale's ``Scope.Matches``)."""
    names = frozenset(scope.split("."))
    for selector in selectors:
        parts = [part.strip() for part in selector.split("&")]
        if all(_part_holds(part, names) for part in parts if part):
            return True
    return False


def _part_holds(part: str, names: frozenset[str]) -> bool:
    negated = part.startswith("~")
    wanted = frozenset(part.removeprefix("~").split("."))
    if not negated:
        return wanted <= names
    return not wanted <= names and not names & {"raw", "summary"}


def scope_problem(selector: str) -> str | None:
    """Why Vale refuses ``selector`` (a retired inline scope, or no scope at all), or ``None``."""
    if "&" in selector:
        return None  # Vale does not check combined selectors either
    first = selector.strip().removeprefix("~").split(".")[0]
    if first in RETIRED_SCOPES:
        return f"scope '{first}' is no longer supported by Vale (match the markup with scope 'raw' instead)"
    if first not in SCOPES:
        return f"'{first}' is not a scope Vale knows ({', '.join(SCOPES)})"
    return None


def _units(ctx: RuleContext) -> tuple[Unit, ...]:
    """Every unit of the document, each named as Vale names it."""
    view, source = ctx.view, ctx.document.text
    ext = os.path.splitext(ctx.document.path)[1].lstrip(".")
    suffix = f".{ext}" if ext else ""
    sentences = ctx.tokens.sentences
    sentence_starts = [sentence.start for sentence in sentences]
    units: list[Unit] = []
    summary: list[Span] = []
    for block in view.blocks:
        kind = _kind(view, block)
        parts = _without_alt(view, block)
        if kind not in _NOT_SUMMARY:
            summary.extend(parts)
        if kind is Scope.HEADING:
            units.append(Unit(block, f"text.heading.h{_heading_level(view, source, block)}{suffix}", parts))
        elif kind is Scope.TABLE_CELL:
            units.append(Unit(block, f"text.table.{_cell_kind(view, source, block)}{suffix}", parts))
        elif kind in (Scope.LIST_ITEM, Scope.BLOCKQUOTE):
            units.append(Unit(block, f"text.{'list' if kind is Scope.LIST_ITEM else 'blockquote'}{suffix}", parts))
        else:
            units.append(Unit(block, f"paragraph{suffix}", parts))
            first = bisect.bisect_left(sentence_starts, block.start)
            last = bisect.bisect_left(sentence_starts, block.end)
            units.extend(Unit(sentence, f"sentence{suffix}", parts) for sentence in sentences[first:last])
            units.append(Unit(block, f"text{suffix}", parts))
        units.extend(Unit(alt, "text.attr.alt") for alt in _alt_runs(view, block))
    units.append(Unit(Span(0, len(view.text)), f"summary{suffix}", tuple(summary)))
    units.append(Unit(Span(0, len(source)), f"raw{suffix}", source=True))
    return tuple(units)


def _segments(view: ProseView, block: Span) -> Iterator[tuple[Span, Scope]]:
    """The spans and scopes of the segments within ``block``, in order."""
    offset = block.start
    while offset < block.end:
        segment = view.segment_at(offset)
        if segment is None:
            return
        yield Span(offset, min(segment.prose_end, block.end)), segment.scope
        offset = segment.prose_end


def _kind(view: ProseView, block: Span) -> Scope:
    """What the block is: the scope of its first segment that is not link text, alt text or markup."""
    return next((scope for _, scope in _segments(view, block) if scope not in _INLINE), Scope.PARAGRAPH)


def _alt_runs(view: ProseView, block: Span) -> list[Span]:
    """The block's images' alt texts, each one span (Vale reads each as a block of its own)."""
    runs: list[Span] = []
    for span, scope in _segments(view, block):
        if scope is not Scope.ALT_TEXT:
            continue
        if runs and runs[-1].end == span.start:
            runs[-1] = Span(runs[-1].start, span.end)
        else:
            runs.append(span)
    return runs


def _without_alt(view: ProseView, block: Span) -> tuple[Span, ...]:
    """``block`` less its alt texts, as the spans between them."""
    parts: list[Span] = []
    start = block.start
    for alt in _alt_runs(view, block):
        if alt.start > start:
            parts.append(Span(start, alt.start))
        start = alt.end
    if start < block.end or not parts:
        parts.append(Span(start, block.end))
    return tuple(parts)


def _line_around(source: str, offset: int) -> tuple[int, int]:
    start = source.rfind("\n", 0, offset) + 1
    end = source.find("\n", offset)
    return start, len(source) if end < 0 else end


def _heading_level(view: ProseView, source: str, block: Span) -> int:
    """The heading's level: its ``#`` signs, its ``<hN>`` tag, or its setext underline."""
    where = view.to_source(block)
    start, end = _line_around(source, where.start)
    atx = _ATX.match(source, start, end)
    if atx:
        return len(atx.group(1))
    tags = list(_HTML_HEADING.finditer(source, max(0, where.start - _LOOK_BACK), where.start))
    if tags and not tags[-1].group(1):
        return int(tags[-1].group(2))
    _, last_end = _line_around(source, max(where.start, where.end - 1))
    underline = _SETEXT.match(source, min(last_end + 1, len(source)))
    return 2 if underline and underline.group(1).startswith("-") else 1


def _cell_kind(view: ProseView, source: str, block: Span) -> str:
    """``header`` for a table's header cell (a pipe table's first row, or a ``<th>``), else ``cell``."""
    where = view.to_source(block)
    _, end = _line_around(source, where.start)
    if end < len(source) and _DELIMITER_ROW.match(source, end + 1, _line_around(source, end + 1)[1]):
        return "header"
    tags = list(_HTML_CELL.finditer(source, max(0, where.start - _LOOK_BACK), where.start))
    return "header" if tags and tags[-1].group(1).lower() == "h" else "cell"
