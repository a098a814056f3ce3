"""HTML via the standard library's ``html.parser``, whose ``getpos()`` gives source positions.

Text and ``alt`` attributes are prose (the alt text a screen reader speaks, as Markdown's image
text is); other attribute values (``title``), ``script``, ``style``, ``code``, ``pre``, ``kbd``,
``samp``, ``tt``, ``var`` and comments are not. Links (``<a href>``) are recorded with their
``rel`` and whether the link or an enclosing element hides them (:mod:`~copylint.formats.hiding`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from copylint.core.prose import DirectiveSyntax, FormatTraits, Link, ProseView, Scope, ViewBuilder
from copylint.core.source import Document, Span
from copylint.formats.hiding import Visibility
from copylint.formats.masks import add_prose, masked_text
from copylint.formats.templates import DEFAULT_SETTINGS, TemplateSettings, template_masks

NON_PROSE_ELEMENTS = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "tt", "var", "textarea", "template", "svg", "math"}
)
"""Elements whose content is code, keyboard input, program output, variables or markup, not prose."""
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "option",
        "p",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    }
)
_SCOPES = {
    **{f"h{level}": Scope.HEADING for level in range(1, 7)},
    "li": Scope.LIST_ITEM,
    "td": Scope.TABLE_CELL,
    "th": Scope.TABLE_CELL,
    "blockquote": Scope.BLOCKQUOTE,
    "a": Scope.LINK_TEXT,
    "title": Scope.TITLE,
    "p": Scope.PARAGRAPH,
}
_ATTRIBUTE = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*('[^']*'|"[^"]*"|[^\s>]*))?""")
_PROSE_ATTRIBUTES = {"alt": Scope.ALT_TEXT}
_VISIBLE = Visibility()


class HtmlFormat:
    """Reads ``.html`` and ``.htm`` files; template tags are masked."""

    name: str = "html"
    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml")
    traits = FormatTraits(
        directives=DirectiveSyntax.COMMENTS, collapses_whitespace=True, tags_share_lines=True, settings=TemplateSettings
    )

    def build_view(self, document: Document, settings: TemplateSettings = DEFAULT_SETTINGS) -> ProseView:
        masks = template_masks(document.text, settings)
        builder = ViewBuilder(document, masks)
        HtmlExtractor(document, builder, masked_text(document.text, masks), 0, len(document.text)).run()
        return builder.build()


@dataclass(slots=True)
class _Open:
    tag: str
    scope: Scope | None
    visibility: Visibility
    skipped: bool


@dataclass(slots=True)
class OpenLink:
    """An ``<a href>`` tag whose end has not been read yet: where it starts in the source and in
    the prose, and what it says of itself."""

    start: int
    prose_start: int
    url: str
    rel: tuple[str, ...]
    hidden: bool
    title: str | None

    def close(self, end: int, prose_end: int) -> Link:
        """The link, its markup ending at source offset ``end`` and its text at ``prose_end``."""
        return Link(
            url=self.url,
            source=Span(self.start, max(end, self.start)),
            kind="html",
            text=Span(self.prose_start, prose_end),
            title=self.title,
            rel=self.rel,
            hidden=self.hidden,
        )


class HtmlExtractor(HTMLParser):
    """Feeds ``masked[start:end]`` (which must begin at a line start) and emits its prose."""

    def __init__(self, document: Document, builder: ViewBuilder, masked: str, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self._document = document
        self._builder = builder
        self._masked = masked
        self._start = start
        self._end = end
        self._first_line = document.position(start).line - 1
        self._stack: list[_Open] = []
        self._links: list[OpenLink] = []

    def run(self) -> None:
        self.feed(self._masked[self._start : self._end])
        self.close()
        while self._links:
            self._finish_link(self._end)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Treat a malformed ``<![...`` section as a bogus comment instead of raising."""
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position  # the base class moved them before raising
            end = self.rawdata.find(">", i + 3)
            return i + 3 if end < 0 else end + 1

    # ---- positions
    def _offset(self) -> int:
        line, column = self.getpos()
        return self._document.line_starts[self._first_line + line - 1] + column

    def _skipping(self) -> bool:
        return bool(self._stack) and self._stack[-1].skipped

    def _visibility(self) -> Visibility:
        return self._stack[-1].visibility if self._stack else _VISIBLE

    def _scope(self) -> Scope:
        if self._links:
            return Scope.LINK_TEXT
        for element in reversed(self._stack):
            if element.scope is not None:
                return element.scope
        return Scope.TEXT

    # ---- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start_element(tag, attrs, self_closing=tag in _VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start_element(tag, attrs, self_closing=True)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(element.tag == tag for element in self._stack):
            return
        offset = self._offset()
        while self._stack:
            element = self._stack.pop()
            if element.tag == "a" and self._links:
                close = self._masked.find(">", offset)
                self._finish_link(close + 1 if close >= 0 else offset)
            if element.tag == tag:
                break
        if tag in _BLOCKS:
            self._builder.break_block()

    def handle_data(self, data: str) -> None:
        if self._skipping() or not data or (self._builder.at_block_start and data.isspace()):
            return
        offset = self._offset()
        if self._masked.startswith(data, offset):
            add_prose(self._builder, self._masked, offset, offset + len(data), self._scope())
        else:
            self._builder.add_synthetic(data, offset, offset + len(data), self._scope())

    def handle_entityref(self, name: str) -> None:
        self._add_reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._add_reference(f"&#{name}")

    # ---- helpers
    def _add_reference(self, raw: str) -> None:
        if self._skipping():
            return
        offset = self._offset()
        end = offset + len(raw)
        if self._masked.startswith(";", end):
            end += 1
        decoded = html.unescape(self._masked[offset:end])
        self._builder.add_synthetic(decoded, offset, end, self._scope())

    def _start_element(self, tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> None:
        offset = self._offset()
        values = {name: value or "" for name, value in attrs}
        visibility = self._visibility().child(values)
        hidden = visibility.hidden
        skipped = self._skipping() or tag in NON_PROSE_ELEMENTS
        if tag in _BLOCKS:
            self._builder.break_block()
        if tag == "br" and not skipped:
            self._builder.add_synthetic("\n", offset, offset, self._scope())
        if not skipped:
            self._add_attributes(offset, tag)
        if tag == "a" and "href" in values and not self_closing:
            rel = tuple(values.get("rel", "").lower().split())
            self._links.append(OpenLink(offset, self._builder.offset, values["href"], rel, hidden, values.get("title")))
        if not self_closing:
            self._stack.append(_Open(tag, _SCOPES.get(tag), visibility, skipped))

    def _add_attributes(self, offset: int, tag: str) -> None:
        raw = self.get_starttag_text() or ""
        if not self._masked.startswith(raw, offset):
            return
        for match in _ATTRIBUTE.finditer(raw, 1 + len(tag)):
            name = match.group(1).lower()
            value = match.group(2)
            if name not in _PROSE_ATTRIBUTES or not value:
                continue
            quoted = value[0] in "'\""
            start = offset + match.start(2) + (1 if quoted else 0)
            end = offset + match.end(2) - (1 if quoted else 0)
            if start >= end:
                continue
            self._builder.break_block()
            text = self._masked[start:end]
            decoded = html.unescape(text) if "&" in text else text
            if decoded != text:
                self._builder.add_synthetic(decoded, start, end, _PROSE_ATTRIBUTES[name])
            else:
                self._builder.add(start, end, _PROSE_ATTRIBUTES[name])
            self._builder.break_block()

    def _finish_link(self, end: int) -> None:
        self._builder.add_link(self._links.pop().close(end, self._builder.offset))
