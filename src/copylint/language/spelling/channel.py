"""The error model: how likely a writer who meant one word typed another.

A weighted Damerau-Levenshtein (optimal string alignment) distance from the intended word to the
typed one, where the edits people actually make cost less: a doubled or undoubled letter, a
swapped pair, a vowel for a vowel, a key next to the intended one, a sound-alike consonant. The
first letter is rarely wrong, so edits there cost more. Words that sound alike (same Metaphone
key) are closer still. O(len(a) * len(b)) per pair; it is only
run on the few dozen candidates a bounded search returns.
"""

from __future__ import annotations

from functools import lru_cache

import jellyfish
from rapidfuzz.distance import Levenshtein

_VOWELS = frozenset("aeiouy")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SOUND_ALIKE_GROUPS = ("ckqs", "sz", "fv", "gj", "dt", "bp", "mn", "iy", "xs", "wu", "ae", "ou")


def _neighbours() -> dict[str, frozenset[str]]:
    position = {char: (row, column) for row, keys in enumerate(_KEYBOARD_ROWS) for column, char in enumerate(keys)}
    result: dict[str, frozenset[str]] = {}
    for char, (row, column) in position.items():
        near = {
            other
            for other, (other_row, other_column) in position.items()
            if other != char and abs(other_row - row) <= 1 and abs(other_column - column + (other_row - row) * 0.5) <= 1
        }
        result[char] = frozenset(near)
    return result


_KEY_NEIGHBOURS = _neighbours()
_SOUND_ALIKE = {
    char: frozenset(other for group in _SOUND_ALIKE_GROUPS if char in group for other in group if other != char)
    for char in "abcdefghijklmnopqrstuvwxyz"
}

DEFAULT_COST = 1.0
# Chosen on a development sample (every fourth entry of Wikipedia's list of common misspellings),
# never on the Norvig test set that the benchmark reports.
SWAP_COST = 0.4
DOUBLING_COST = 0.35
INSERT_COST = 0.8
DELETE_COST = 0.6
FIRST_LETTER_FACTOR = 1.2
MIN_EDIT_COST = min(SWAP_COST, DOUBLING_COST, INSERT_COST, DELETE_COST, 0.5)
"""The cheapest single edit (0.5 is a vowel for a vowel): a word ``d`` edits away costs at least
``d`` times this, which lets a search skip candidates that cannot make the top of a ranking."""
PHONETIC_WEIGHT = 0.2
"""Cost per edit between the two words' Metaphone keys: sound-alike slips cost less."""


def substitution_cost(intended: str, typed: str) -> float:
    if intended == typed:
        return 0.0
    if intended in _VOWELS and typed in _VOWELS:
        return 0.5
    if typed in _SOUND_ALIKE.get(intended, ()):
        return 0.6
    if typed in _KEY_NEIGHBOURS.get(intended, ()):
        return 0.6
    return DEFAULT_COST


def slip_cost(intended: str, typed: str) -> float:
    """How unlikely it is to type ``typed`` for ``intended``: spelling edits plus sound difference."""
    return edit_cost(intended, typed) + PHONETIC_WEIGHT * Levenshtein.distance(
        phonetic_key(intended), phonetic_key(typed)
    )


@lru_cache(maxsize=65536)
def phonetic_key(word: str) -> str:
    """The word's Metaphone key (jellyfish), e.g. ``juice`` and ``juse`` both give ``JS``."""
    return str(jellyfish.metaphone(word))


@lru_cache(maxsize=65536)
def edit_cost(intended: str, typed: str) -> float:
    """The weighted cost of typing ``typed`` when ``intended`` was meant (0 when equal)."""
    rows, columns = len(intended), len(typed)
    # the costs that depend on one position only are computed once, not in the inner loop
    deletes = [_delete_cost(intended, i) for i in range(rows)]
    inserts = [_insert_cost(typed, j) for j in range(columns)]
    substitution = _SUBSTITUTION.get
    previous_previous: list[float] = []
    previous = [0.0] * (columns + 1)
    for j in range(1, columns + 1):
        previous[j] = previous[j - 1] + inserts[j - 1]
    for i in range(1, rows + 1):
        a = intended[i - 1]
        current = [0.0] * (columns + 1)
        current[0] = previous[0] + deletes[i - 1]
        for j in range(1, columns + 1):
            b = typed[j - 1]
            factor = FIRST_LETTER_FACTOR if i == 1 or j == 1 else 1.0
            cost = substitution((a, b))
            if cost is None:
                cost = substitution_cost(a, b)
            best = previous[j - 1] + cost * factor
            deleted = previous[j] + deletes[i - 1] * factor
            if deleted < best:
                best = deleted
            inserted = current[j - 1] + inserts[j - 1] * factor
            if inserted < best:
                best = inserted
            if i > 1 and j > 1 and a == typed[j - 2] and intended[i - 2] == b and a != b:
                swapped = previous_previous[j - 2] + SWAP_COST * factor
                if swapped < best:
                    best = swapped
            current[j] = best
        previous_previous, previous = previous, current
    return previous[columns]


_SUBSTITUTION = {
    (a, b): substitution_cost(a, b) for a in "abcdefghijklmnopqrstuvwxyz'" for b in "abcdefghijklmnopqrstuvwxyz'"
}
"""``substitution_cost`` for every pair of lower-case letters, looked up rather than recomputed."""


def _delete_cost(intended: str, index: int) -> float:
    """The writer left out ``intended[index]``: cheap when it was one of a doubled pair."""
    char = intended[index]
    if (index > 0 and intended[index - 1] == char) or (index + 1 < len(intended) and intended[index + 1] == char):
        return DOUBLING_COST
    return DELETE_COST


def _insert_cost(typed: str, index: int) -> float:
    """The writer added ``typed[index]``: cheap when it doubles a neighbouring letter."""
    char = typed[index]
    if (index > 0 and typed[index - 1] == char) or (index + 1 < len(typed) and typed[index + 1] == char):
        return DOUBLING_COST
    return INSERT_COST
