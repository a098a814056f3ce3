"""The confusion-pair model: its table format, the window the features see, and the shipped pairs."""

from __future__ import annotations

import math

from copylint.core.tokens import WORD_PATTERN, Word
from copylint.language.confusion import (
    BREAK,
    SENTENCE,
    features,
    following_kind,
    load_confusion_model,
    parse,
    window,
)
from copylint.store.shipped import data_lines


def _words(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in WORD_PATTERN.finditer(text)]


def test_a_table_reads_into_pairs_with_margins_per_direction() -> None:
    model = parse(
        [
            "# comment",
            "pair\tthan/then\tknown\t2.5,inf\t-0.25",
            "-1=more\t-3.5",
            "+1=we\t1.25",
            "pair\tits/it's\tapostrophe\tinf,3.0\t0.5",
            "+1=own\t-2.0",
            "-1+1=on|own\t-4.0",
            "after\tthen\t-1,8",
        ]
    )
    than_then, its = model.pairs
    assert than_then.words == ("than", "then")
    assert than_then.margins == (2.5, math.inf)
    # a word is looked at only where its direction has a margin
    assert model.by_word["than"] == ((0, 0),) and model.by_word["it's"] == ((1, 1),)
    assert "then" not in model.by_word and "its" not in model.by_word
    # "then" was seen before a cut and a verb (8) only; a word with no row may stand anywhere
    assert model.may_stand("then", -1) and model.may_stand("then", 8) and not model.may_stand("then", 1)
    assert model.may_stand("than", 1)
    # after "more" the score leans to "than" (negative: the first word); a window that cannot
    # reach the written word's margin, or a word never reported (no margin), is scored -inf
    assert than_then.score(("", "more", "unknown", "")) == -3.75
    assert than_then.toward_other(("", "more", "unknown", ""), 0) == -math.inf
    assert than_then.toward_other(("", "more", "unknown", ""), 1) == -math.inf
    # written "it's" before "own": the score toward "its" is minus the sum (1.5), short of 3.0
    assert its.score(("", "my", "own", "")) == -1.5
    assert its.toward_other(("", "my", "own", ""), 1) == 1.5  # may still reach 3.0: scored in full
    # "on it's own": the pair of neighbours takes it past the margin (0.5 - 2.0 - 4.0 = -5.5)
    assert its.reach == (0.0, 4.0)
    assert its.toward_other(("", "on", "own", ""), 1) == 5.5


def test_scoring_by_template_equals_the_sum_of_the_feature_weights() -> None:
    model = load_confusion_model()
    tables = _raw_weights()
    windows = [
        ("much", "more", "we", "did"),
        (SENTENCE, "", "is", "a"),
        ("", BREAK, "going", "to"),
        ("at", "the", "end", "of"),
        ("rather", "walk", "drive", BREAK),
        ("they", "left", "bags", "by"),
    ]
    for pair in model.pairs:
        bias, weights = tables["/".join(pair.words)]
        for around in windows:
            expected = bias + sum(weights.get(feature, 0.0) for feature in features(around))
            assert math.isclose(pair.score(around), expected, abs_tol=1e-9), (pair.words, around)


def _raw_weights() -> dict[str, tuple[float, dict[str, float]]]:
    """Each pair's bias and weights under their feature names, read from the shipped table."""
    found: dict[str, tuple[float, dict[str, float]]] = {}
    weights: dict[str, float] = {}
    for line in data_lines("language/confusion-model.tsv.gz"):
        if line.startswith("pair\t"):
            fields = line.split("\t")
            weights = {}
            found[fields[1]] = (float(fields[4]), weights)
        elif not line.startswith("after\t"):
            feature, _, weight = line.rpartition("\t")
            weights[feature] = float(weight)
    return found


def test_the_window_stops_at_punctuation_and_the_sentence_start() -> None:
    text = "Faster, then slower than before. Their car"
    words = _words(text)
    then = next(k for k, w in enumerate(words) if w.text == "then")
    assert window(text, words, [w.text.lower() for w in words], then, False) == ("", BREAK, "slower", "than")
    their = next(k for k, w in enumerate(words) if w.text == "Their")
    assert window(text, words, [w.text.lower() for w in words], their, True) == ("", SENTENCE, "car", BREAK)


def test_features_never_include_the_word_itself() -> None:
    found = features(("much", "more", "we", "did"))
    assert "-1=more" in found and "+1+2=we|did" in found and "comparative" in found
    assert not any(feature.endswith("=than") or feature.endswith("=then") for feature in found)


def test_too_is_weighed_only_where_it_could_stand() -> None:
    model = load_confusion_model()
    assert model.may_stand("too", following_kind("late")) and model.may_stand("too", following_kind(BREAK))
    assert not model.may_stand("too", following_kind("the"))


def test_the_shipped_model_covers_the_core_confusions() -> None:
    model = load_confusion_model()
    for word in ("than", "then", "their", "there", "its", "it's", "your", "you're"):
        assert word in model.by_word, word
    for pair in model.pairs:
        assert all(margin > 0 for margin in pair.margins) and not all(map(math.isinf, pair.margins))
    for word, places in model.by_word.items():
        assert all(not math.isinf(model.pairs[number].margins[side]) for number, side in places), word
