"""A tree's style sheet: the words ``spelling.typo`` reported, gathered by word across every file,
and the accept list made of those that are not likely typos.

Built on the rule's findings only (their span, severity and suggestions), not on how the checker
decides, so that it follows whatever severity policy the rule has: a word is a likely typo when
any of its findings is an error or a warning, and a candidate for the accept list when all of
them are info.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from copylint.core.finding import RunResult, Severity
from copylint.language.spelling.vocabulary import WordList, compile_entries

TYPO_RULE = "spelling.typo"


@dataclass(frozen=True)
class UnknownWord:
    """One word form (case-folded) and every place the rule reported it."""

    spellings: tuple[tuple[str, int], ...]
    """Each spelling seen, with how often: the most common first (the first seen, on a tie)."""
    count: int
    paths: tuple[str, ...]
    """The files it was reported in, sorted."""
    first: tuple[str, int, int]
    """Where it was first reported: path, line and column (1-based, code points)."""
    severity: Severity
    """The highest severity of its findings."""
    suggestion: str | None
    """The rule's first suggestion at its most severe finding (one with the usual spelling if any)."""

    @property
    def text(self) -> str:
        """The spelling to show: the most common."""
        return self.spellings[0][0]

    @property
    def likely_typo(self) -> bool:
        return self.severity is not Severity.INFO

    def sort_key(self) -> tuple[int, int, str, str]:
        """Likely typos first (errors, then warnings), then by count, most first."""
        return (-self.severity.rank, -self.count, self.text.casefold(), self.text)


@dataclass(frozen=True)
class _Seen:
    spelling: str
    path: str
    line: int
    column: int
    severity: Severity
    suggestion: str | None


def collect_words(run: RunResult) -> list[UnknownWord]:
    """Every word ``spelling.typo`` reported in ``run``, one entry per case-folded form, sorted
    with :meth:`UnknownWord.sort_key`."""
    seen: dict[str, list[_Seen]] = {}
    for result in run.files:
        document = result.document
        if document is None:
            continue
        for finding in result.findings:
            if finding.rule != TYPO_RULE:
                continue
            spelling = document.slice(finding.span.start, finding.span.end)
            position = document.position(finding.span.start)
            suggestion = finding.suggestions[0] if finding.suggestions else None
            seen.setdefault(spelling.casefold(), []).append(
                _Seen(spelling, result.path, position.line, position.column, finding.severity, suggestion)
            )
    return sorted((_word(places) for places in seen.values()), key=UnknownWord.sort_key)


def _word(places: list[_Seen]) -> UnknownWord:
    spellings = Counter(place.spelling for place in places).most_common()
    severity = max((place.severity for place in places), key=lambda severity: severity.rank)
    most_severe = [place for place in places if place.severity is severity]
    shown = next((place for place in most_severe if place.spelling == spellings[0][0]), most_severe[0])
    first = min(places, key=lambda place: (place.path, place.line, place.column))
    return UnknownWord(
        spellings=tuple(spellings),
        count=len(places),
        paths=tuple(sorted({place.path for place in places})),
        first=(first.path, first.line, first.column),
        severity=severity,
        suggestion=shown.suggestion,
    )


def accept_entries(words: Iterable[UnknownWord], already: WordList | None = None) -> list[str]:
    """The accept-list lines for the words that are not likely typos, sorted, leaving out those
    ``already`` accepts in every spelling seen.

    A word seen in lower case is written in lower case, which accepts every capitalisation; a
    word only ever seen capitalised (a name) is written as seen, which accepts only that. A word
    with characters a word list reads as a regular expression is written escaped."""
    entries: set[str] = set()
    for word in words:
        spellings = [spelling for spelling, _ in word.spellings]
        if word.likely_typo or (already is not None and all(already.matches(s) for s in spellings)):
            continue
        lower = [spelling for spelling in spellings if spelling.islower()]
        entries.update(_entry(spelling) for spelling in (lower[:1] or spellings))
    return sorted(entries, key=lambda entry: (entry.casefold(), entry))


def _entry(spelling: str) -> str:
    """``spelling`` as a word-list line that matches it (and, in lower case, its capitalisations)."""
    return re.escape(spelling) if compile_entries([spelling]).patterns else spelling


def accept_list(made_by: str, entries: Sequence[str]) -> str:
    """A new accept list: a header saying how it was made and that it needs review, then ``entries``."""
    header = (
        "# Words to accept: never reported as misspelled by Copylint. One word a line; a word in lower\n"
        "# case matches any capitalisation, one with capitals matches exactly; lines starting with # are\n"
        "# comments.\n"
        f"# Made by {made_by}.\n"
        "# These are the words spelling.typo reported only as info (names, jargon, rare words), never the\n"
        "# likely typos. A person should review this list before it is committed: delete any misspelling.\n"
    )
    return header + "".join(f"{entry}\n" for entry in entries)


def added_to_list(existing: str, made_by: str, entries: Sequence[str]) -> str:
    """``existing`` (an accept list's text, kept as it is) with ``entries`` added at its end under a
    comment saying how they were made; ``existing`` alone when there is nothing to add."""
    if not entries:
        return existing
    newline = "\r\n" if "\r\n" in existing else "\n"
    if existing and not existing.endswith("\n"):
        existing += newline
    lines = [f"# Added by {made_by}; to review:", *entries]
    return existing + "".join(f"{line}{newline}" for line in lines)
