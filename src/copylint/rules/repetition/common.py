"""What the repetition rules share: the word lists that make a repeat legitimate, and small
text tests. (The quotation index they use is :mod:`copylint.core.quotes`.)

Complexity: O(1) per test.
"""

from __future__ import annotations

from collections.abc import Sequence

from copylint.core.tokens import Word

FRAGMENT_MAX = 12
"""The longest copy, in words, that ``repetition.fragment`` looks for right after itself."""
# Doubles that are grammatical ("she had had enough"), idiomatic ("bye bye", "ha ha") or intensifiers
# ("very very carefully", "many many years").
LEGITIMATE_DOUBLES = frozenset(
    """had can bye blah ha haha no so tut chop knock there now well cha tom yo dum hubba mahi pom tsk
    boo choo sing gee aye wah ta hush night yum yada yadda la da ho ooh oh uh bang tick ding dong din
    ping bla hip tra fa mew you her very really much many""".split()
)
# Idioms of the form "X and X" / "X or X" / "X, X" that are not slips.
IDIOMS = frozenset(
    """more less again over on round through neck by out up down in away back forth far near time
    bit little step inch year years day days week weeks hour hours mile miles minute minutes side
    better worse very ever on-and-on around further farther longer closer faster slower harder higher
    louder bigger smaller deeper wider""".split()
)
FUNCTION_WORDS = frozenset(
    """a an the this that these those it its i me my we us our you your he him his she her they them their
    is are was were be been being am do does did have has had will would shall should can could may might
    must to of in on at by for with from as than then so and or but if when where why how what who which
    not no yes all any some each every both either neither one two three here there now just also very""".split()
)


def spaced(text: str, words: Sequence[Word], start: int, end: int) -> bool:
    """Whether words[start:end] exist and are separated by spaces only."""
    if end > len(words):
        return False
    return all(text[words[i].end : words[i + 1].start].isspace() for i in range(start, end - 1))


LINE_REACH = 500
"""How far :func:`line_around` looks for the ends of a line: a line longer than this on either
side is read only this far, so that a megabyte on one line costs no more per word."""


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the line holding ``[start, end)``, looked for at most
    :data:`LINE_REACH` characters away (then that point stands for the line's end)."""
    low, high = max(start - LINE_REACH, 0), min(end + LINE_REACH, len(text))
    line_end = text.find("\n", end, high)
    return text.rfind("\n", low, start) + 1 or low, high if line_end < 0 else line_end


def one_line(text: str) -> str:
    """``text`` with every run of whitespace made one space, for messages."""
    return " ".join(text.split())
