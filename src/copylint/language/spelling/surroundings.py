"""Where a word sits in its document's prose, as evidence about it: inside a hyphenated run,
glued to an editorial bracket, inside a quotation, marked as elided, or also present outside the
prose (in code, a URL, markup). Each reads the prose view at offsets the tokens already hold."""

from __future__ import annotations

import re

from copylint.core.prose import HEADING_SCOPES
from copylint.core.source import Document
from copylint.core.tokens import Tokens, Word
from copylint.language.spelling.morphology import normalise, strip_clitic

_APOSTROPHES = ("'", "’")
_IDENTIFIER_BEFORE = frozenset("/\\_.@#$<")
_IDENTIFIER_AFTER = frozenset("/\\_(<")


def in_compound(text: str, word: Word) -> bool:
    """Whether a hyphen joins the word to a neighbour ("add-ons")."""
    return (word.start > 0 and text[word.start - 1] == "-") or (word.end < len(text) and text[word.end] == "-")


def hyphenated_run(text: str, word: Word) -> str:
    """The run of letters and hyphens the word is part of ("beauti--FUL" for "beauti")."""
    start, end = word.start, word.end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
        start -= 1
    while end < len(text) and (text[end].isalpha() or text[end] == "-"):
        end += 1
    return text[start:end]


def neighbour_part(text: str, word: Word, look_left: bool) -> str:
    """The compound's part on the other side of the hyphen before (or after) the word."""
    if look_left:
        end = word.start - 1
        start = end
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    else:
        start = word.end + 1
        end = start
        while end < len(text) and text[end].isalpha():
            end += 1
    return text[start:end]


def in_identifier(text: str, word: Word) -> bool:
    """Whether the word is part of a file name, path, handle or code-like name ("color.js", "_center")."""
    before = text[word.start - 1] if word.start > 0 else ""
    after = text[word.end] if word.end < len(text) else ""
    following = text[word.end + 1] if word.end + 1 < len(text) else ""
    return before in _IDENTIFIER_BEFORE or after in _IDENTIFIER_AFTER or (after == "." and following.isalnum())


def glued_to_bracket(text: str, word: Word) -> bool:
    """An editorial alteration in a quotation: "[O]ver", "alter[ed]"."""
    return (word.start > 0 and text[word.start - 1] == "]") or (word.end < len(text) and text[word.end] == "[")


def elided(text: str, word: Word) -> bool:
    """Letters left out and marked with an apostrophe: "nat'ral", "reg'lar", "learnin'"."""
    lower = normalise(word.text)
    if any(mark in word.text[1:-1] for mark in _APOSTROPHES) and strip_clitic(lower) == lower:
        return True
    after = text[word.end : word.end + 1]
    return after in _APOSTROPHES and not lower.endswith("s") and not text[word.end + 1 : word.end + 2].isalpha()


def before_capitalised(tokens: Tokens, index: int) -> bool:
    """Whether the next word, one space on, is capitalised: "Ventera Corporation" (not in a
    heading, where title case capitalises every word)."""
    words = tokens.words
    if index + 1 >= len(words) or tokens.view.scope_at(words[index].start) in HEADING_SCOPES:
        return False
    gap = tokens.view.text[words[index].end : words[index + 1].start]
    return gap == " " and words[index + 1].text[:1].isupper()


class OutsideProse:
    """Which words a document also writes outside its prose: in code ("the `oracledb`
    container"), a URL ("[pylint](http://www.pylint.org/)") or markup. A form is counted in the
    source and in the prose (each lower-cased once, when first asked: only documents with unknown
    words ask); more in the source means it is also outside the prose."""

    def __init__(self, document: Document, tokens: Tokens) -> None:
        text = document.text
        front = tokens.view.front_matter
        if front is not None:
            text = text[: front.start] + text[front.end :]  # a title there is prose
        self._source = text.lower()
        self._prose = tokens.view.text.lower()
        self._answers: dict[str, bool] = {}

    def __contains__(self, form: object) -> bool:
        if not isinstance(form, str):
            return False
        known = self._answers.get(form)
        if known is None:
            known = self._answers[form] = self._outside(form)
        return known

    def _outside(self, form: str) -> bool:
        if self._source.count(form) <= self._prose.count(form):
            return False  # the common answer, from two fast substring counts
        whole = re.compile(rf"(?<![^\W\d_]){re.escape(form)}(?![^\W\d_])")  # not inside a longer word
        return len(whole.findall(self._source)) > len(whole.findall(self._prose))
