"""Casing: title case and sentence case for headings, and keeping a capital on a replacement."""

from __future__ import annotations

import re

from copylint.core.prose import Scope
from copylint.core.rule import RuleContext
from copylint.language.spelling.lexicon import load_lexicon

SMALL_WORDS = frozenset("a an and as at but by for in nor of on or per the to up via vs".split())
"""Words title case leaves in lower case inside a heading (as Vale's capitalization rule does)."""
_COMMON_WORD = 1_000_000.0


def match_case(original: str, replacement: str) -> str:
    """``replacement`` with a capital first letter when ``original`` had one."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_HEADING_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def names_in_body(ctx: RuleContext) -> frozenset[str]:
    """Words the body text capitalises where an ordinary word would not be (mid-sentence, or a
    word the lexicon does not know as a common lower-case word): names, kept in headings."""
    lexicon = load_lexicon()
    return frozenset(
        word.text
        for word in ctx.tokens.words
        if word.text[:1].isupper()
        and ctx.view.scope_at(word.start) not in (Scope.HEADING, Scope.TITLE)
        and (not ctx.tokens.starts_sentence(word) or lexicon.count(word.text.lower()) < _COMMON_WORD)
    )


def title_case(heading: str) -> str:
    """``heading`` in title case; acronyms and names such as iPhone kept as written."""
    words = list(_HEADING_WORD.finditer(heading))
    pieces, position = [], 0
    for index, match in enumerate(words):
        word = match.group()
        if word.isupper() and len(word) > 1 or any(char.isupper() for char in word[1:]):
            wanted = word  # an acronym or a name like iPhone
        elif word.lower() in SMALL_WORDS and 0 < index < len(words) - 1:
            wanted = word.lower()
        else:
            wanted = word[:1].upper() + word[1:]
        pieces.append(heading[position : match.start()] + wanted)
        position = match.end()
    return "".join(pieces) + heading[position:]


def sentence_case(heading: str, names: frozenset[str]) -> str:
    """``heading`` in sentence case, keeping ``names``, acronyms, "I" and a capital after a colon."""
    words = list(_HEADING_WORD.finditer(heading))
    pieces, position = [], 0
    for index, match in enumerate(words):
        word = match.group()
        keep = index == 0 or (word.isupper() and len(word) > 1) or word in names or word == "I"
        keep = (
            keep
            or any(char.isupper() for char in word[1:])
            or heading[max(0, match.start() - 2) : match.start()] == ": "
        )
        pieces.append(heading[position : match.start()] + (word if keep else word.lower()))
        position = match.end()
    return "".join(pieces) + heading[position:]
