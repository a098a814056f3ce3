"""Project vocabularies: words to accept and words to reject, like Vale's ``accept.txt`` and
``reject.txt``.

Each file has one entry a line; blank lines and lines starting with ``#`` are ignored. An entry is
a word or a regular expression matched against the whole word. An entry in lower case matches
any capitalisation (``kubernetes`` accepts ``Kubernetes``); one with capitals matches exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from copylint.core.errors import CopylintError
from copylint.core.listfiles import read_list_file

_REGEX_CHARS = re.compile(r"[\\^$.|?*+()\[\]{}]")


@dataclass(frozen=True)
class WordList:
    """Compiled entries of one or more word-list files."""

    literals_exact: frozenset[str] = frozenset()
    literals_folded: frozenset[str] = frozenset()
    patterns: tuple[re.Pattern[str], ...] = ()

    def matches(self, word: str) -> bool:
        if word in self.literals_exact or word.lower() in self.literals_folded:
            return True
        return any(pattern.fullmatch(word) for pattern in self.patterns)

    def __bool__(self) -> bool:
        return bool(self.literals_exact or self.literals_folded or self.patterns)

    def identity(self) -> list[object]:
        """The entries as plain sorted data, for a cache key."""
        return [sorted(self.literals_exact), sorted(self.literals_folded), [p.pattern for p in self.patterns]]


def compile_entries(entries: Iterable[str], source: str = "<vocabulary>") -> WordList:
    exact: set[str] = set()
    folded: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for number, raw in enumerate(entries, start=1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        if _REGEX_CHARS.search(entry):
            flags = 0 if any(char.isupper() for char in entry) else re.IGNORECASE
            try:
                patterns.append(re.compile(entry, flags))
            except re.error as exc:
                raise CopylintError(f"{source}:{number}: invalid pattern {entry!r} ({exc})") from None
        elif entry.islower():
            folded.add(entry)
        else:
            exact.add(entry)
    return WordList(frozenset(exact), frozenset(folded), tuple(patterns))


def read_word_lists(paths: Sequence[str]) -> WordList:
    """Read and merge word-list files; a missing or undecodable file is a :class:`CopylintError`."""
    merged = WordList()
    for path in paths:
        part = compile_entries(read_list_file(path, "word list"), path)
        merged = WordList(
            merged.literals_exact | part.literals_exact,
            merged.literals_folded | part.literals_folded,
            merged.patterns + part.patterns,
        )
    return merged


@dataclass(frozen=True)
class Vocabulary:
    """A project's accepted and rejected words."""

    accept: WordList = field(default_factory=WordList)
    reject: WordList = field(default_factory=WordList)
