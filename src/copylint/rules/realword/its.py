"""its/it's: the possessive has no apostrophe; "it's" is "it is" or "it has".

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

from collections.abc import Iterator

from copylint.core.finding import Category, Finding
from copylint.core.rule import RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Tokens
from copylint.language.context import FINITE_VERBS, NOUN_ONLY, PREPOSITIONS, ContextMatch, ContextPattern, Slot, word
from copylint.language.unseen import load_unseen_after
from copylint.language.wordclass import WordClass, load_word_classes
from copylint.rules.realword.apostrophes import ApostropheSet, swaps
from copylint.rules.realword.guarded import ContextRule

_POSSESSIVE = "The possessive is “its”"
_APOSTROPHES = ("'", "’")
_OPENING_QUOTES = ("'", "’", "‘")
_CONTRACTION = "“It is” or “it has” is written “it's”"
SETS = (ApostropheSet("its", "it's", "Before a noun, the possessive is “its”", _CONTRACTION),)
_ADJECTIVE_ONLY = Slot(classes=WordClass.ADJECTIVE, only=True)
_AFTER_IT_IS = word("a", "an", "not", "been", "gonna", "because", lower_case=True)
_OPENING = word(
    "been", "his", "her", "where", "okay", "ok", "gonna", "going", "getting", "raining", "too", "hard", "easy",
    "difficult", "impossible", "possible", "important", "better", "worth", "likely", "unlikely", "a", "an", "not",
)  # fmt: skip

PATTERNS = (
    # "it's own"
    ContextPattern((word("it's"), word("own")), 0, "its", _POSSESSIVE),
    # "on it's way", "by it's cover": after a preposition, before a word that can only be a noun
    ContextPattern((word(*PREPOSITIONS, "to"), word("it's"), NOUN_ONLY), 1, "its", _POSSESSIVE),
    # "it's size is", "it's users have": a noun and its verb never follow "it is"
    ContextPattern((word("it's", lower_case=True), NOUN_ONLY, word(*FINITE_VERBS)), 0, "its", _POSSESSIVE),
    # "with it's tiny buttons": after a preposition, an adjective and a noun
    ContextPattern((word(*PREPOSITIONS), word("it's"), _ADJECTIVE_ONLY, NOUN_ONLY), 1, "its", _POSSESSIVE),
    # "its a", "its been", "its not": words that follow "it is" or "it has", never a possessive
    ContextPattern((word("its"), _AFTER_IT_IS), 0, "it's", _CONTRACTION),
    # "Its hard to explain.", "Its going to rain.": opening a sentence before an adjective or adverb
    ContextPattern((word("its", capitalised=True), _OPENING), 0, "it's", _CONTRACTION),
    ContextPattern((word("its", capitalised=True), _ADJECTIVE_ONLY, word("to", "that")), 0, "it's", _CONTRACTION),
)


class ItsItIs(ContextRule):
    """ "it's" where the possessive "its" is meant, or "its" where "it is" is meant.

    What it does: reports "it's own"; "it's" after a preposition and before a word that can
    only be a noun ("on it's way"), or an adjective and a noun ("with it's tiny buttons");
    and "its" before words that only follow "it is" or "it has" ("its a", "its not", "its been";
    never "its A list"), or opening a sentence before them or before an adjective and "to"
    ("Its hard to say"; not "Its evil eyes"); and "its'", which is never right. Beyond these
    patterns it reads what openly licensed prose never writes: "it's" after a verb and before a
    noun never seen after "it is" but common after "its" ("see it's eyes"), and "its" before a word
    that starts no noun phrase and is never seen after "its" ("its the only way"); see
    ``rules/realword/apostrophes.py``.

    Why: the commonest apostrophe error in English, and one readers notice.

    Example: "The company and it's employees" suggests "its".

    Fix safety: unsafe; the author confirms.
    """

    id = "real-word.its"
    category = Category.REAL_WORD
    patterns = PATTERNS

    @classmethod
    def more_matches(cls, tokens: Tokens) -> Iterator[ContextMatch]:
        return swaps(tokens, SETS, load_word_classes(), load_unseen_after())

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from super().check(ctx)
        text, words = ctx.view.text, ctx.tokens.words
        for index in ctx.tokens.indices_of(("its",)):
            word = words[index]
            end = word.end
            if word.text.isupper():
                continue  # an initialism's possessive: "ITS’ staff"
            if text[end : end + 1] not in _APOSTROPHES or text[end + 1 : end + 2].isalnum():
                continue
            if text[word.start - 1 : word.start] in _OPENING_QUOTES:
                continue  # the word quoted: 'its'
            right = "Its" if word.text[0].isupper() else "its"
            yield ctx.replacement(Span(word.start, end + 1), right, f"{_POSSESSIVE} (no apostrophe): “{right}”.")
