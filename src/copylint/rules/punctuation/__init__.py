"""Punctuation: stray slashes, doubled marks, spacing around punctuation, quotes and brackets."""

from __future__ import annotations

from copylint.rules.punctuation.brackets import UnbalancedBrackets
from copylint.rules.punctuation.marks import DoubledPunctuation, SpacedAbbreviation, StraySlash
from copylint.rules.punctuation.quotes import Quotes
from copylint.rules.punctuation.spacing import MissingSpaceAfter, SpaceBeforePunctuation, SpacingInside

__all__ = [
    "DoubledPunctuation",
    "MissingSpaceAfter",
    "Quotes",
    "SpaceBeforePunctuation",
    "SpacedAbbreviation",
    "SpacingInside",
    "StraySlash",
    "UnbalancedBrackets",
]
