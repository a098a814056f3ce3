"""A bigram language model from symspellpy's English bigram list (242,342 pairs, Google Books counts).

Probabilities are interpolated with the unigram model, so an unseen pair is unlikely but possible.
"""

from __future__ import annotations

import importlib.resources
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from copylint.language.spelling.lexicon import Lexicon, load_lexicon
from copylint.language.spelling.table import CompactTable
from copylint.store.tables import cached

_BIGRAM_WEIGHT = 0.9


@dataclass(frozen=True)
class BigramModel:
    counts: Mapping[str, float]
    """Counts by pair, keyed "first second"."""
    lexicon: Lexicon
    smallest_count: float = 1.0
    """The list leaves out every pair rarer than this, so an unseen pair may be nearly this common."""

    def has(self, first: str, second: str) -> bool:
        return f"{first} {second}" in self.counts

    def count(self, first: str, second: str) -> float | None:
        return self.counts.get(f"{first} {second}")

    def log_probability(self, previous: str | None, word: str) -> float:
        """log10 P(word | previous), interpolated with P(word)."""
        unigram = 10 ** self.lexicon.log_probability(word)
        if previous is None:
            return math.log10(unigram)
        previous_count = self.lexicon.count(previous)
        pair = self.counts.get(f"{previous} {word}", 0.0)
        conditional = pair / previous_count if previous_count and pair else 0.0
        conditional = min(conditional, 1.0)
        return math.log10(_BIGRAM_WEIGHT * conditional + (1 - _BIGRAM_WEIGHT) * unigram)

    def context_log_probability(self, previous: str | None, word: str, following: str | None) -> float:
        """log10 P(word | previous) + log10 P(following | word)."""
        score = self.log_probability(previous, word)
        if following is not None:
            score += self.log_probability(word, following)
        return score


@lru_cache(maxsize=1)
def load_bigrams() -> BigramModel:
    """The shared bigram model (built once per process from a precomputed table)."""
    counts = cached("bigrams", ("symspellpy",), lambda: CompactTable(_build_counts()))
    return BigramModel(counts, load_lexicon(), counts.smallest)


def _build_counts() -> dict[str, float]:
    text = (
        importlib.resources.files("symspellpy")
        .joinpath("frequency_bigramdictionary_en_243_342.txt")
        .read_text(encoding="utf-8")
    )
    counts: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) == 3:
            counts[f"{parts[0]} {parts[1]}"] = float(parts[2])
    return counts
