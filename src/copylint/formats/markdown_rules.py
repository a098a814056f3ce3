"""An inline rule for markdown-it: the markup inside Markdown prose that is not prose. TeX math
and commands, emoji shortcodes, attribute lists, footnote references (``[^2]``) and MyST roles
(``{ref}`target` ``), which CommonMark does not know, and inline HTML elements that hold code,
keys, program output or variables (``<code>``, ``<kbd>``, ``<tt>``). Site syntax that takes whole
blocks (admonitions, footnote definitions) is in :mod:`copylint.formats.markdown_blocks`.

Each becomes one ``nonprose`` token whose ``meta`` holds its offsets in the inline token's content
(the text the aligner maps to the source), so the prose view leaves it out exactly, without
searching for it again. The rule runs before markdown-it's escapes, emphasis and inline HTML,
which would otherwise take ``\\(`` for a parenthesis, the stars of ``$a*b*c$`` for emphasis and
the words inside ``<kbd>`` for prose.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from copylint.formats.html import NON_PROSE_ELEMENTS
from copylint.formats.markdown_blocks import install_blocks

# ---- TeX math, by pandoc's rules: "$" opens when a non-space follows it and closes at the next
# unescaped "$" when a non-space precedes it and no digit follows ("$5 and $10" is money); "$$"
# delimits display math. No delimiter reaches past a blank line, nor past a backtick: code spans
# come first ("`$HOME` costs $5 and `$PATH`" holds no math).
_LINE = r"(?:[^$\\\n`]|\\[^`]|\n(?![ \t]*\n))"
_INLINE_MATH = re.compile(rf"\$(?=[^\s$]){_LINE}*?(?<=\S)\$(?!\d)", re.DOTALL)
_DISPLAY_MATH = re.compile(rf"\$\$(?:{_LINE}|\$(?!\$))+?\$\$", re.DOTALL)
# MyST's equation label after display math: "$$ (eqn:best)" at the end of the line.
_MATH_LABEL = re.compile(r"[ \t]*\([\w:.-]{1,100}\)(?=[ \t]*(?:\n|\Z))")
_PAREN_MATH = re.compile(r"\\\((?:[^\\\n`]|\\[^)`]|\n(?![ \t]*\n))+?\\\)", re.DOTALL)
_BRACKET_MATH = re.compile(r"\\\[(?:[^\\\n`]|\\[^\]`]|\n(?![ \t]*\n))+?\\\]", re.DOTALL)
# "\[O\]ver" and "\[sic\]" escape brackets; display math holds a command or an operator.
_TEX_MARK = re.compile(r"\\[A-Za-z]|[\^_={}+]")
# A command with its braced arguments: "\qquad", "\alpha", "\textbf{word}".
_COMMAND = re.compile(r"\\[A-Za-z]+\*?(?:\{[^{}\n]{0,200}\})*")
# ":tada:", ":+1:", ":octicons-heart-16:"; never inside a word ("10:30:00") nor holding a space.
_SHORTCODE = re.compile(r":(?=[a-z0-9_+-]{0,63}[a-z0-9])[a-z0-9_+-]{1,64}:(?!\w)")
# Attribute lists of kramdown, Pandoc, markdown-it-attrs and Python-Markdown's attr_list:
# "{: target="_blank"}", "{#settings-id}", "{ .md-button }", "{#id .class key=value}".
_NAME = r"[A-Za-z_][\w-]*"
_PAIR = r"[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\"'{}]+)"
_ATTRIBUTE_LIST = re.compile(
    rf"\{{(?P<kramdown>:[^{{}}\n]{{0,200}})\}}"
    rf"|\{{[ \t]*(?:(?P<selector>[.#]{_NAME})|{_PAIR})(?:[ \t]+(?:[.#]{_NAME}|{_PAIR}))*[ \t]*\}}"
)
# "[^2]", "[^note]": a footnote reference (its definition, "[^note]: text", is a block).
_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,200}\](?!:)")
# A MyST role: "{ref}`target`", "{doc}`Title <page>`", "{math}`x^2`".
_ROLE = re.compile(r"\{[a-z][\w:+-]{0,40}\}(`+)(?:(?!\1).){0,500}?\1(?!`)", re.DOTALL)
# An opening tag (not "<code/>"); the element runs to its matching closing tag, or to the block's end.
_OPENING_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?(?<!/)>")
_BLANK_REST = re.compile(r"\s*\Z")
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


def math_end(text: str, start: int, stop: int) -> int:
    """Where the TeX math opening at ``start`` (``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]``) ends,
    looking no further than ``stop``; -1 when no math opens there."""
    if text.startswith("$$", start):
        match = _DISPLAY_MATH.match(text, start, stop)
        if match and text[start + 2 : match.end() - 2].isspace():
            return -1  # "$$ $$" holds no formula
        label = _MATH_LABEL.match(text, match.end(), stop) if match else None
        if label:
            return label.end()
    elif text.startswith("$", start):
        match = _INLINE_MATH.match(text, start, stop)
    elif text.startswith("\\(", start):
        match = _PAREN_MATH.match(text, start, stop)
    elif text.startswith("\\[", start):
        match = _BRACKET_MATH.match(text, start, stop)
        if match and not _TEX_MARK.search(text, start + 2, match.end() - 2):
            return -1
    else:
        return -1
    return match.end() if match else -1


def command_end(text: str, start: int, stop: int) -> int:
    """Where the TeX command opening at ``start`` (``\\qquad``, ``\\frac{a}{b}``) ends, or -1."""
    match = _COMMAND.match(text, start, stop)
    return match.end() if match else -1


def shortcode_end(text: str, start: int, stop: int) -> int:
    """Where the emoji or icon shortcode opening at ``start`` ends, or -1 (also when a letter or
    digit comes right before it: "10:30:00" holds none)."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return -1
    match = _SHORTCODE.match(text, start, stop)
    return match.end() if match else -1


def attribute_list_end(text: str, start: int, stop: int, *, after_element: bool) -> int:
    """Where the attribute list opening at ``start`` ends, or -1.

    Prose has braces too ("the set {a, b}"), so a list must look like one (``{:``, or a first
    ``#id``/``.class``) and sit where lists go: at the end of the block, on a line of its own, or
    right after an inline element (``after_element``). Right after an element, or alone on its
    line (MyST's block attributes: ``{lineno-start=1 emphasize-lines="2,3"}``), a list may also
    open with ``key=value``.
    """
    match = _ATTRIBUTE_LIST.match(text, start, stop)
    if match is None:
        return -1
    end = match.end()
    if after_element:
        return end
    alone = (start == 0 or text[start - 1] == "\n") and _LINE_END.match(text, end) is not None
    if alone:
        return end
    if match.group("kramdown") is None and match.group("selector") is None:
        return -1
    return end if _BLANK_REST.match(text, end) else -1


def footnote_end(text: str, start: int, stop: int) -> int:
    """Where the footnote reference (``[^2]``) opening at ``start`` ends, or -1."""
    match = _FOOTNOTE.match(text, start, stop)
    return match.end() if match else -1


def role_end(text: str, start: int, stop: int) -> int:
    """Where the MyST role (``{ref}`target` ``) opening at ``start`` ends, or -1."""
    match = _ROLE.match(text, start, stop)
    return match.end() if match else -1


def element_end(text: str, start: int, stop: int) -> int:
    """Where the non-prose HTML element (``<code>…</code>``, ``<kbd>``, ``<tt>`` ...) opening at
    ``start`` ends: after its closing tag, or at ``stop`` when it is never closed; -1 for another tag."""
    match = _OPENING_TAG.match(text, start, stop)
    if match is None or match.group(1).lower() not in NON_PROSE_ELEMENTS:
        return -1
    depth = 1
    tags = re.compile(rf"<(/?){match.group(1)}(?=[\s/>])[^<>]*>", re.IGNORECASE)  # re caches it
    for tag in tags.finditer(text, match.end(), stop):
        depth += -1 if tag.group(1) else 1
        if not depth:
            return tag.end()
    return stop


NONPROSE = "nonprose"
"""The token type; ``meta`` holds ``start``, ``end`` and ``visible`` (whether a reader sees
something there: a formula, an emoji or code, not an attribute list)."""

_ELEMENT_ENDS = frozenset(
    {"link_close", "image", "code_inline", "em_close", "strong_close", "s_close", "html_inline", NONPROSE}
)
"""Tokens after which an attribute list may follow directly (``[link](url){: target="_blank"}``)."""


def take_nonprose(state: StateInline, end: int, *, visible: bool, silent: bool) -> bool:
    """Consume ``state.src[state.pos:end]`` as one ``nonprose`` token (nothing when ``end`` is -1)."""
    if end < 0:
        return False
    if not silent:
        token = state.push(NONPROSE, "", 0)
        token.content = state.src[state.pos : end]
        token.meta = {"start": state.pos, "end": end, "visible": visible}
    state.pos = end
    return True


def nonprose(state: StateInline, silent: bool) -> bool:
    """Consume the math, TeX command, shortcode, element or attribute list starting at ``state.pos``."""
    source, start, stop = state.src, state.pos, state.posMax
    char = source[start]
    visible = True
    if char == "$":
        end = math_end(source, start, stop)
    elif char == "\\":
        end = math_end(source, start, stop)
        if end < 0:
            end = command_end(source, start, stop)
    elif char == ":":
        end = shortcode_end(source, start, stop)
    elif char == "<":
        end = element_end(source, start, stop)
    elif char == "[":
        end = footnote_end(source, start, stop)
        visible = False
    elif char == "{":
        end = role_end(source, start, stop)
        if end < 0:
            after_element = not state.pending and bool(state.tokens) and state.tokens[-1].type in _ELEMENT_ENDS
            end = attribute_list_end(source, start, stop, after_element=after_element)
            visible = False
    else:
        return False
    return take_nonprose(state, end, visible=visible, silent=silent)


def install(parser: MarkdownIt) -> MarkdownIt:
    """``parser`` with the rule added ahead of backslash escapes, and the block rules of
    :mod:`copylint.formats.markdown_blocks`."""
    parser.inline.ruler.before("escape", NONPROSE, nonprose)
    return install_blocks(parser)
