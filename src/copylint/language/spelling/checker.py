"""Which words of a document are misspelled, and what to suggest for each.

Complexity: one pass over the words, O(words); lexicon look-ups are hash look-ups, and the
candidate search runs once per distinct unknown word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property, lru_cache

from rapidfuzz.distance import OSA

from copylint.core.prose import HEADING_SCOPES
from copylint.core.quotes import QuotationIndex
from copylint.core.source import Document
from copylint.core.tokens import Tokens, Word
from copylint.language.spelling.attestation import ALL_SOURCES, WordSource, load_attestation
from copylint.language.spelling.bigrams import BigramModel, load_bigrams
from copylint.language.spelling.confidence import Confidence, Evidence, Thresholds, judge
from copylint.language.spelling.lexicon import Lexicon, load_lexicon, modern_words
from copylint.language.spelling.misspellings import known_misspellings
from copylint.language.spelling.morphology import (
    PREFIXES,
    american_spelling,
    inflections_of,
    is_derived,
    is_plural,
    normalise,
    strip_clitic,
)
from copylint.language.spelling.respelling import respelled_forms
from copylint.language.spelling.standing import WordStanding
from copylint.language.spelling.suggest import Candidate, Suggester
from copylint.language.spelling.surroundings import (
    OutsideProse,
    before_capitalised,
    elided,
    glued_to_bracket,
    hyphenated_run,
    in_compound,
    in_identifier,
    neighbour_part,
)
from copylint.language.spelling.vocabulary import Vocabulary

MIN_LENGTH = 3
JARGON_REPEATS = 3
_MIN_IDENTIFIER = 4
_FOREIGN_WINDOW = 2
NAME_REPEATS = 2
DIALECT_ELISIONS = 5
DIALECT_RESPELLINGS = 10
"""A document eliding this many distinct unknown words ("nat'ral", "goin'"), or respelling this many
by its systematic rules ("wery", "wital"), is written in dialect."""
"""A capitalised word used this often in a document, and never in lower case, is a name."""
FOREIGN_SHARE = 0.4
FOREIGN_MIN_WORDS = 6
_COMMON_NEIGHBOUR = 1_000_000.0
_FRONT_MATTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class WordClass(Enum):
    """What a word is by itself, before the document's own evidence (names, compounds) is heard."""

    FINE = "fine"
    MISSPELLED = "misspelled"
    UNKNOWN = "unknown"


@lru_cache(maxsize=262_144)
def classify(text: str) -> WordClass:
    """Classify a word form (memoised: prose repeats its words)."""
    if text in load_lexicon() and normalise(text) == text and not _misspelled(text, strip_clitic(text)):
        return WordClass.FINE  # most forms: a known word as the lexicon spells it, in two look-ups
    return classify_by_shape_and_lexicon(text)


_FINE_FORMS: set[str] = set()
"""Forms already classified fine in this process: a document's forms less these, in one set
operation, are the few left to classify."""
_FINE_FORMS_LIMIT = 262_144


def suspect_forms(forms: frozenset[str]) -> set[str]:
    """The forms that :func:`classify` does not find fine."""
    suspect: set[str] = set()
    fine = WordClass.FINE
    for text in forms - _FINE_FORMS:
        if classify(text) is fine:
            _FINE_FORMS.add(text)
        else:
            suspect.add(text)
    if len(_FINE_FORMS) > _FINE_FORMS_LIMIT:
        _FINE_FORMS.clear()  # bounded, like classify's own cache
    return suspect


def classify_by_shape_and_lexicon(text: str) -> WordClass:
    """:func:`classify`'s full decision, which its short cut for known words agrees with."""
    if _skip_shape(text):
        return WordClass.FINE
    lower = normalise(text)
    stripped = strip_clitic(lower)
    if _misspelled(lower, stripped):
        return WordClass.MISSPELLED
    return WordClass.FINE if _is_known(lower, stripped) else WordClass.UNKNOWN


def _misspelled(lower: str, stripped: str) -> bool:
    misspellings = known_misspellings()
    return lower in misspellings or stripped in misspellings


def _skip_shape(text: str) -> bool:
    """Abbreviations, code-like words and names by their shape alone."""
    if len(text) < MIN_LENGTH or any(char.isdigit() for char in text):
        return True
    letters = [char for char in text if char.isalpha()]
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return True  # an abbreviation: NASA, HTML
    if not any(char in "aeiouyAEIOUY" for char in text):
        return True  # no vowel: an abbreviation or file type (pdf, npm, txt)
    return any(char.isupper() for char in text[1:])  # internal capitals: iPhone, GitHub


def _is_known(lower: str, stripped: str) -> bool:
    lexicon = load_lexicon()
    if lower in lexicon or stripped in lexicon:
        return True
    if not lower.isascii():
        # "naïve" is "naive"; other accented words are names or another language: left alone.
        return True
    return (
        is_derived(stripped, lexicon)
        or is_plural(stripped, lexicon)
        or inflections_of(stripped, modern_words())
        or any(american in lexicon for american in american_spelling(stripped))
    )


class Verdict(Enum):
    KNOWN_MISSPELLING = "known"
    UNKNOWN = "unknown"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class SpellingIssue:
    word: Word
    verdict: Verdict
    suggestions: tuple[str, ...]
    confidence: Confidence


@lru_cache(maxsize=1)
def shared_suggester() -> Suggester:
    """The process-wide suggester over the shared lexicon and bigram model (built once, read-only after)."""
    return Suggester(load_lexicon(), load_bigrams())


class SpellingChecker:
    """Finds spelling issues in one document."""

    def __init__(
        self,
        document: Document,
        tokens: Tokens,
        vocabulary: Vocabulary,
        thresholds: Thresholds | None = None,
        sources: WordSource = ALL_SOURCES,
        quotes: QuotationIndex | None = None,
    ) -> None:
        suggester = shared_suggester()
        self.thresholds = thresholds or Thresholds()
        self.quotes = quotes or QuotationIndex(tokens.view.text, tokens.view.blocks)
        self.attestation = load_attestation()
        self.suggester = suggester
        self.lexicon: Lexicon = suggester.lexicon
        self.standing = WordStanding(self.lexicon, self.attestation, sources, self.thresholds.used_zipf)
        self.bigrams: BigramModel | None = suggester.bigrams
        self.document = document
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.misspellings = known_misspellings()
        self._names: frozenset[str] = frozenset()
        """Lower-case forms the document uses as names (set per run of :meth:`issues`)."""
        self._ranked: dict[str, list[Candidate]] = {}
        """The corrections of each unknown form (set per run of :meth:`issues`)."""
        self._unknown: set[int] = set()
        """The indices of the document's unknown words."""
        self._in_dialect = False
        """Whether the document respells words on purpose (eye dialect): then no unknown word is a warning."""
        self._respelled: frozenset[str] = frozenset()
        """Unknown forms that follow one of the document's systematic respellings."""

    # ---- the document's own evidence
    def _names_among(self, forms: set[str]) -> frozenset[str]:
        """Which of ``forms`` (lower case) the document uses as names: written capitalised
        mid-sentence or in its front matter, or capitalised at least :data:`NAME_REPEATS` times
        and never in lower case (a product named at a heading and at sentence starts). Only words
        whose text is a capitalised spelling of one of ``forms`` are looked at."""
        view = self.tokens.view
        names: set[str] = set()
        if view.front_matter is not None:
            front = self.document.text[view.front_matter.start : view.front_matter.end]
            names.update(
                form for match in _FRONT_MATTER_WORD.finditer(front) if (form := normalise(match.group())) in forms
            )
        spelled = {
            text: form for text in self.tokens.forms if text[:1].isupper() and (form := normalise(text)) in forms
        }
        if not spelled:
            return frozenset(names)
        capitalised: Counter[str] = Counter()
        for word in [self.tokens.words[index] for index, text in enumerate(self.tokens.texts) if text in spelled]:
            form = spelled[word.text]
            capitalised[form] += 1
            if form in names or self.tokens.starts_sentence(word):
                continue
            if view.scope_at(word.start) not in HEADING_SCOPES:
                names.add(form)
        forms_written = self.tokens.forms  # a form written in lower case somewhere is one of them
        names.update(form for form, count in capitalised.items() if count >= NAME_REPEATS and form not in forms_written)
        return frozenset(names)

    # ---- the decision for one word
    def _compound_part_known(self, word: Word, lower: str) -> bool:
        """A combining form ("socio-"), a reduplication ("flim-flam"), a part with standing of its
        own ("add-ons") or a part of a known whole ("beauti--ful")."""
        text = self.tokens.view.text
        if lower in PREFIXES or lower.endswith("o"):
            return True
        look_left = word.start > 0 and text[word.start - 1] == "-"
        other = neighbour_part(text, word, look_left)
        if other and OSA.distance(lower, normalise(other)) <= 2:
            return True  # a rhyming or ablaut reduplication: flim-flam, hocus-pocus, wishy-washy
        if self.standing.has_standing(strip_clitic(lower)):
            return True
        whole = normalise(hyphenated_run(text, word).replace("-", ""))
        return whole != lower and (whole in self.lexicon or self.standing.listed(whole))

    def verdict(self, word: Word) -> Verdict | None:
        text = word.text
        if self.vocabulary.reject and self.vocabulary.reject.matches(text):
            return Verdict.REJECTED
        kind = classify(text)
        if kind is WordClass.FINE:
            return None
        if self.vocabulary.accept and self.vocabulary.accept.matches(text):
            return None
        if kind is WordClass.MISSPELLED:
            return Verdict.KNOWN_MISSPELLING
        lower = normalise(text)
        stripped = strip_clitic(lower)
        if stripped in self._names:
            return None
        if text[:1].isupper():
            in_heading = self.tokens.view.scope_at(word.start) in HEADING_SCOPES
            if not in_heading and not self.tokens.starts_sentence(word):
                return None  # a name
        text = self.tokens.view.text
        if glued_to_bracket(text, word):
            return None  # an editorial alteration in a quotation: "[O]ver"
        if in_identifier(text, word):
            return None  # part of a file name, path or handle: ".pa11yc.jsi", "@jdoe"
        if len(stripped) >= _MIN_IDENTIFIER and stripped in self._outside_prose:
            return None  # also in the document's code, URLs or markup: an identifier or a name
        if in_compound(text, word) and self._compound_part_known(word, lower):
            return None
        return Verdict.UNKNOWN

    @cached_property
    def _outside_prose(self) -> OutsideProse:
        return OutsideProse(self.document, self.tokens)

    # ---- the whole document
    def issues(self) -> Iterator[SpellingIssue]:
        """Each distinct form is classified once; the per-word work (names, headings, compounds)
        is done only for forms that are not known words."""
        words = self.tokens.words
        reject = self.vocabulary.reject
        suspect = suspect_forms(self.tokens.forms)
        if reject:
            suspect.update(text for text in self.tokens.forms if reject.matches(text))
        if not suspect:
            return
        self._names = self._names_among({strip_clitic(normalise(text)) for text in suspect})
        verdicts: dict[int, Verdict] = {}
        for index in [index for index, text in enumerate(self.tokens.texts) if text in suspect]:
            verdict = self.verdict(words[index])
            if verdict is not None:
                verdicts[index] = verdict
        unknown = [index for index, verdict in verdicts.items() if verdict is Verdict.UNKNOWN]
        considered = self._considered(unknown)
        self._unknown = set(unknown)
        self._ranked = {}
        for index in considered:
            lower = strip_clitic(normalise(words[index].text))
            if lower not in self._ranked:
                previous, following = self._context(index)
                self._ranked[lower] = self.suggester.rank(lower, previous, following)
        self._respelled = respelled_forms(self._ranked)
        text = self.tokens.view.text
        elisions = {normalise(words[index].text) for index in unknown if elided(text, words[index])}
        self._in_dialect = len(self._respelled) >= DIALECT_RESPELLINGS or len(elisions) >= DIALECT_ELISIONS
        for index, verdict in verdicts.items():
            word = words[index]
            lower = strip_clitic(normalise(word.text))
            if verdict is Verdict.REJECTED:
                yield SpellingIssue(word, verdict, (), Confidence.WARNING)
            elif verdict is Verdict.KNOWN_MISSPELLING:
                right = self.misspellings.get(normalise(word.text)) or self.misspellings[lower]
                yield SpellingIssue(word, verdict, (right,), Confidence.WARNING)
            elif index in considered:
                previous, following = self._context(index)
                ranked = self._ranked[lower]
                confidence = judge(self._evidence(index, lower, ranked, previous, following), self.thresholds)
                if confidence is not Confidence.SILENT:
                    yield SpellingIssue(word, verdict, tuple(candidate.word for candidate in ranked), confidence)

    def _foreign_phrase(self, index: int, lower: str) -> bool:
        """A common word of another language beside another one ("Nous verrons", "muy poco"); a
        lone one is as likely an English slip ("accessibile")."""
        if not self.attestation.is_foreign(lower):
            return False
        words = self.tokens.words
        neighbours = words[max(index - _FOREIGN_WINDOW, 0) : index] + words[index + 1 : index + 1 + _FOREIGN_WINDOW]
        return any(self.attestation.leans_foreign(normalise(word.text)) for word in neighbours)

    def _considered(self, unknown: list[int]) -> set[int]:
        """The unknown words worth weighing: not in a block of another language or code, not listed
        words in common use, and not jargon the document repeats that is not one letter from a
        common word."""
        words = self.tokens.words
        skipped_blocks = self._foreign_blocks(unknown)
        counts = Counter(normalise(words[index].text) for index in unknown)
        considered: set[int] = set()
        for index in unknown:
            form = normalise(words[index].text)
            if self.tokens.view.block_index(words[index].start) in skipped_blocks:
                continue
            if self.attestation.zipf(strip_clitic(form)) >= self.thresholds.used_zipf and self.standing.listed(
                strip_clitic(form)
            ):
                continue  # listed and in common use: a word, whatever it resembles
            if counts[form] >= JARGON_REPEATS and not self._has_common_neighbour(strip_clitic(form)):
                continue
            considered.add(index)
        return considered

    def _evidence(
        self, index: int, lower: str, ranked: list[Candidate], previous: str | None, following: str | None
    ) -> Evidence:
        word = self.tokens.words[index]
        text = self.tokens.view.text
        best = ranked[0] if ranked else None
        capitalised = word.text[:1].isupper()
        deliberate = (
            self._in_dialect
            or lower in self._respelled
            or elided(text, word)
            or self._foreign_phrase(index, lower)
            or self.standing.closed_compound(lower)
            or in_compound(text, word)
            or self.standing.coined(lower)
            or self.quotes.inside(word.start)
            or index - 1 in self._unknown
            or index + 1 in self._unknown  # a phrase of another language, or a name
            or (capitalised and (best is None or best.word[:1] != lower[:1] or before_capitalised(self.tokens, index)))
        )
        return Evidence(
            listed=self.standing.listed(lower),
            zipf=self.attestation.zipf(lower),
            cost=best.cost if best else None,
            candidate_zipf=self.attestation.zipf(best.word) if best else 0.0,
            context_supports=best is not None and not capitalised and self._attested(previous, best.word, following),
            capitalised=capitalised,
            deliberate=deliberate,
        )

    def _attested(self, previous: str | None, candidate: str, following: str | None) -> bool:
        """Whether the bigram model has seen the candidate next to one of its neighbours."""
        if self.bigrams is None:
            return False
        return bool(
            (previous and self.bigrams.has(previous, candidate))
            or (following and self.bigrams.has(candidate, following))
        )

    def _has_common_neighbour(self, lower: str) -> bool:
        return any(
            distance == 1 and self.lexicon.count(candidate) >= _COMMON_NEIGHBOUR
            for candidate, distance in self.suggester.nearby(lower)
        )

    def _context(self, index: int) -> tuple[str | None, str | None]:
        words = self.tokens.words
        text = self.tokens.view.text
        previous = following = None
        if index > 0 and text[words[index - 1].end : words[index].start].isspace():
            previous = normalise(words[index - 1].text)
        if index + 1 < len(words) and text[words[index].end : words[index + 1].start].isspace():
            following = normalise(words[index + 1].text)
        return previous, following

    def _foreign_blocks(self, unknown: list[int]) -> set[int]:
        """Blocks where so many words are unknown that the text is another language or code.

        Only blocks holding an unknown word are counted, each once: O(words) at worst.
        """
        words = self.tokens.words
        blocks = self.tokens.view.blocks
        unknown_in: Counter[int] = Counter(
            self.tokens.view.block_index(words[index].start) for index in unknown if _considered(words[index])
        )
        foreign: set[int] = set()
        for block_index, unknown_count in unknown_in.items():
            if unknown_count < FOREIGN_MIN_WORDS * FOREIGN_SHARE:
                continue
            considered = sum(1 for word in self.tokens.words_in(blocks[block_index]) if _considered(word))
            if considered >= FOREIGN_MIN_WORDS and unknown_count / considered >= FOREIGN_SHARE:
                foreign.add(block_index)
        return foreign


def _considered(word: Word) -> bool:
    """Whether a word counts towards a block's share of unknown words."""
    return len(word.text) >= MIN_LENGTH and word.text.isalpha()
