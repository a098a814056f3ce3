"""Systematic respellings: a document that writes several words the same wrong way on purpose.

Eye dialect respells words by a rule ("wery", "wital", "conwenient", "dewelop" all write w for v;
"goin", "havin", "keepin" all drop a final g). A typist's slips are not systematic: three unknown
words of one document that one and the same single edit turns into known words are a respelling
the writer chose, and none of them is a warning.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Protocol

MIN_RESPELLED = 3
"""How many distinct words must share one edit for it to be a respelling."""


class _Correction(Protocol):
    @property
    def word(self) -> str: ...


def respelled_forms(corrections: Mapping[str, Sequence[_Correction]]) -> frozenset[str]:
    """The forms (keys of ``corrections``, each with its ranked corrections) that share a single
    edit with at least :data:`MIN_RESPELLED` - 1 other forms."""
    forms_by_edit: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for form, ranked in corrections.items():
        for candidate in ranked:
            edit = single_edit(form, candidate.word)
            if edit is not None:
                forms_by_edit[edit].add(form)
    return frozenset(form for forms in forms_by_edit.values() if len(forms) >= MIN_RESPELLED for form in forms)


def single_edit(written: str, meant: str) -> tuple[str, str, str] | None:
    """The one edit that turns ``meant`` into ``written``, as (what was meant, what was written,
    where: ``end`` or ``inside``), or None when they differ by more (or not at all)."""
    if written == meant:
        return None
    length = min(len(written), len(meant))
    start = 0
    while start < length and written[start] == meant[start]:
        start += 1
    end_written, end_meant = len(written), len(meant)
    while end_written > start and end_meant > start and written[end_written - 1] == meant[end_meant - 1]:
        end_written -= 1
        end_meant -= 1
    wrote, meant_part = written[start:end_written], meant[start:end_meant]
    if len(wrote) > 1 or len(meant_part) > 1:
        return None
    where = "end" if end_meant == len(meant) and end_written == len(written) else "inside"
    return meant_part, wrote, where
