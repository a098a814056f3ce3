"""Articles: "a" or "an" by the sound of the next word, not its first letter.

Complexity: one pass over the words, O(words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.quotes import quotation_index
from copylint.core.rule import Rule, RuleContext
from copylint.core.tokens import Word
from copylint.language.spelling.surroundings import in_identifier

# Words spelled with a vowel that start with a consonant sound, and the reverse (silent h).
_CONSONANT_SOUND = re.compile(
    r"^(?:uni(?!n|mp|dent)|use|usa|usu|uti|uto|ura|ure|uri|uro|uku|uvu|euro|eu|ewe|one\b|once|ubiq|ukr|uganda|unanim"
    r"|u\b|u-)",
    re.IGNORECASE,
)
# Abbreviations read as words: "a Mr. Lorry" (mister), "a St. Louis team" (saint).
_READ_AS_WORDS = frozenset({"mr", "mrs", "ms", "dr", "st", "mt", "ft", "jr", "sr"})
# A word after which "a" cannot be an article: "A and B", "plan A until then".
_NOT_AFTER_ARTICLE = frozenset(
    "and or but nor is are was were be until in of to for with on at by as if then than so from into".split()
)
# Enough of these in a paragraph and it is Spanish, Portuguese or French, where "a" is a preposition.
_ROMANCE = frozenset("el la los las del y que en para por con un una unos es son su sus se al lo le des et est".split())
_VOWEL_SOUND_H = re.compile(r"^(?:hour|honest|honou?r|heir|herb(?!ert))", re.IGNORECASE)
# Letters whose names start with a vowel sound: "an MBA", "an FBI agent", "an X-ray".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_OLDER_USAGE = 2
"""How many "an" before a sounded h or a "you" sound make a document's own older usage."""
_DIGITS_VOWEL = re.compile(r"^(?:8|11|18)(?:\D|$)|^8\d")
# The consonants English words start with before their first vowel, "u" and "y" counted as vowels
# (silent letters included: "knot", "psalm", "mnemonic"; "sq" as in "square"). A word that starts
# otherwise ("nginx", "mkdocs") may be read letter by letter.
_ONSETS = frozenset(
    "b c d f g h j k l m n p q r s t v w x z bl br ch chr cl cr dr dw fl fr gh gl gn gr kl kn kr mn ph phr pl pn pr "
    "ps pt rh sc sch scl scr sh shr sk sl sm sn sp sph spl spr sq st str sv sw th thr tr tw wh wr".split()
)
_ONSET = re.compile(r"^[^aeiouy]*", re.IGNORECASE)


@lru_cache(maxsize=8192)
def starts_with_vowel_sound(word: str) -> bool | None:
    """Whether ``word`` is spoken with a vowel sound first; ``None`` when unsure (memoised: the
    same words follow articles again and again)."""
    if word[:1].isdigit():
        return bool(_DIGITS_VOWEL.match(word))
    letters = re.sub(r"[^\w-]", "", word)
    head = letters.split("-")[0]
    if head.lower() in _READ_AS_WORDS:
        return False
    has_vowel = bool(re.search(r"[aeiouy]", head, re.IGNORECASE))
    if head.isupper() and len(head) > 1:
        if head[0] == "U":
            return False  # "U" is "you" read as a letter or as a word: "a USDA grant", "a UNESCO site"
        as_letters = head[0] in _VOWEL_LETTERS
        if not has_vowel or (len(head) <= 3 and not _sayable(head)):
            return as_letters  # an initialism, read letter by letter: "an MBA", "a USB port"
        if len(head) <= 3 and as_letters != (head[0] in "AEIOU"):
            return None  # letters or a word: "an SQL" and "a SQL", "an SOO"; or emphasis: "a LOT"
        # a longer acronym with vowels is read as a word ("a NASA engineer", "a FOIA request")
    elif len(head) == 1 and head.isalpha() or (head.isalpha() and not has_vowel):
        return head[0].upper() in _VOWEL_LETTERS  # a letter, or a word without vowels read as letters: "an html"
    if re.match(r"histor", letters, re.IGNORECASE):
        return None  # "a historic" and "an historic" are both in use
    if _VOWEL_SOUND_H.match(letters):
        return True
    if _CONSONANT_SOUND.match(letters):
        return False
    first = letters[:1].lower()
    if not first.isalpha():
        return None
    if first not in "aeiou" and not _sayable(head) and (first.upper() in _VOWEL_LETTERS):
        return None  # a name that may be read by its letters: "an nginx", "an mkdocs site"
    return first in "aeiou"


def _sayable(head: str) -> bool:
    """Whether ``head`` starts as an English word can: the consonants before its first vowel are a
    known onset ("str", "kn"), or there are none."""
    onset = _ONSET.match(head)
    consonants = onset.group().lower() if onset else ""
    return not consonants or consonants in _ONSETS


class Article(Rule):
    """ "a" before a vowel sound or "an" before a consonant sound: "an unique", "a honest".

    What it does: reads the word after each "a" or "an" and decides by how it sounds: "an
    hour", "a university", "a one-off", "an MBA", "a USB-C port", "an 8-year-old".

    Why: the choice follows how the next word is spoken, not how it is spelled, so the slip
    survives proofreading by eye ("an unique", "a hour"), and readers hear it.

    Stays quiet when the next word's sound is uncertain (symbols, code), on "a historic" and "an
    historic" (both in use), on the letter "a" used as a label ("option a or b", "station A"),
    in paragraphs written in Spanish, Portuguese or French, where "a" is a preposition, in
    quoted speech ("“a honest tradesman,” he said": how the character talks), in names
    ("schedule_a"), and on older usage: a text that writes "an" before a sounded h or a "you"
    sound at least twice, once before an h ("an hotel", "an union"), does so on purpose.

    Example: "an unique chance" becomes "a unique chance"; "a honest answer" becomes "an honest
    answer".

    Fix safety: safe; the fix swaps the article.
    """

    id = "articles.a-an"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        slips = list(self._slips(ctx))
        # "an hotel", "an hopeless business", "an union": older English wrote "an" before these
        # sounds; twice in one document, once before an h at least (speech included), is the
        # writer's usage, not a slip
        older = [slip for slip in slips if slip[1].lower() == "a" and slip[2][:1].lower() in "hue"]
        with_h = any(slip[2][:1].lower() == "h" for slip in older)
        deliberate = {id(slip) for slip in older} if len(older) >= _OLDER_USAGE and with_h else set()
        for slip in slips:
            article, right, following, quoted = slip
            if quoted or id(slip) in deliberate:
                continue  # speech ("a honest tradesman" is how the character talks), or older usage
            yield ctx.replacement(article.span, right, f"Use “{right}” before “{following}”.", Applicability.SAFE)

    def _slips(self, ctx: RuleContext) -> Iterator[tuple[Word, str, str, bool]]:
        """Each article that does not fit the next word's sound: the article, the right one, the
        word, and whether it is quoted speech."""
        text = ctx.view.text
        words = ctx.tokens.words
        folded = ctx.tokens.folded
        foreign: set[int] | None = None
        last = len(folded) - 1
        for index in ctx.tokens.indices_of(("a", "an")):
            if index == last:
                break
            article, following = words[index], words[index + 1]
            written = folded[index]
            if folded[index + 1] in ("a", "an"):
                continue  # "a a" is a doubled word (repetition.word), not a wrong article
            if folded[index + 1] in _NOT_AFTER_ARTICLE:
                continue
            gap = text[article.end : following.start]
            if not gap or not gap.isspace() or "\n\n" in gap:
                continue
            vowel = starts_with_vowel_sound(text[following.start : following.end + 12].split()[0])
            if vowel is None or (written == "an") == vowel:
                continue
            # the costlier tests last, for the few articles that do not fit the next word's sound
            if article.text == "A" and not ctx.tokens.starts_sentence(article):
                continue  # a capital A mid-sentence is a label: "station A equals station B"
            if in_identifier(text, article):
                continue  # part of a name: "schedule_a endpoint"
            if foreign is None:
                foreign = _romance_blocks(ctx)
            if ctx.view.block_index(article.start) in foreign:
                continue
            right = "an" if vowel else "a"
            if article.text[0].isupper():
                right = right.capitalize()
            yield article, right, following.text, quotation_index(ctx).inside(article.start)


def _romance_blocks(ctx: RuleContext) -> set[int]:
    """Paragraphs written in a Romance language, where "a" is a preposition."""
    found = set()
    folded = ctx.tokens.folded
    for index, block in enumerate(ctx.view.blocks):
        if len(_ROMANCE.intersection(folded[ctx.tokens.index_range(block)])) >= 3:
            found.add(index)
    return found
