"""How well a word is attested beyond the frequency-ranked lexicon: the evidence that an unknown
word is English after all, or a slip.

Two sources, kept apart because they say different things:

- **Dictionaries** say a form is a word: SCOWL's size-70 lists (American, British, Canadian) and
  the opt-out domain packs (software terms, company names, people's names), shipped in
  ``data/spelling/`` and built by ``scripts/build_spelling_data.py``. A word in one of them is
  never "unknown"; it is worth a finding only when it sits one slip away from a far more common
  word (then it is ``info``: maybe a real-word slip, never a warning).
- **Usage** says how often people write a form: wordfreq's English frequencies (web, subtitles,
  news, books, Wikipedia), read from the installed ``wordfreq`` package as Zipf values (log10 of
  uses per billion words). Usage knows jargon no dictionary lists ("nginx", "kanban"), but also
  the commonest misspellings ("orginal" has a Zipf value of 2.2, "original" 5.3), so a used form
  is judged by how far it falls below the word it resembles.

Both are built once into the data cache and mapped, not parsed, by each run.
"""

from __future__ import annotations

import gzip
import importlib.resources
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntFlag
from functools import lru_cache

from copylint.language.spelling.table import CompactTable
from copylint.store.shipped import data_text
from copylint.store.tables import cached

USAGE_PACKAGE = "wordfreq"
_USAGE_FILE = "data/large_{language}.msgpack.gz"
FOREIGN_LANGUAGES = ("de", "es", "fr", "it", "nl", "pt")
"""Languages whose common words appear in English articles (quotations, names of things, phrases)."""
_FOREIGN_LEAD = 1.0
FOREIGN_MIN_ZIPF = 3.0
"""A form at least this common in one of :data:`FOREIGN_LANGUAGES` is a word of that language."""


class WordSource(IntFlag):
    """Which dictionaries list a word (a bit each)."""

    DICTIONARY = 1
    SOFTWARE = 2
    COMPANIES = 4
    NAMES = 8


WORD_PACKS: Mapping[str, WordSource] = {
    "software": WordSource.SOFTWARE,
    "companies": WordSource.COMPANIES,
    "names": WordSource.NAMES,
}
"""The opt-out domain packs by the name the configuration uses (``[spelling] word-packs``)."""
ALL_SOURCES = WordSource.DICTIONARY | WordSource.SOFTWARE | WordSource.COMPANIES | WordSource.NAMES


def sources_for(packs: Iterable[str]) -> WordSource:
    """The sources to trust: the dictionary always, and the named packs."""
    wanted = WordSource.DICTIONARY
    for pack in packs:
        wanted |= WORD_PACKS[pack]
    return wanted


@dataclass(frozen=True)
class Attestation:
    """Dictionary membership (a :class:`WordSource` bit set per lower-case form) and usage (Zipf)."""

    listed: Mapping[str, float]
    usage: Mapping[str, float]
    foreign: Mapping[str, float]
    """The highest Zipf value a form has in one of :data:`FOREIGN_LANGUAGES`, for common forms."""

    def listed_in(self, word: str, sources: WordSource) -> bool:
        """Whether one of ``sources`` lists the lower-case form ``word``."""
        found = self.listed.get(word)
        return found is not None and bool(int(found) & sources)

    def zipf(self, word: str) -> float:
        """How often the form is written: log10 of uses per billion words, 0 when never seen."""
        return self.usage.get(word) or 0.0

    def is_foreign(self, word: str) -> bool:
        """Whether the form is a common word of another language ("acceso", "verrons")."""
        return word in self.foreign

    def leans_foreign(self, word: str) -> bool:
        """Whether the form is a common word of another language, and far more common there than
        in English ("nous", "muy", "de" but not "how")."""
        foreign = self.foreign.get(word)
        return foreign is not None and foreign >= self.zipf(word) + _FOREIGN_LEAD


class ListedWords:
    """A container view of the words the trusted sources list (for the morphology's stem tests)."""

    def __init__(self, attestation: Attestation, sources: WordSource) -> None:
        self._attestation = attestation
        self._sources = sources

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._attestation.listed_in(word, self._sources)


@lru_cache(maxsize=1)
def load_attestation() -> Attestation:
    """The shared attestation tables (built once into the data cache; immutable)."""
    return cached("attestation", (USAGE_PACKAGE,), _build)


def _build() -> Attestation:
    """Only ASCII forms are kept: a word with other letters is never judged unknown (it is a name
    or another language), and ASCII keys keep the tables' joined strings one byte a character."""
    listed: dict[str, int] = {}
    for word in _shipped_words("spelling/dictionary-words.txt.gz"):
        listed[word] = WordSource.DICTIONARY
    for pack, source in WORD_PACKS.items():
        for word in _shipped_words(f"spelling/words/{pack}.txt"):
            listed[word.lower()] = listed.get(word.lower(), 0) | source
    foreign: dict[str, float] = {}
    for language in FOREIGN_LANGUAGES:
        for word, zipf in _usage(language).items():
            if zipf >= FOREIGN_MIN_ZIPF:
                foreign[word] = max(zipf, foreign.get(word, 0.0))
    return Attestation(
        CompactTable({word: float(bits) for word, bits in listed.items()}),
        CompactTable(_usage("en")),
        CompactTable(foreign),
    )


def _shipped_words(name: str) -> list[str]:
    words = (line.strip() for line in data_text(name).splitlines() if not line.startswith("#"))
    return [word for word in words if word and word.isascii()]


def _usage(language: str) -> dict[str, float]:
    """wordfreq's list for one language: a header, then one list of words per centibel of
    frequency, most frequent first (list ``i`` holds the words used ``10 ** (-i / 100)`` of the time)."""
    import msgpack  # type: ignore[import-untyped]  # wordfreq's dependency: read when the cache is built

    raw = importlib.resources.files(USAGE_PACKAGE).joinpath(_USAGE_FILE.format(language=language)).read_bytes()
    bins = msgpack.unpackb(gzip.decompress(raw), raw=False)[1:]
    usage: dict[str, float] = {}
    for centibels, words in enumerate(bins):
        zipf = round(9.0 - centibels / 100.0, 2)
        for word in words:
            if word.isascii() and (word.isalpha() or ("'" in word and word.replace("'", "").isalpha())):
                usage.setdefault(word, zipf)
    return usage
