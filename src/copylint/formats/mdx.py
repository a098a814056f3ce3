"""MDX (``.mdx``: Docusaurus, Astro Starlight, Next.js): Markdown with JSX and ESM, read by the
Markdown walker with three more markdown-it rules and MDX's own reading of indentation.

- ``import``/``export`` statements at the top level (possibly over several lines) are code.
- Lines of only JSX tags and expressions (``<Tabs groupId="x">``, ``<Card title="…" />`` over
  several lines, ``{/* a comment */}``) are markup; the Markdown between an opening and a closing
  tag is prose, read as Markdown (``<Aside>Teh text</Aside>`` reports "Teh"). Elements that hold
  code (``<pre>``, ``<script>``, ``<style>``) are skipped to their closing tag.
- Inside a paragraph, a component's tags are invisible markup and an expression is a placeholder
  (a comment, or a heading id ``{#id}``, is invisible); lower-case HTML tags are left to the
  Markdown rules, so ``<a href>`` still makes a link and ``<code>`` still holds code.
- Indentation never makes code, as in MDX: ``    text`` inside ``<TabItem>`` is a paragraph and an
  indented fence is a fence. Template tags are not masked: ``{{`` opens an object literal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from copylint.core.prose import DirectiveSyntax, FormatTraits
from copylint.formats.html import NON_PROSE_ELEMENTS
from copylint.formats.jsx import UNCLOSED, esm_end, expression_end, is_comment, tag_end, tag_name
from copylint.formats.markdown import MarkdownFormat
from copylint.formats.markdown_rules import NONPROSE, take_nonprose

JSX_FLOW = "jsx_flow"
"""The token of lines of JSX tags, expressions and ESM statements: markup, with no prose."""
_HTML_NAME = re.compile(r"[a-z][a-z0-9-]*\Z")
_HTML_TAG = re.compile(r"</?[a-z][a-z0-9-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`{}]+))?)*\s*/?>\Z")
_TRAILING_SPACE = re.compile(r"[ \t]*(?=\n|\Z)")
_INTERRUPTS = ["blockquote", "list"]
_DOCUMENT = "document"
"""The text a block rule scans (the whole masked document); an inline rule's is its paragraph."""
Scanner = Callable[[str, int, int], int]


def _line_of(state: StateBlock, offset: int, first: int, end_line: int) -> int:
    """The line at or after ``first`` that holds source ``offset``."""
    line = first
    while line < end_line - 1 and state.eMarks[line] < offset:
        line += 1
    return line


def scan(env: MutableMapping[str, Any], where: object, scanner: Scanner, text: str, start: int, stop: int) -> int:
    """``scanner(text, start, stop)``, remembering in the parse's ``env`` where a scan of the text
    ``where`` first ran unclosed to ``stop``: a later start before the same stop fails at once
    (it would scan the same unclosed text again), so a run of unclosed braces stays linear."""
    unclosed: dict[tuple[object, int], int] = env.setdefault("jsx-unclosed", {})
    first = unclosed.get((where, stop))
    if first is not None and first <= start:
        return -1
    end = scanner(text, start, stop)
    if end == UNCLOSED:
        unclosed[where, stop] = start
    return end


def _flow_end(env: MutableMapping[str, Any], source: str, start: int, stop: int) -> int:
    """Where a run of JSX tags and expressions starting at ``start`` ends, when nothing but
    spaces follows it on its last line (and -1 otherwise: text after a tag makes a paragraph).
    An element that holds code runs to its closing tag."""
    position = start
    while position < stop and source[position] in "<{":
        if source[position] == "{":
            end = scan(env, _DOCUMENT, expression_end, source, position, stop)
        else:
            end = scan(env, _DOCUMENT, tag_end, source, position, stop)
            name = tag_name(source, position)  # "<Code>" is a component, "<code>" an HTML element
            opens = not source.startswith("</", position) and not source.startswith("/>", end - 2)
            if end > 0 and opens and name in NON_PROSE_ELEMENTS:
                closing = source.find(f"</{name}", end, stop)
                end = tag_end(source, closing, stop) if closing >= 0 else stop
        if end < 0:
            return -1
        position = end
        while position < stop and source[position] in " \t":
            position += 1
    trailing = _TRAILING_SPACE.match(source, position)
    return position if position > start and trailing is not None else -1


def jsx_flow(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Top-level ``import``/``export`` statements, or lines of only JSX tags and expressions."""
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if begin >= state.eMarks[start_line] or state.src[begin] not in "<{ie":
        return False
    stop = state.eMarks[end_line - 1] if end_line > start_line else state.eMarks[start_line]
    if state.src[begin] in "ie":
        top_level = state.blkIndent == 0 and state.sCount[start_line] == 0
        end = scan(state.env, _DOCUMENT, esm_end, state.src, begin, stop) if top_level else -1
    else:
        end = _flow_end(state.env, state.src, begin, stop)
    if end < 0:
        return False
    if not silent:
        last = _line_of(state, end, start_line, end_line)
        state.push(JSX_FLOW, "", 0).map = [start_line, last + 1]
        state.line = last + 1
    return True


def jsx_inline(state: StateInline, silent: bool) -> bool:
    """A component's tag (invisible) or an expression (a placeholder) inside a paragraph."""
    source, start, stop = state.src, state.pos, state.posMax
    if source[start] == "{":
        end = scan(state.env, id(source), expression_end, source, start, stop)
        expression = source[start:end] if end > 0 else ""
        visible = not is_comment(expression) and not expression[1:].lstrip().startswith(("#", ".", ":"))
    elif source[start] == "<":
        end = scan(state.env, id(source), tag_end, source, start, stop)
        if end > 0 and _HTML_NAME.match(tag_name(source, start)) and _HTML_TAG.match(source, start, end):
            return False  # HTML as Markdown reads it: links, <code>, <kbd> (markdown_rules)
        visible = False
    else:
        return False
    return take_nonprose(state, end, visible=visible, silent=silent)


class MdxFormat(MarkdownFormat):
    """MDX: Markdown with JSX elements, expressions and ESM statements, which are not prose."""

    name: str = "mdx"
    suffixes: tuple[str, ...] = (".mdx",)
    traits = FormatTraits(directives=DirectiveSyntax.COMMENTS, collapses_whitespace=True)
    masks_template_tags = False

    def __init__(self) -> None:
        super().__init__()
        parser: MarkdownIt = self._parser
        parser.disable("code")
        parser.block.ruler.before("fence", JSX_FLOW, jsx_flow, {"alt": _INTERRUPTS})
        parser.inline.ruler.before(NONPROSE, "jsx", jsx_inline)
