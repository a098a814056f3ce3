"""Findings, fixes and per-file results: plain frozen data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from copylint.core.source import SourceLines, Span


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(StrEnum):
    TYPO = "typo"
    REAL_WORD = "real-word"
    REPETITION = "repetition"
    PUNCTUATION = "punctuation"
    INVISIBLE = "invisible"
    SPAM = "spam"
    GRAMMAR = "grammar"
    STYLE = "style"


class Applicability(StrEnum):
    """How a fix may be applied: ``safe`` by ``copylint fix``, ``unsafe`` only when asked, or never."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the source text in ``span`` with ``replacement`` (``""`` deletes)."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Non-overlapping edits, sorted by position, applied together or not at all."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    title: str = ""

    def __post_init__(self) -> None:
        if not self.edits:
            raise ValueError("a fix needs at least one edit")
        for before, after in zip(self.edits, self.edits[1:], strict=False):
            if after.span.start < before.span.end or (
                after.span.start == before.span.start and after.span == before.span
            ):
                raise ValueError("fix edits must be sorted and must not overlap")

    @property
    def span(self) -> Span:
        return Span(self.edits[0].span.start, self.edits[-1].span.end)

    def apply_within(self, text: str, span: Span) -> str:
        """The text of ``span`` after applying this fix's edits that lie inside it."""
        pieces: list[str] = []
        position = span.start
        for edit in self.edits:
            if edit.span.start < span.start or edit.span.end > span.end:
                continue
            pieces.append(text[position : edit.span.start])
            pieces.append(edit.replacement)
            position = edit.span.end
        pieces.append(text[position : span.end])
        return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at a source span. Reporters compute lines and columns from the document."""

    rule: str
    category: Category
    severity: Severity
    span: Span
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    def at(self, span: Span) -> Finding:
        """The same finding reported at another source span."""
        return replace(self, span=span)

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.span.start, self.span.end, self.rule, self.message)

    def to_data(self) -> list[Any]:
        """Plain JSON-ready data (for the result cache: data only, never code)."""
        fix = None
        if self.fix is not None:
            edits = [[edit.span.start, edit.span.end, edit.replacement] for edit in self.fix.edits]
            fix = [edits, self.fix.applicability.value, self.fix.title]
        span = [self.span.start, self.span.end]
        return [self.rule, self.category.value, self.severity.value, span, self.message, list(self.suggestions), fix]

    @classmethod
    def from_data(cls, data: list[Any]) -> Finding:
        """The inverse of :meth:`to_data`; raises ``ValueError``/``TypeError`` on anything else."""
        rule, category, severity, (start, end), message, suggestions, fix = data
        made_fix = None
        if fix is not None:
            edits, applicability, title = fix
            made_fix = Fix(
                tuple(Edit(Span(int(a), int(b)), str(text)) for a, b, text in edits),
                Applicability(applicability),
                str(title),
            )
        return cls(
            str(rule), Category(category), Severity(severity), Span(int(start), int(end)), str(message),
            tuple(str(item) for item in suggestions), made_fix,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class FileResult:
    """What linting one file produced: its document and findings, or the error that stopped it."""

    path: str
    document: SourceLines | None
    findings: tuple[Finding, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class RunResult:
    """Every file's result, sorted by path, and notes for the user about the run as a whole."""

    files: tuple[FileResult, ...]
    notes: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[FileResult, ...]:
        return tuple(result for result in self.files if result.error)

    @property
    def checked(self) -> tuple[FileResult, ...]:
        """Files that were read and linted (a clean file's result keeps no document: see :func:`slim`)."""
        return tuple(result for result in self.files if result.document is not None or result.error is None)

    def findings_at_or_above(self, level: Severity) -> int:
        return sum(1 for result in self.files for finding in result.findings if finding.severity.rank >= level.rank)

    def summary(self) -> dict[str, object]:
        severities = Counter(f.severity.value for r in self.files for f in r.findings)
        categories = Counter(f.category.value for r in self.files for f in r.findings)
        return {
            "findings": sum(severities.values()),
            "by_severity": {severity.value: severities.get(severity.value, 0) for severity in reversed(Severity)},
            "by_category": {
                category.value: categories[category.value] for category in Category if categories[category.value]
            },
            "files_checked": len(self.checked),
            "files_with_findings": sum(1 for result in self.files if result.findings),
            "files_with_errors": [{"path": result.path, "message": result.error} for result in self.errors],
        }
