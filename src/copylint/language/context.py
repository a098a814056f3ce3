"""Guarded context patterns: a short run of words, each slot a set of forms or of word classes,
one slot marked as the wrong word and what it should be. Rules for confusions such as "more
then" or "could of been" are lists of these, with their exceptions as slots that must not match.

Words of a match must follow each other with only spaces between (no punctuation, no line of
markup): "faster, then" is not "faster then". Matching starts from the target slot's forms, found
in the document's folded words by a search in C, so a pattern costs little where its word is
absent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from copylint.core.tokens import Tokens
from copylint.language.wordclass import NONE, WordClass, WordClasses

_APOSTROPHES = ("'", "’")


def forms(*words: str) -> frozenset[str]:
    """Lower-case forms, each apostrophe in both its straight and curly spelling."""
    found: set[str] = set()
    for word in words:
        found.add(word)
        if "'" in word:
            found.add(word.replace("'", "’"))
    return frozenset(found)


@dataclass(frozen=True)
class Slot:
    """One word of a pattern: one of ``words``, or any word that can take one of ``classes``;
    never one of ``unless``, nor (with ``only``) a word that can also take another class."""

    words: frozenset[str] = frozenset()
    classes: WordClass = NONE
    unless: frozenset[str] = frozenset()
    only: bool = False
    """With ``classes``: the word must take no class outside them ("than" after a word that is
    only a comparative, never also a noun)."""
    lower_case: bool = False
    """The word must be written in lower case ("its a" but not "its A list")."""
    capitalised: bool = False
    """The word must be written with a capital ("Its" opening a sentence)."""
    any_word: bool = False
    """Any word at all (a pattern that needs a following word, with only spaces between)."""
    needs: WordClass = NONE
    """With ``classes``: classes of which the word must be able to take one (a noun, not only the
    verb spelled like one: "gonna" is no noun)."""

    def accepts(self, form: str, classes: WordClasses, written: str = "") -> bool:
        if self.lower_case and written and not written.islower():
            return False
        if self.capitalised and not written[:1].isupper():
            return False
        if form in self.unless:
            return False
        if self.any_word or form in self.words:
            return True
        if not self.classes:
            return False
        found = classes.of(form)
        if not found & self.classes or (self.needs and not found & self.needs):
            return False
        return not self.only or not (found & ~self.classes)


def word(*words: str, unless: Iterable[str] = (), lower_case: bool = False, capitalised: bool = False) -> Slot:
    return Slot(words=forms(*words), unless=forms(*unless), lower_case=lower_case, capitalised=capitalised)


ANY_WORD = Slot(any_word=True)
"""A slot that takes any word: "better then the" but not "better then," (a pause: time)."""
_NOUNS = WordClass.NOUN | WordClass.PLURAL_NOUN | WordClass.PROPER_NOUN
NOUN_ONLY = Slot(classes=_NOUNS | WordClass.VERB, only=True, needs=_NOUNS)
"""A word that can only be a noun (or the verb spelled the same): "house", "approach", not
"blanket" (also an adjective) nor "gonna" (only a verb)."""
PREPOSITIONS = (
    "of", "in", "on", "with", "by", "from", "into", "onto", "at", "under", "within", "without", "through",
    "throughout", "upon", "toward", "towards", "above", "below", "amid", "alongside", "behind", "beyond",
    "despite", "via", "against", "across", "among", "around", "between", "beside", "inside", "outside", "near",
)  # fmt: skip
"""Prepositions after which a possessive is expected and a contraction is not ("on its way")."""
FINITE_VERBS = ("is", "was", "are", "were", "has", "have", "had", "will", "can", "could", "should", "would",
                "may", "might", "must", "does", "did", "isn't", "wasn't", "won't", "can't")  # fmt: skip
"""Verbs that show a subject just ended: "its size is", "your team was"."""
OBJECTS = (
    "the",
    "a",
    "an",
    "my",
    "your",
    "his",
    "her",
    "its",
    "our",
    "their",
    "this",
    "that",
    "these",
    "those",
    "it",
    "them",
    "us",
    "me",
    "him",
)
"""Words that start a noun phrase: what follows a transitive verb."""


def of_class(classes: WordClass, *, unless: Iterable[str] = (), only: bool = False, also: Iterable[str] = ()) -> Slot:
    return Slot(words=forms(*also), classes=classes, unless=forms(*unless), only=only)


@dataclass(frozen=True)
class ContextPattern:
    """Slots in order; ``target`` is the index of the wrong word and ``replacement`` the right one."""

    slots: tuple[Slot, ...]
    target: int
    replacement: str
    reason: str
    not_before: tuple[Slot, ...] = field(default=())
    """Slots that must not match the words just before the pattern (an exception to the left)."""


@dataclass(frozen=True, slots=True)
class ContextMatch:
    index: int
    """The index of the wrong word among the document's words."""
    replacement: str
    reason: str


_COMMON = frozenset("of is was a an the to in on and that it for with by at from are were be as or".split())
"""Words too frequent to look for first: a pattern is found from its rarest fixed word."""


@cache
def _anchor(pattern: ContextPattern) -> int:
    """The slot to search for: fixed words, none of them very common, as few as possible."""
    fixed = [
        (bool(slot.words & _COMMON), len(slot.words), offset)
        for offset, slot in enumerate(pattern.slots)
        if slot.words and not slot.classes and not slot.any_word
    ]
    return min(fixed)[2] if fixed else pattern.target


def matches(tokens: Tokens, patterns: Sequence[ContextPattern], classes: WordClasses) -> Iterator[ContextMatch]:
    """Every place where a pattern matches, at most one match per word (the first pattern wins)."""
    folded, texts = tokens.folded, tokens.texts
    present = tokens.folded_forms
    found: dict[frozenset[str], list[int]] = {}
    seen: set[int] = set()
    for pattern in patterns:
        anchor = _anchor(pattern)
        words = pattern.slots[anchor].words
        if words.isdisjoint(present):
            continue  # the usual case: the pattern's word is not in the document
        indices = found.get(words)
        if indices is None:
            indices = found[words] = tokens.indices_of(tuple(sorted(words & present)))
        for index in indices:
            start = index - anchor
            end = start + len(pattern.slots)
            target = start + pattern.target
            if start < 0 or end > len(folded) or target in seen:
                continue
            if not all(
                slot.accepts(folded[start + offset], classes, texts[start + offset])
                for offset, slot in enumerate(pattern.slots)
            ):
                continue
            if not joined_words(tokens, start, end):
                continue
            if pattern.not_before and _before_matches(tokens, start, pattern.not_before, classes):
                continue
            seen.add(target)
            yield ContextMatch(target, pattern.replacement, pattern.reason)


def joined_words(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the words ``start`` to ``end`` (exclusive) follow each other with only spaces between."""
    words, text = tokens.words, tokens.view.text
    return all(text[words[index].end : words[index + 1].start] in (" ", "\u00a0") for index in range(start, end - 1))


def _before_matches(tokens: Tokens, start: int, slots: tuple[Slot, ...], classes: WordClasses) -> bool:
    first = start - len(slots)
    if first < 0 or not joined_words(tokens, first, start + 1):
        return False
    return all(slot.accepts(tokens.folded[first + offset], classes) for offset, slot in enumerate(slots))
