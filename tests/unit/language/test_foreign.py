"""Telling a stretch of another language from English, jargon included."""

from __future__ import annotations

import re

import pytest

from copylint.core.source import Document, Span
from copylint.core.tokens import Tokens
from copylint.language.foreign import around_is_foreign, is_foreign
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)


@pytest.mark.parametrize(
    ("text", "foreign"),
    [
        ("Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim.", True),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.", True),
        ("Nous verrons bien ce que le gouvernement va faire demain.", True),
        ("Der Hund ist nicht sehr gross, aber er ist sehr schnell.", True),
        ("این یک جمله کوتاه به زبان فارسی برای آزمایش است", True),
        ("He used non professional actors in the film.", False),
        # English jargon: unknown words, but no common word of another language among them
        ("Configure kubectl, etcd and nginx via systemd.", False),
        # too few words to tell
        ("Non sequitur.", False),
    ],
)
def test_is_foreign(text: str, foreign: bool) -> None:
    assert is_foreign(re.findall(r"\w+", text)) is foreign


def test_around_a_match_reads_its_neighbours_in_its_block() -> None:
    text = "Excepteur sint occaecat cupidatat non proident, sunt in culpa.\n\nThe non profit sector grew this year."
    view = PLUGINS.format_for("a.txt").build_view(Document("a.txt", text))
    tokens = Tokens(view)
    latin, english = view.text.index("non proident"), view.text.index("non profit")
    assert around_is_foreign(tokens, Span(latin, latin + len("non proident")))
    assert not around_is_foreign(tokens, Span(english, english + len("non profit")))
