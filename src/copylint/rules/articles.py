"""Articles: "a" or "an" by the sound of the next word, not its first letter.

Complexity: one pass over the words, O(words); the costlier tests (quotation, language of the
sentence) run only for the articles that do not fit the next word's sound, and read each block
and sentence at most once (quotation marks are found by binary search).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.quotes import quotation_index
from copylint.core.rule import Rule, RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Word
from copylint.language.sounds import Sound, first_sound
from copylint.language.spelling.attestation import WordSource, load_attestation
from copylint.language.spelling.surroundings import in_identifier
from copylint.language.wordclass import WordClass, load_word_classes

_NOT_AFTER_ARTICLE = frozenset(
    "and or but nor is are was were be until in of to for with on at by as if then than so from into".split()
)
"""Words after which "a" cannot be an article: "A and B", "plan A until then"."""
_OLDER_USAGE = 2
"""How many "an" before a sounded h or a "you" sound make a document's own older usage."""
_SPACES = 2
"""More spaces than this between words align columns: a table or code, not a sentence."""
_GAP = re.compile(rf"(?=\s)[^\S\n]{{0,{_SPACES}}}(?:\n[^\S\n]*)?[\"“‘]?")
"""Between an article and its word: a space or two, a line break, and an opening quotation mark
("a “unique” case"). More spaces align columns of a table or of code ("r, g, b, a      8")."""
_BEFORE = frozenset('([{“"‘*_—–>…')
"""What may stand right before an article besides a space; anything else ("-a", "&'a", "x.a")
makes it an option, a lifetime or part of a name, not a word."""
_TAKES_ARTICLE = (
    WordClass.NOUN
    | WordClass.PLURAL_NOUN
    | WordClass.ADJECTIVE
    | WordClass.ADVERB
    | WordClass.GERUND
    | WordClass.PAST_PARTICIPLE
    | WordClass.COMPARATIVE
    | WordClass.SUPERLATIVE
)
"""What a word after an article can be ("a run", "an open door", "a very", "a used car"; a plural
in a name, "an OWNERS file")."""
_FOREIGN_MIN_WORDS = 3
"""Words of another language a sentence needs, besides outnumbering its English words, to be in
that language (one or two are a quoted phrase or a name)."""


@dataclass(frozen=True)
class _Slip:
    """An article that does not fit its word's sound."""

    article: Word
    right: str
    following: str
    quoted: bool
    soft: bool
    """"an" before an h that older English did not sound ("an historic"): today's usage is "a"."""
    pronoun_one: bool
    """Before the pronoun "one" ("such an one"), not a compound ("a one-off")."""


class Article(Rule):
    """ "a" before a vowel sound or "an" before a consonant sound: "an unique", "a honest".

    What it does: reads the word after each "a" or "an" and decides by how it is said, from the
    CMU Pronouncing Dictionary, letter names and spelling: "an hour", "a university", "a one-off",
    "an MBA" (em-bee-ay), "a USDA grant" (you-ess), "a USB-C port", "an 8-year-old".

    Why: the choice follows how the next word is spoken, not how it is spelled, so the slip
    survives proofreading by eye ("an unique", "a hour"), and readers hear it.

    Stays quiet where both articles are right: a word said two ways ("a URL" and "an URL", "a SQL
    table" and "an SQL table", "a herb" and "an herb"), capitals that may be letters or a word
    (an initialism or emphasis: "a NASA", "an NIBIB", "a LOT"), a name or abbreviation that may be
    read by its letters ("an nginx", "a src directory"), symbols and code. Also on the letter "a"
    used as a label ("option a or b", "station A"), before a word no article stands before ("an
    you see": a slip for another word), on "a" said for "have" ("couldn't a understood"), in
    sentences written in another language, in quoted speech ("“a honest tradesman,” he said": how
    the character talks), in names and code ("schedule_a", "-a", "'a", aligned columns), and on
    older usage: a text that writes "an" before a sounded h, a "you" sound or the pronoun "one"
    at least twice, once before an h or "one" ("an hotel", "an union", "such an one"), does so on
    purpose. "an" before an h that older English left unsounded ("an historic", "an hotel") is
    reported as ``info``: dated, not wrong.

    Example: "an unique chance" becomes "a unique chance"; "a honest answer" becomes "an honest
    answer".

    Fix safety: safe; the fix swaps the article (unsafe for the dated "an historic").
    """

    id = "articles.a-an"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        slips = list(self._slips(ctx))
        # "an hotel", "an hopeless business", "an union", "such an one": older English wrote "an"
        # before these sounds; twice in one document, once before an h or a "w" at least (speech
        # included), is the writer's usage, not a slip ("an user" twice is a slip twice)
        older = [slip for slip in slips if slip.right.lower() == "a" and slip.following[:1].lower() in "hueo"]
        dated = any(slip.following[:1].lower() == "h" or slip.pronoun_one for slip in older)
        deliberate = {id(slip) for slip in older} if len(older) >= _OLDER_USAGE and dated else set()
        for slip in slips:
            if slip.quoted or id(slip) in deliberate:
                continue  # speech ("a honest tradesman" is how the character talks), or older usage
            if slip.soft:
                message = f"“{slip.right}” is today’s usage before “{slip.following}”; “an” before an h is dated."
                finding = ctx.replacement(slip.article.span, slip.right, message, Applicability.UNSAFE)
                yield finding.with_severity(Severity.INFO)
                continue
            message = f"Use “{slip.right}” before “{slip.following}”."
            yield ctx.replacement(slip.article.span, slip.right, message, Applicability.SAFE)

    def _slips(self, ctx: RuleContext) -> Iterator[_Slip]:
        """Each article that does not fit the next word's sound."""
        text = ctx.view.text
        words = ctx.tokens.words
        folded = ctx.tokens.folded
        last = len(folded) - 1
        surroundings = _Surroundings(ctx)
        for index in ctx.tokens.indices_of(("a", "an")):
            if index == last:
                break
            article, following = words[index], words[index + 1]
            written = folded[index]
            if folded[index + 1] in ("a", "an") or folded[index + 1] in _NOT_AFTER_ARTICLE:
                continue  # "a a" is a doubled word (repetition.word); "A and B" is a label
            if (
                index
                and folded[index - 1] in ("a", "an")
                and not text[words[index - 1].end : article.start].strip(" -")
            ):
                continue  # a stammer: "an--an can"
            if not _GAP.fullmatch(text, article.end, following.start):
                continue
            sound = first_sound(text[following.start : following.end + 12].split()[0])
            fits = Sound.VOWEL in sound if written == "an" else Sound.CONSONANT in sound
            if fits or not sound & (Sound.VOWEL | Sound.CONSONANT):
                continue  # it fits a reading, or the word's sound is unknown
            # the costlier tests last, for the few articles that do not fit the next word's sound
            if article.text == "A" and not ctx.tokens.starts_sentence(article):
                continue  # a capital A mid-sentence is a label: "station A equals station B"
            if (
                not _takes_article(following.text)
                or _not_a_word(text, article)
                or surroundings.in_other_language(article.start)
            ):
                continue  # "an you" is a slip for "and", not the wrong article
            if index and _reduced_have(
                words[index - 1].text, following.text, text[words[index - 1].end : article.start]
            ):
                continue
            right = "a" if written == "an" else "an"
            if article.text[0].isupper():
                right = right.capitalize()
            quoted = quotation_index(ctx).inside(article.start) or surroundings.in_single_quotes(article.start)
            pronoun_one = folded[index + 1] == "one" and text[following.end : following.end + 1] != "-"
            yield _Slip(article, right, following.text, quoted, Sound.SOFT_H in sound, pronoun_one)


def _takes_article(word: str) -> bool:
    """Whether an article can stand before ``word``: a noun, adjective or adverb, or a word the
    word classes do not know; not a pronoun, determiner or verb ("an you", "an the", "a is")."""
    if len(word) == 1:
        return True  # a letter: "an I/O error", "an A grade"
    classes = load_word_classes().of(word.lower())
    allowed = _TAKES_ARTICLE | (WordClass.PROPER_NOUN if word[:1].isupper() else WordClass(0))
    return not classes or bool(classes & allowed)


def _reduced_have(previous: str, following: str, gap: str) -> bool:
    """Whether "a" is "have" as speech says it, after an auxiliary and before a participle:
    "couldn't a understood", "would a gone"."""
    classes = load_word_classes()
    return (
        gap.isspace()
        and classes.can_be(previous.lower().replace("’", "'"), WordClass.AUXILIARY)
        and classes.can_be(following.lower(), WordClass.PAST_PARTICIPLE | WordClass.PAST)
    )


def _not_a_word(text: str, article: Word) -> bool:
    """Whether the article is part of a name or code ("schedule_a", "-a android", "&'a str"), or
    a cell of aligned columns ("LOAD_GLOBAL         a")."""
    before = text[article.start - 1] if article.start else " "
    dash = text[max(article.start - 2, 0) : article.start] == "--"  # a dash typed as two hyphens
    if in_identifier(text, article) or not (before.isspace() or before in _BEFORE or dash):
        return True
    start = article.start
    while start and text[start - 1] in " \t":
        start -= 1  # the spaces before it (bounded by their number: linear on any paragraph)
    return article.start - start > _SPACES and start > 0 and text[start - 1] != "\n"


class _Surroundings:
    """What an article's block and sentence say about it, each block and sentence read once and
    each quotation mark found by binary search, so that one huge paragraph full of slips is still
    read in linear time."""

    def __init__(self, ctx: RuleContext) -> None:
        self._ctx = ctx
        self._speech: dict[int, bool] = {}
        self._language: dict[int, bool] = {}
        self._openings: list[int] | None = None
        self._closings: list[int] = []

    def in_single_quotes(self, offset: int) -> bool:
        """Whether ``offset`` follows a ‘ in its block that no closing ’ (one not inside a word, as
        in "don’t") has closed yet, or lies in a paragraph of speech in straight single quotation
        marks ("'W'y, I only come out ... What a ignorant little beggar you are!'")."""
        view = self._ctx.view
        text = view.text
        index = view.block_index(offset) if view.blocks else -1
        block = view.blocks[index] if view.blocks else Span(0, len(text))
        if index not in self._speech:
            paragraph = text[block.start : block.end].strip()
            self._speech[index] = (
                len(paragraph) > 1 and paragraph[0] == "'" and paragraph[1].isalpha() and paragraph[-1] == "'"
            )
        if self._speech[index]:
            return True
        if self._openings is None:
            self._openings = [match.start() for match in re.finditer("‘", text)]
            self._closings = [match.start() for match in re.finditer(r"’(?![^\W\d_])", text)]
        before = bisect.bisect_left(self._openings, offset) - 1
        if before < 0 or self._openings[before] < block.start:
            return False
        closing = bisect.bisect_left(self._closings, self._openings[before])
        return closing == len(self._closings) or self._closings[closing] >= offset

    def in_other_language(self, offset: int) -> bool:
        """Whether the sentence at ``offset`` is in another language (:func:`_foreign_sentence`)."""
        sentences = self._ctx.tokens.sentences
        index = bisect.bisect_right(sentences, offset, key=lambda span: span.start) - 1
        if index < 0:
            return False
        if index not in self._language:
            self._language[index] = _foreign_sentence(self._ctx.tokens.words_in(sentences[index]))
        return self._language[index]


def _foreign_sentence(words: Sequence[Word]) -> bool:
    """Whether a sentence has more words of another language (words English lacks, or has but far
    less than another language does: "der", "el", "des"; words with letters English does not use:
    "línea") than English words: a sentence in German, where "an" is a preposition, or in
    Spanish, where "a" is one. "a" and "an" themselves are not counted."""
    attestation = load_attestation()
    english = foreign = 0
    for word in words:
        form = word.text.lower()
        if not form.isalpha() or form in ("a", "an"):
            continue
        listed = attestation.listed_in(form, WordSource.DICTIONARY)
        if attestation.leans_foreign(form) or (not listed and (attestation.is_foreign(form) or not form.isascii())):
            foreign += 1
        elif listed:
            english += 1
    return foreign >= _FOREIGN_MIN_WORDS and foreign > english
