"""A scanner for the JavaScript that MDX writes among its Markdown: JSX tags (``<Tabs groupId="x">``,
``<Card title="…" icon={icons.star} />``, ``</TabItem>``, ``<>``), expressions in braces
(``{frontmatter.title}``, ``{/* a comment */}``) and ESM statements (``import``/``export``).

It finds where each one ends, no more: strings, template literals, comments and nested braces are
skipped so that a ``>`` or ``}`` inside them ends nothing (``<Foo onClick={() => a > b} />``).
Every search is bounded by ``stop``, so an unclosed brace costs one pass over the rest of the text.
"""

from __future__ import annotations

import re

_NAME = re.compile(r"[A-Za-z_$][\w$-]*(?:[.:][A-Za-z_$][\w$-]*)*")
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_$][\w$:.-]*")
_ESM = re.compile(r"(?:import|export)(?=[\s{*]|$)", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*(?:\n|\Z)")
_CLOSERS = {"{": "}", "(": ")", "[": "]"}
_SIGNIFICANT = re.compile(r"[\"'`/{}()\[\]\n]")
UNCLOSED = -2
"""What a scan returns when its text ends (at ``stop``) inside a string, comment or bracket. A
caller may take every later start before the same ``stop`` to fail too, which keeps a run of
unclosed braces linear (see :func:`copylint.formats.mdx.scan`)."""


def _skip_space(text: str, position: int, stop: int) -> int:
    while position < stop and text[position].isspace():
        position += 1
    return position


def _string_end(text: str, start: int, stop: int, *, multiline: bool = False) -> int:
    """Where the string or template literal opening at ``start`` ends (``stop`` when it does not).
    A JavaScript string ends with its line; a JSX attribute's value (``multiline``) may span lines."""
    quote = text[start]
    position = start + 1
    while position < stop:
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == quote:
            return position + 1
        if char == "\n" and quote != "`" and not multiline:
            return position  # an unterminated string ends with its line
        position += 1
    return stop


def _skip_code(text: str, start: int, stop: int, closer: str | None) -> int:
    """Skip JavaScript from ``start`` up to and past ``closer`` (at depth zero), or, with no
    closer, to the end of a statement block (a blank line at depth zero). -1 at a bracket that
    closes nothing, :data:`UNCLOSED` when ``stop`` comes first."""
    stack: list[str] = [closer] if closer else []
    position = start
    while position < stop:
        found = _SIGNIFICANT.search(text, position, stop)
        if found is None:
            break
        position = found.start()
        char = text[position]
        if char in "\"'`":
            position = _string_end(text, position, stop)
            continue
        if text.startswith("/*", position):
            end = text.find("*/", position + 2, stop)
            if end < 0:
                return UNCLOSED
            position = end + 2
            continue
        if text.startswith("//", position) and (position == 0 or text[position - 1] != ":"):  # not "https://"
            end = text.find("\n", position, stop)
            position = stop if end < 0 else end
            continue
        if char in _CLOSERS:
            stack.append(_CLOSERS[char])
        elif char in ")]}":
            if not stack or stack[-1] != char:
                return -1
            stack.pop()
            if closer and not stack:
                return position + 1
        elif char == "\n" and not stack and closer is None and _BLANK_LINE.match(text, position):
            return position
        position += 1
    return stop if closer is None and not stack else UNCLOSED


def expression_end(text: str, start: int, stop: int) -> int:
    """Where the expression in braces opening at ``start`` ends; -1 (or :data:`UNCLOSED`) when it does not."""
    if start >= stop or text[start] != "{":
        return -1
    return _skip_code(text, start + 1, stop, "}")


def is_comment(expression: str) -> bool:
    """Whether an expression (with its braces) holds only a comment: ``{/* note */}``."""
    inner = expression[1:-1].strip()
    return inner.startswith("/*") and inner.endswith("*/")


def tag_end(text: str, start: int, stop: int) -> int:
    """Where the JSX tag opening at ``start`` ends (after its ``>`` or ``/>``), or -1 when there
    is none (:data:`UNCLOSED` when the text ends inside it): ``<Tabs>``, ``</TabItem>``,
    ``<Card title="x" {...rest} />``, ``<>``, ``</>``."""
    if not text.startswith("<", start):
        return -1
    position = start + 1
    if text.startswith("/", position):
        position += 1
    name = _NAME.match(text, position, stop)
    if name is None:
        return position + 1 if text.startswith(">", position) else -1  # a fragment, or not a tag
    position = name.end()
    while position < stop:
        position = _skip_space(text, position, stop)
        if position >= stop:
            break
        if text.startswith(">", position):
            return position + 1
        if text.startswith("/>", position):
            return position + 2
        if not (text[position] == "{" or text[position - 1].isspace()):
            return -1
        if text[position] == "{":  # {...props}
            position = expression_end(text, position, stop)
            if position < 0:
                return position
            continue
        attribute = _ATTRIBUTE_NAME.match(text, position, stop)
        if attribute is None:
            return -1
        position = _skip_space(text, attribute.end(), stop)
        if not text.startswith("=", position):
            continue
        position = _skip_space(text, position + 1, stop)
        if position < stop and text[position] in "\"'":
            position = _string_end(text, position, stop, multiline=True)
        elif position < stop and text[position] == "{":
            position = expression_end(text, position, stop)
            if position < 0:
                return position
        else:
            return -1 if position < stop else UNCLOSED
    return UNCLOSED


def tag_name(text: str, start: int) -> str:
    """The name of the tag at ``start`` (``""`` for a fragment), without a closing slash."""
    match = _NAME.match(text, start + (2 if text.startswith("</", start) else 1))
    return match.group() if match else ""


def esm_end(text: str, start: int, stop: int) -> int:
    """Where the ``import``/``export`` statements starting at ``start`` end: at the first blank
    line outside braces, brackets and strings. -1 when ``start`` opens no statement."""
    if _ESM.match(text, start, stop) is None:
        return -1
    return _skip_code(text, start, stop, None)
