"""Applying fixes: sort, skip any fix that overlaps one already applied, rebuild from slices, and
repeat until the text stops changing (bounded). Pure: text in, text out (writing files is
:mod:`copylint.run.fixing`'s job).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from copylint.core.finding import Applicability, Finding, Fix
from copylint.core.source import Document

MAX_PASSES = 10


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


def applicable(finding: Finding, unsafe: bool) -> bool:
    """Whether ``copylint fix`` may apply this finding's fix."""
    if finding.fix is None:
        return False
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    return finding.fix.applicability in allowed


@dataclass(frozen=True)
class FixOutcome:
    """The text before and after fixing one document, and how many fixes went in."""

    original: Document
    text: str
    applied: int

    @property
    def changed(self) -> bool:
        return self.text != self.original.text


def fix_document(document: Document, lint: Callable[[Document], Iterable[Finding]], unsafe: bool = False) -> FixOutcome:
    """Fix ``document`` until a pass applies nothing or ``MAX_PASSES`` is reached."""
    current = document
    total = 0
    for _ in range(MAX_PASSES):
        fixes = [finding.fix for finding in lint(current) if applicable(finding, unsafe) and finding.fix]
        if not fixes:
            break
        text, applied = apply_fixes(current.text, fixes)
        if applied == 0 or text == current.text:
            break
        total += applied
        current = dataclasses.replace(document, text=text)
    return FixOutcome(document, current.text, total)
