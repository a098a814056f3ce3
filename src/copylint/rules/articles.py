"""Articles: "a" or "an" by the sound of the next word, not its first letter.

Complexity: one pass over the words, O(words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copylint.finding import Applicability, Category, Finding, Severity
from copylint.rule import PlannedEdit, Rule, RuleContext

# Words spelled with a vowel that start with a consonant sound, and the reverse (silent h).
_CONSONANT_SOUND = re.compile(
    r"^(?:uni(?!n|mp|dent)|use|usu|uti|ura|ure|uro|euro|eu|ewe|one\b|once|ubiq|ukr|uganda|unanim|u\b|u-)",
    re.IGNORECASE,
)
_VOWEL_SOUND_H = re.compile(r"^(?:hour|honest|honou?r|heir|herb(?!ert))", re.IGNORECASE)
# Letters whose names start with a vowel sound: "an MBA", "an FBI agent", "an X-ray".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_DIGITS_VOWEL = re.compile(r"^(?:8|11|18)(?:\D|$)|^8\d")


def starts_with_vowel_sound(word: str) -> bool | None:
    """Whether ``word`` is spoken with a vowel sound first; ``None`` when unsure."""
    if word[:1].isdigit():
        return bool(_DIGITS_VOWEL.match(word))
    letters = re.sub(r"[^\w-]", "", word)
    head = letters.split("-")[0]
    if head.isupper() and 1 < len(head) <= 4 and not re.search(r"[AEIOU]{1}[^AEIOU]", head[1:] or "x"):
        return head[0] in _VOWEL_LETTERS  # an initialism, read letter by letter: "an MBA", "a USB port"
    if len(head) == 1 and head.isalpha() or (head.isalpha() and not re.search(r"[aeiouy]", head, re.IGNORECASE)):
        return head[0].upper() in _VOWEL_LETTERS  # a letter, or a word without vowels read as letters: "an html"
    if _VOWEL_SOUND_H.match(letters):
        return True
    if _CONSONANT_SOUND.match(letters):
        return False
    first = letters[:1].lower()
    if not first.isalpha():
        return None
    return first in "aeiou"


class Article(Rule):
    """ "a" before a vowel sound or "an" before a consonant sound: "an unique", "a honest".

    What it does: reads the word after each "a" or "an" and decides by how it sounds: "an
    hour", "a university", "a one-off", "an MBA", "a USB-C port", "an 8-year-old".

    Stays quiet when the next word's sound is uncertain (symbols, code) and on the letter "a"
    used as a label ("option a or b").

    Fix safety: safe; the fix swaps the article.
    """

    id = "articles.a-an"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        words = ctx.tokens.words
        for article, following in zip(words, words[1:], strict=False):
            written = article.text.lower()
            if written not in ("a", "an") or following.text.lower() in ("a", "an"):
                continue  # "a a" is a doubled word (repetition.word), not a wrong article
            gap = text[article.end : following.start]
            if not gap or not gap.isspace() or "\n\n" in gap:
                continue
            vowel = starts_with_vowel_sound(text[following.start : following.end + 12].split()[0])
            if vowel is None or (written == "an") == vowel:
                continue
            right = "an" if vowel else "a"
            if article.text[0].isupper():
                right = right.capitalize()
            yield ctx.finding(
                article.span,
                f"Use “{right}” before “{following.text}”.",
                edits=(PlannedEdit(article.span, right),),
                applicability=Applicability.SAFE,
                fix_title=f"Replace with “{right}”",
            )
