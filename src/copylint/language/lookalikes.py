"""Cyrillic and Greek letters drawn like Latin ones ("а" U+0430 for "a"): the raw material of
lookalike words and domains ("раypal"). One table, shared by the invisible-characters rule
(words that mix scripts) and the spam rule (domains that imitate a brand)."""

from __future__ import annotations

LOOKALIKES = {
    "а": "a", "в": "B", "е": "e", "к": "k", "м": "M", "н": "H", "о": "o", "р": "p", "с": "c", "т": "T",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip
"""Each look-alike letter and the Latin letter it imitates (case kept: "в" looks like "B")."""

_TO_LATIN = str.maketrans(LOOKALIKES)


def to_latin(text: str) -> str:
    """``text`` with every look-alike letter replaced by the Latin one it imitates."""
    return text.translate(_TO_LATIN)
