"""advice/advise, breath/breathe, belief/believe: a noun and its verb spelled one letter apart.

Complexity: O(words) per document; only words of a pair are looked at (one word either side).
"""

from __future__ import annotations

from collections.abc import Iterator

from copylint.core.finding import Category
from copylint.core.tokens import Tokens
from copylint.language.context import ContextMatch, forms, joined_words
from copylint.language.wordclass import WordClass, WordClasses, load_word_classes
from copylint.rules.realword.guarded import ContextRule

PAIRS: tuple[tuple[str, str], ...] = (
    ("advice", "advise"),
    ("belief", "believe"),
    ("breath", "breathe"),
    ("proof", "prove"),
    ("relief", "relieve"),
    ("grief", "grieve"),
    ("device", "devise"),
    ("complaint", "complain"),
    ("extent", "extend"),
    ("choice", "choose"),
)
"""English nouns and the verbs spelled from them by a changed or added letter (c/s, f/v, -e, t/d).
Each verb is only a verb and each noun only a noun, so the words around tell which is meant."""
THIRD_PERSON: tuple[tuple[str, str], ...] = (
    ("advices", "advises"),
    ("beliefs", "believes"),
    ("complaints", "complains"),
)
"""A plural noun written for the verb after "he" or "she" ("he beliefs that")."""
_NOUN = "After a determiner, use the noun"
_VERB = "After a modal verb or a subject, use the verb"
_DETERMINERS = frozenset(("a", "an", "the", "my", "your", "its", "our", "their", "every", "any"))
"""Words a noun follows and a bare verb never does ("her", "some" and "of" are left out: "let her
believe", "some believe", "sort of believe")."""
_MODALS = frozenset(
    (
        *("can", "could", "will", "would", "shall", "should", "may", "might", "must", "cannot"),
        *("can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "can’t", "couldn’t", "won’t"),
        *("wouldn’t", "shouldn’t", "mustn’t"),
    )
)
_SUBJECTS = frozenset(("i", "we", "you", "they"))
_THIRD_SUBJECTS = frozenset(("he", "she"))
_OBJECTS = frozenset(("you", "that", "me", "him", "her", "us", "them", "it"))
_CLOSED = WordClass.PREPOSITION | WordClass.CONJUNCTION | WordClass.DETERMINER | WordClass.PRONOUN | WordClass.AUXILIARY
"""Closed-class words, which the lexicon also lists as nouns or adjectives ("on", "under")."""
_NOUN_PHRASE = WordClass.NOUN | WordClass.PLURAL_NOUN | WordClass.PROPER_NOUN | WordClass.ADJECTIVE


def _table() -> dict[str, tuple[str, bool]]:
    """Each written form → (the word meant, whether the noun is written)."""
    found: dict[str, tuple[str, bool]] = {}
    for noun, verb in (*PAIRS, *THIRD_PERSON):
        found[noun] = (verb, True)
        found[verb] = (noun, False)
    return found


_TABLE = _table()
_FORMS = tuple(sorted(forms(*_TABLE)))


class NounVerbConfusion(ContextRule):
    """A noun written where its verb is meant, or the verb where the noun is: "could breath",
    "my advise".

    What it does: knows ten nouns and the verbs spelled from them by one letter (advice/advise,
    belief/believe, breath/breathe, proof/prove, relief/relieve, grief/grieve, device/devise,
    complaint/complain, extent/extend, choice/choose). It reports the verb after a determiner
    ("the", "my", "any", "of") when no noun or adjective follows ("any advise is welcome", "to the
    extend of"), and the noun after a modal verb ("could breath", "cannot breath"), or after "I",
    "we", "you", "they" before an object ("we advice you"); and "advices", "beliefs",
    "complaints" after "he" or "she" before an object ("he beliefs that").

    Why: the two words sound alike or nearly, and both are spelled right.

    Example: "Thanks for the advise." suggests "advice".

    Fix safety: unsafe; the author confirms.
    """

    id = "real-word.noun-verb"
    category = Category.REAL_WORD

    @classmethod
    def more_matches(cls, tokens: Tokens) -> Iterator[ContextMatch]:
        classes = load_word_classes()
        folded, texts = tokens.folded, tokens.texts
        for index in tokens.indices_of(_FORMS):
            written = texts[index]
            if index == 0 or not written.islower() or not joined_words(tokens, index - 1, index + 1):
                continue
            meant, noun_written = _TABLE[folded[index]]
            before = folded[index - 1]
            after = folded[index + 1] if index + 1 < len(folded) and joined_words(tokens, index, index + 2) else ""
            if noun_written and _verb_meant(tokens, index, before, after, meant, classes):
                yield ContextMatch(index, meant, _VERB)
            elif not noun_written and before in _DETERMINERS and not _noun_phrase_goes_on(after, classes):
                yield ContextMatch(index, meant, _NOUN)


def _verb_meant(tokens: Tokens, index: int, before: str, after: str, meant: str, classes: WordClasses) -> bool:
    if meant.endswith("s"):
        return before in _THIRD_SUBJECTS and after in _OBJECTS
    if before in _SUBJECTS:
        return after in _OBJECTS
    if before == "not" and index >= 2 and joined_words(tokens, index - 2, index):
        before = tokens.folded[index - 2]
    # "could breath.", "cannot breath under water"; not "could breath fire" (a noun may follow a verb)
    return before in _MODALS and not _noun_phrase_goes_on(after, classes)


def _noun_phrase_goes_on(after: str, classes: WordClasses) -> bool:
    """Whether the next word may carry on a noun phrase ("the extend method": a name), or is a
    determiner, which makes the written verb look meant."""
    if not after:
        return False
    if classes.can_be(after, WordClass.DETERMINER | WordClass.POSSESSIVE | WordClass.PRONOUN):
        return True  # a verb and its object: a title, a name or another slip ("a choose your own adventure")
    return classes.can_be(after, _NOUN_PHRASE) and not classes.can_be(after, _CLOSED)
