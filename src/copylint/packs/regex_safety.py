"""Refuse regular expressions that can backtrack for ever (ReDoS) before a rule pack uses them.

Python's ``re`` backtracks and cannot be interrupted, so a pattern such as ``(a+)+$`` or
``(\\w+\\s?)*:`` can take hours on one line of prose. The check walks the parsed pattern (Python's own
parser, ``re._parser``) and refuses the two shapes behind nearly all such patterns: a repetition inside
another (one of them unbounded) whose body can also match what may follow it, and alternatives
inside an unbounded repetition that can start the same way (``(a|aa)+``). Either lets a string be
split in exponentially many ways. ``(?:\\b[A-Z][a-z]+ )+`` and
``(?:[^\\s,]+,)+`` pass: the space and the comma cannot be taken by the inner repetition. Atomic
groups and possessive quantifiers never backtrack and always pass.

Characters are compared over a small representative alphabet (ASCII and a few other scripts), so
the check errs on the side of refusing. Complexity: linear in the pattern's size times the
alphabet.

Patterns for the ``regex`` package (Vale's look-behinds of variable width, ``(?<name>...)`` groups,
``\\p{Lu}`` classes) are checked the same way, on a copy in ``re``'s syntax with the same shape: a
look-behind read as a look-ahead, a named group in Python's spelling, a property class as a class
of at least its characters. A pattern still beyond ``re``'s parser is refused.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from functools import lru_cache
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

ALPHABET = frozenset(string.printable) | frozenset("éßÉ’“”«\u00a0\u2003Жж中٣_")
_CATEGORIES = {
    constants.CATEGORY_DIGIT: r"\d",
    constants.CATEGORY_NOT_DIGIT: r"\D",
    constants.CATEGORY_SPACE: r"\s",
    constants.CATEGORY_NOT_SPACE: r"\S",
    constants.CATEGORY_WORD: r"\w",
    constants.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = (constants.MAX_REPEAT, constants.MIN_REPEAT)
_ANY_REPEAT = (*_REPEATS, *(op for op in (getattr(constants, "POSSESSIVE_REPEAT", None),) if op))
_NO_BACKTRACKING = tuple(
    op for op in (getattr(constants, "POSSESSIVE_REPEAT", None), getattr(constants, "ATOMIC_GROUP", None)) if op
)
Items = Sequence[tuple[Any, Any]]


class UnsafePattern(ValueError):
    """A pattern refused because it could backtrack for ever."""


def backtracking_risk(pattern: str, flags: int = 0, regex_syntax: bool = False) -> str | None:
    """Why ``pattern`` may take exponential time, or ``None`` when its shape is safe.

    Raises :class:`re.error` for a pattern that does not compile. With ``regex_syntax``, the
    pattern is one for the ``regex`` package (already known to compile there).
    """
    if not regex_syntax:
        return _walk(list(parser.parse(pattern, flags)), outer=None, follow=frozenset())
    try:
        parsed = parser.parse(in_re_syntax(pattern), flags)
    except re.error:
        return "a syntax copylint cannot check for run-away backtracking"
    return _walk(list(parsed), outer=None, follow=frozenset())


_REGEX_ONLY = re.compile(
    r"""\\[pP](?:\{(?P<property>\^?\w+)\}|(?P<letter>\w))  # a Unicode property class
    | \\.  # any other escape, kept
    | \(\?<(?P<behind>[=!])  # a look-behind
    | \(\?(?:<(?P<name>\w+)>|'(?P<name2>\w+)')  # a named group, .NET's spelling
    | (?P<open>\[\^?\]?)  # a character class opens (a first ] is a member)
    | (?P<close>\])""",
    re.VERBOSE,
)
_PROPERTY_CLASSES = {"L": (r"[^\W\d_]", r"\w"), "N": (r"\d", r"\d"), "Z": (r"\s", r"\s")}
"""What a property class of a general category (its first letter) stands for in the copy, outside
and inside a character class: at least its characters. Any other property (punctuation, a script)
and a negated one stand for any character."""
_ANY_CHARACTER = (r"[\s\S]", r"\s\S")


def in_re_syntax(pattern: str) -> str:
    """``pattern`` (for the ``regex`` package) rewritten in ``re``'s syntax with the same shape,
    for :func:`backtracking_risk`: not the same language, but the same repetitions and overlaps."""
    out: list[str] = []
    in_class = False
    position = 0
    for match in _REGEX_ONLY.finditer(pattern):
        out.append(pattern[position : match.start()])
        position = match.end()
        token = match.group()
        if match.group("open") is not None:
            in_class = True
        elif match.group("close") is not None:
            in_class = False
        elif match.group("property") or match.group("letter"):
            token = _property_class(token, match.group("property") or match.group("letter"), in_class)
        elif in_class:
            pass  # inside a class, only property classes are rewritten
        elif match.group("behind"):
            token = "(?" + match.group("behind")
        elif match.group("name") or match.group("name2"):
            token = f"(?P<{match.group('name') or match.group('name2')}>"
        out.append(token)
    out.append(pattern[position:])
    return "".join(out)


def _property_class(token: str, name: str, in_class: bool) -> str:
    negated = token[1] == "P" or name.startswith("^")
    outside, inside = _ANY_CHARACTER if negated else _PROPERTY_CLASSES.get(name[:1], _ANY_CHARACTER)
    return inside if in_class else outside


def _walk(items: Items, outer: tuple[int, int] | None, follow: frozenset[str]) -> str | None:
    """Check ``items``; ``outer`` is the (min, max) of the enclosing repetition that can backtrack,
    ``follow`` the characters that may come right after ``items`` within it."""
    for index, (op, argument) in enumerate(items):
        rest, rest_nullable = _first(items[index + 1 :])
        after = rest | follow if rest_nullable else rest
        found: str | None = None
        if op in _REPEATS:
            low, high, body = argument
            body = list(body)
            if high > 1:
                unbounded = high == constants.MAXREPEAT or (outer is not None and outer[1] == constants.MAXREPEAT)
                if outer is not None and unbounded and _all_chars(body) & after:
                    return "a repetition inside a repeated group can match the same text in many ways (as in (a+)+)"
                found = _walk(body, (low, high), _first(body)[0] | after)
            else:
                found = _walk(body, outer, after)
        elif op in _NO_BACKTRACKING:
            continue
        elif op is constants.SUBPATTERN:
            found = _walk(list(argument[-1]), outer, after)
        elif op is constants.BRANCH:
            if outer is not None and outer[1] == constants.MAXREPEAT and _alternatives_overlap(argument[1], after):
                return "alternatives inside a repeated group can start the same way (as in (a|aa)+)"
            for branch in argument[1]:
                found = found or _walk(list(branch), outer, after)
        elif op in (constants.ASSERT, constants.ASSERT_NOT):
            found = _walk(list(argument[1]), None, frozenset())
        elif op is constants.GROUPREF_EXISTS:
            _group, yes, no = argument
            found = _walk(list(yes), outer, after) or (_walk(list(no), outer, after) if no is not None else None)
        if found:
            return found
    return None


def _alternatives_overlap(branches: Sequence[Items], after: frozenset[str]) -> bool:
    """Whether two alternatives can start with the same character (an empty one starts with
    whatever follows), so that a repetition can split the same text between them in many ways."""
    seen: set[str] = set()
    for branch in branches:
        first, nullable = _first(list(branch))
        if nullable:
            first |= after
        if first & seen:
            return True
        seen |= first
    return False


def _first(items: Items) -> tuple[frozenset[str], bool]:
    """The characters ``items`` can start with, and whether they can match the empty string."""
    found: set[str] = set()
    for op, argument in items:
        chars, nullable = _first_of(op, argument)
        found |= chars
        if not nullable:
            return frozenset(found), False
    return frozenset(found), True


def _first_of(op: Any, argument: Any) -> tuple[frozenset[str], bool]:
    chars = _chars(op, argument)
    if chars is not None:
        return chars, False
    bodies = _bodies(op, argument)
    if bodies is not None:
        parts = [_first(body) for body in bodies]
        optional = op in _ANY_REPEAT and argument[0] == 0
        return frozenset().union(*(chars for chars, _ in parts)), optional or any(empty for _, empty in parts)
    if op in (constants.GROUPREF, constants.GROUPREF_EXISTS):
        return ALPHABET, True
    return frozenset(), True  # anchors, lookarounds: match no character


def _all_chars(items: Items) -> frozenset[str]:
    """Every character ``items`` can match anywhere."""
    found: set[str] = set()
    for op, argument in items:
        chars = _chars(op, argument)
        bodies = _bodies(op, argument)
        if chars is not None:
            found |= chars
        elif bodies is not None:
            for body in bodies:
                found |= _all_chars(body)
        elif op in (constants.GROUPREF, constants.GROUPREF_EXISTS):
            found |= ALPHABET
    return frozenset(found)


def _bodies(op: Any, argument: Any) -> list[Items] | None:
    """The item sequences a group, alternation or repetition holds (``None`` for other items)."""
    if op in _ANY_REPEAT:
        return [list(argument[2])]
    if op is constants.SUBPATTERN:
        return [list(argument[-1])]
    if op is getattr(constants, "ATOMIC_GROUP", None):
        return [list(argument)]
    if op is constants.BRANCH:
        return [list(branch) for branch in argument[1]]
    return None


def _chars(op: Any, argument: Any) -> frozenset[str] | None:
    """The characters one single-character item matches (``None`` for other items)."""
    if op is constants.LITERAL:
        return _cased(chr(argument))
    if op is constants.NOT_LITERAL:
        return ALPHABET - _cased(chr(argument))
    if op is constants.ANY:
        return ALPHABET
    if op is constants.IN:
        return _in(tuple(argument))
    return None


def _in(members: tuple[tuple[Any, Any], ...]) -> frozenset[str]:
    found: set[str] = set()
    negate = False
    for op, argument in members:
        if op is constants.NEGATE:
            negate = True
        elif op is constants.LITERAL:
            found |= _cased(chr(argument))
        elif op is constants.RANGE:
            low, high = argument
            found |= {char for char in ALPHABET if any(low <= ord(form) <= high for form in _forms(char))}
        elif op is constants.CATEGORY:
            found |= _category(op, argument)
    return ALPHABET - found if negate else frozenset(found)


@lru_cache(maxsize=16)
def _category(_op: Any, category: Any) -> frozenset[str]:
    pattern = re.compile(_CATEGORIES.get(category, r"[\s\S]"))
    return frozenset(char for char in ALPHABET if pattern.fullmatch(char))


def _forms(char: str) -> set[str]:
    """A character in both cases, where each case is one character."""
    return {form for form in (char, char.lower(), char.upper()) if len(form) == 1}


def _cased(char: str) -> frozenset[str]:
    """A character in both cases (case-insensitive matching is assumed: it only adds overlap)."""
    return frozenset(_forms(char))
