"""Repetition: words, phrases, fragments and sentences typed twice, one rule a module."""

from __future__ import annotations

from copylint.rules.repetition.fragments import RepeatedFragment
from copylint.rules.repetition.phrases import DoubledPhrase
from copylint.rules.repetition.sentences import RepeatedSentence
from copylint.rules.repetition.words import DoubledWord

__all__ = ["DoubledPhrase", "DoubledWord", "RepeatedFragment", "RepeatedSentence"]
