"""How a word starts when it is said: with a vowel sound ("an hour", "an MBA", "an 8") or a
consonant sound ("a university", "a one-off", "a USDA grant"), or either ("a URL" and "an URL",
"a herb" and "an herb"). The choice between "a" and "an" follows it.

Three sources, in order:

- The CMU Pronouncing Dictionary, for the words whose first sound their spelling does not tell
  (:func:`spelled` gets them wrong or cannot tell) and for words said two ways: the shipped table
  ``data/language/first-sounds.tsv``, built by ``scripts/build_first_sounds.py``.
- Letter names, for initialisms said letter by letter ("an FBI agent": "eff"; "a UI": "you").
  An all-capital token may be an initialism or a word (an acronym said as a word, "a NASA
  engineer", or emphasis, "a LOT"); where it could be either, both readings count.
- Spelling rules (:func:`spelled`), for words the dictionary does not know ("an nginx" and "a
  nginx" are both unsure; "a kubectl" is not).

The answer is a :class:`Sound` set: empty when unsure, both bits when both sayings are in use.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntFlag
from functools import lru_cache

from copylint.language.spelling.attestation import WordSource, load_attestation
from copylint.language.spelling.table import CompactTable
from copylint.language.wordclass import WordClass, load_word_classes
from copylint.store.shipped import data_lines
from copylint.store.tables import cached


class Sound(IntFlag):
    """How a reading of a word starts (a bit each; a word said several ways has several)."""

    VOWEL = 1
    CONSONANT = 2
    SOFT_H = 4
    """An h before an unstressed vowel ("historic", "hotel"): "a" is today's usage, "an" an older one."""


UNSURE = Sound(0)
EITHER = Sound.VOWEL | Sound.CONSONANT
CODES: Mapping[str, Sound] = {"v": Sound.VOWEL, "c": Sound.CONSONANT, "h": Sound.SOFT_H}
"""The letters of the table's codes ("vc": said both ways; "ch": a soft h)."""

_VOWEL_LETTERS = frozenset("aefhilmnorsx")
"""Letters whose names start with a vowel sound: "an MBA", "an FBI agent", "an X-ray"."""
_CONSONANT_SOUND = re.compile(r"^(?:eu|ewe|one|once|ukr)")
"""Spellings with a vowel letter said with a consonant first ("a eucalyptus", "a OneDrive")."""
_YOU = re.compile(r"^u[b-df-hj-np-tv-z][aeiouy]")
"""A "u" before one consonant and a vowel is said "you" ("a unary operator", "a umask", "a
usable"), unless it is the prefix "un" or "up" before a word ("an unescaped", "an uninstall")."""
_PREFIX_STEM = 4
"""The fewest letters after "un" or "up" that make a prefixed word ("un" + "able"), not a "you"
("unit", "unary")."""
_SHORT = 4
"""Words this short that no dictionary lists may be initialisms or abbreviations said by their
letters ("utf", "uuid"): both readings count."""
_VOWEL_SOUND_H = re.compile(r"^(?:hour|honest|honou?r|heir)")
"""Spellings whose h is silent ("an hourly rate")."""
_ONSETS = frozenset(
    "b c d f g h j k l m n p q r s t v w x z bl br ch chr cl cr dr dw fl fr gh gl gn gr kl kn kr mn ph phr pl pn pr "
    "ps pt rh sc sch scl scr sh shr sk sl sm sn sp sph spl spr sq st str sv sw th thr tr tw wh wr".split()
)
"""The consonants English words start with before their first vowel, "u" and "y" counted as vowels
(silent letters included: "knot", "psalm", "mnemonic"). A word that starts otherwise ("nginx",
"mkdocs") may be read letter by letter."""
_ONSET = re.compile(r"^[^aeiouy]*")
_DIGITS_VOWEL = re.compile(r"^(?:8|11|18)(?:\D|$)|^8\d")
"""Numbers said with a vowel first: "an 8", "an 11-day trip", "an 18th", "an 80s"."""
_DOTTED = re.compile(r"^[A-Za-z]\.(?:[A-Za-z]\.?)+")
"""Initialisms written with full stops, said by their letters: "a U.S. citizen", "an M.A."."""
_CAPITALS = re.compile(r"^[A-Z]{2,}")
"""The capitals a word starts with: "USDA", "URL" in "URLs", "IP" in "IPv6"."""
_HEAD = re.compile(r"[^\W\d_]+")
_FIRST_PART = re.compile(r"[^\W\d_][^\W\d_A-Z]*")
_SPELLED_OUT = re.compile(r"^[^\W\d_](?:-[^\W\d_])+(?![\w-])")
"""A word spelled out letter by letter: "a M-A-N" (the word or its letters)."""
_AFTER_ARTICLE = WordClass.NOUN | WordClass.ADJECTIVE | WordClass.ADVERB
"""What a word must be able to be for "a" or "an" to stand before it."""
_COMMON_ZIPF = 4.0
"""How common (Zipf: log10 of uses per billion words) a word must be to be written in capitals
for emphasis: "no" and "up" are (over 6), the initialisms "UX" and "UV" are not (3.2, 3.6)."""


def letter_sound(letter: str) -> Sound:
    """How the name of ``letter`` starts: "eff" with a vowel, "you" and "bee" with a consonant."""
    return Sound.VOWEL if letter.lower() in _VOWEL_LETTERS else Sound.CONSONANT


def sayable(word: str) -> bool:
    """Whether ``word`` (lower case) starts as an English word can: the consonants before its
    first vowel are a known onset ("str", "kn"), or there are none."""
    onset = _ONSET.match(word)
    consonants = onset.group() if onset else ""
    return not consonants or consonants in _ONSETS


def spelled(word: str) -> Sound:
    """The first sound of a lower-case word as its spelling tells it; :data:`UNSURE` where it
    cannot ("nginx"). The dictionary's table lists the words where this is wrong."""
    first = word[0]
    if len(word) == 1:
        return letter_sound(first)
    if not re.search(r"[aeiouy]", word):
        # letters, or an abbreviation said as its word: "src" (source), "msg"; "a pdf" either way
        return UNSURE if first in _VOWEL_LETTERS else Sound.CONSONANT
    if _VOWEL_SOUND_H.match(word):
        return Sound.VOWEL
    if _CONSONANT_SOUND.match(word) or (_YOU.match(word) and not _prefixed(word)):
        return Sound.CONSONANT
    if first not in "aeiou" and first in _VOWEL_LETTERS and not sayable(word):
        return UNSURE  # a name that may be read by its letters: "an nginx", "an mkdocs site"
    return Sound.VOWEL if first in "aeiou" else Sound.CONSONANT


def _prefixed(word: str) -> bool:
    """Whether ``word`` is the prefix "un" or "up" before a word: "unescaped", "upend",
    "uninstall" (before "in", "im": "unimportant"). Before another "i" it is "uni", said "you"
    ("unicorn", "unikernel"), unless a word follows ("unidentified"); a short rest is no word
    ("unary", "unit")."""
    stem = word[2:]
    if word[:2] not in ("un", "up") or len(stem) < _PREFIX_STEM:
        return False
    return not stem.startswith("i") or stem.startswith(("in", "im")) or _listed(stem)


def _listed(word: str) -> bool:
    return load_attestation().listed_in(word, WordSource.DICTIONARY)


@dataclass(frozen=True)
class FirstSounds:
    """The dictionary's first sounds of the lower-case words :func:`spelled` gets wrong."""

    table: Mapping[str, float]

    def of(self, word: str) -> Sound:
        """How the lower-case ``word`` starts, by the dictionary, else by its spelling; a short
        word no dictionary lists may also be said by its letters ("a utf-8 file", "a uuid")."""
        found = self.table.get(word)
        if found is not None:
            return Sound(int(found))
        said = spelled(word)
        if said and len(word) <= _SHORT and not _listed(word):
            return said | letter_sound(word[0])
        return said


@lru_cache(maxsize=1)
def load_first_sounds() -> FirstSounds:
    """The shared table (built once into the data cache; immutable)."""
    return cached("first-sounds", (), _build)


def _build() -> FirstSounds:
    table: dict[str, float] = {}
    for line in data_lines("language/first-sounds.tsv"):
        word, _, code = line.partition("\t")
        table[word] = float(sum(CODES[letter] for letter in code))
    return FirstSounds(CompactTable(table))


@lru_cache(maxsize=8192)
def first_sound(token: str) -> Sound:
    """How ``token`` (a word as written, with what follows it up to the next space: "USB-C",
    "U.S.", "MBA's", "8-year-old") starts when said (memoised: the same words follow articles
    again and again)."""
    if token[:1].isdigit():
        return Sound.VOWEL if _DIGITS_VOWEL.match(token) else Sound.CONSONANT
    if _DOTTED.match(token):
        return letter_sound(token[0])
    if _SPELLED_OUT.match(token):
        return letter_sound(token[0]) | load_first_sounds().of(re.sub(r"\W", "", token).lower())
    head = _HEAD.match(unicodedata.normalize("NFKD", token).encode("ascii", "ignore").decode())
    if head is None:
        return UNSURE
    word = head.group()
    capitals = _CAPITALS.match(word)
    if capitals is None:
        part = _FIRST_PART.match(word)  # a name run together is said from its first part: "UbuntuOne", "iPhone", "mRNA"
        return load_first_sounds().of((part.group() if part else word).lower())
    run = capitals.group()
    if word[len(run) :] in ("", "s"):
        return _initialism(run)  # "USDA", "URLs"
    if len(run) == 2:
        return letter_sound(run[0])  # capitals before small letters are letters: "an MSc", "an IPv6 address"
    # the last capital may start the next word: "SQLModel", "XMLHttpRequest" ("SQLite" is not)
    return _initialism(run) | _initialism(run[:-1])


def _common_word(word: str) -> bool:
    """Whether ``word`` is a common English word an article can stand before ("no", "up"), not an
    initialism the word lists also hold ("ux", "uv")."""
    return load_word_classes().can_be(word, _AFTER_ARTICLE) and load_attestation().zipf(word) >= _COMMON_ZIPF


def _initialism(capitals: str) -> Sound:
    """An all-capital word: said by its letters, or, where it can be said as a word (an acronym,
    "NASA"; an ordinary word in capitals for emphasis, "a LOT"), either way."""
    letters = letter_sound(capitals[0])
    word = capitals.lower()
    known = load_first_sounds().table.get(word)
    said = Sound(int(known)) if known is not None else spelled(word)
    if len(word) <= 2:
        # two capitals are letters ("a US citizen", "an UN member", "a UX designer") unless a
        # common word in capitals for emphasis, one an article can stand before ("a NO vote")
        return letters | said if _common_word(word) else letters
    if not re.search(r"[aeiouy]", word) or not sayable(word):
        return letters | said if known is not None else letters  # "an SSD", "an FDIC rule"
    return letters | said
