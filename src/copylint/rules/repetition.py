"""Repetition: words and phrases typed twice.

Complexity: O(words) per rule. Each word is tried against a bounded window (at most 4 words for
phrases, 12 for fragments) and only where its word recurs inside that window (``Tokens.next_same``);
"is this inside quotation marks?" is a binary search in a per-document index of the marks, never
a scan of the paragraph; sentences are compared by hash, and run-ons over 500 words are skipped.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator, Sequence

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.prose import Scope
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Word

# Doubles that are grammatical ("she had had enough") or idiomatic ("bye bye", "ha ha").
LEGITIMATE_DOUBLES = frozenset(
    """had can bye blah ha haha no so tut chop knock there now well cha tom yo dum hubba mahi pom tsk
    boo choo sing gee aye wah ta hush night yum yada yadda la da ho ooh oh uh bang tick ding dong din
    ping bla hip tra fa mew you her""".split()
)
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


class DoubledWord(Rule):
    """A word typed twice in a row: "a a fantasy", "the the".

    What it does: flags two identical words (ignoring case) separated only by whitespace, even
    across a line break or inline markup ("the *the*"). It never looks across a paragraph,
    heading or table cell boundary.

    Why: a doubled word is one of the commonest slips in edited copy, and the eye skips it.

    Across sentence punctuation it reports only words that cannot end a sentence ("of the. The").

    Stays quiet on grammatical doubles ("she had had enough", "he said that that was fine", "what
    it is is"), reduplicated interjections ("bye bye", "ha ha"), emphatic doubles in quotes ("done
    done") or in threes, numbers, and doubled capitalised names ("Walla Walla") except at the start
    of a sentence ("The The").

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
            if not _adjacent_copies(text, first, second):
                continue
            if _is_legitimate(ctx, words, index) or _is_deliberate(text, words, index):
                continue
            span = Span(first.start, second.end)
            delete = ProseEdit(Span(first.end, second.end), "")
            yield ctx.finding(
                span,
                f"Doubled word: “{first.text} {second.text}”.",  # noqa: RUF001
                edits=(delete,),
                applicability=Applicability.UNSAFE,
                fix_title=f"Delete the second “{second.text}”",
            )


# Words that cannot end a sentence or clause: "of the. The" is a slip even across punctuation.
CANNOT_END = frozenset("the a an of to for with from by and or but nor my your our their its".split())
_CLAUSE_PUNCTUATION = re.compile(r"[ \t]*[.,;:][ \t\n]+")


def _adjacent_copies(text: str, first: Word, second: Word) -> bool:
    if first.text.casefold() != second.text.casefold():
        return False
    gap = text[first.end : second.start]
    if "\n\n" in gap or not gap:
        return False
    if gap.isspace():
        return True
    return first.text.casefold() in CANNOT_END and bool(_CLAUSE_PUNCTUATION.fullmatch(gap))


def _is_deliberate(text: str, words: Sequence[Word], index: int) -> bool:
    """Emphatic doubling: a quoted “done done”, or three or more copies (“help help help”)."""
    if words[index].start > 0 and text[words[index].start - 1] in _OPENING_QUOTES:
        return True
    if index > 0 and _adjacent_copies(text, words[index - 1], words[index]):
        return True
    return index + 2 < len(words) and _adjacent_copies(text, words[index + 1], words[index + 2])


def _is_legitimate(ctx: RuleContext, words: Sequence[Word], index: int) -> bool:
    first, second = words[index].text, words[index + 1].text
    folded = first.casefold()
    if not any(char.isalpha() for char in first):
        return True
    if first[:1].isupper() and second[:1].isupper():
        # "Walla Walla", "Bora Bora": a doubled name, unless the sentence starts with it ("The The").
        return not ctx.tokens.starts_sentence(words[index])
    if first[:1].isupper() and folded in _NAME_HOMOGRAPHS:
        return True
    if folded == "that":
        following = words[index + 2].text.casefold() if index + 2 < len(words) else ""
        return following not in _NOT_AFTER_THAT_THAT
    if folded == "is":
        return index > 0 and words[index - 1].text.casefold() in _BEFORE_IS_IS
    return folded in LEGITIMATE_DOUBLES


# Idioms of the form "X and X" / "X or X" / "X, X" that are not slips.
IDIOMS = frozenset(
    """more less again over on round through neck by out up down in away back forth far near time
    bit little step inch year years day days week weeks hour hours mile miles minute minutes side
    better worse very ever on-and-on around further farther longer closer faster slower harder higher
    louder bigger smaller deeper wider""".split()
)
_INTERJECTIONS = LEGITIMATE_DOUBLES | frozenset(
    "yes no well now there come oh ah go wait please stop run help never so too really much many long far"
    " quick quickly slowly softly gently hush poor dear".split()
)
_MAX_PHRASE = 4


class DoubledPhrase(Rule):
    """A word or phrase repeated around "and", "or" or a comma: "realism and realism".

    What it does: finds X and X, X or X, and X, X where X is one to four words (the same words,
    ignoring case), within one sentence.

    Why: the leftover of an edit ("the realism and realism and authenticity") reads as a
    stutter, and a spelling or doubled-word check cannot see it.

    Stays quiet on idioms ("more and more", "again and again", "over and over", "on and on",
    "through and through", "neck and neck", "by and by", "hours and hours", "very, very"),
    comparatives ("bigger and bigger"), one-word interjections repeated with a comma ("no, no"),
    and anything in quotation marks.

    "X, X" (two to four words) is reported at info: writers repeat on purpose ("look back, look
    back") as often as by mistake.

    Example: "the realism and realism and authenticity" becomes "the realism and authenticity".

    Fix safety: unsafe; the fix deletes the conjunction and the second copy.
    """

    id = "repetition.phrase"
    category = Category.REPETITION
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        words = ctx.tokens.words
        folded = ctx.tokens.folded
        quotes = _quotes(ctx)
        resume = 0
        # a repeated phrase's first word recurs at most one phrase and a conjunction later
        for index in ctx.tokens.recurring_within(_MAX_PHRASE + 1):
            if index < resume:
                continue
            found = self._match(text, words, folded, index, quotes)
            if found is None:
                continue
            size, second = found
            first_copy_end = words[index + size - 1].end
            last = words[second + size - 1]
            copy = text[words[index].start : first_copy_end]
            joiner = text[first_copy_end : words[second].start]
            finding = ctx.finding(
                Span(words[index].start, last.end),
                f"Repeated phrase: “{one_line(copy + joiner + copy)}”.",
                edits=(ProseEdit(Span(first_copy_end, last.end), ""),),
                applicability=Applicability.UNSAFE,
                fix_title="Delete the repeated copy",
            )
            # "X, X" is as often a figure of speech as a slip: reported, but only as info
            yield finding.with_severity(Severity.INFO) if second == index + size else finding
            resume = second + size

    def _match(
        self, text: str, words: Sequence[Word], folded: Sequence[str], index: int, quotes: _Quotes
    ) -> tuple[int, int] | None:
        """(size, start of the second copy) of a repeated phrase starting at ``index``."""
        first = folded[index]
        for size in range(_MAX_PHRASE, 0, -1):
            after = index + size
            if after + size > len(words):
                continue
            # cheap test first: the second copy starts right after, or after "and"/"or"
            if folded[after] != first and not (
                folded[after] in ("and", "or") and after + 1 < len(words) and folded[after + 1] == first
            ):
                continue
            if not _spaced(text, words, index, after):
                continue
            phrase = folded[index:after]
            gap = text[words[after - 1].end : words[after].start]
            second = -1
            if gap.strip() == "," and "\n\n" not in gap:
                second = after
            elif gap.isspace() and "\n\n" not in gap and folded[after] in ("and", "or") and after + 1 < len(words):
                if text[words[after].end : words[after + 1].start].isspace():
                    second = after + 1
            if (
                second < 0
                or folded[second : second + size] != phrase
                or not _spaced(text, words, second, second + size)
            ):
                continue
            if self._legitimate(text, words, folded, index, size, second, quotes):
                continue
            return size, second
        return None

    def _legitimate(
        self,
        text: str,
        words: Sequence[Word],
        folded: Sequence[str],
        index: int,
        size: int,
        second: int,
        quotes: _Quotes,
    ) -> bool:
        end = second + size
        following = folded[end] if end < len(words) else ""
        after_copy = text[words[end - 1].end : words[end].start] if end < len(words) else ""
        if following in ("not", "n't") or after_copy.startswith("-"):
            return True  # "is or is not", "shadow or shadow-mask"
        if index > 0 and folded[index - 1] in ("between", "from", "for", "ever"):
            return True  # "between friend and friend"
        if " ".join(folded[index : index + size]) in _MULTIWORD_IDIOMS:
            return True
        if second == index + size:  # the comma form: "X, X"
            if size == 1 or quotes.in_block(words[index].start):
                return True  # one-word or in dialogue: "no, no", "look back, look back"
            return False
        # the conjunction form: a slip leaves the copy inside a list ("realism and realism and ...")
        if following not in ("and", "or") and not after_copy.strip().startswith(","):
            return True
        if folded[end + 1 : end + 1 + size] == folded[index : index + size]:
            return True  # "look and look and look": deliberate
        word = folded[index]
        if size == 1 and (_idiomatic(word, comma=False) or word in _FUNCTION_WORDS or words[index].text[:1].isupper()):
            return True
        if size == 1 and (word.endswith(("ed", "ing")) or (word.endswith("s") and not word.endswith("ss"))):
            return True  # "turned and turned", "hours and hours"
        return quotes.inside(words[index].start)


_MULTIWORD_IDIOMS = frozenset({"so on", "for ever", "over and over", "again and again", "by and by"})
_FUNCTION_WORDS = frozenset(
    """a an the this that these those it its i me my we us our you your he him his she her they them their
    is are was were be been being am do does did have has had will would shall should can could may might
    must to of in on at by for with from as than then so and or but if when where why how what who which
    not no yes all any some each every both either neither one two three here there now just also very""".split()
)


class _Quotes:
    """Where the quotation marks of a prose text are, by block (blocks end at a blank line), so
    that "is this offset inside quotes?" costs O(log n) instead of a scan of its block."""

    def __init__(self, text: str) -> None:
        self._breaks = [match.start() for match in _BLANK_LINE.finditer(text)]
        self._marks = {mark: [m.start() for m in re.finditer(mark, text)] for mark in ("“", "”", '"', "‘")}

    def _block(self, offset: int) -> tuple[int, int]:
        before = bisect.bisect_right(self._breaks, offset - 2) - 1
        after = bisect.bisect_left(self._breaks, offset)
        start = self._breaks[before] + 2 if before >= 0 else 0
        return start, self._breaks[after] if after < len(self._breaks) else sys.maxsize

    def _count(self, mark: str, start: int, end: int) -> int:
        positions = self._marks[mark]
        return bisect.bisect_left(positions, end) - bisect.bisect_left(positions, start)

    def inside(self, offset: int) -> bool:
        """Whether ``offset`` lies inside double quotation marks opened earlier in its block."""
        start, _ = self._block(offset)
        opened, closed = self._count("“", start, offset), self._count("”", start, offset)
        return opened > closed or self._count('"', start, offset) % 2 == 1

    def in_block(self, offset: int) -> bool:
        """Whether the block around ``offset`` holds any quotation mark (dialogue)."""
        start, end = self._block(offset)
        return any(self._count(mark, start, end) for mark in self._marks)


_BLANK_LINE = re.compile(r"(?=\n\n)")


def _quotes(ctx: RuleContext) -> _Quotes:
    return ctx.shared("repetition.quotes", lambda: _Quotes(ctx.view.text))


def _idiomatic(word: str, comma: bool) -> bool:
    if word in IDIOMS or word in _INTERJECTIONS or word.endswith("er"):
        return True
    return comma and len(word) < 4


def _spaced(text: str, words: Sequence[Word], start: int, end: int) -> bool:
    """Whether words[start:end] exist and are separated by spaces only."""
    if end > len(words):
        return False
    return all(text[words[i].end : words[i + 1].start].isspace() for i in range(start, end - 1))


def one_line(text: str) -> str:
    """``text`` with every run of whitespace made one space, for messages."""
    return " ".join(text.split())


_FRAGMENT_MAX = 12
_SENTENCE_GAP = re.compile(r"[.;:]?[\"”’)]*\s+")


class RepeatedFragment(Rule):
    """Words or a sentence typed twice in a row: "on the on the table", "Vanya’s relatives. Vanya’s relatives."

    What it does: finds two to twelve words repeated right after themselves, separated by spaces
    or by the punctuation that ends the first copy.

    Why: a paste or an undo that went wrong leaves a stutter that no spelling or grammar check
    sees.

    Stays quiet inside quotation marks and after "!" or "?" (dialogue repeats itself on purpose:
    “Come in. Come in.”, “No room! No room!”), on refrains (a third copy), when markup separates
    the copies (an image and its caption), and when the next sentence merely picks the phrase up
    ("read your code. Your code is ...").

    Example: "hatched by Vanya’s relatives. Vanya’s relatives. For" loses the second copy.

    Fix safety: unsafe; the fix deletes the second copy.
    """

    id = "repetition.fragment"
    category = Category.REPETITION
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        words = ctx.tokens.words
        folded = ctx.tokens.folded
        resume = 0
        for index in ctx.tokens.recurring_within(_FRAGMENT_MAX):  # a copy's first word recurs soon
            if index < resume:
                continue
            size = self._repeat_at(ctx, words, folded, index)
            if not size:
                continue
            second = index + size
            first_end = _copy_end(text, words[second - 1].end)
            second_end = _copy_end(text, words[second + size - 1].end)
            if _quotes(ctx).inside(words[index].start):
                resume = second
                continue
            yield ctx.finding(
                Span(words[index].start, second_end),
                f"Repeated text: “{one_line(text[words[index].start : first_end])}” appears twice in a row.",
                edits=(ProseEdit(Span(first_end, second_end), ""),),
                applicability=Applicability.UNSAFE,
                fix_title="Delete the second copy",
            )
            resume = second + size

    def _repeat_at(self, ctx: RuleContext, words: Sequence[Word], folded: Sequence[str], index: int) -> int:
        text = ctx.view.text
        largest = min(_FRAGMENT_MAX, (len(words) - index) // 2)
        # the sizes at which the first word comes again (a copy starts there), largest first
        sizes: list[int] = []
        ahead, next_same = 0, ctx.tokens.next_same
        while (ahead := ahead + next_same[index + ahead]) <= largest:
            sizes.append(ahead)
        for size in reversed(sizes):
            if size < 2:
                continue
            second = index + size
            copy = folded[index:second]
            if copy != folded[second : second + size]:
                continue
            if not (_spaced(text, words, index, second) and _spaced(text, words, second, second + size)):
                continue
            gap = text[words[second - 1].end : words[second].start]
            if "\n\n" in gap or not _SENTENCE_GAP.fullmatch(gap):
                continue
            third = second + size
            cycle = index > 0 and folded[index - 1] == copy[-1]
            if (third < len(words) and folded[third] == copy[0]) or cycle:
                return 0  # a refrain: "again. And again. And again.", "trackers upon trackers upon trackers"
            if copy[-1] in ("and", "or") or ("and" in copy and any(word in IDIOMS for word in copy)):
                return 0  # "X and X and" is repetition.phrase's; "round and round and" an idiom
            span = Span(words[index].start, words[third - 1].end)
            if ctx.view.scope_at(span.start) != ctx.view.scope_at(span.end - 1) or not ctx.view.is_verbatim(
                span, ctx.document
            ):
                return 0  # markup between the copies: a caption under its image, *the Lab* in italics
            if not gap.isspace() and not _ends_unit(text, words[third - 1].end):
                continue  # "your code. Your code is": the next sentence picks the phrase up
            if gap.isspace() and size == 2 and not all(word in _FUNCTION_WORDS for word in copy):
                continue  # "as big as big can be", "hand in hand in", "a spade a spade"
            return size
        return 0


def _ends_unit(text: str, offset: int) -> bool:
    """Whether sentence punctuation, or the end of the block, follows ``offset``."""
    rest = text[offset : offset + 3]
    return not rest.strip() or rest[0] in ".!?" or rest.startswith("\n\n")


def _copy_end(text: str, offset: int) -> int:
    """The end of a copy: after its closing punctuation and quotes, before the space."""
    while offset < len(text) and text[offset] in '.!?;:,"”’)':
        offset += 1
    return offset


_MIN_SENTENCE_WORDS = 8
_PROSE_SCOPES = frozenset({Scope.PARAGRAPH, Scope.TEXT, Scope.LIST_ITEM, Scope.BLOCKQUOTE})


_MAX_SENTENCE_WORDS = 500


class RepeatedSentence(Rule):
    """The same sentence twice in one document: a leftover from an edit.

    What it does: reports a sentence of eight words or more (option ``min-words``) that repeats an earlier sentence of
    the same document word for word (ignoring case, spacing and closing punctuation).

    Why: after moving a paragraph, the old copy often survives further down.

    Stays quiet on headings, table cells, captions, quotations and short sentences, which repeat
    by design.

    Fix safety: unsafe; the fix deletes the later copy.
    """

    id = "repetition.sentence"
    category = Category.REPETITION
    default_severity = Severity.WARNING
    fixable = True
    options = {"min-words": _MIN_SENTENCE_WORDS}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        min_words = ctx.option("min-words")
        seen: dict[str, Span] = {}
        for sentence in ctx.tokens.sentences:
            if ctx.view.scope_at(sentence.start) not in _PROSE_SCOPES:
                continue
            inside = ctx.tokens.inside(sentence)
            if not min_words <= inside.stop - inside.start <= _MAX_SENTENCE_WORDS:
                continue  # short sentences repeat by design; a run-on of thousands of words is no sentence
            if text[sentence.start] in "\"“‘'(":
                continue
            if _quotes(ctx).inside(sentence.start):
                continue  # quoted speech and verse repeat on purpose
            key = " ".join(ctx.tokens.folded[inside])  # the words' folded forms
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = sentence
                continue
            if earlier.end >= sentence.start - 2:
                continue  # right after itself: repetition.fragment reports it
            line = ctx.document.position(ctx.view.source_start(earlier.start)).line
            start = sentence.start
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            yield ctx.finding(
                sentence,
                f"This sentence already appears on line {line}.",
                edits=(ProseEdit(Span(start, sentence.end), ""),),
                applicability=Applicability.UNSAFE,
                fix_title="Delete this copy",
            )
