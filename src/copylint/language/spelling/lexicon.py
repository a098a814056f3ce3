"""The English lexicon: which words exist and how common each is.

Word counts come from symspellpy's English unigram list (82,765 words with Google Books counts,
MIT-licensed package; counts derived from the Google Books Ngram data) where it has the word, and
from pyspellchecker's English list (160,572 words) otherwise, scaled to the same range. copylint's
own ``data/modern-words.txt`` adds words of the last decades that both lists lack. Everything is
read from installed packages: nothing is downloaded.

Building it from those lists is slow, so it is done once and kept in the data cache; each process
then loads the built tables once (:func:`load_lexicon`).
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from copylint.language.spelling.table import SEPARATOR, CompactTable
from copylint.store.shipped import data_lines
from copylint.store.tables import cached

# pyspellchecker's counts come from a smaller corpus; this factor (the median ratio of the two
# lists' counts over words both know well) puts them on symspellpy's scale.
_PYSPELL_SCALE = 600.0
_MODERN_WORD_COUNT = 2_000_000
_TOTAL = 1.0e12
COMMON_COUNT = 1_000_000.0
"""Words written at least this often are common: the ones worth proposing for a slip."""


@dataclass(frozen=True)
class Lexicon:
    """Lower-case word forms and their corpus counts.

    Both tables are stored flat (see :class:`~copylint.language.spelling.table.CompactTable`), so that a
    run on one article maps them instead of creating 250,000 objects.
    """

    counts: Mapping[str, float]
    joined_by_start: Mapping[int, Mapping[tuple[str, str], str]] = field(repr=False)
    """The words of each length, grouped by their first two letters, each group joined by NUL."""
    _by_length: dict[int, _LengthIndex] = field(default_factory=dict, repr=False, compare=False)

    def __contains__(self, word: object) -> bool:
        return word in self.counts

    def words_starting(self, length: int, letters: set[str]) -> list[str]:
        """The words of one length whose first or second letter is one of ``letters`` (for the
        suggestion search), group by group in the lexicon's order. Only the groups asked for are
        split, each once per process: a run on one article needs a few hundred of thousands."""
        index = self._by_length.get(length)
        if index is None:
            index = self._by_length[length] = _LengthIndex(self.joined_by_start.get(length, {}))
        return index.words_with(letters)

    def common_words(self) -> frozenset[str]:
        """The words counted at least :data:`COMMON_COUNT` times. Only building the slip table
        needs them, so they are not stored (every run would pay for unpickling the set)."""
        return frozenset(word for word, count in self.counts.items() if count >= COMMON_COUNT)

    def count(self, word: str) -> float:
        return self.counts.get(word, 0.0)

    def log_probability(self, word: str) -> float:
        """log10 of the word's unigram probability (a floor for unknown words)."""
        return math.log10(max(self.counts.get(word, 0.0), 1.0) / _TOTAL)


class _LengthIndex:
    """The groups of words of one length, found by letter: which groups have a letter first or
    second, and each group split into its words the first time it is asked for."""

    def __init__(self, groups: Mapping[tuple[str, str], str]) -> None:
        self._joined = list(groups.values())
        self._split: list[tuple[str, ...] | None] = [None] * len(self._joined)
        self._by_letter: dict[str, list[int]] = {}
        for position, (first, second) in enumerate(groups):
            self._by_letter.setdefault(first, []).append(position)
            if second != first:
                self._by_letter.setdefault(second, []).append(position)

    def words_with(self, letters: set[str]) -> list[str]:
        positions: set[int] = set()
        for letter in letters:
            positions.update(self._by_letter.get(letter, ()))
        words: list[str] = []
        for position in sorted(positions):
            group = self._split[position]
            if group is None:
                group = self._split[position] = tuple(self._joined[position].split(SEPARATOR))
            words.extend(group)
        return words


@lru_cache(maxsize=1)
def modern_words() -> frozenset[str]:
    """copylint's list of modern words (``data/spelling/modern-words.txt``)."""
    return frozenset(data_lines("spelling/modern-words.txt"))


SOURCES = ("pyspellchecker", "symspellpy")
"""The packages the lexicon is read from (a new version of either rebuilds the cached tables)."""


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shared English lexicon (built once per process from a precomputed table; immutable)."""
    return cached("lexicon", SOURCES, _build_lexicon)


def _build_lexicon() -> Lexicon:
    counts = _build_counts()
    by_start: dict[int, dict[tuple[str, str], list[str]]] = {}
    for word in counts:
        by_start.setdefault(len(word), {}).setdefault((word[:1], word[1:2]), []).append(word)
    return Lexicon(
        CompactTable(counts),
        {
            length: {start: SEPARATOR.join(words) for start, words in groups.items()}
            for length, groups in by_start.items()
        },
    )


def _build_counts() -> dict[str, float]:
    counts: dict[str, float] = {}
    raw = importlib.resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    for word, count in json.loads(gzip.decompress(raw)).items():
        counts[word.replace("’", "'")] = float(count) * _PYSPELL_SCALE
    for line in (
        importlib.resources.files("symspellpy")
        .joinpath("frequency_dictionary_en_82_765.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        word, _, count = line.partition(" ")
        if count:
            counts[word] = float(count)
    for word in modern_words():
        counts.setdefault(word, _MODERN_WORD_COUNT)
    return counts
