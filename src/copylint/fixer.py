"""Applying fixes to text: sort, skip any fix that overlaps one already applied, rebuild from slices."""

from __future__ import annotations

from collections.abc import Iterable

from copylint.finding import Fix


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Return ``text`` with the non-overlapping ``fixes`` applied, and how many were applied."""
    pieces: list[str] = []
    position = 0
    applied = 0
    for fix in sorted(fixes, key=lambda f: (f.span.start, f.span.end)):
        if fix.span.start < position:
            continue
        for edit in fix.edits:
            pieces.append(text[position : edit.span.start])
            pieces.append(edit.replacement)
            position = edit.span.end
        applied += 1
    pieces.append(text[position:])
    return "".join(pieces), applied
