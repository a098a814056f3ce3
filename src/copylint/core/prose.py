"""The prose view: the words a reader sees, with a map from every prose offset back to the source.

Formats build a :class:`ProseView` through a :class:`ViewBuilder`. Each :class:`Segment` is either
*verbatim* (its prose text equals the source text at its span, character for character) or
*synthetic* (a block break, a placeholder for inline code, a decoded entity), mapped to a whole
source range. Rules work on prose offsets; :meth:`ProseView.to_source` turns them into source spans.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from copylint.core.source import Document, Span

if TYPE_CHECKING:
    from copylint.core.rule import FamilySettings

BLOCK_BREAK = "\n\n"
PLACEHOLDER = "\ufffc"
"""Stands in the prose for something a reader sees but that is not prose (inline code, an autolink)."""


class Scope(StrEnum):
    """Where a piece of prose sits in its document."""

    TEXT = "text"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list-item"
    BLOCKQUOTE = "blockquote"
    TABLE_CELL = "table-cell"
    LINK_TEXT = "link-text"
    ALT_TEXT = "alt-text"
    TITLE = "title"
    MARKUP = "markup"


BODY_SCOPES = frozenset({Scope.TEXT, Scope.PARAGRAPH, Scope.LIST_ITEM, Scope.BLOCKQUOTE, Scope.TABLE_CELL})
"""Running text: paragraphs, list items, quotations and table cells (not headings or link text)."""
HEADING_SCOPES = frozenset({Scope.HEADING, Scope.TITLE})
"""Headings and document titles."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of prose mapped to a run of source."""

    prose_start: int
    prose_end: int
    source_start: int
    source_end: int
    scope: Scope
    verbatim: bool


@dataclass(frozen=True, slots=True)
class Link:
    """A link or image found in the markup (not a bare URL in prose; see :mod:`copylint.core.tokens`)."""

    url: str
    source: Span
    kind: str
    text: Span | None = None
    title: str | None = None
    rel: tuple[str, ...] = ()
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class ProseView:
    """Prose text of a document, its segments (in prose order), blocks and links."""

    text: str
    segments: tuple[Segment, ...]
    blocks: tuple[Span, ...]
    links: tuple[Link, ...] = ()
    front_matter: Span | None = None
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _ends: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _block_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.prose_start for s in self.segments))
        object.__setattr__(self, "_ends", tuple(s.prose_end for s in self.segments))
        object.__setattr__(self, "_block_starts", tuple(block.start for block in self.blocks))

    def block_index(self, offset: int) -> int:
        """The index in :attr:`blocks` of the block at ``offset`` (the last one starting at or
        before it; -1 before the first)."""
        return bisect.bisect_right(self._block_starts, offset) - 1

    def starts_block(self, offset: int) -> bool:
        """Whether a block starts exactly at ``offset``."""
        index = self.block_index(offset)
        return index >= 0 and self._block_starts[index] == offset

    def segment_at(self, offset: int) -> Segment | None:
        """The segment holding the prose character at ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if 0 <= index < len(self.segments) and offset < self.segments[index].prose_end:
            return self.segments[index]
        return None

    def source_start(self, offset: int) -> int:
        """The source offset where prose ``offset`` begins (for the start of a span)."""
        segment = self.segment_at(offset)
        if segment is None:
            return self.segments[-1].source_end if self.segments else 0
        if segment.verbatim:
            return segment.source_start + offset - segment.prose_start
        return segment.source_start

    def source_end(self, offset: int) -> int:
        """The source offset where prose ``offset`` ends (for the exclusive end of a span)."""
        index = bisect.bisect_left(self._ends, offset)
        if index >= len(self.segments):
            return self.segments[-1].source_end if self.segments else 0
        segment = self.segments[index]
        if offset <= segment.prose_start:
            return segment.source_start
        if segment.verbatim:
            return segment.source_start + offset - segment.prose_start
        return segment.source_end

    def to_source(self, span: Span) -> Span:
        """Map a prose span to the source span it came from."""
        start = self.source_start(span.start)
        if span.start == span.end:
            return Span(start, start)
        return Span(start, max(start, self.source_end(span.end)))

    def is_verbatim(self, span: Span, document: Document) -> bool:
        """Whether the prose in ``span`` is exactly the source text at ``to_source(span)``."""
        source = self.to_source(span)
        return document.text[source.start : source.end] == self.text[span.start : span.end]

    def scope_at(self, offset: int) -> Scope:
        segment = self.segment_at(offset)
        return segment.scope if segment else Scope.TEXT


@dataclass(frozen=True, slots=True)
class Mask:
    """A source range whose characters never reach the prose (front matter, a template tag), and
    what a reader sees in its place: ``stand_in``, once however the range is added (a placeholder
    for a tag that outputs something, nothing for one that does not); ``breaks``: the range ends
    the block before it (a shortcode opening or closing a box of its own)."""

    start: int
    end: int
    stand_in: str = " "
    breaks: bool = False


class ViewBuilder:
    """Assembles a :class:`ProseView` from source ranges, in reading order.

    ``masks`` are source ranges (front matter, template tags) whose characters must never reach
    the prose: a masked run inside an added range becomes its mask's stand-in (a plain
    :class:`~copylint.core.source.Span`: a single synthetic space).
    """

    def __init__(self, document: Document, masks: Sequence[Span | Mask] = ()) -> None:
        self._text = document.text
        self._masks = sorted(
            (mask if isinstance(mask, Mask) else Mask(mask.start, mask.end) for mask in masks),
            key=lambda mask: mask.start,
        )
        self._mask_starts = [mask.start for mask in self._masks]
        self._last_mask = -1
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._blocks: list[Span] = []
        self._links: list[Link] = []
        self._length = 0
        self._block_start = 0
        self._last_source = 0
        self._pending_break = False
        self.front_matter: Span | None = None

    @property
    def offset(self) -> int:
        """The prose offset the next added text will start at."""
        return self._length + (len(BLOCK_BREAK) if self._pending_break else 0)

    @property
    def at_block_start(self) -> bool:
        """Whether nothing has been added to the current block yet."""
        return self._pending_break or self._length == self._block_start

    def add(self, source_start: int, source_end: int, scope: Scope) -> None:
        """Add the source text in ``[source_start, source_end)`` verbatim, masks excepted."""
        if source_start >= source_end:
            return
        index = max(bisect.bisect_right(self._mask_starts, source_start) - 1, 0)
        position = source_start
        while index < len(self._masks) and self._masks[index].start < source_end:
            mask = self._masks[index]
            index += 1
            if mask.end <= position:
                continue
            if mask.start > position:
                self._append(self._text[position : mask.start], position, mask.start, scope, True)
            masked_end = min(mask.end, source_end)
            if index - 1 != self._last_mask:  # a mask added line by line stands in once
                self._last_mask = index - 1
                if mask.breaks:
                    self.break_block()
                if mask.stand_in:
                    self._append(mask.stand_in, max(mask.start, position), masked_end, scope, False)
            position = masked_end
        if position < source_end:
            self._append(self._text[position:source_end], position, source_end, scope, True)

    def add_synthetic(self, text: str, source_start: int, source_end: int, scope: Scope) -> None:
        """Add prose that stands for ``[source_start, source_end)`` without equalling it."""
        if text:
            self._append(text, source_start, source_end, scope, False)

    def break_block(self) -> None:
        """End the current block (paragraph, heading, cell ...): later prose starts a new one."""
        if self._length > self._block_start and not self._pending_break:
            self._blocks.append(Span(self._block_start, self._length))
            self._pending_break = True

    def add_link(self, link: Link) -> None:
        self._links.append(link)

    def build(self) -> ProseView:
        if self._length > self._block_start and not self._pending_break:
            self._blocks.append(Span(self._block_start, self._length))
        return ProseView(
            text="".join(self._parts),
            segments=tuple(self._segments),
            blocks=tuple(self._blocks),
            links=tuple(self._links),
            front_matter=self.front_matter,
        )

    def _append(self, text: str, source_start: int, source_end: int, scope: Scope, verbatim: bool) -> None:
        if self._pending_break:
            self._pending_break = False
            self._segments.append(
                Segment(self._length, self._length + 2, self._last_source, self._last_source, Scope.MARKUP, False)
            )
            self._parts.append(BLOCK_BREAK)
            self._length += len(BLOCK_BREAK)
            self._block_start = self._length
        start = self._length
        previous = self._segments[-1] if self._segments else None
        if (
            verbatim
            and previous is not None
            and previous.verbatim
            and previous.scope == scope
            and previous.source_end == source_start
        ):
            self._segments[-1] = Segment(
                previous.prose_start,
                start + len(text),
                previous.source_start,
                source_end,
                scope,
                True,
            )
        else:
            self._segments.append(Segment(start, start + len(text), source_start, source_end, scope, verbatim))
        self._parts.append(text)
        self._length += len(text)
        self._last_source = max(self._last_source, source_end)


class DirectiveSyntax(StrEnum):
    """How a format's documents write copylint's inline directives (:mod:`copylint.core.suppress`)."""

    COMMENTS = "comments"
    """``<!-- copylint-disable RULE -->`` and its kin, in the format's comments (Markdown, HTML)."""
    LINES = "lines"
    """``copylint: ignore`` or ``copylint-disable-next-line RULE`` on a line of its own (plain text)."""


@dataclass(frozen=True, slots=True)
class FormatTraits:
    """What rules and the engine may need to know about a format, declared by the format itself
    instead of being guessed from file names."""

    directives: DirectiveSyntax = DirectiveSyntax.LINES
    collapses_whitespace: bool = False
    """Whether a reader sees a run of spaces as one (HTML, Markdown): doubled spaces are invisible."""
    tags_share_lines: bool = False
    """Whether markup may sit on the same source lines as a block's prose (HTML's ``<p>…</p>``),
    so deleting a block's whole lines could delete markup too."""
    settings: type[FamilySettings] | None = None
    """The settings whose configuration keys the format reads (the shortcodes whose content is
    code, for a format that reads template tags). The engine then calls ``build_view(document,
    settings)`` with them built from the configuration."""


PLAIN_TRAITS = FormatTraits()


class DocumentFormat(Protocol):
    """A markup language copylint can read. Registered through ``copylint_register_formats``.

    A format may also set ``traits`` (a :class:`FormatTraits`); one that does not is read with
    plain-text traits (see :func:`traits_of`).
    """

    name: str
    """A short stable name, e.g. ``markdown``."""
    suffixes: tuple[str, ...]
    """Lower-case file name suffixes with the dot, e.g. ``(".md",)``. Folder walks lint every
    registered format's suffixes."""

    def build_view(self, document: Document) -> ProseView:
        """Extract the prose of ``document`` with its map back to the source."""
        ...


def traits_of(document_format: DocumentFormat) -> FormatTraits:
    """The traits ``document_format`` declares, or plain text's."""
    traits = getattr(document_format, "traits", None)
    return traits if isinstance(traits, FormatTraits) else PLAIN_TRAITS
