"""Spelling data tested like code, and the pieces of the suggestion model."""

from __future__ import annotations

import pytest

from copylint.language.spelling.channel import edit_cost, slip_cost
from copylint.language.spelling.checker import WordClass, classify, classify_by_shape_and_lexicon, shared_suggester
from copylint.language.spelling.lexicon import Lexicon, load_lexicon, modern_words
from copylint.language.spelling.misspellings import known_misspellings
from copylint.language.spelling.morphology import american_spelling, is_derived, strip_clitic
from copylint.language.spelling.realword import (
    NEIGHBOUR_MIN_COUNT,
    confusion_sets,
    load_slip_table,
    slip_index,
)
from copylint.language.spelling.suggest import CHANNEL_WEIGHT, match_case
from copylint.language.spelling.vocabulary import compile_entries
from copylint.store.shipped import data_lines

LEXICON = load_lexicon()
RARE_VARIANT = 50 * 600.0  # pyspellchecker's floor count, scaled: variant spellings it lists


def test_misspelling_list_is_sorted_unique_and_consistent() -> None:
    lines = data_lines("spelling/misspellings.tsv")
    wrongs = [line.split("\t")[0] for line in lines]
    assert wrongs == sorted(wrongs), "keep data/spelling/misspellings.tsv sorted"
    assert len(wrongs) == len(set(wrongs))
    table = known_misspellings()
    for wrong, right in table.items():
        assert wrong != right and wrong == wrong.lower()
        assert right not in table, f"{wrong} -> {right}: the correction is itself listed as a misspelling"
        for part in right.split():
            assert part in LEXICON, f"{wrong} -> {right}: {part!r} is not a known word"
        # a listed misspelling is unknown, or far rarer than its correction (a variant the word
        # lists carry, such as "miniscule"); a real word in its own right does not belong here
        if " " not in right:
            assert LEXICON.count(wrong) * 5 <= LEXICON.count(right), f"{wrong} is a word in its own right"
            assert LEXICON.count(wrong) <= 10 * RARE_VARIANT, f"{wrong} is a common word"


def test_modern_words_and_confusables_are_clean() -> None:
    words = data_lines("spelling/modern-words.txt")
    assert all(word == word.lower() and " " not in word for word in words)
    assert len(words) == len(set(words))
    assert "subreddit" in modern_words()
    for word, others in confusion_sets().items():
        assert word not in others and others
        assert word in LEXICON


def test_lexicon_knows_common_and_rare_words_but_not_misspellings() -> None:
    for word in ("the", "original", "fecund", "oligarchic", "unattainably", "email", "website"):
        assert word in LEXICON, word
    for word in ("orginal", "systams", "conluding", "culminative", "recieve"):
        assert word not in LEXICON, word


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("orginal", WordClass.UNKNOWN),
        ("recieve", WordClass.MISSPELLED),
        ("Recieve", WordClass.MISSPELLED),
        ("original", WordClass.FINE),
        ("NASA", WordClass.FINE),
        ("GitHub", WordClass.FINE),
        ("mp3", WordClass.FINE),
        ("pdf", WordClass.FINE),
        ("Baker’s", WordClass.FINE),
        ("groundedness", WordClass.FINE),
        ("naïve", WordClass.FINE),
        ("colour", WordClass.FINE),
        ("organised", WordClass.FINE),
        ("hashtags", WordClass.FINE),
        ("truely", WordClass.MISSPELLED),
        ("begining", WordClass.MISSPELLED),
    ],
)
def test_word_classification(text: str, kind: WordClass) -> None:
    assert classify(text) is kind


def test_the_short_cut_for_known_words_agrees_with_the_full_decision() -> None:
    # every known misspelling (some are in the word lists), short and code-like words, and a
    # spread of the lexicon: the two-look-up short cut must never change a word's class
    words = sorted(LEXICON.counts)[::10] + sorted(known_misspellings()) + ["a", "an", "pdf", "mp3", "html"]
    assert len(words) > 15_000
    disagreements = [word for word in words if classify(word) is not classify_by_shape_and_lexicon(word)]
    assert disagreements == []


def test_morphology_accepts_productive_forms_but_not_slips() -> None:
    assert is_derived("groundedness", LEXICON)
    assert is_derived("subdomains", LEXICON) or is_derived("subdomain", LEXICON)
    assert not is_derived("truely", LEXICON)
    assert strip_clitic("baker's") == "baker" and strip_clitic("d'etre") == "etre"
    assert "colorful" in set(american_spelling("colourful"))


def test_error_model_prefers_common_slips() -> None:
    # a doubled or dropped letter and a swap cost less than an unrelated substitution
    assert edit_cost("beginning", "begining") < edit_cost("beginning", "bexinning")
    assert edit_cost("receive", "recieve") < edit_cost("receive", "recxive")
    # the first letter is rarely wrong
    assert edit_cost("cat", "bat") > edit_cost("cat", "cot")
    # sound-alikes are closer
    assert slip_cost("juice", "juse") < slip_cost("juice", "jule")
    assert edit_cost("same", "same") == 0


@pytest.mark.parametrize(
    ("typed", "previous", "following", "expected"),
    [
        ("conluding", "ani's", "scenes", "concluding"),
        ("orginal", "the", None, "original"),
        ("systams", "political", None, "systems"),
        ("culminative", "of", "wealth", "cumulative"),
        ("acheive", None, None, "achieve"),
        ("goverment", None, None, "government"),
    ],
)
def test_suggestions_rank_the_intended_word_first(
    typed: str, previous: str | None, following: str | None, expected: str
) -> None:
    ranked = shared_suggester().rank(typed, previous, following)
    assert ranked[0].word == expected
    assert len(ranked) <= 5


@pytest.mark.parametrize(
    ("typed", "previous", "following"),
    [("conluding", "ani's", "scenes"), ("orginal", "the", None), ("acomodation", None, None), ("teh", None, None)],
)
def test_bounded_ranking_equals_scoring_every_candidate(
    typed: str, previous: str | None, following: str | None
) -> None:
    suggester = shared_suggester()
    exhaustive = []
    for order, (candidate, _distance) in enumerate(suggester.nearby(typed)):
        if previous or following:
            prior = suggester.bigrams.context_log_probability(previous, candidate, following)  # type: ignore[union-attr]
        else:
            prior = suggester.lexicon.log_probability(candidate)
        exhaustive.append((-(prior - CHANNEL_WEIGHT * slip_cost(candidate, typed)), order, candidate))
    expected = [candidate for _, _, candidate in sorted(exhaustive)[:5]]
    assert len(suggester.nearby(typed)) > 5
    assert [candidate.word for candidate in suggester.rank(typed, previous, following)] == expected


def test_match_case() -> None:
    assert match_case("Goverment", "government") == "Government"
    assert match_case("NASA", "nasa") == "NASA"
    assert match_case("teh", "the") == "the"


def _slips_of(word: str) -> set[str]:
    """The words ``word`` is a slip of, generated forwards: every letter put back after the first,
    and every swap of two neighbours after the first (the oracle for :func:`slip_index`)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    omitted = {word[:i] + char + word[i:] for i in range(1, len(word) + 1) for char in letters}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    return (omitted | swapped) - {word}


def test_slips_never_touch_the_first_letter() -> None:
    common = NEIGHBOUR_MIN_COUNT
    lexicon = Lexicon(counts={"finding": common, "united": common, "dining": common, "rare": 1.0}, joined_by_start={})
    index = slip_index(lexicon)
    assert index["fining"] == ["finding"] and index["untied"] == ["united"]
    assert "inding" not in index and "ifnding" not in index  # the first letter left out or swapped
    assert not any("rare" in words for words in index.values())  # only common words are proposed


def test_vocabulary_entries() -> None:
    words = compile_entries(["kubernetes", "GraphQL", "v[0-9]+", "# comment", ""])
    assert words.matches("Kubernetes") and words.matches("kubernetes")
    assert words.matches("GraphQL") and not words.matches("graphql")
    assert words.matches("v12") and not words.matches("v12a")


def test_the_slip_index_finds_what_generating_slips_finds() -> None:
    index = slip_index(LEXICON)
    common = {word for word, count in LEXICON.counts.items() if count >= NEIGHBOUR_MIN_COUNT}
    table = load_slip_table()  # the precomputed form the real-word rule uses
    for word in ["fining", "untied", "fro", "wrod", "teh", "fom", "sitll", "becuase", "grammer", "thier"]:
        assert sorted(set(index.get(word, ()))) == sorted(_slips_of(word) & common), word
        assert table.get(word, "").split() == sorted(_slips_of(word) & common), word


@pytest.mark.parametrize("letters", [{"o", "r"}, {"x", ""}, {"a"}, {"é", "e"}, {"'", "s"}, set()])
def test_words_starting_is_every_group_with_one_of_the_letters_first_or_second(letters: set[str]) -> None:
    for length in (1, 2, 5, 9, 30):
        expected = [
            word
            for (first, second), joined in LEXICON.joined_by_start.get(length, {}).items()
            if first in letters or second in letters
            for word in joined.split("\0")
        ]
        assert LEXICON.words_starting(length, letters) == expected
        assert LEXICON.words_starting(length, letters) == expected  # again, from the split groups


def test_real_word_checker_gives_the_same_answers_whatever_it_remembers(monkeypatch: pytest.MonkeyPatch) -> None:
    from copylint.core.source import Document
    from copylint.core.tokens import Tokens
    from copylint.formats.plaintext import PlainTextFormat
    from copylint.language.spelling import realword
    from copylint.language.spelling.realword import RealWordChecker, load_slip_table

    def found(checker: RealWordChecker, text: str) -> list[tuple[str, str]]:
        tokens = Tokens(PlainTextFormat().build_view(Document("a.txt", text)))
        return [(issue.word.text, issue.suggestion) for issue in checker.issues(tokens)]

    suggester = shared_suggester()
    bigrams = suggester.bigrams
    assert bigrams is not None
    first = "It is this quality of fining the universal from the specific."
    second = "The art of fining the universal is old, and the quality of it is fine."

    def fresh() -> RealWordChecker:
        return RealWordChecker(suggester.lexicon, bigrams, load_slip_table())

    expected = [found(fresh(), first), found(fresh(), second)]
    assert ("fining", "finding") in expected[0] and ("fining", "finding") in expected[1]
    remembering = fresh()
    assert [found(remembering, first), found(remembering, second)] == expected  # memo from the first
    monkeypatch.setattr(realword, "_MEMO_LIMIT", 0)  # forget everything before each document
    forgetting = fresh()
    assert [found(forgetting, first), found(forgetting, second)] == expected
