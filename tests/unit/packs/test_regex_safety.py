"""Rule-pack patterns that could backtrack for ever are refused; ordinary ones pass."""

from __future__ import annotations

import re

import pytest

from copylint.packs.regex_safety import backtracking_risk, in_re_syntax

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


@pytest.mark.parametrize(
    ("pattern", "copy"),
    [
        (r"(?<=\s|^)-\d+", r"(?=\s|^)-\d+"),  # a look-behind of variable width, read as a look-ahead
        (r"(?<!\b(?:a|the)\s+)\d+", r"(?!\b(?:a|the)\s+)\d+"),
        (r"(?<word>\w+) (?P=word)", r"(?P<word>\w+) (?P=word)"),
        (r"\p{Lu}+\P{L}", r"[^\W\d_]+[\s\S]"),
        (r"[\p{N}x(?<=]", r"[\dx(?<=]"),  # inside a class, only the property is rewritten
        (r"\(?<=\)", r"\(?<=\)"),  # escaped: no group at all
    ],
)
def test_regex_package_patterns_are_checked_on_a_copy_of_the_same_shape(pattern: str, copy: str) -> None:
    assert in_re_syntax(pattern) == copy


def test_regex_package_patterns_are_refused_for_the_same_shapes() -> None:
    assert backtracking_risk(r"(?<=\s)(\p{Lu}+\s?)*:", regex_syntax=True) is not None
    assert backtracking_risk(r"(?<=\s)(?:\p{Lu}+\s)+:", regex_syntax=True) is None
    assert "cannot check" in str(backtracking_risk(r"(?|(a)|(b))\1", regex_syntax=True))
