"""copylint's findings in LanguageTool's JSON: the ``/v2/check`` and ``/v2/languages`` answers.

Offsets and lengths are UTF-16 code units in the text the request sent (markup included, for
annotated ``data``). A rule id is copylint's own (``repetition.word``), so a client that turns a
rule off sends back an id copylint knows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from copylint._version import __version__
from copylint.core.finding import Category, Finding
from copylint.core.rule import Rule
from copylint.server.annotated import RequestText, Utf16

LANGUAGES: Mapping[str, str] = {
    "en": "English",
    "en-US": "English (US)",
    "en-GB": "English (GB)",
    "en-AU": "English (Australian)",
    "en-CA": "English (Canadian)",
    "en-NZ": "English (New Zealand)",
    "en-ZA": "English (South African)",
}
"""LanguageTool's English codes and names, all checked with the same English rules (a client set to
one of them works unchanged); ``auto`` is read as ``en-US``."""

CONTEXT_CHARS = 40
"""Characters of context on each side of a match, as LanguageTool shows."""

# LanguageTool's issue types (the browser add-on colours misspellings apart) and category ids.
_ISSUE: Mapping[Category, tuple[str, str, str]] = {
    Category.TYPO: ("misspelling", "TYPOS", "Possible Typo"),
    Category.REAL_WORD: ("misspelling", "CONFUSED_WORDS", "Commonly Confused Words"),
    Category.REPETITION: ("duplication", "REDUNDANCY", "Redundant Phrases"),
    Category.PUNCTUATION: ("typographical", "PUNCTUATION", "Punctuation"),
    Category.INVISIBLE: ("whitespace", "TYPOGRAPHY", "Typography"),
    Category.SPAM: ("non-conformance", "SPAM", "Spam Links"),
    Category.GRAMMAR: ("grammar", "GRAMMAR", "Grammar"),
    Category.STYLE: ("style", "STYLE", "Style"),
}
_SENTENCE_END = re.compile(r"[.!?]['\"’”)\]]*\s+|\n\s*\n")


def software() -> dict[str, Any]:
    return {
        "name": "copylint",
        "version": __version__,
        "buildDate": "",
        "apiVersion": 1,
        "premium": False,
        "status": "",
    }


def languages() -> list[dict[str, str]]:
    """``GET /v2/languages``: name, short code and long code of each language."""
    return [{"name": name, "code": code.split("-")[0], "longCode": code} for code, name in LANGUAGES.items()]


def check_answer(
    language: str, text: RequestText, findings: Sequence[Finding], rules: Mapping[str, type[Rule]]
) -> dict[str, Any]:
    """The ``/v2/check`` answer for ``findings`` in ``text``, checked as ``language``."""
    code = "en-US" if language == "auto" else language
    named = {"name": LANGUAGES[code], "code": code}
    units = Utf16(text.original)
    return {
        "software": software(),
        "warnings": {"incompleteResults": False},
        "language": {**named, "detectedLanguage": {**named, "confidence": 1.0}},
        "matches": [_match(finding, text, units, rules.get(finding.rule)) for finding in findings],
    }


def _match(finding: Finding, text: RequestText, units: Utf16, rule: type[Rule] | None) -> dict[str, Any]:
    start, end = text.original_span(finding.span.start, finding.span.end)
    offset = units(start)
    issue, category_id, category_name = _ISSUE.get(finding.category, ("uncategorized", "MISC", "Miscellaneous"))
    return {
        "message": finding.message,
        "shortMessage": category_name,
        "replacements": [{"value": value} for value in finding.suggestions],
        "offset": offset,
        "length": units(end) - offset,
        "context": _context(text.original, start, end),
        "sentence": _sentence(text.plain, finding.span.start, finding.span.end),
        "type": {"typeName": "UnknownWord" if finding.category is Category.TYPO else "Other"},
        "rule": {
            "id": finding.rule,
            "description": rule.summary() if rule is not None else finding.message,
            "issueType": issue,
            "category": {"id": category_id, "name": category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _context(original: str, start: int, end: int) -> dict[str, Any]:
    """The match with up to :data:`CONTEXT_CHARS` either side, line breaks as spaces, ``...``
    where cut; offset and length in UTF-16 units, as the match's own."""
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(original), end + CONTEXT_CHARS)
    before = ("..." if left else "") + original[left:start]
    shown = before + original[start:right] + ("..." if right < len(original) else "")
    units = Utf16(shown)
    return {
        "text": shown.replace("\r", " ").replace("\n", " "),
        "offset": units(len(before)),
        "length": units(len(before) + end - start) - units(len(before)),
    }


def _sentence(plain: str, start: int, end: int) -> str:
    """The sentence around the plain span: from the last sentence end before it to the next one after."""
    begin = 0
    for found in _SENTENCE_END.finditer(plain, 0, start):
        begin = found.end()
    after = _SENTENCE_END.search(plain, end)
    return plain[begin : after.start() + 1 if after else len(plain)].strip()
