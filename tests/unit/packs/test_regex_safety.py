"""Rule-pack patterns that could backtrack for ever are refused; ordinary ones pass."""

from __future__ import annotations

import re

import pytest

from copylint.packs.regex_safety import backtracking_risk

CATASTROPHIC = [
    r"(a+)+$",
    r"(\w+\s?)*:",
    r"(.*a){20}",
    r"(?:a|b+)*c",
    r"^(\d+)*$",
    r"(x+x+)+y",
    r"((ab)*)+",
    r"(a|a)*b",
    r"(a|aa)+b",
]
ORDINARY = [
    r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)",  # Vale Microsoft.Acronyms: the space separates the words
    r"(?:[^\s,]+,){1,} \w+ (?:and|or) \w+[.?!]",  # Vale Microsoft.OxfordComma
    r"\bthe\b",
    r"a+b+",
    r"(?:ab)+",
    r"(?>a+)+",  # atomic: never backtracks
    r"(a++)+",  # possessive
    r"[a-z]+(?:-[a-z]+)*",
    r"(?i)\b(?:utili[sz]e|leverage)\b",
    r"(?:ab|cd)+",  # alternatives that start differently
    r"(?:the|this)+",
]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_patterns_are_refused(pattern: str) -> None:
    assert backtracking_risk(pattern) is not None


@pytest.mark.parametrize("pattern", ORDINARY)
def test_ordinary_patterns_pass(pattern: str) -> None:
    assert backtracking_risk(pattern) is None


def test_an_invalid_pattern_raises_re_error() -> None:
    with pytest.raises(re.error):
        backtracking_risk(r"(unclosed")
