"""Casing for both rule languages: title and sentence case (copylint's rewrite a heading, Vale's
judge one, over the same small words).

Each standard of :class:`~copylint.packs.spec.Case` is one function in :data:`STANDARDS`, all
with one signature: the heading as the standard writes it, ``""`` when the standard only judges,
or ``None`` when the heading already conforms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from copylint.core.prose import HEADING_SCOPES
from copylint.core.rule import RuleContext
from copylint.language.spelling.lexicon import load_lexicon
from copylint.packs.spec import Case, Exceptions

SMALL_WORDS = frozenset("a an and as at but by for in nor of on or per the to up via vs".split())
"""Words title case leaves in lower case inside a heading (as Vale's capitalization rule does)."""
_COMMON_WORD = 1_000_000.0
_HEADING_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_QUOTES_AND_BRACKETS = "\"'“”‘’()[]{}.,;!?"


def names_in_body(ctx: RuleContext) -> frozenset[str]:
    """Words the body text capitalises where an ordinary word would not be (mid-sentence, or a
    word the lexicon does not know as a common lower-case word): names, kept in headings."""
    lexicon = load_lexicon()
    return frozenset(
        word.text
        for word in ctx.tokens.words
        if word.text[:1].isupper()
        and ctx.view.scope_at(word.start) not in HEADING_SCOPES
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


@dataclass(frozen=True)
class Casing:
    """What a standard may consult besides the heading."""

    names: frozenset[str] = frozenset()
    """Words the body capitalises (:func:`names_in_body`), kept by copylint's sentence case."""
    exceptions: Exceptions = Exceptions()
    """Words Vale's standards accept as written."""
    indicators: tuple[str, ...] = ()
    """Vale's sentence case: endings of a word after which the next word is capitalised."""


def _title(heading: str, casing: Casing) -> str | None:
    expected = title_case(heading)
    return None if expected == heading else expected


def _sentence(heading: str, casing: Casing) -> str | None:
    expected = sentence_case(heading, casing.names)
    return None if expected == heading else expected


def _lower(heading: str, casing: Casing) -> str | None:
    return None if heading == heading.lower() else heading.lower()


def _upper(heading: str, casing: Casing) -> str | None:
    return None if heading == heading.upper() else heading.upper()


def _vale_title(heading: str, casing: Casing) -> str | None:
    """Every word after the first capitalised, unless it is a small word, an exception or starts
    with no letter (Vale's ``$title``; a capitalised small word passes too)."""
    conforms = all(
        word[:1].isupper() or word.lower() in SMALL_WORDS or casing.exceptions.cover(word) or not word[:1].isalpha()
        for word in heading.split()[1:]
    )
    return None if conforms else ""


def _vale_sentence(heading: str, casing: Casing) -> str | None:
    """No capital after the first word (numbering aside) but on an exception or "I"; after a word
    that ends with one of the indicators (``:``), a capital instead (Vale's ``$sentence``)."""
    words = heading.split()
    while words and not words[0][:1].isalpha():
        words = words[1:]  # "8. Do step eight": the numbering is not the first word
    for previous, word in zip(words, words[1:], strict=False):
        bare = word.strip(_QUOTES_AND_BRACKETS)
        if not bare or not bare[:1].isalpha() or casing.exceptions.cover(bare):
            continue
        if casing.indicators and previous.endswith(casing.indicators):
            if not bare[:1].isupper():
                return ""
            continue
        if bare != bare.lower() and bare != "I":
            return ""
    return None


STANDARDS: Mapping[Case, Callable[[str, Casing], str | None]] = {
    Case.TITLE: _title,
    Case.SENTENCE: _sentence,
    Case.VALE_TITLE: _vale_title,
    Case.VALE_SENTENCE: _vale_sentence,
    Case.LOWER: _lower,
    Case.UPPER: _upper,
}
"""Each standard: the heading as it writes it, ``""`` when it only judges, ``None`` when it conforms."""
