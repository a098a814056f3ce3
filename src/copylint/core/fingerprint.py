"""Fingerprints of findings that survive edits elsewhere in a file: rule, path, the flagged text,
the nearest word on each side, and which occurrence of that combination it is; never line
numbers."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from copylint.core.finding import FileResult, Finding
from copylint.core.source import SourceLines

_WORD = re.compile(r"\w+")
_CONTEXT = 60


def _key(path: str, document: SourceLines, finding: Finding) -> str:
    """Rule, path, flagged text, and the nearest word on each side within the same line."""
    start, end = finding.span.start, finding.span.end
    line_start, line_end = document.lines_around(start, end)
    text = document.slice(line_start, line_end)
    start, end = start - line_start, end - line_start
    before_words = _WORD.findall(text[max(0, start - _CONTEXT) : start])
    after_words = _WORD.findall(text[end : end + _CONTEXT])
    before = before_words[-1] if before_words else ""
    after = after_words[0] if after_words else ""
    return "\x1f".join((finding.rule, path.replace("\\", "/"), text[start:end], before, after))


def fingerprints(
    results: Iterable[FileResult], path_key: Callable[[str], str] = str
) -> Iterator[tuple[FileResult, Finding, str]]:
    """Each finding with its fingerprint; repeated identical findings are numbered in order.
    ``path_key`` turns a reported path into the stable form fingerprints use."""
    for result in results:
        if result.document is None:
            continue
        seen: Counter[str] = Counter()
        path = path_key(result.path)
        for finding in result.findings:
            key = _key(path, result.document, finding)
            seen[key] += 1
            digest = hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest()[:32]
            yield result, finding, digest
