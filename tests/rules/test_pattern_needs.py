"""A punctuation rule skips a text that holds none of its ``needs``: check that no text without
them has a match (so the shortcut never loses a finding)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copylint.rules import punctuation
from copylint.rules.punctuation.marks import PatternRule

RULES = [rule for rule in vars(punctuation).values() if isinstance(rule, type) and getattr(rule, "needs", ())]
PIECES = [*"aeEgGiIoO5 .,;:?!/\\\t\n()[]$€£¥'\"”\u00a0", "word", "clock", " ", " "]


def test_the_rules_with_a_shortcut() -> None:
    assert {rule.id for rule in RULES} == {
        "punctuation.stray-slash",
        "punctuation.doubled",
        "punctuation.space-before",
        "punctuation.spacing",
        "punctuation.spaced-abbreviation",
    }


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_match_holds_one_of_the_needed_strings(rule: type[PatternRule]) -> None:
    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
    def check(text: str) -> None:
        for match in rule.pattern.finditer(text):
            around = text[max(match.start() - 2, 0) : match.end() + 2]
            assert any(needed in around for needed in rule.needs), (text, match)

    check()
