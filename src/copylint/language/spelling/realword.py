"""Real-word errors: a correct word in the wrong place ("fining the universal", "more then", "loose
the game").

For each word, the alternatives are the other members of its confusion set
(``data/confusables.txt``) and, for a rare word, much more common words it is a typing slip of
(one letter left out, or two swapped; see :func:`slip_index`). An
alternative is proposed only when the bigram model has seen it next to both neighbours, has seen
the written word next to neither, and the alternative is more likely even when the written word's
unseen bigrams are given the largest count the model could have left out (its smallest listed
count). Precision first: a false alarm on a correct word costs more than a miss.

Complexity: O(words); the one-edit neighbours of a word are computed once per process.
"""

from __future__ import annotations

import math
import string
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from copylint.core.tokens import Tokens, Word
from copylint.language.spelling.attestation import Attestation, load_attestation
from copylint.language.spelling.bigrams import BigramModel
from copylint.language.spelling.lexicon import COMMON_COUNT, SOURCES, Lexicon, load_lexicon
from copylint.language.spelling.morphology import normalise
from copylint.language.spelling.table import StringTable
from copylint.store.shipped import data_lines
from copylint.store.tables import cached

MARGIN = 0.15
DELIBERATE_USES = 3
"""A rare word written this many times in one document is the writer's vocabulary, not a slip
for a word one letter away (a known confusion pair is still weighed: some writers always swap)."""
WRITTEN_MAX_ZIPF = 3.0
"""Only words written less often than this (Zipf, wordfreq) are weighed: the bigram list is a sample,
and not finding "the gaol" or "was stared" in it is evidence only against a rare word ("fining")."""
"""log10 of how much more likely the alternative must be, in the most generous reading of the
written word (its unseen bigrams given the largest count the model could have left out)."""
NEIGHBOUR_RATIO = 30.0
"""A one-edit alternative must be this many times more common than the written word..."""
NEIGHBOUR_MIN_COUNT = COMMON_COUNT
"""...and common in itself (one of the lexicon's common words)."""
RARE_WORD_COUNT = 5_000_000.0
"""Only words rarer than this get one-edit alternatives (common words only their confusion set)."""
CONFUSABLE_MARGIN = 1.0
"""The same margin for a member of a confusion set: both words are common, so more is needed."""
_LETTERS = string.ascii_lowercase
_MEMO_LIMIT = 1_000_000
"""Distinct forms a checker remembers before it starts afresh (a long run meets ever more)."""


@dataclass(frozen=True, slots=True)
class RealWordIssue:
    word: Word
    suggestion: str
    gain: float
    """log10 of how much more likely the suggestion is in context."""


@lru_cache(maxsize=1)
def confusion_sets() -> Mapping[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for line in data_lines("spelling/confusables.txt"):
        members = line.split()
        for member in members:
            table.setdefault(member, set()).update(other for other in members if other != member)
    return {word: frozenset(others) for word, others in table.items()}


def slip_index(lexicon: Lexicon) -> dict[str, list[str]]:
    """Every typing slip of every word common enough to be proposed, mapped to the words it is a
    slip of. A slip is the intended word with one letter left out ("fining" for "finding") or two
    neighbouring letters swapped ("untied" for "united"), never at the first letter, which writers
    rarely get wrong."""
    index: dict[str, list[str]] = {}
    for word in lexicon.common_words():
        for i in range(1, len(word)):
            if word[i] in _LETTERS:
                index.setdefault(word[:i] + word[i + 1 :], []).append(word)
        for i in range(1, len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped != word:
                index.setdefault(swapped, []).append(word)
    return index


@lru_cache(maxsize=1)
def load_slip_table() -> StringTable:
    """:func:`slip_index` of the shared lexicon, precomputed once into the data cache: each slip
    maps to the words it is a slip of, sorted and joined by spaces. Loading it is far quicker than
    building it, which every worker of a long run would otherwise pay for."""

    return cached("slips", SOURCES, lambda: StringTable(joined_slips(load_lexicon())))


def joined_slips(lexicon: Lexicon) -> dict[str, str]:
    """:func:`slip_index` with each slip's words sorted, without repeats, and joined by spaces."""
    return {slip: " ".join(sorted(set(words))) for slip, words in slip_index(lexicon).items()}


class RealWordChecker:
    def __init__(self, lexicon: Lexicon, bigrams: BigramModel, slips: Mapping[str, str]) -> None:
        """``slips`` is :func:`joined_slips` of ``lexicon`` (:func:`load_slip_table` for the shared one)."""
        self.lexicon = lexicon
        self.bigrams = bigrams
        self.confusables = confusion_sets()
        self._slips = slips
        self._candidate_memo: dict[str, tuple[str, ...]] = {}
        self._without_alternatives: set[str] = set()
        """Written forms with no alternative: a document's forms less these are found in C."""

    @staticmethod
    def _usage() -> Attestation:
        return load_attestation()

    def _common_neighbours(self, word: str) -> tuple[str, ...]:
        count = self.lexicon.count(word)
        if count >= RARE_WORD_COUNT or len(word) < 4:
            return ()
        slips = self._slips.get(word)
        if not slips:
            return ()
        floor = max(NEIGHBOUR_MIN_COUNT, count * NEIGHBOUR_RATIO)
        counts = self.lexicon.counts
        return tuple(c for c in slips.split(" ") if counts[c] >= floor)

    def issues(self, tokens: Tokens) -> Iterator[RealWordIssue]:
        words = tokens.words
        text = tokens.view.text
        alternatives = self._alternatives(tokens.forms)
        weighed = [index for index, written in enumerate(tokens.texts) if written in alternatives]
        uses = Counter(tokens.texts[index].lower() for index in weighed)
        for index in weighed:
            word = words[index]
            candidates = alternatives[word.text]
            written = word.text.lower()
            if word.text[:1].isupper() and not tokens.starts_sentence(word):
                continue  # a name, or a title
            if self._usage().zipf(written) >= WRITTEN_MAX_ZIPF:
                continue  # a word this common is often missing from the bigram list: its absence says little
            previous = _neighbour(text, words, index, -1)
            following = _neighbour(text, words, index, 1)
            best = self._best_alternative(written, candidates, previous, following)
            if best is None:
                continue
            if uses[written] >= DELIBERATE_USES and best[0] not in self.confusables.get(written, frozenset()):
                continue  # a rare word the writer uses throughout ("the gaol" in a Dickens novel) is theirs
            yield RealWordIssue(word, best[0], best[1])

    def _alternatives(self, forms: frozenset[str]) -> dict[str, tuple[str, ...]]:
        """The alternatives of the forms that have any (most have none), each form decided once
        per process."""
        if len(self._without_alternatives) > _MEMO_LIMIT or len(self._candidate_memo) > _MEMO_LIMIT:
            self._without_alternatives.clear()
            self._candidate_memo.clear()
        alternatives: dict[str, tuple[str, ...]] = {}
        for form in forms - self._without_alternatives:
            found = self._candidates(form.lower())
            if found:
                alternatives[form] = found
            else:
                self._without_alternatives.add(form)
        return alternatives

    def _candidates(self, written: str) -> tuple[str, ...]:
        """Alternatives worth weighing for a written word (empty for most words)."""
        found = self._candidate_memo.get(written)
        if found is None:
            if written not in self.lexicon or not written.isalpha():
                found = ()  # the bigram model has no words with apostrophes
            else:
                confusable = self.confusables.get(written, frozenset())
                found = tuple(sorted(confusable | set(self._common_neighbours(written))))
            self._candidate_memo[written] = found
        return found

    def _best_alternative(
        self, written: str, candidates: tuple[str, ...], previous: str | None, following: str | None
    ) -> tuple[str, float] | None:
        confusable = self.confusables.get(written, frozenset())
        if previous is None or following is None:
            return None
        if self.bigrams.has(previous, written) or self.bigrams.has(written, following):
            return None
        floor = self.bigrams.smallest_count
        written_score = 2 * math.log10(floor) - math.log10(max(self.lexicon.count(written), 1.0))
        best: tuple[str, float] | None = None
        for candidate in candidates:
            before = self.bigrams.count(previous, candidate)
            after = self.bigrams.count(candidate, following)
            if before is None or after is None:
                continue
            score = math.log10(before) + math.log10(after) - math.log10(max(self.lexicon.count(candidate), 1.0))
            gain = score - written_score
            needed = CONFUSABLE_MARGIN if candidate in confusable else MARGIN
            if gain > needed and (best is None or gain > best[1]):
                best = (candidate, gain)
        return best


def _neighbour(text: str, words: tuple[Word, ...], index: int, step: int) -> str | None:
    """The adjacent word when only spaces separate them (punctuation breaks the context)."""
    other = index + step
    if not 0 <= other < len(words):
        return None
    first, second = (words[other], words[index]) if step < 0 else (words[index], words[other])
    gap = text[first.end : second.start]
    if not gap or not gap.isspace() or "\n\n" in gap:
        return None
    return normalise(words[other].text)
