"""Whether a form the lexicon lacks is a word in its own right: listed by a trusted word list,
written often, or built from known words on purpose (a closed compound, a coinage)."""

from __future__ import annotations

from copylint.language.spelling.attestation import Attestation, ListedWords, WordSource
from copylint.language.spelling.lexicon import Lexicon

ARCHAIC_ENDINGS = ("est", "eth")
"""Second- and third-person verb endings of older English: "thou owest", "it taketh"."""
COINING_SUFFIXES = ("ful", "ous", "y", "ey", "ie", "ish", "ly", "ible", "able", "less", "ness", "er", "ers")
"""Suffixes writers add to any word for the moment: "tobaccoey", "campful", "researchy"."""
MIN_PART = 4
"""The shortest part of a closed compound or stem of a coinage that counts as a word."""


class WordStanding:
    """The standing of lower-case forms, against one set of trusted sources."""

    def __init__(self, lexicon: Lexicon, attestation: Attestation, sources: WordSource, used_zipf: float) -> None:
        self.lexicon = lexicon
        self.attestation = attestation
        self.sources = sources
        self.used_zipf = used_zipf
        self._listed_words = ListedWords(attestation, sources)

    def has_standing(self, form: str) -> bool:
        """Whether the form is a word in its own right: listed or in use."""
        return self.listed(form) or self.attestation.zipf(form) >= self.used_zipf

    def listed(self, form: str) -> bool:
        """Whether a trusted word list has the form (the dictionary lists every inflection), the
        plural of a word pack's term ("mixins"), or an archaic verb form of a listed verb
        ("owest", "drivest", "taketh")."""
        attestation, listed = self.attestation, self._listed_words
        if attestation.listed_in(form, self.sources):
            return True
        if form.endswith("s") and attestation.listed_in(form[:-1], self.sources & ~WordSource.DICTIONARY):
            return True
        return any(
            form.endswith(ending) and (form[: -len(ending)] in listed or form[: -len(ending)] + "e" in listed)
            for ending in ARCHAIC_ENDINGS
            if len(form) - len(ending) >= 2
        )

    def known(self, form: str) -> bool:
        """In the lexicon or a trusted list."""
        return form in self.lexicon or self.attestation.listed_in(form, self.sources)

    def closed_compound(self, form: str) -> bool:
        """Two words of at least :data:`MIN_PART` letters closed up: "dusklight", "rosetree"."""
        return any(
            self.known(form[:cut]) and self.known(form[cut:]) for cut in range(MIN_PART, len(form) - MIN_PART + 1)
        )

    def coined(self, form: str) -> bool:
        """A known word with a productive suffix, made up for the moment: "tobaccoey", "campful"."""
        return any(
            form.endswith(suffix) and self.known(stem)
            for suffix in COINING_SUFFIXES
            if len(stem := form[: -len(suffix)]) >= MIN_PART
        )
