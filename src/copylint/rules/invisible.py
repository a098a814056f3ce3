"""Invisible and look-alike characters: no-break and zero-width spaces, soft hyphens, control and
bidirectional characters, and words that mix Latin letters with Cyrillic or Greek look-alikes.

Complexity: one regular-expression pass over the prose, O(characters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.language.lookalikes import LOOKALIKES, to_latin

_NAMES = {
    "\u00a0": "no-break space",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark",
    "\u00ad": "soft hyphen",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
}
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = re.compile(
    "[\u00a0\u200b-\u200f\u2060\ufeff\u00ad" + _BIDI_CONTROLS + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_UNIT_AFTER = re.compile(r"(?:[%°]|[a-zA-Zµ]{1,3}\b)")


def _describe(char: str) -> str:
    return _NAMES.get(char) or unicodedata.name(char, f"control character U+{ord(char):04X}").lower()


class InvisibleCharacter(Rule):
    """An invisible character in running text: a stray no-break or zero-width space, a soft hyphen.

    What it does: reports, with its Unicode name, a no-break space where a space belongs, a
    zero-width space, joiner or word joiner, a soft hyphen, a byte-order mark inside the text, a
    control character, or a bidirectional override or isolate ("Trojan Source").

    Why: they come in with text pasted from a CMS, a PDF or a chat, break search and links, and
    can hide what a reader sees (an override can reorder a line).

    Stays quiet on a no-break space between a number and its unit ("10 km") or before a
    closing punctuation mark (French spacing), on joiners between non-Latin letters or inside
    emoji sequences, on a no-break space after a comma or semicolon or beside a dash (a
    typographer's choice), and on direction marks next to right-to-left text. Characters written as
    entities (&nbsp;, &shy;) are a deliberate choice and are not reported.

    Severity: error for bidirectional overrides and isolates, warning otherwise.

    Example: "pass<U+200B>word", with a zero-width space pasted from a chat, becomes "password";
    "the<U+00A0>end" becomes "the end".

    Fix safety: safe: a no-break space becomes a space and the others are deleted; bidirectional
    controls are deleted only as an unsafe fix, since they may be intended.
    """

    id = "invisible.character"
    category = Category.INVISIBLE
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        for match in _INVISIBLE.finditer(text):
            char = match.group()
            offset = match.start()
            if not self._reportable(text, offset, char):
                continue
            span = Span(offset, offset + 1)
            if not ctx.view.is_verbatim(span, ctx.document):
                continue  # written as an entity: a deliberate choice
            replacement = " " if char == "\u00a0" else ""
            bidi = char in _BIDI_CONTROLS
            finding = ctx.finding(
                span,
                f"Invisible {_describe(char)} (U+{ord(char):04X})"
                + (" can reorder what readers see." if bidi else "."),
                suggestions=(replacement,),
                edits=(ProseEdit(span, replacement),),
                applicability=Applicability.UNSAFE if bidi else Applicability.SAFE,
                fix_title="Replace with a space" if replacement else "Delete it",
            )
            yield finding.with_severity(Severity.ERROR) if bidi else finding

    def _reportable(self, text: str, offset: int, char: str) -> bool:
        before = text[offset - 1] if offset else ""
        after = text[offset + 1] if offset + 1 < len(text) else ""
        if char == "\u00a0":
            if before.isdigit() and _UNIT_AFTER.match(text, offset + 1):
                return False
            if after in ";:!?»%—–" or before in "«—–,;":
                return False  # French spacing, or keeping a dash with its word
            return before.isalnum() or before in ",.;:)”’" or after.isalnum()
        if char in "\u200c\u200d":
            return before.isascii() and after.isascii()  # needed in Arabic, Indic and emoji
        if char in "\u200e\u200f":
            return not (_rtl(before) or _rtl(after))
        return True


def _rtl(char: str) -> bool:
    return bool(char) and unicodedata.bidirectional(char) in ("R", "AL")


class MixedScript(Rule):
    """A Latin word with a Cyrillic or Greek look-alike letter inside: "раypal", "Miсrosoft".

    What it does: reports a word that has Latin letters and whose other letters are all Cyrillic
    or Greek look-alikes of Latin ones (Cyrillic "а", "с", "о", Greek "ο" ...), naming the
    script and the letters. Words wholly in Cyrillic or Greek ("Москва") and Latin words with
    accents ("naïve", "café") stay quiet.

    Why: the word looks right but matches nothing: search, spelling and links all fail, and
    lookalike domains use exactly this trick.

    Example: "Miсrosoft", whose "с" is Cyrillic, becomes "Microsoft".

    Fix safety: unsafe; the fix replaces each look-alike with the Latin letter it imitates.
    """

    id = "invisible.mixed-script"
    category = Category.INVISIBLE
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for word in ctx.tokens.words:
            text = word.text
            if text.isascii() or not any(char.isascii() and char.isalpha() for char in text):
                continue
            foreign = [char for char in text if not char.isascii() and char.isalpha()]
            if not foreign or not all(char in LOOKALIKES for char in foreign):
                continue
            latin = to_latin(text)
            yield ctx.replacement(
                word.span,
                latin,
                f"“{text}” mixes Latin letters with look-alike {_script(foreign[0])} ones ({', '.join(foreign)}).",
            )


def _script(char: str) -> str:
    return "Greek" if "GREEK" in unicodedata.name(char, "") else "Cyrillic"
