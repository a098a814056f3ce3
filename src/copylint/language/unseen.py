"""Words never seen after a possessive or a contraction in openly licensed prose, though common
after its partner: "eyes" after "its" but never after "it's" (nor "it is"), "a" after "you're"
but never after "your". Learnt by ``scripts/build_unseen_after.py`` and shipped as
``data/language/unseen-after.tsv``.

A listing says only "unseen": the rules read it together with the word classes, so that "it's
eyes" (a noun no predicate starts with) is reported and "it's tools" is not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from copylint.store.shipped import data_lines


@dataclass(frozen=True)
class UnseenAfter:
    """For (written, other): the words never seen after ``written`` though expected there."""

    table: Mapping[tuple[str, str], frozenset[str]]

    def listed(self, written: str, other: str, following: str) -> bool:
        """Whether ``following`` (lower case, straight apostrophe) never follows ``written``
        though it often follows ``other``."""
        found = self.table.get((written, other))
        return found is not None and following in found


@lru_cache(maxsize=1)
def load_unseen_after() -> UnseenAfter:
    """The shipped table (a few thousand words; parsed once per process)."""
    table: dict[tuple[str, str], frozenset[str]] = {}
    for line in data_lines("language/unseen-after.tsv"):
        if line.startswith("#") or not line.strip():
            continue
        written, other, _, words = line.split("\t")
        table[(written, other)] = frozenset(words.split())
    return UnseenAfter(table)
