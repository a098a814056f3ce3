"""Spelling variety: a document written in British spelling that slips into American ("colour" ...
"color"), or the reverse.

Complexity: O(words) per document: one table look-up per distinct word form, then a pass over the
occurrences of the few forms the table knows.
"""

from __future__ import annotations

import operator
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import compress, repeat

from copylint.core.finding import Category, Finding, Severity
from copylint.core.prose import Scope
from copylint.core.quotes import quotation_index
from copylint.core.rule import Rule, RuleContext
from copylint.core.source import Span
from copylint.language.spelling.morphology import normalise
from copylint.language.spelling.suggest import match_case
from copylint.language.spelling.surroundings import in_identifier
from copylint.rules.spelling import SpellingSettings
from copylint.store.shipped import data_lines

MIN_MAJORITY = 3
"""A variety needs at least this many words of its own to be the document's."""
MAJORITY_RATIO = 2
"""... and this many times as many as the other variety has."""
_POSSESSIVE = ("'s", "s'")
_POSSESSIVE_CHARACTERS = "'’s"
_FEW_FORMS = 8
"""Up to this many forms, each is found by its own search of the words; more, by one pass."""


class Variety(StrEnum):
    """A variety of English spelling, by its language tag (the values of the ``variety`` setting)."""

    AMERICAN = "en-US"
    BRITISH = "en-GB"

    @property
    def adjective(self) -> str:
        return "American" if self is Variety.AMERICAN else "British"


@dataclass(frozen=True, slots=True)
class Spelling:
    """One word form of ``data/spelling/varieties.tsv``: which variety writes it, and its partner.

    ``evidence`` is whether the form says which variety a document is in: the other variety's
    word list rejects it. Not so for an -ize form (British publishers that follow Oxford
    spelling write it too), a British form American lists also take ("travelled"), or an
    American form Canadian lists take and the British one not (``canadian``)."""

    variety: Variety
    partner: str
    ize: bool
    """An -ize or -ise form: the pair is one of the suffix, which British spelling writes both ways."""
    evidence: bool
    canadian: bool


@lru_cache(maxsize=1)
def variety_table() -> Mapping[str, Spelling]:
    """Each lower-case form of the shipped pairs, American and British."""
    table: dict[str, Spelling] = {}
    for line in data_lines("spelling/varieties.tsv"):
        american, british, kind, note = line.split("\t")
        ize, notes = kind == "ize", note.split(",")
        canadian = "ca-american" in notes
        table[american] = Spelling(Variety.AMERICAN, british, ize, not ize and not canadian, canadian)
        table[british] = Spelling(Variety.BRITISH, american, ize, "us-accepts" not in notes, False)
    return table


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A word whose stem (the word less a possessive ending) the table knows."""

    span: Span
    text: str
    spelling: Spelling


@dataclass(frozen=True)
class Tally:
    """The evidence of one document: words of each variety, and -ize words against -ise ones."""

    american: int
    british: int
    ize: int
    ise: int

    @classmethod
    def of(cls, occurrences: Sequence[Occurrence]) -> Tally:
        spellings = [occurrence.spelling for occurrence in occurrences]
        return cls(
            american=sum(1 for s in spellings if s.variety is Variety.AMERICAN and s.evidence),
            british=sum(1 for s in spellings if s.variety is Variety.BRITISH and s.evidence),
            ize=sum(1 for s in spellings if s.variety is Variety.AMERICAN and s.ize),
            ise=sum(1 for s in spellings if s.variety is Variety.BRITISH and s.ize),
        )

    @property
    def variety(self) -> Variety | None:
        """The variety the document is clearly written in, if any."""
        return _majority(self.american, self.british)

    @property
    def suffix(self) -> Variety | None:
        """Which of -ize (American, and Oxford British) and -ise the document clearly prefers."""
        return _majority(self.ize, self.ise)


def _majority(american: int, british: int) -> Variety | None:
    """The side with at least ``MIN_MAJORITY`` words and ``MAJORITY_RATIO`` times the other's."""
    if american >= MIN_MAJORITY and american >= MAJORITY_RATIO * british:
        return Variety.AMERICAN
    if british >= MIN_MAJORITY and british >= MAJORITY_RATIO * american:
        return Variety.BRITISH
    return None


def occurrences(ctx: RuleContext) -> list[Occurrence]:
    """The document's words the table knows, where the author's own spelling shows: in lower case,
    or capitalised at the start of a sentence (a capital elsewhere is a name: "Pearl Harbor"); not
    in quotation marks or a block quotation (someone else's words), nor part of an identifier."""
    known = _known_forms(ctx.tokens.forms)
    if not known:
        return []
    tokens, view, quotes = ctx.tokens, ctx.view, quotation_index(ctx)
    found: list[Occurrence] = []
    folded = {text.casefold() for text in known}
    if len(folded) <= _FEW_FORMS:
        indices: Iterable[int] = tokens.indices_of(tuple(folded))  # a search in C per form
    else:
        indices = compress(range(len(tokens.texts)), map(known.__contains__, tokens.texts))
    for index in indices:
        word = tokens.words[index]
        if word.text not in known or (word.text[0].isupper() and not tokens.starts_sentence(word)):
            continue
        if quotes.inside(word.start) or view.scope_at(word.start) is Scope.BLOCKQUOTE:
            continue
        if in_identifier(view.text, word):
            continue
        stem, spelling = known[word.text]
        found.append(Occurrence(Span(word.start, word.start + len(stem)), stem, spelling))
    return found


def _known_forms(forms: Collection[str]) -> dict[str, tuple[str, Spelling]]:
    """The forms (a document's distinct words) whose stem the table knows, with the stem and its
    spelling; only lower-case and capitalised forms. The first search, over every form, runs in C
    (a form is a candidate if it, or it less any trailing "s" and apostrophes, is in the table):
    prose holds few of these words, and this runs on every document."""
    table = variety_table()
    ordered = list(forms)
    lowered = list(map(str.lower, ordered))
    whole = map(table.__contains__, lowered)
    trimmed = map(table.__contains__, map(str.rstrip, lowered, repeat(_POSSESSIVE_CHARACTERS)))
    known: dict[str, tuple[str, Spelling]] = {}
    for text in compress(ordered, map(operator.or_, whole, trimmed)):
        if text.islower() or (text[0].isupper() and text[1:].islower()):
            stem = _stem(text)
            spelling = table.get(normalise(stem))
            if spelling is not None:
                known[text] = (stem, spelling)
    return known


def _stem(text: str) -> str:
    """The word less a possessive ending ("colour's": "colour")."""
    straight = text.replace("’", "'")
    for ending in _POSSESSIVE:
        if straight.endswith(ending) and len(text) > len(ending) + 1:
            return text[: -len(ending)]
    return text


class Reason(StrEnum):
    """Why a form is reported: the pinned variety, the document's majority, or its own -ize/-ise."""

    PINNED = "pinned"
    MAJORITY = "majority"
    SUFFIX = "suffix"


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A form to rewrite in ``target``'s spelling, and why."""

    target: Variety
    reason: Reason


def mismatch(spelling: Spelling, pinned: Variety | None, tally: Tally) -> Mismatch | None:
    """Whether a form is the wrong variety for its document (``pinned``, or the document's own)."""
    main = pinned or tally.variety
    why = Reason.PINNED if pinned else Reason.MAJORITY
    if spelling.ize:
        if main is Variety.AMERICAN:  # "organise" in American spelling; "organize" is fine
            return Mismatch(main, why) if spelling.variety is Variety.BRITISH else None
        suffix = tally.suffix  # British spelling, or undecided: the document's own suffix decides
        return Mismatch(suffix, Reason.SUFFIX) if suffix is not None and suffix is not spelling.variety else None
    if main is None or main is spelling.variety:
        return None
    if spelling.variety is Variety.BRITISH and not spelling.evidence:
        return None  # "travelled" is American spelling too
    if spelling.canadian and pinned is None:
        return None  # maybe Canadian spelling
    return Mismatch(main, why)


class VarietyMix(Rule):
    """A document in British spelling that slips into American ("colour" ... "color"), or the reverse.

    What it does: finds the words whose American and British spellings differ ("color" and
    "colour", "organize" and "organise", "center" and "centre", "traveled" and "travelled",
    "catalog" and "catalogue", "defense" and "defence", "pediatric" and "paediatric"), from a
    table of about 6,900 pairs learned from the SCOWL word lists. It counts the document's words
    of each variety and, when one clearly wins (at least three words, and at least twice as many as
    the other has), reports every word of the other with the majority spelling as the fix. A tie
    or a near tie is left alone.

    Only words that the other variety's dictionaries reject count: "travelled" is also American,
    so it is never reported in American text and does not make a document British. The -ize
    ending is British too (Oxford spelling), so "organize" never makes a document American and
    is reported in British text only when the document itself writes -ise ("organise",
    "realise") at least twice as often; an -ise word in a document that writes -ize is reported
    the same way. A word Canadian spelling shares with American ("estrogen") is left alone unless
    the variety is pinned.

    Not counted: capitalised words in mid-sentence (names: "Pearl Harbor", "the Labour Party"),
    words in quotation marks or block quotations (someone else's spelling), code, URLs, and
    parts of file names and identifiers ("color.js").

    The ``variety`` setting pins the variety: with ``variety = "en-GB"`` (or ``"en-US"``) at the
    top of the configuration, every word that the pinned variety's dictionaries reject is
    reported, however few the document has (-ize words in British text still only when the
    document writes -ise). The default, ``"auto"``, decides per document.

    Why: an edited text keeps one spelling; a mix usually means a passage pasted from elsewhere
    or a spelling checker set to the wrong variety.

    Example: in "The colour of the centre was favoured by the neighbours, but the color faded.",
    "color" is reported and the fix makes it "colour".

    Fix safety: unsafe; the majority spelling, with the word's capitalisation.
    """

    id = "spelling.variety"
    family_settings = SpellingSettings
    category = Category.STYLE
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        found = occurrences(ctx)
        if not found:
            return
        setting = ctx.setting(SpellingSettings).variety
        pinned = None if setting == "auto" else Variety(setting)
        tally = Tally.of(found)
        for occurrence in found:
            wrong = mismatch(occurrence.spelling, pinned, tally)
            if wrong is None:
                continue
            suggestion = match_case(occurrence.text, occurrence.spelling.partner)
            yield ctx.replacement(
                occurrence.span, suggestion, _message(occurrence.text, occurrence.spelling.variety, wrong, tally)
            )


def _message(text: str, written: Variety, wrong: Mismatch, tally: Tally) -> str:
    if wrong.reason is Reason.PINNED:
        return (
            f"“{text}” is {written.adjective} spelling; this project writes {wrong.target.adjective} ({wrong.target})."
        )
    if wrong.reason is Reason.SUFFIX:
        suffix = "-ize" if wrong.target is Variety.AMERICAN else "-ise"
        return f"“{text}”: this document writes {suffix} ({tally.ize} -ize, {tally.ise} -ise)."
    return (
        f"“{text}” is {written.adjective} spelling in a document written in {wrong.target.adjective} "
        f"spelling ({tally.american} American, {tally.british} British)."
    )
