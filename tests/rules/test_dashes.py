"""The dash-spacing rule's string search finds what its original patterns found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from copylint.rules.style import _closed, _non_overlapping, _spaced

SPACED = re.compile(r"(?<=\S) — (?=\S)")
CLOSED = re.compile(r"(?<=[^\s—])—(?=[^\s—])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=[" ", "—", "a", "\n", "\u00a0", "\u2003", "-"], max_size=30))
def test_dash_search_equals_the_patterns(text: str) -> None:
    assert [(s.start, s.end) for s in _non_overlapping(_spaced(text))] == [m.span() for m in SPACED.finditer(text)]
    assert [(s.start, s.end) for s in _closed(text)] == [m.span() for m in CLOSED.finditer(text)]
