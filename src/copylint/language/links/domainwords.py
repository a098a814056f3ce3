"""The words a link's host is made of, and what they say about it.

Each label of the host (less its public suffix and a leading ``www``) is cut at hyphens and
digits, and each run of letters is split into words by a Viterbi segmentation over how often
English writers use each word: wordfreq's Zipf values, the usage table copylint's spelling checker
already keeps in its data cache, so nothing new is shipped or downloaded. A word costs
``9 - Zipf`` (the rarer, the dearer) and letters no list knows cost more with every letter, so
"luckyreels" reads "lucky reels", "ethairdropclaim" "eth airdrop claim", and a name the lists do
not know ("myflixer") stays in few pieces. The spam vocabulary (``data/spam/domain-words.txt``)
joins the usage table for words it lacks ("gacor", "kmspico"), and a rare run-together form that
is two common words ("freespins") is read as the two.

Complexity: O(letters x longest word) usage look-ups per label, each label segmented once per
process.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from copylint.core.domains import registrable
from copylint.language.links.data import spam_data
from copylint.language.links.legitimate import parents
from copylint.language.spelling.attestation import load_attestation
from copylint.store.shipped import data_lines

ANY = "*"
"""The category of lures that go with a core word of every category."""
INSTITUTION = "institution"

_GOVERNMENT_LABELS = frozenset({"gov", "gouv", "gob", "govt", "mil"})
"""Registrable labels that are a government's own where its country has no such suffix (gov.je)."""
_LONGEST_WORD = 20
_UNKNOWN_START = 9.0
_UNKNOWN_PER_LETTER = 1.5
_VOCABULARY_ZIPF = 2.5
"""The usage given to a vocabulary word wordfreq lacks: rare, but a word."""
_RARE_COMPOUND = 2.5
_FAMOUS = 3.0
_COMMON_PART = 3.0


@dataclass(frozen=True)
class Vocabulary:
    """The spam vocabulary by word: the category a core word belongs to, the categories a lure
    sells (``ANY`` for all), and the words that name an institution."""

    core: Mapping[str, str]
    lures: Mapping[str, frozenset[str]]
    institutions: frozenset[str]

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.core) | frozenset(self.lures) | self.institutions


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (``data/spam/domain-words.txt``), read once per process."""
    core: dict[str, str] = {}
    lures: dict[str, set[str]] = {}
    institutions: set[str] = set()
    for line in data_lines("spam/domain-words.txt"):
        category, role, words = line.split("\t")
        for word in words.split():
            if role == "core":
                core[word] = category
            elif role == "lure":
                lures.setdefault(word, set()).add(category)
            elif role == "name":
                institutions.add(word)
    return Vocabulary(core, {word: frozenset(kinds) for word, kinds in lures.items()}, frozenset(institutions))


@dataclass(frozen=True, slots=True)
class HostWords:
    """A host read as words: each label's words (the registrable label first, then the
    subdomains from the right), and whether it is an official one: under a government,
    military, education or intergovernmental suffix (``legitimate-suffixes.txt``: .gov, gov.uk,
    ac.uk, k12.ca.us ...)."""

    labels: tuple[tuple[str, ...], ...]
    raw_labels: tuple[str, ...]
    """The labels themselves, in the same order."""
    official: bool

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(word for label in self.labels for word in label)

    def phrase(self) -> str:
        return " ".join(self.words)


@lru_cache(maxsize=2048)
def host_words(host: str) -> HostWords | None:
    """The words of ``host``'s labels (``None`` for an IP address or an unknown suffix)."""
    site = registrable(host)
    if site is None:
        return None
    suffix = site.split(".", 1)[1]
    names = host[: -len(suffix) - 1].split(".")
    if names and names[0] == "www" and len(names) > 1:
        names = names[1:]
    names.reverse()
    # "gov.je": some governments register under their country code, with no suffix of their own
    suffixes = spam_data().legitimate.suffixes
    official = any(entry in suffixes for entry in parents(suffix)) or names[0] in _GOVERNMENT_LABELS
    return HostWords(tuple(split_label(name) for name in names), tuple(names), official)


@lru_cache(maxsize=4096)
def split_label(label: str) -> tuple[str, ...]:
    """The words of one label: "luckyreels-casino" -> ("lucky", "reels", "casino"), "bet365" ->
    ("bet", "365"). A label in another script (punycode) stays whole."""
    if label.startswith("xn--") or not label.isascii():
        return (label,)
    words: list[str] = []
    run = ""
    for character in label.lower() + "-":
        kind_changes = run and (character.isdigit() != run[-1].isdigit())
        if character == "-" or not character.isalnum() or kind_changes:
            if run:
                words.extend((run,) if run[0].isdigit() else _segment(run))
            run = "" if character == "-" or not character.isalnum() else character
        else:
            run += character
    return tuple(words)


def _segment(letters: str) -> list[str]:
    """The cheapest split of a run of letters into words (Viterbi over word costs)."""
    length = len(letters)
    best = [0.0] + [math.inf] * length
    back = [0] * (length + 1)
    for end in range(1, length + 1):
        for start in range(max(0, end - _LONGEST_WORD), end):
            cost = best[start] + _cost(letters[start:end])
            if cost < best[end]:
                best[end], back[end] = cost, start
    words: list[str] = []
    end = length
    while end > 0:
        words.append(letters[back[end] : end])
        end = back[end]
    words.reverse()
    return [part for word in words for part in _unjoin(word)]


def is_famous_word(word: str) -> bool:
    """Whether people write ``word`` often enough (Zipf 3 or more) for a site named just that to
    be a well-known one ("github", "wikipedia"), and it is no spam word ("casino")."""
    return load_attestation().zipf(word) >= _FAMOUS and word not in vocabulary().core


def _zipf(word: str) -> float:
    if len(word) == 1 and word not in "ai":
        return 0.0
    zipf = load_attestation().zipf(word)
    if zipf == 0.0 and word in vocabulary().words:
        return _VOCABULARY_ZIPF
    return zipf


def _cost(word: str) -> float:
    zipf = _zipf(word)
    return 9.0 - zipf if zipf > 0 else _UNKNOWN_START + _UNKNOWN_PER_LETTER * len(word)


def _unjoin(word: str) -> tuple[str, ...]:
    """A rarely written run-together form read as the two common words it is ("freespins")."""
    if _zipf(word) >= _RARE_COMPOUND:
        return (word,)
    best: tuple[str, ...] = (word,)
    best_cost = math.inf
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if _zipf(head) >= _COMMON_PART and _zipf(tail) >= _COMMON_PART:
            cost = _cost(head) + _cost(tail)
            if cost < best_cost:
                best, best_cost = (head, tail), cost
    return best


@dataclass(frozen=True, slots=True)
class SpamWords:
    """The spam vocabulary found in a host: its category, its core words and its lures."""

    category: str
    core: tuple[str, ...]
    lures: tuple[str, ...]

    @property
    def weight(self) -> int:
        """2 for a core word with a lure or a second core word; 1 for a core word alone, or for
        three lures of the category (two of them its own) with no core word ("watch free movies")."""
        if self.core:
            return 2 if len(self.core) + len(self.lures) > 1 else 1
        return 1 if len(self.lures) >= _LURES_ALONE else 0

    @property
    def words(self) -> tuple[str, ...]:
        return self.core + self.lures

    @property
    def rank(self) -> tuple[int, int]:
        return (self.weight, len(self.words))


_LURES_ALONE = 3


def spam_words(host: HostWords) -> SpamWords | None:
    """The category whose vocabulary weighs most in the host's words (``None`` when none weighs)."""
    found = _terms(host)
    vocabulary_ = vocabulary()
    best: SpamWords | None = None
    for category in dict.fromkeys(vocabulary_.core.values()):
        core = _distinct(term for term in found if vocabulary_.core.get(term) == category)
        own = _distinct(term for term in found if category in vocabulary_.lures.get(term, ()))
        shared = _distinct(term for term in found if ANY in vocabulary_.lures.get(term, ()))
        lures = tuple(term for term in own + shared if not any(term in word for word in core))
        if not core and len(own) < 2:
            continue
        candidate = SpamWords(category, core, lures)
        if candidate.weight and (best is None or candidate.rank > best.rank):
            best = candidate
    return best


def _distinct(terms: Iterable[str]) -> tuple[str, ...]:
    """The terms in order, once each, without those inside a longer one ("spins" in "freespins")."""
    unique = list(dict.fromkeys(terms))
    return tuple(term for term in unique if not any(term != other and term in other for other in unique))


def institution_words(host: HostWords) -> tuple[str, ...]:
    """The words of the host that name a public body ("gov", "county", "police")."""
    names = vocabulary().institutions
    return tuple(dict.fromkeys(term for term in _terms(host) if term in names))


def _terms(host: HostWords) -> list[str]:
    """Each word of each label, and each pair and triple of neighbouring words run together (so
    that "cash advance" finds "cashadvance" and "national parks" "nationalparks")."""
    terms: list[str] = []
    for label in host.labels:
        for start in range(len(label)):
            for width in (1, 2, 3):
                if start + width <= len(label):
                    terms.append("".join(label[start : start + width]))
    return terms


_IMITATED_ENDINGS = ("gov", "gouv", "edu", "mil")
_NAME_BEFORE_ENDING = 3
"""A name before the ending, not a prefix: "e-gov" is a word (electronic government)."""


def official_imitation(host: HostWords) -> str | None:
    """The label that dresses a non-government host as an official one: a label ending in
    "-gov", "-gouv", "-edu" or "-mil" ("cityofmaple-gov.org"), or one of those as a subdomain of
    another site ("irs.gov.account-check.com")."""
    if host.official:
        return None
    for position, label in enumerate(host.raw_labels):
        head, _, ending = label.rpartition("-")
        if len(head) >= _NAME_BEFORE_ENDING and ending in _IMITATED_ENDINGS:
            return label
        if position > 0 and label in _IMITATED_ENDINGS:
            return label
    return None
