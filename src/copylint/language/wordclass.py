"""Word classes without an NLP stack: what each English word form can be (noun, verb form,
adjective degree, possessive determiner ...), from a shipped lexicon derived from Harper's
annotated dictionary (``data/language/word-classes.tsv``, built by
``scripts/build_word_classes.py``).

A form has every class it can take ("lead": noun, verb, adjective); context rules ask whether a
class is possible ("can this be a comparative?"), never which one is meant. The table is built
once into the data cache and mapped by each run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntFlag
from functools import lru_cache

from copylint.language.spelling.table import CompactTable
from copylint.store.shipped import data_lines
from copylint.store.tables import cached


class WordClass(IntFlag):
    """The classes a form can take (a bit each)."""

    NOUN = 1 << 0
    PLURAL_NOUN = 1 << 1
    PROPER_NOUN = 1 << 2
    VERB = 1 << 3
    THIRD_PERSON = 1 << 4
    PAST = 1 << 5
    PAST_PARTICIPLE = 1 << 6
    GERUND = 1 << 7
    AUXILIARY = 1 << 8
    ADJECTIVE = 1 << 9
    COMPARATIVE = 1 << 10
    SUPERLATIVE = 1 << 11
    ADVERB = 1 << 12
    PREPOSITION = 1 << 13
    CONJUNCTION = 1 << 14
    DETERMINER = 1 << 15
    POSSESSIVE = 1 << 16
    PRONOUN = 1 << 17


_CODES: Mapping[str, WordClass] = {
    "N": WordClass.NOUN,
    "NP": WordClass.PLURAL_NOUN,
    "NPR": WordClass.PROPER_NOUN,
    "V": WordClass.VERB,
    "VZ": WordClass.THIRD_PERSON,
    "VD": WordClass.PAST,
    "VN": WordClass.PAST_PARTICIPLE,
    "VG": WordClass.GERUND,
    "A": WordClass.AUXILIARY,
    "J": WordClass.ADJECTIVE,
    "JR": WordClass.COMPARATIVE,
    "JS": WordClass.SUPERLATIVE,
    "R": WordClass.ADVERB,
    "P": WordClass.PREPOSITION,
    "C": WordClass.CONJUNCTION,
    "D": WordClass.DETERMINER,
    "DP": WordClass.POSSESSIVE,
    "I": WordClass.PRONOUN,
}
NONE = WordClass(0)


@dataclass(frozen=True)
class WordClasses:
    """The classes of lower-case forms."""

    table: Mapping[str, float]

    def of(self, form: str) -> WordClass:
        """Every class ``form`` (lower case) can take; none for a form the lexicon lacks."""
        found = self.table.get(form)
        return WordClass(int(found)) if found is not None else NONE

    def can_be(self, form: str, classes: WordClass) -> bool:
        """Whether ``form`` can take one of ``classes``."""
        found = self.table.get(form)
        return found is not None and bool(int(found) & classes)


@lru_cache(maxsize=1)
def load_word_classes() -> WordClasses:
    """The shared word-class table (built once into the data cache; immutable)."""
    return cached("word-classes", (), _build)


def _build() -> WordClasses:
    table: dict[str, float] = {}
    for line in data_lines("language/word-classes.tsv"):
        form, _, codes = line.partition("\t")
        bits = 0
        for code in codes.split(","):
            bits |= _CODES[code]
        table[form] = float(bits)
    return WordClasses(CompactTable(table))
