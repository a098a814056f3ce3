"""lose/loose, led/lead, affect/effect, who's/whose: a verb and its look-alike.

Complexity: O(words) per document; each pattern looks only where its word occurs.
"""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.language.context import FINITE_VERBS, NOUN_ONLY, OBJECTS, ContextPattern, word
from copylint.rules.realword.guarded import ContextRule

_LOSE = "To stop having something is “lose”"
_LED = "The past of “lead” is “led”"
_LOOSE = "Not tight, free: “loose”"
_LOSS = "After “a” or “the”, the noun is “loss”"
_SET_LOOSE = (
    "break", "breaks", "broke", "broken", "breaking", "cut", "cuts", "cutting", "set", "sets", "setting", "let",
    "lets", "letting", "come", "comes", "came", "coming", "knocked", "knock", "turn", "turned", "shake", "shook",
    "shaken", "hang", "work", "works", "worked", "tore", "torn", "tear", "pulled", "pull",
)  # fmt: skip
"""Verbs that take "loose" to mean free ("break loose", "cut loose"); "lose" never follows one."""
_EFFECT = "The noun (a result) is “effect”"
_AFFECT = "The verb (to change or move) is “affect”"
_NOUN_AFFECT_BEFORE = (
    "the", "an", "any", "some", "no", "same", "immediate", "primary", "net", "little", "major", "minor",
    "main", "real", "direct", "indirect", "overall",
)  # fmt: skip
"""Words before a noun: "no affect on", "the same affect of" (a following "on" or "of" makes it the noun)."""
_IMPACT = (
    "adversely", "negatively", "positively", "significantly", "severely", "seriously", "directly", "greatly",
    "dramatically", "drastically", "materially", "badly", "heavily", "indirectly", "disproportionately",
)  # fmt: skip
"""Adverbs of degree that go with the verb "affect" ("adversely affect"), never with "effect" (to
bring about: "effect a change")."""
_WHO_IS = "“Who is” is written “who's”"
_WHOSE = "The possessive is “whose”"
_SUBJECTS = (
    "to",
    "can",
    "could",
    "will",
    "would",
    "might",
    "may",
    "must",
    "should",
    "don't",
    "didn't",
    "doesn't",
    "never",
    "always",
    "not",
    "won't",
    "wouldn't",
    "cannot",
    "can't",
    "couldn't",
    "i",
    "we",
    "you",
    "they",
)
_LOST_THINGS = (*OBJECTS, "weight", "track", "sight", "control", "interest", "money", "touch", "hope", "faith", "so")
_PASSIVE = ("was", "were", "is", "are", "been", "being", "be", "get", "gets", "got")
_PERFECT = ("has", "have", "had", "having")
_EFFECT_BEFORE = (
    "an",
    "adverse",
    "positive",
    "negative",
    "significant",
    "lasting",
    "desired",
    "opposite",
    "profound",
    "dramatic",
    "chilling",
    "knock-on",
    "ripple",
)

PATTERNS = (
    ContextPattern((word(*_SUBJECTS), word("loose"), word(*_LOST_THINGS)), 1, "lose", _LOSE),
    ContextPattern((word("loosing"), word(*_LOST_THINGS)), 0, "losing", _LOSE),
    # "on the lose", "broke lose": "lose" is only a verb, never after an article or these verbs
    ContextPattern((word("on"), word("the"), word("lose")), 2, "loose", _LOOSE),
    ContextPattern((word(*_SET_LOOSE), word("lose")), 1, "loose", _LOOSE),
    ContextPattern((word("a", "the"), word("lose")), 1, "loss", _LOSS),
    ContextPattern((word(*_PASSIVE), word("lead"), word("by")), 1, "led", _LED),
    ContextPattern((word(*_PERFECT), word("lead"), word(*OBJECTS, "to", "us", "many", "some")), 1, "led", _LED),
    ContextPattern((word(*_EFFECT_BEFORE, "side"), word("affect")), 1, "effect", _EFFECT),
    ContextPattern((word(*_EFFECT_BEFORE, "side"), word("affects")), 1, "effects", _EFFECT),
    ContextPattern((word(*_NOUN_AFFECT_BEFORE), word("affect"), word("of", "on")), 1, "effect", _EFFECT),
    # "take affect": a law or a drug takes effect
    ContextPattern((word("take", "takes", "took", "taken", "taking"), word("affect")), 1, "effect", _EFFECT),
    # "negatively effect the": an adverb of degree goes with the verb "affect"
    *(
        ContextPattern((word(*_IMPACT), word(written)), 1, meant, _AFFECT)
        for written, meant in (
            ("effect", "affect"),
            ("effects", "affects"),
            ("effected", "affected"),
            ("effecting", "affecting"),
        )
    ),
    ContextPattern((word("whose"), word("going", "gonna", "been", "not", "coming", "there")), 0, "who's", _WHO_IS),
    # "who's car was": a noun and its verb never follow "who is"
    ContextPattern((word("who's"), NOUN_ONLY, word(*FINITE_VERBS)), 0, "whose", _WHOSE),
)


class VerbConfusion(ContextRule):
    """A verb written as its look-alike: "loose" for "lose", "lead" for "led", "affect" for
    "effect", "whose" for "who's" and back.

    What it does: reports "loose" after a modal, "to" or a subject and before what is lost
    ("will loose the game", "loose weight"); "loosing" before the same; "lose" after an article
    ("on the lose" → loose, "at a lose" → loss) or after a verb that takes "loose" ("broke
    lose"); "was lead by", "has
    lead the"; "affect" after "an", "side" or an adjective that only a noun follows ("an adverse
    affect", "side affects"), after a determiner before "of" or "on" ("the affect of", "no affect
    on"), and after "take" ("took affect"); "effect" after an adverb of degree ("negatively
    effect", "badly effected"); "whose going", "whose been"; "who's"
    before a noun and its verb ("the author who's book was").

    Why: each pair sounds alike and both are words, so only the context shows the slip.

    Example: "Don't loose your ticket." suggests "lose".

    Fix safety: unsafe; the author confirms.
    """

    id = "real-word.verb"
    category = Category.REAL_WORD
    patterns = PATTERNS
