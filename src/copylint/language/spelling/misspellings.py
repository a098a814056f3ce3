"""copylint's own list of common misspellings with one correction each (``data/misspellings.tsv``)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from copylint.store.shipped import data_lines


@lru_cache(maxsize=1)
def known_misspellings() -> Mapping[str, str]:
    """Lower-case misspelling -> its correction."""
    table: dict[str, str] = {}
    for line in data_lines("spelling/misspellings.tsv"):
        wrong, _, right = line.partition("\t")
        table[wrong] = right
    return table
