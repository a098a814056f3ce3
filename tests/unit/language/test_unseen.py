"""The shipped table of words never seen after a possessive or a contraction."""

from __future__ import annotations

from copylint.language.unseen import load_unseen_after


def test_every_set_is_listed_both_ways() -> None:
    table = load_unseen_after().table
    for possessive, contraction in (("its", "it's"), ("your", "you're"), ("their", "they're"), ("whose", "who's")):
        assert table[(possessive, contraction)], possessive
        assert table[(contraction, possessive)], contraction


def test_a_word_is_never_unseen_after_both_words_of_a_set() -> None:
    # a word is listed after one word only because the other is often seen before it
    table = load_unseen_after().table
    for (written, other), words in table.items():
        assert not words & table[(other, written)], (written, other)


def test_listed_reads_straight_lower_case_forms() -> None:
    unseen = load_unseen_after()
    assert unseen.listed("its", "it's", "the")  # "its the": never a possessive
    assert not unseen.listed("its", "it's", "own")  # "its own" is everywhere
    assert not unseen.listed("it's", "its", "time")  # "it is time" is common too
    assert not unseen.listed("no", "such", "pair")
