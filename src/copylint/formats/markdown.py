"""Markdown via markdown-it-py, with exact source offsets for every character of prose.

markdown-it-py gives block tokens line ranges but inline tokens no positions. For each inline
token we map its ``content`` (the block's lines with container markers stripped) back to source
lines, then walk its children with a cursor over that content, skipping markup (emphasis
delimiters, link destinations, code spans, inline HTML, whose ``<a href>`` tags still make links:
:mod:`copylint.formats.inline_html`) and aligning each text token character by
character; backslash escapes and entities become synthetic one-character segments. Math, TeX
commands, shortcodes, attribute lists and code-like HTML elements arrive as ``nonprose`` tokens
that carry their own offsets (:mod:`copylint.formats.markdown_rules`).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from copylint.core.errors import InputError
from copylint.core.prose import PLACEHOLDER, DirectiveSyntax, FormatTraits, Link, Mask, ProseView, Scope, ViewBuilder
from copylint.core.source import Document, Span
from copylint.formats.html import HtmlExtractor
from copylint.formats.inline_html import InlineHtml
from copylint.formats.markdown_blocks import TITLE_CLOSE, TITLE_OPEN
from copylint.formats.markdown_rules import NONPROSE, install
from copylint.formats.masks import add_prose, front_matter_span, masked_text
from copylint.formats.templates import DEFAULT_SETTINGS, TemplateSettings, template_masks

_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_DELIMITERS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
_CONTAINER_SCOPES = {
    "blockquote_open": Scope.BLOCKQUOTE,
    "list_item_open": Scope.LIST_ITEM,
}
_BLOCK_SCOPES = {
    "heading_open": Scope.HEADING,
    "th_open": Scope.TABLE_CELL,
    "td_open": Scope.TABLE_CELL,
    TITLE_OPEN: Scope.HEADING,
}


MAX_NESTING = 100
"""Block nesting markdown-it follows (its CommonMark preset stops at 20 and drops the rest)."""


class MarkdownFormat:
    """CommonMark plus tables and strikethrough; front matter and template tags are masked."""

    name: str = "markdown"
    suffixes: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkd")
    traits = FormatTraits(directives=DirectiveSyntax.COMMENTS, collapses_whitespace=True, settings=TemplateSettings)
    masks_template_tags = True
    """Whether ``{{ … }}`` and ``{% … %}`` are template tags (not in MDX, where ``{{`` opens an object)."""

    def __init__(self) -> None:
        # this module (and markdown-it with it) is imported with the first Markdown file, see
        # copylint.formats.builtin: a run on plain text or HTML never pays for it
        self._parser = install(
            MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
        )

    def build_view(self, document: Document, settings: TemplateSettings = DEFAULT_SETTINGS) -> ProseView:
        text = document.text
        front_matter = front_matter_span(text)
        masks = (
            template_masks(text, settings, front_matter.end if front_matter else 0) if self.masks_template_tags else []
        )
        if front_matter:
            masks.insert(0, Mask(front_matter.start, front_matter.end))
        # "\r" becomes a space so that markdown-it's CRLF normalisation cannot shift offsets.
        masked = masked_text(text, masks).replace("\r", " ").replace("\0", "\ufffd")
        tokens = self._parser.parse(masked)
        fences = _fences_in_html_blocks(masked, tokens, document.line_starts)
        if fences:
            masks = sorted([*masks, *fences], key=lambda mask: mask.start)
            masked = masked_text(masked, fences)
        builder = ViewBuilder(document, masks)
        builder.front_matter = front_matter
        # markdown-it stops parsing at its nesting limit and drops the rest of the file
        deepest = next((token for token in tokens if token.level >= MAX_NESTING - 1), None)
        if deepest is not None:
            line = f" (line {deepest.map[0] + 1})" if deepest.map else ""
            raise InputError(
                f"{document.path}: lists or quotes nested about {MAX_NESTING} levels deep{line}; "
                "the file cannot be checked as Markdown"
            )
        _Walker(document, masked, builder).walk(tokens)
        return builder.build()


@dataclass(frozen=True, slots=True)
class _LineMap:
    content_start: int
    source_start: int
    length: int


class _Walker:
    """Walks block tokens, keeping the scope stack, and aligns each inline token."""

    def __init__(self, document: Document, masked: str, builder: ViewBuilder) -> None:
        self._document = document
        self._masked = masked
        self._builder = builder
        self._line_starts = document.line_starts

    def walk(self, tokens: Sequence[Token]) -> None:
        containers: list[Scope] = []
        block_scope: Scope | None = None
        row_cursor = 0
        for token in tokens:
            kind = token.type
            if kind in _CONTAINER_SCOPES:
                containers.append(_CONTAINER_SCOPES[kind])
            elif kind in ("blockquote_close", "list_item_close"):
                if containers:
                    containers.pop()
            elif kind in _BLOCK_SCOPES:
                block_scope = _BLOCK_SCOPES[kind]
            elif kind in ("heading_close", "th_close", "td_close", TITLE_CLOSE):
                block_scope = None
            elif kind == "tr_open" and token.map:
                row_cursor = self._line_start(token.map[0])
            elif kind == "inline" and token.map:
                scope = block_scope or (containers[-1] if containers else Scope.PARAGRAPH)
                in_cell = block_scope is Scope.TABLE_CELL
                # a container's title says where it starts (markdown_blocks): its keyword may hold the same word
                cursor = row_cursor if in_cell else token.meta.get("source_start") if token.meta else None
                line_maps, after = self._map_lines(token, cursor)
                row_cursor = after if in_cell else row_cursor
                aligner = _InlineAligner(token.content, line_maps, self._masked, self._builder)
                aligner.align(token.children or [], scope, 0)
                aligner.finish()
                self._builder.break_block()
            elif kind == "html_block" and token.map:
                start = self._line_start(token.map[0])
                end = self._line_start(token.map[1])
                HtmlExtractor(self._document, self._builder, self._masked, start, end).run()
                self._builder.break_block()

    def _line_start(self, line_index: int) -> int:
        if line_index < len(self._line_starts):
            return self._line_starts[line_index]
        return len(self._masked)

    def _map_lines(self, token: Token, row_cursor: int | None) -> tuple[list[_LineMap], int]:
        """Find each line of ``token.content`` in its source line.

        Content line ``i`` normally sits on source line ``map[0] + i``; when the parser trimmed
        leading lines (a line of only no-break spaces, a setext underline), the spare lines are
        searched, so the work stays linear in the block's size.
        """
        assert token.map is not None
        lines = token.content.split("\n")
        first, stop = token.map
        slack = max(stop - first - len(lines), 0)
        maps: list[_LineMap] = []
        content_start = 0
        cursor = row_cursor or 0
        source_index = first
        for line in lines:
            found, line_start = -1, self._line_start(source_index)
            for candidate in range(source_index, source_index + slack + 1):
                line_start = self._line_start(candidate)
                found = self._find_in_line(line, line_start, cursor if row_cursor is not None else None)
                if found >= 0:
                    slack -= candidate - source_index
                    source_index = candidate
                    break
            lead = 0
            if found < 0:
                # The parser expanded a tab into spaces: align what follows the indentation.
                line_start = self._line_start(source_index)
                stripped = line.lstrip(" ")
                found = self._find_in_line(stripped, line_start, None)
                lead = len(line) - len(stripped) if found >= 0 else 0
                found = max(found, 0)
            elif row_cursor is not None:
                cursor = line_start + found + len(line)
            maps.append(_LineMap(content_start + lead, line_start + found, len(line) - lead))
            content_start += len(line) + 1
            source_index += 1
        return maps, cursor

    def _find_in_line(self, line: str, line_start: int, row_cursor: int | None) -> int:
        """Where ``line`` starts within the source line at ``line_start``, or -1."""
        line_end = self._masked.find("\n", line_start)
        if line_end == -1:
            line_end = len(self._masked)
        source_line = self._masked[line_start:line_end]
        if row_cursor is not None:
            return source_line.find(line, max(row_cursor - line_start, 0))
        if source_line.endswith(line):
            return len(source_line) - len(line)
        stripped = source_line.rstrip()
        if stripped.endswith(line):
            return len(stripped) - len(line)
        return source_line.find(line)


class _InlineAligner:
    """Aligns an inline token's children with its content and emits prose for them."""

    def __init__(self, content: str, line_maps: list[_LineMap], masked: str, builder: ViewBuilder) -> None:
        self._content = content
        self._maps = line_maps
        self._map_starts = [m.content_start for m in line_maps]
        self._masked = masked
        self._builder = builder
        self._cursor = 0
        self._html = InlineHtml()

    def finish(self) -> None:
        """Close the links the paragraph's inline HTML left open."""
        for link in self._html.finish(self._source(len(self._content)), self._builder.offset):
            self._builder.add_link(link)

    # ---- mapping content offsets to source offsets
    def _source(self, offset: int) -> int:
        index = max(bisect.bisect_right(self._map_starts, offset) - 1, 0)
        line = self._maps[index]
        return min(line.source_start + min(offset - line.content_start, line.length + 1), len(self._masked))

    def _emit_verbatim(self, start: int, end: int, scope: Scope) -> None:
        while start < end:
            index = max(bisect.bisect_right(self._map_starts, start) - 1, 0)
            line = self._maps[index]
            stop = min(end, line.content_start + line.length + 1)
            source_start = self._source(start)
            source_end = min(source_start + (stop - start), len(self._masked))
            if self._masked[source_start:source_end] == self._content[start:stop]:
                add_prose(self._builder, self._masked, source_start, source_end, scope)
            else:
                self._builder.add_synthetic(self._content[start:stop], source_start, source_end, scope)
            start = stop

    def _emit_synthetic(self, text: str, start: int, end: int, scope: Scope) -> None:
        self._builder.add_synthetic(text, self._source(start), self._source(end), scope)

    # ---- walking children
    def align(self, children: Sequence[Token], base_scope: Scope, base: int) -> None:
        """Align ``children``, whose own offsets (those of ``nonprose`` tokens) count from ``base``."""
        content = self._content
        skip_autolink = False
        link_starts: list[tuple[int, int, Token]] = []
        for token in children:
            kind = token.type
            scope = Scope.LINK_TEXT if link_starts or self._html.in_link else base_scope
            if skip_autolink:
                skip_autolink = kind != "link_close"
                continue
            if kind == "text":
                self._align_text(token.content, scope)
            elif kind in ("softbreak", "hardbreak"):
                newline = content.find("\n", self._cursor)
                if newline < 0:
                    continue
                if not self._builder.at_block_start:  # a line of only markup ("{: .lead}") starts no line
                    self._emit_synthetic("\n", newline, newline + 1, scope)
                self._cursor = newline + 1
                while self._cursor < len(content) and content[self._cursor] in " \t":
                    self._cursor += 1
            elif kind == "code_inline":
                start = content.find(token.markup, self._cursor)
                if start < 0:
                    continue
                end = self._closing_backticks(start + len(token.markup), len(token.markup))
                self._emit_synthetic(PLACEHOLDER, start, end, scope)
                self._cursor = end
            elif kind == NONPROSE:
                start, end = base + token.meta["start"], base + token.meta["end"]
                if token.meta["visible"]:
                    self._emit_synthetic(PLACEHOLDER, start, end, scope)
                self._cursor = end
            elif kind == "html_inline":
                start = content.find(token.content, self._cursor)
                if start >= 0:
                    self._cursor = start + len(token.content)
                    source = Span(self._source(start), self._source(self._cursor))
                    link = self._html.tag(token.content, source, self._builder.offset)
                    if link is not None:
                        self._builder.add_link(link)
            elif kind in _DELIMITERS:
                start = content.find(token.markup, self._cursor)
                if start >= 0:
                    self._cursor = start + len(token.markup)
            elif kind == "link_open" and token.markup == "autolink":
                start = content.find("<", self._cursor)
                end = content.find(">", start) + 1 if start >= 0 else 0
                if start < 0 or end <= 0:
                    continue
                prose_start = self._builder.offset
                self._emit_synthetic(PLACEHOLDER, start, end, scope)
                self._builder.add_link(
                    Link(
                        str(token.attrs.get("href", "")),
                        Span(self._source(start), self._source(end)),
                        "autolink",
                        text=Span(prose_start, self._builder.offset),
                    )
                )
                self._cursor = end
                skip_autolink = True
            elif kind == "link_open":
                start = content.find("[", self._cursor)
                if start < 0:
                    continue
                self._cursor = start + 1
                link_starts.append((start, self._builder.offset, token))
            elif kind == "link_close" and link_starts:
                start, prose_start, opener = link_starts.pop()
                prose_end = self._builder.offset
                self._close_link(start, prose_start, prose_end, opener, "link")
            elif kind == "image":
                start = content.find("![", self._cursor)
                if start < 0:
                    continue
                self._cursor = start + 2
                prose_start = self._builder.offset
                # markdown-it parses the label on its own: its tokens count from the label's start
                self.align(token.children or [], Scope.ALT_TEXT, start + 2)
                self._close_link(start, prose_start, self._builder.offset, token, "image")

    def _close_link(self, start: int, prose_start: int, prose_end: int, token: Token, kind: str) -> None:
        content = self._content
        close = content.find("]", self._cursor)
        if close < 0:
            return
        end = self._skip_destination(close + 1)
        self._cursor = end
        url = token.attrs.get("src" if kind == "image" else "href", "")
        title = token.attrs.get("title")
        self._builder.add_link(
            Link(
                url=str(url),
                source=Span(self._source(start), self._source(end)),
                kind=kind,
                text=Span(prose_start, prose_end),
                title=str(title) if title is not None else None,
            )
        )

    def _skip_destination(self, position: int) -> int:
        """Skip ``(destination "title")`` or ``[label]`` after a link's closing bracket."""
        content = self._content
        length = len(content)
        if position < length and content[position] == "(":
            position = _skip_space(content, position + 1)
            destination = parseLinkDestination(content, position, length)
            if destination.ok:
                position = _skip_space(content, destination.pos)
                title = parseLinkTitle(content, position, length)
                if title.ok:
                    position = _skip_space(content, title.pos)
            if position < length and content[position] == ")":
                return position + 1
            close = content.find(")", position)
            return close + 1 if close >= 0 else position
        if position < length and content[position] == "[":
            close = content.find("]", position)
            return close + 1 if close >= 0 else position
        return position

    def _closing_backticks(self, position: int, run: int) -> int:
        content = self._content
        while True:
            found = content.find("`" * run, position)
            if found < 0:
                return len(content)
            end = found + run
            while end < len(content) and content[end] == "`":
                end += 1
            if end - found == run:
                return end
            position = end

    def _align_text(self, text: str, scope: Scope) -> None:
        content = self._content
        length = len(content)
        cursor = self._cursor
        end = cursor + len(text)
        if content.startswith(text, cursor) and "\\" not in content[cursor:end] and "&" not in content[cursor:end]:
            # the usual case: the source holds the text verbatim (no escapes or entities)
            if text:
                self._emit_verbatim(cursor, end, scope)
            self._cursor = end
            return
        index = 0
        run_start = -1
        while index < len(text):
            char = text[index]
            source_char = content[cursor] if cursor < length else ""
            escaped = source_char == "\\" and cursor + 1 < length and content[cursor + 1] == char
            entity = _ENTITY.match(content, cursor) if source_char == "&" else None
            decoded = html.unescape(entity.group()) if entity else ""
            if source_char == char and not escaped and not (decoded and text.startswith(decoded, index)):
                if run_start < 0:
                    run_start = cursor
                cursor += 1
                index += 1
                continue
            if run_start >= 0:
                self._emit_verbatim(run_start, cursor, scope)
                run_start = -1
            if escaped:
                self._emit_synthetic(char, cursor, cursor + 2, scope)
                cursor += 2
                index += 1
                continue
            if entity and decoded and text.startswith(decoded, index):
                self._emit_synthetic(decoded, cursor, entity.end(), scope)
                cursor = entity.end()
                index += len(decoded)
                continue
            if index == 0:
                # Unexpected markup before the text: skip to where the text plausibly starts.
                candidates = [
                    found
                    for found in (content.find(char, cursor), content.find("\\", cursor), content.find("&", cursor))
                    if found >= 0
                ]
                if candidates and min(candidates) > cursor:
                    cursor = min(candidates)
                    continue
            # The parser rewrote something we cannot align: keep the text, mapped approximately.
            rest = text[index:]
            end = min(cursor + len(rest), length)
            self._emit_synthetic(rest, cursor, end, scope)
            cursor = end
            index = len(text)
        if run_start >= 0:
            self._emit_verbatim(run_start, cursor, scope)
        self._cursor = cursor


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n":
        position += 1
    return position


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)


def _fences_in_html_blocks(masked: str, tokens: list[Token], line_starts: Sequence[int]) -> list[Mask]:
    """Masks for the fenced code inside HTML blocks. CommonMark runs an HTML block to the next
    blank line, so a fence written right after ``</div>`` falls inside it; kramdown and the
    generators that read Markdown inside HTML show it as code, never as prose."""
    fences: list[Mask] = []
    for token in tokens:
        if token.type != "html_block" or not token.map:
            continue
        start = line_starts[token.map[0]] if token.map[0] < len(line_starts) else len(masked)
        end = line_starts[token.map[1]] if token.map[1] < len(line_starts) else len(masked)
        opening = _FENCE.search(masked, start, end)
        while opening is not None:
            marker = opening.group(1)
            closing = re.compile(rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.MULTILINE)
            body = masked.find("\n", opening.end(), end)
            close = closing.search(masked, body + 1, end) if body >= 0 else None
            stop = close.end() if close is not None else end
            fences.append(Mask(opening.start(), stop, "", True))
            opening = _FENCE.search(masked, stop, end) if stop < end else None
    return fences
