"""The word-class lexicon: the classes context rules rely on, read from the shipped table."""

from __future__ import annotations

from copylint.language.wordclass import NONE, WordClass, load_word_classes

CLASSES = load_word_classes()


def test_the_classes_confusion_rules_ask_about() -> None:
    assert CLASSES.can_be("better", WordClass.COMPARATIVE)
    assert CLASSES.can_be("happier", WordClass.COMPARATIVE)
    assert not CLASSES.can_be("then", WordClass.COMPARATIVE)
    assert CLASSES.of("its") & WordClass.POSSESSIVE
    assert CLASSES.of("your") == WordClass.POSSESSIVE
    assert CLASSES.can_be("running", WordClass.GERUND)
    assert CLASSES.can_be("led", WordClass.PAST_PARTICIPLE) and not CLASSES.can_be("lead", WordClass.PAST)
    assert CLASSES.can_be("could", WordClass.AUXILIARY)
    assert CLASSES.can_be("cats", WordClass.PLURAL_NOUN)
    assert CLASSES.can_be("walked", WordClass.PAST)


def test_unknown_forms_have_no_class() -> None:
    assert CLASSES.of("zorblaxing") is NONE
