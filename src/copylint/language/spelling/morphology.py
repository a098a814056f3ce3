"""Word forms a lexicon lacks but English builds freely: "groundedness", "subdomains", "Baker's".

Only derivational affixes that misspellings rarely hide behind are used: "-ness" or "sub-" on a
known word is accepted, but not "-ly" or "-ing" (the lexicon already lists real inflections, and
"truely" or "begining" must stay errors).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

from copylint.language.spelling.lexicon import Lexicon

SUFFIXES = (
    "ness", "nesses", "less", "lessly", "lessness", "ful", "fully", "fulness", "ment", "ments", "ship",
    "ships", "hood", "hoods", "wise", "like", "ism", "isms", "ist", "ists", "ization", "izations",
    "isation", "isations", "ize", "izes", "ized", "izing", "ise", "ises", "ised", "ising", "ability",
    "abilities", "ably", "able", "esque", "dom", "doms", "ward", "wards", "fold",
)  # fmt: skip
INFLECTIONS = ("s", "es", "ed", "ing", "er", "ers")
# British spellings whose American form the lexicon knows: "vapouring", "tranquillised".
_BRITISH = (
    ("ise", "ize"), ("isa", "iza"), ("yse", "yze"), ("tre", "ter"), ("ae", "e"),
    ("lled", "led"), ("lling", "ling"), ("ller", "ler"),
)  # fmt: skip
_BRITISH_OUR = re.compile(r"(?<=[a-z])our(?=s?$|ed$|ing$|ite|ful|abl|ist|less|er$)")
PREFIXES = (
    "un", "re", "non", "pre", "post", "sub", "super", "over", "under", "anti", "counter", "inter",
    "intra", "micro", "macro", "mini", "multi", "semi", "self", "cyber", "hyper", "meta", "out", "pseudo",
    "proto", "trans", "ultra", "mega", "mid", "bio", "geo", "eco", "neo", "socio", "psycho", "auto",
    "cross", "extra", "infra", "mis", "tele", "poly", "mono", "omni", "pan", "para", "photo", "retro",
)  # fmt: skip
CONTRACTIONS = ("'s", "'ll", "'re", "'ve", "'d", "'m", "n't", "s'", "'")
_MIN_STEM = 5
_MIN_STEM_COUNT = 100_000.0


def normalise(word: str) -> str:
    """Lower case with typographic apostrophes made straight."""
    return word.replace("’", "'").replace("ʼ", "'").lower()


def strip_clitic(word: str) -> str:
    """``baker's`` -> ``baker``, ``d'etre`` -> ``etre``: the word without its clitic."""
    if len(word) > 3 and word[1] == "'" and word[0].isalpha():
        return word[2:]  # an elided article or preposition: l'amour, d'etre
    for ending in CONTRACTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def is_derived(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is a known word with a productive prefix or suffix.

    Stems must be long (``_MIN_STEM`` letters) and common, and a silent ``e`` is restored only
    before a suffix that starts with a vowel ("validator", but not "managment").
    """
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            stem = word[: -len(suffix)]
            if suffix[0] in "aeiou":
                # before a vowel the silent e goes ("debatable"), except after c or g before a or o
                # ("changeable"), so "debateable" and "interchangable" are not derived forms
                soft = stem[-1] in "cg" and suffix[0] in "ao"
                if stem.endswith("e") and not stem.endswith("ee") and not (soft and stem[-2:-1] in "cg"):
                    continue
                if soft and not stem.endswith("e"):
                    continue
                if _known_stem(stem, lexicon) or _known_stem(stem + "e", lexicon):
                    return True
                if stem.endswith("i") and _known_stem(stem[:-1] + "y", lexicon):
                    return True
            elif _known_stem(stem, lexicon):
                return True
    if word.endswith("ally") and len(word) > 9 and word[:-4].endswith("ic") and _known_stem(word[:-4], lexicon):
        return True  # "unapologetically": -ally only after -ic
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            rest = word[len(prefix) :].lstrip("-")
            if _known_stem(rest, lexicon):
                return True
    return False


def is_plural(word: str, lexicon: Lexicon) -> bool:
    """A regular plural of a common known word: "literatures", "toolkits" (not "lates")."""
    if word.endswith("ies") and _known_stem(word[:-3] + "y", lexicon):
        return True
    if word.endswith(("ses", "xes", "zes", "ches", "shes")) and _known_stem(word[:-2], lexicon):
        return True
    return word.endswith("s") and not word.endswith("ss") and _known_stem(word[:-1], lexicon)


def inflections_of(word: str, stems: Container[str]) -> bool:
    """Whether ``word`` is a regular inflection (-s, -ed, -ing, -er) of one of ``stems``."""
    for ending in INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if stem in stems or stem + "e" in stems or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in stems):
                return True
            if stem.endswith("i") and stem[:-1] + "y" in stems:
                return True
    return False


def american_spelling(word: str) -> Iterator[str]:
    """American forms of a British spelling, one change at a time."""
    for match in _BRITISH_OUR.finditer(word):
        yield word[: match.start()] + "or" + word[match.end() :]
    for british, american in _BRITISH:
        index = word.find(british)
        while index >= 0:
            yield word[:index] + american + word[index + len(british) :]
            index = word.find(british, index + 1)


def _known_stem(stem: str, lexicon: Lexicon) -> bool:
    return len(stem) >= _MIN_STEM and lexicon.count(stem) >= _MIN_STEM_COUNT
