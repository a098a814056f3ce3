"""``repetition.word``: the same word typed twice in a row ("the the").

Complexity: O(words); only a word whose next word has the same form is looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Word
from copylint.rules.repetition.common import FUNCTION_WORDS, LEGITIMATE_DOUBLES, line_around

# "that that" is grammatical when the second is a pronoun ("he said that that was fine"), not when
# a noun phrase follows ("confident that that this will work").
_NOT_AFTER_THAT_THAT = frozenset(
    "the a an this these those their his its our my your we i you they he she it there".split()
)
# "is is" is grammatical after "it", "what" or "whatever" ("what it is is a mess").
_BEFORE_IS_IS = frozenset({"it", "what", "whatever"})
# Names that are also words: "Will will wait", "May may come".
_NAME_HOMOGRAPHS = frozenset("will may mark bill rob pat sue grant hope joy rose june art frank jack bob".split())
_OPENING_QUOTES = "\"'“‘«"
_QUOTED_EXAMPLE = 8
"""A quotation of this many words or fewer, on one line, that holds a doubled word quotes an example."""


class DoubledWord(Rule):
    """A word typed twice in a row: "a a fantasy", "the the".

    What it does: flags two identical words (ignoring case) separated only by whitespace, even
    across a line break or inline markup ("the *the*"). It never looks across a sentence end (a
    full stop, a question or exclamation mark, a colon before a capital), a paragraph, heading or
    table cell boundary, or a hard line break.

    Why: a doubled word is one of the commonest slips in edited copy, and the eye skips it.

    Across a comma, a semicolon or a colon before a small letter it reports only words that
    cannot end a clause ("the, the", "and, and"), and only where no markup sits between them.

    Stays quiet on grammatical doubles ("she had had enough", "he said that that was fine", "what
    it is is"), reduplicated interjections and intensifiers ("bye bye", "very very"), emphatic
    doubles in quotes ("done done") or in threes, a slip quoted as an example ("we want to to
    go" in a short quotation), a word shown in capitals and small letters ("ABC abc"), numbers,
    doubled capitalised names ("Walla Walla") except at the start of a sentence ("The The"), a
    capitalised name followed by the common word ("the Getting Started Notebook notebook"), and a line
    that starts with a capital after a line break: a name used as a heading, then as the first
    word of the next sentence ("[Parser](…)⏎Parser is a library").

    "in in" and "on on" are reported at info: a phrasal verb's particle is often followed by the
    same preposition ("hand the forms in in the morning", "log in in the browser").

    Example: "a a fantasy" becomes "a fantasy".

    Fix safety: unsafe. The fix deletes the second copy and the space before it; the author may
    have meant another word.
    """

    id = "repetition.word"
    category = Category.REPETITION
    default_severity = Severity.ERROR
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        words = ctx.tokens.words
        for index in ctx.tokens.recurring_within(1):
            first, second = words[index], words[index + 1]
            if not _adjacent_copies(text, first, second) or _line_starts_between(ctx, first, second):
                continue
            if _is_legitimate(ctx, words, index) or _is_deliberate(text, words, index):
                continue
            span = Span(first.start, second.end)
            if not text[first.end : second.start].isspace() and not ctx.view.is_verbatim(span, ctx.document):
                continue  # markup between a word and the punctuation: "<H1> and <H3>, and"
            delete = ProseEdit(Span(first.end, second.end), "")
            finding = ctx.finding(
                span,
                f"Doubled word: “{first.text} {second.text}”.",  # noqa: RUF001
                edits=(delete,),
                applicability=Applicability.UNSAFE,
                fix_title=f"Delete the second “{second.text}”",
            )
            yield finding.with_severity(Severity.INFO) if first.text.casefold() in _PARTICLES else finding


# Words that cannot end a clause: "the, the" and "and, and" are slips even across a comma. (Not
# prepositions: "what it is for, for example" and "translations for. For" end a clause with one.)
CANNOT_END = frozenset("the a an and or but nor my your our their its".split())
# Particles of phrasal verbs that are also prepositions, so often doubled on purpose ("log in in").
_PARTICLES = frozenset({"in", "on"})
# A hard line break in the source between the copies: HTML's <br>, two spaces or a backslash at
# the end of a line.
_HARD_BREAK = re.compile(r"<br\b|  \r?\n|\\\r?\n", re.IGNORECASE)


def _adjacent_copies(text: str, first: Word, second: Word) -> bool:
    """Whether ``second`` repeats ``first`` with only space, or clause punctuation after a word
    that cannot end a clause, between them; never across a sentence end."""
    if first.text.casefold() != second.text.casefold():
        return False
    gap = text[first.end : second.start]
    if "\n\n" in gap or not gap:
        return False
    if gap.isspace():
        return True
    mark = gap.strip()
    clause = mark in (",", ";") or (mark == ":" and not second.text[:1].isupper())
    return clause and first.text.casefold() in CANNOT_END


def _line_starts_between(ctx: RuleContext, first: Word, second: Word) -> bool:
    """Whether a new line starts between the copies: after a hard line break, or with a capital
    after a line break (a name used as a heading, then as the first word of the next sentence)."""
    gap = ctx.view.text[first.end : second.start]
    if "\n" in gap and second.text[:1].isupper():
        return True
    source = ctx.document.text[ctx.view.source_end(first.end) : ctx.view.source_start(second.start)]
    return "\n" in source and bool(_HARD_BREAK.search(source))


def _inside_a_name(ctx: RuleContext, word: Word) -> bool:
    """Whether a capitalised word is part of a name: not a function word, not the first word of
    its sentence or its line ("The the line" at the start of a line is a slip)."""
    text = ctx.view.text
    line_start, _ = line_around(text, word.start, word.end)
    return (
        word.text.casefold() not in FUNCTION_WORDS
        and any(char.isalpha() for char in text[line_start : word.start])
        and not ctx.tokens.starts_sentence(word)
    )


def _is_deliberate(text: str, words: Sequence[Word], index: int) -> bool:
    """Emphatic doubling: a quoted “done done”, or three or more copies (“help help help”); a
    slip quoted as an example ("we want to to go"); a word shown in capitals and small
    letters ("ABC abc")."""
    if words[index].start > 0 and text[words[index].start - 1] in _OPENING_QUOTES:
        return True
    if index > 0 and _adjacent_copies(text, words[index - 1], words[index]):
        return True
    if index + 2 < len(words) and _adjacent_copies(text, words[index + 1], words[index + 2]):
        return True
    first, second = words[index].text, words[index + 1].text
    if len(first) > 1 and first.isupper() and second.islower():
        return True
    return _in_short_quotation(text, words[index].start, words[index + 1].end)


def _in_short_quotation(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies between quotation marks that open and close on its line with
    at most :data:`_QUOTED_EXAMPLE` words between them: an example, not the writer's own words."""
    line_start, line_end = line_around(text, start, end)
    for opening, closing in (('"', '"'), ("“", "”")):
        before, after = text.rfind(opening, line_start, start), text.find(closing, end, line_end)
        if before < 0 or after < 0 or closing in text[before + 1 : start]:
            continue
        if opening == closing and text.count(opening, line_start, before) % 2:
            continue  # that mark closes an earlier quotation
        if len(text[before + 1 : after].split()) <= _QUOTED_EXAMPLE:
            return True
    return False


def _is_legitimate(ctx: RuleContext, words: Sequence[Word], index: int) -> bool:
    first, second = words[index].text, words[index + 1].text
    folded = first.casefold()
    if not any(char.isalpha() for char in first):
        return True
    if first[:1].isupper() and second[:1].isupper():
        # "Walla Walla", "Bora Bora": a doubled name, unless the sentence starts with it ("The The").
        return not ctx.tokens.starts_sentence(words[index])
    if first[:1].isupper() and (folded in _NAME_HOMOGRAPHS or _inside_a_name(ctx, words[index])):
        return True  # "Will will wait"; a name, then the word: "the Getting Started Notebook notebook"
    if folded == "that":
        following = words[index + 2].text.casefold() if index + 2 < len(words) else ""
        return following not in _NOT_AFTER_THAT_THAT
    if folded == "is":
        return index > 0 and words[index - 1].text.casefold() in _BEFORE_IS_IS
    return folded in LEGITIMATE_DOUBLES
