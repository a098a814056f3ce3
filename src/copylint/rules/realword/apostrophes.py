"""A possessive and its contraction swapped ("it's eyes", "your a developer"), told apart by the
word classes of the words around and by what openly licensed prose never writes
(:mod:`copylint.language.unseen`). Shared by ``real-word.its`` and ``real-word.possessive``; not a
rule itself.

A contraction is the possessive when
- a preposition comes before it and a word that can only be a noun (or the verb spelled the same)
  after it ("by it's title", "in they're office"), or an adjective and such a noun ("with it's tiny
  buttons");
- a verb or "all" comes before it and, after it, such a noun that prose never writes after the
  contraction (nor after it spelled out: "it is eyes") but often after the possessive ("see it's
  eyes"); or it opens a sentence before such a noun and a verb ("It's door is too small").

A possessive is the contraction when the next word can start no noun phrase (no noun, adjective,
participle or gerund) and prose never writes it after the possessive but often after the
contraction ("its that simple", "your a natural"); after an adverb or a preposition, only where
no noun or adjective follows ("your already existing site" is a possessive).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from copylint.core.tokens import Tokens
from copylint.language.context import FINITE_VERBS, PREPOSITIONS, ContextMatch, forms, joined_words
from copylint.language.unseen import UnseenAfter
from copylint.language.wordclass import NONE, WordClass, WordClasses

_NOUN = WordClass.NOUN | WordClass.PLURAL_NOUN
_NOUN_OR_VERB = _NOUN | WordClass.VERB | WordClass.THIRD_PERSON
"""The classes a word after a swapped contraction may take: a noun, or the verb spelled the same."""
_ADJECTIVE_OR_NOUN = WordClass.ADJECTIVE | WordClass.NOUN | WordClass.VERB
_STARTS_NOUN_PHRASE = (
    _NOUN
    | WordClass.PROPER_NOUN
    | WordClass.ADJECTIVE
    | WordClass.GERUND
    | WordClass.PAST_PARTICIPLE
    | WordClass.COMPARATIVE
    | WordClass.SUPERLATIVE
)
_VERB = WordClass.VERB | WordClass.THIRD_PERSON | WordClass.PAST | WordClass.PAST_PARTICIPLE
_NOT_NOUN = (
    WordClass.ADVERB
    | WordClass.GERUND
    | WordClass.PAST
    | WordClass.PAST_PARTICIPLE
    | WordClass.DETERMINER
    | WordClass.PRONOUN
    | WordClass.PREPOSITION
    | WordClass.CONJUNCTION
    | WordClass.AUXILIARY
)
_NOT_VERB = WordClass.AUXILIARY | WordClass.CONJUNCTION | WordClass.DETERMINER
_BEFORE_POSSESSIVE = frozenset((*PREPOSITIONS, "to"))


@dataclass(frozen=True)
class ApostropheSet:
    """A possessive, its contraction and the messages for each swap."""

    possessive: str
    contraction: str
    to_possessive: str
    """Why the possessive is meant ("Before a noun, the possessive is “its”")."""
    to_contraction: str = ""
    """Why the contraction is meant; empty: a possessive is never reported for it."""
    plural: bool = False
    """The contraction's subject is plural ("they're", "you're"): a plural noun after it may be
    what they are ("they're links"), so only a singular noun shows the possessive."""


def swaps(
    tokens: Tokens, sets: tuple[ApostropheSet, ...], classes: WordClasses, unseen: UnseenAfter
) -> Iterator[ContextMatch]:
    """Every possessive written for its contraction and the other way round, by the tests above."""
    by_form = {form: kind for kind in sets for form in forms(kind.possessive, kind.contraction)}
    folded, texts = tokens.folded, tokens.texts
    for index in tokens.indices_of(tuple(sorted(by_form.keys() & tokens.folded_forms))):
        written = texts[index]
        if index + 1 >= len(folded) or not joined_words(tokens, index, index + 2):
            continue
        if not (written.islower() or (written[1:].islower() and tokens.starts_sentence(tokens.words[index]))):
            continue
        following = texts[index + 1]
        if (
            not following.islower()
            or tokens.view.text[tokens.words[index + 1].end : tokens.words[index + 1].end + 1] == "-"
        ):
            continue  # a name, or the first part of a compound ("its so-called")
        kind = by_form[folded[index]]
        form = folded[index].replace("’", "'")
        after = folded[index + 1].replace("’", "'")
        if form == kind.contraction:
            if _possessive_meant(tokens, index, kind, classes, unseen, after):
                yield ContextMatch(index, kind.possessive, kind.to_possessive)
        elif kind.to_contraction and _contraction_meant(tokens, index, kind, classes, unseen, after):
            yield ContextMatch(index, kind.contraction, kind.to_contraction)


def _possessive_meant(
    tokens: Tokens, index: int, kind: ApostropheSet, classes: WordClasses, unseen: UnseenAfter, after: str
) -> bool:
    folded = tokens.folded
    following = classes.of(after)
    noun = _only(following, _NOUN_OR_VERB) and bool(following & (WordClass.NOUN if kind.plural else _NOUN))
    listed = noun and unseen.listed(kind.contraction, kind.possessive, after)
    if index == 0 or tokens.starts_sentence(tokens.words[index]):
        # "It's door is too small": a noun and its verb never follow "it is"
        return listed and _continues(tokens, index + 1, lambda form: form in FINITE_VERBS)
    if not joined_words(tokens, index - 1, index + 1):
        return False
    before = folded[index - 1]
    if before in _BEFORE_POSSESSIVE:
        return noun or (
            bool(following & WordClass.ADJECTIVE)
            and _only(following, _ADJECTIVE_OR_NOUN)
            and _continues(tokens, index + 1, lambda form: _plain_noun(classes.of(form)))
        )
    left = classes.of(before)
    return listed and (before == "all" or (bool(left & _VERB) and not left & _NOT_VERB))


def _continues(tokens: Tokens, index: int, test: Callable[[str], bool]) -> bool:
    """Whether the word after ``index`` follows it with only spaces between, is in lower case and
    passes ``test``."""
    after = index + 1
    return (
        after < len(tokens.folded)
        and joined_words(tokens, index, after + 1)
        and tokens.texts[after].islower()
        and test(tokens.folded[after])
    )


def _contraction_meant(
    tokens: Tokens, index: int, kind: ApostropheSet, classes: WordClasses, unseen: UnseenAfter, after: str
) -> bool:
    following = classes.of(after)
    determiner = bool(following & WordClass.DETERMINER) and not following & WordClass.ADJECTIVE
    if determiner:
        following &= ~WordClass.NOUN  # "its no surprise": "no" is a noun only in "the noes"
    if (
        following == NONE
        or following & _STARTS_NOUN_PHRASE
        or not unseen.listed(kind.possessive, kind.contraction, after)
    ):
        return False
    if determiner or not following & (WordClass.ADVERB | WordClass.PREPOSITION):
        return True
    # an adverb or a preposition may open a noun phrase or a compound written open ("your already
    # existing site", "your to dos"): only where no noun or adjective follows
    return not _continues(tokens, index + 1, lambda form: classes.can_be(form, _STARTS_NOUN_PHRASE))


def _plain_noun(found: WordClass) -> bool:
    """A word that can be a noun and is not also a word of a closed class, an adverb or a verb form
    a predicate starts with ("budget", "states"; not "enough", "existing")."""
    return bool(found & _NOUN) and not found & _NOT_NOUN


def _only(found: WordClass, allowed: WordClass) -> bool:
    return found != NONE and not found & ~allowed
