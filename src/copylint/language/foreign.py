"""Whether a stretch of prose is written in another language: lorem ipsum placeholder text, a
sentence quoted in French, a page translated into Persian. Rules whose judgement is English
grammar (hyphenated compounds, repeated sentences) leave such text alone.

A word reads as foreign when it is in another script, when no dictionary lists it and English
rarely writes it ("proident", "cupidatat"), or when it is a common word of another language, far
commoner there than in English ("est", "qui", "nous"). A stretch is another language when at
least half of its words read as foreign and two of them are such common words (or another
script's): a run of English jargon ("kubectl", "etcd", "nginx") is unknown words, not a language.

Complexity: O(words in the stretch), a table look-up each.
"""

from __future__ import annotations

from collections.abc import Sequence

from copylint.core.source import Span
from copylint.core.tokens import Tokens
from copylint.language.spelling.attestation import WordSource, load_attestation

MIN_WORDS = 4
"""Fewer words than this are too few to tell a language by."""
FOREIGN_SHARE = 0.5
RARE_ZIPF = 3.0
"""An unlisted form written less often than this in English (Zipf) reads as foreign."""
_COMMON_FOREIGN = 2
_REACH = 3
"""How many words on each side of a match :func:`around_is_foreign` reads."""


def is_foreign(words: Sequence[str]) -> bool:
    """Whether ``words`` (as written) read as another language."""
    considered = [word.lower() for word in words if len(word) >= 2 and word.isalpha()]
    if len(considered) < MIN_WORDS:
        return False
    attestation = load_attestation()
    foreign = common = 0
    for word in considered:
        if not word.isascii() or attestation.leans_foreign(word):
            foreign += 1
            common += 1
        elif attestation.zipf(word) < RARE_ZIPF and not attestation.listed_in(word, WordSource.DICTIONARY):
            foreign += 1
    return foreign >= FOREIGN_SHARE * len(considered) and common >= _COMMON_FOREIGN


def around_is_foreign(tokens: Tokens, span: Span) -> bool:
    """Whether the words of ``span`` and up to three on each side, in its block, read as another
    language ("cupidatat non proident, sunt in culpa")."""
    view = tokens.view
    index = view.block_index(span.start)
    block = view.blocks[index] if index >= 0 else Span(0, len(view.text))
    inside = tokens.index_range(span)
    nearby = tokens.index_range(block)
    start, stop = max(inside.start - _REACH, nearby.start), min(inside.stop + _REACH, nearby.stop)
    return is_foreign(tokens.texts[start:stop])
