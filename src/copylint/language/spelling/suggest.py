"""Ranked corrections for a misspelled word: a noisy-channel model.

Candidates are the lexicon words within a small edit distance (found with rapidfuzz's C++ search
over words of similar length); each is scored by how often it is written
(its unigram, or bigram with the neighbouring words when they are known) plus how likely the
typed form is as a slip for it (:mod:`copylint.language.spelling.channel`). Work is done once per distinct
word, and only for words that are reported.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from copylint.language.spelling.bigrams import BigramModel
from copylint.language.spelling.channel import MIN_EDIT_COST, slip_cost
from copylint.language.spelling.lexicon import Lexicon

CHANNEL_WEIGHT = 4.0
"""log10 units of probability one unit of edit cost is worth."""
MAX_SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str
    distance: int
    cost: float
    score: float


def search_distance(word: str) -> int:
    return 1 if len(word) <= 3 else 2 if len(word) <= 7 else 3


class Suggester:
    """Finds and ranks corrections; keeps a per-process memo of candidate searches."""

    def __init__(self, lexicon: Lexicon, bigrams: BigramModel | None = None) -> None:
        self.lexicon = lexicon
        self.bigrams = bigrams
        self._memo: dict[str, tuple[tuple[str, int], ...]] = {}

    def _choices(self, word: str, limit: int) -> list[str]:
        """Lexicon words of a length within ``limit`` of ``word``'s that can be near it.

        A typist rarely gets both of a word's first two letters wrong, so a candidate must start
        with one of them or have one of them second (which also keeps a swap of the two, or a
        letter added or left out at the start). This leaves a small part of the words to compare.
        """
        firsts = {word[:1], word[1:2]}
        choices: list[str] = []
        for length in range(max(len(word) - limit, 1), len(word) + limit + 1):
            choices.extend(self.lexicon.words_starting(length, firsts))
        return choices

    def nearby(self, word: str) -> tuple[tuple[str, int], ...]:
        """Lexicon words within the search distance of ``word`` (lower case), with their distance."""
        found = self._memo.get(word)
        if found is None:
            limit = search_distance(word)
            matches = process.extract(
                word, self._choices(word, limit), scorer=OSA.distance, score_cutoff=limit, limit=None
            )
            apostrophe = "'" in word
            found = tuple(
                (match, int(distance))
                for match, distance, _ in matches
                if match != word and (apostrophe or "'" not in match)
            )
            self._memo[word] = found
        return found

    def rank(
        self, word: str, previous: str | None = None, following: str | None = None, limit: int = MAX_SUGGESTIONS
    ) -> list[Candidate]:
        """The best corrections for ``word`` (lower case), best first.

        The slip cost is the expensive part, so candidates are tried best bound first (their prior
        less the cheapest possible cost of their distance) and the search stops once ``limit``
        candidates score better than any bound left: the same ranking as scoring every candidate.
        """
        bounded = []
        for order, (candidate, distance) in enumerate(self.nearby(word)):
            if self.bigrams is not None and (previous or following):
                prior = self.bigrams.context_log_probability(previous, candidate, following)
            else:
                prior = self.lexicon.log_probability(candidate)
            bounded.append((prior - CHANNEL_WEIGHT * MIN_EDIT_COST * distance, order, candidate, distance, prior))
        bounded.sort(key=lambda item: -item[0])
        scored: list[tuple[int, Candidate]] = []
        best_scores: list[float] = []  # a min-heap of the ``limit`` best scores so far
        for bound, order, candidate, distance, prior in bounded:
            if len(best_scores) >= limit and bound < best_scores[0]:
                break  # no candidate left can beat the ``limit`` scored ones
            cost = slip_cost(candidate, word)
            score = prior - CHANNEL_WEIGHT * cost
            scored.append((order, Candidate(candidate, distance, cost, score)))
            if len(best_scores) < limit:
                heapq.heappush(best_scores, score)
            else:
                heapq.heappushpop(best_scores, score)
        scored.sort(key=lambda item: (-item[1].score, item[0]))
        return [candidate for _, candidate in scored[:limit]]


def match_case(original: str, suggestion: str) -> str:
    """Give ``suggestion`` the capitalisation of ``original`` (``Goverment`` -> ``Government``)."""
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
