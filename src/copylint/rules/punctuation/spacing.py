"""Spacing around punctuation: a space before a mark, none after one, or one too many.

Complexity: each rule is one regular-expression pass over the prose, O(characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copylint.core.finding import Category, Finding, Severity
from copylint.core.prose import ProseView, Scope
from copylint.core.rule import RuleContext
from copylint.core.source import Span
from copylint.rules.punctuation.marks import PatternRule, starting_with

_SPACED_DOT = re.compile(r"[ \u00a0]\.")
_VALUE_BEFORE = re.compile(r"(?:\d|[^\s.]\.)\S*$")
"""A value (a number, an address, a name ending in ".") before the ";" that opens a comment."""


class SpaceBeforePunctuation(PatternRule):
    """A space before a comma, period, colon, semicolon, question or exclamation mark: "word ,".

    What it does: reports spaces or tabs between text and one of these marks when the mark
    ends there (a space, a closing quotation mark or bracket, or the end of the text follows).

    Why: English sets these marks against the word before them; a space there is a typing or
    paste slip, and lets the mark wrap alone onto the next line.

    Stays quiet before an ellipsis, spaced (". . .", ". . . .") or not, a number (" .5"), a
    file name or domain (" .com"), an emoticon (" :)"), at the start of a line, after a run of
    spaces or a tab (columns lined up), and before the ";" of a comment after a value ("3600 ;
    refresh", "example.com. ; origin", as in a zone file).

    Example: "Really ?" becomes "Really?"; "first , second" becomes "first, second".

    Fix safety: safe; the fix deletes the space.
    """

    id = "punctuation.space-before"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True
    pattern = starting_with(" \t", r"(?<=[^\s\ufffc])(?P<fix>[ \t]+)(?P<mark>[,.;:?!])(?=[\s\"”’)\]]|$)(?![.])")
    needs = tuple(space + mark for space in " \t" for mark in ",.;:?!")
    message = "Space before “{text}”."

    def accept(self, view: ProseView, match: re.Match[str]) -> bool:
        text = view.text
        mark, gap = match.group("mark"), match.group("fix")
        following = text[match.end() : match.end() + 2]
        if mark == ":" and following[:1] in ")(-Pp":
            return False  # an emoticon
        if gap != " ":
            return False  # columns lined up with spaces or a tab
        if mark == ".":
            # "..." after a space, or one dot of a spaced ellipsis ". . ."
            return following[:1] != "." and not _SPACED_DOT.match(following) and text[match.start() - 1] != "."
        return not (mark == ";" and _VALUE_BEFORE.search(text, max(match.start() - 40, 0), match.start()))

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        return Span(*match.span("fix")), ""


class MissingSpaceAfter(PatternRule):
    """No space after a sentence or clause: "the end.Then", "This,is", “said,”said.

    What it does: reports a period, question or exclamation mark between a lower-case word and a
    capitalised one, a comma between two words, and a closing quotation mark run into a word.

    Why: words or sentences run together read as one; the slip is easy to make when editing and
    easy to miss when reading.

    Stays quiet on "e.g.", "U.S.", "3.5", "example.com", file names, "Node.js", numbers
    ("1,000"), and in URLs; and on names written like domains or code: a capitalised word
    before the period ("Data.Gov", "React.Component"), a name with a capital inside after it
    ("runtime.ReadMemStats"), a dotted chain ("java.io.File"), a name followed by a call,
    an assignment or an index ("os.Exit(1)", "kv.Version=1"), a name ending its paragraph or
    table cell with no full stop, the whole text of a link ("[walpb.Record](…)"), and words
    joined by commas inside "{…}" or "<…>" or holding digits.

    Example: "the end.Then we left" becomes "the end. Then we left".

    Fix safety: safe; the fix inserts a space.
    """

    id = "punctuation.missing-space"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True
    pattern = starting_with(
        ".!?,”",
        r"(?<=[a-z]{2})(?P<mark>[.!?])(?=[A-Z][a-z])"
        r"|(?<=[^\W\d_]{2})(?P<comma>,)(?=[^\W\d_])"
        r"|(?<=[^\W\d_][,.!?])(?P<quote>”)(?=[^\W\d_])",
    )
    message = "Missing space after “{text}”."

    def accept(self, view: ProseView, match: re.Match[str]) -> bool:
        text = view.text
        if match.group("quote") is not None:
            return True
        token = _token_around(text, match.start())
        before = _WORD_BEFORE.search(text, token.start, match.start())
        after = _WORD_AFTER.match(text, match.end(), token.end)
        if before is None or after is None:
            return True
        if match.group("comma") is not None:
            return not _code_list(text, token, before, after)
        return not (_name_shaped(text, token, before, after) or _standing_alone(view, token, after))

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        return Span(match.end(), match.end()), " "

    def verbatim_context(self) -> tuple[int, int]:
        return 1, 1


_WORD_BEFORE = re.compile(r"\w+$")
_WORD_AFTER = re.compile(r"\w+")
_CHAIN = frozenset("./\\_:@#=~-{<")
"""Marks that make a run of characters code or a path rather than words: "app.tauri.Plugin"."""
_CODE_AFTER = frozenset("([{<=_/@#")
_TOKEN_REACH = 80


def _token_around(text: str, offset: int) -> Span:
    """The run of non-space characters around ``offset`` (at most ``_TOKEN_REACH`` either side)."""
    start = offset
    while start > max(offset - _TOKEN_REACH, 0) and not text[start - 1].isspace():
        start -= 1
    end = offset
    while end < min(offset + _TOKEN_REACH, len(text)) and not text[end].isspace():
        end += 1
    return Span(start, end)


def _name_shaped(text: str, token: Span, before: re.Match[str], after: re.Match[str]) -> bool:
    """Whether "word.Word" is a name written like a domain or code rather than two sentences
    run together: "Data.Gov", "React.Component", "runtime.ReadMemStats", "os.Exit(1)"."""
    prefix, following = text[token.start : before.start()], text[after.end() : after.end() + 2]
    return (
        before.group()[0].isupper()
        or any(char.isupper() or char.isdigit() for char in after.group()[1:])
        or any(char.isalnum() or char in _CHAIN for char in prefix)
        or following[:1] in _CODE_AFTER
        or (following[:1] in ".:" and following[1:2].isalnum())
    )


def _standing_alone(view: ProseView, token: Span, after: re.Match[str]) -> bool:
    """Whether "word.Word" is a name by where it stands: the whole of a link's text, or the last
    words of its paragraph or table cell with no full stop ("| (slice of) mvccpb.Event |"), where
    a run-on sentence would go on."""
    block = view.block_index(after.end())
    if block >= 0 and not view.text[after.end() : view.blocks[block].end].strip():
        return True
    segment = view.segment_at(token.start)
    if segment is None or segment.scope is not Scope.LINK_TEXT:
        return False
    return not view.text[segment.prose_start : segment.prose_end].strip().count(" ")


def _code_list(text: str, token: Span, before: re.Match[str], after: re.Match[str]) -> bool:
    """Whether "word,word" is a list in code ("{main,sub}", "app,x86_64") rather than a slip."""
    words = before.group() + after.group()
    return any(char in "{<[=" for char in text[token.start : before.start()]) or any(
        char.isdigit() or char == "_" for char in words
    )


class SpacingInside(PatternRule):
    """Space just inside brackets, or two spaces between words: "( text )", "the  end".

    What it does: reports spaces just after "(" or "[", spaces just before ")" or "]" when a
    parenthesis was opened earlier on the same line, and exactly two spaces (or a space and a
    no-break space) between two words.

    Why: the extra space is a slip that shows in print and in monospaced text, and a search for
    the phrase misses it.

    Runs of three or more spaces are left alone (column alignment), as are two spaces after a
    sentence and two spaces that line a word up with the column of the line above or below it
    (a table of contents: "Chapter XVIII  Nine Days" over "Chapter XIX    An Opinion"). In
    Markdown and HTML, which collapse spaces when rendered, a double space is reported at info.
    A checkbox ("[ ]") and an emoticon (":( ") stay quiet.

    Example: "( text )" becomes "(text)"; "the  end" becomes "the end".

    Fix safety: safe; the fix deletes the extra space.
    """

    id = "punctuation.spacing"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True
    pattern = starting_with(
        " ",
        r"(?<=[(\[])(?P<open> +)(?=\S)|(?<=\S)(?P<close> +)(?=[)\]])"
        r"|(?<=[^\W_])(?P<fix> (?: |\u00a0))(?=[^\W_ \u00a0])",
    )
    needs = ("( ", "[ ", " )", " ]", "  ", " \u00a0")
    message = "Extra space."

    def verbatim_context(self) -> tuple[int, int]:
        return 1, 1

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        # where a format collapses spaces when rendered, a double space is only untidy
        collapsed = ctx.traits.collapses_whitespace
        for finding in super().check(ctx):
            yield finding.with_severity(Severity.INFO) if collapsed and finding.message == self.message else finding

    def accept(self, view: ProseView, match: re.Match[str]) -> bool:
        text = view.text
        if match.group("open") is not None:
            bracket = text[match.start() - 1]
            if text[match.end() : match.end() + 1] == "]" or text[max(match.start() - 2, 0)] in ":;-":
                return False  # a checkbox "[ ]", or an emoticon ":( "
            return bracket in "(["
        if match.group("close") is not None:
            before = text[match.start() - 1]
            return before not in "(:;-" and text.rfind("(", 0, match.start()) > text.rfind("\n", 0, match.start())
        return not _aligned(text, match.end())

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        for group in ("open", "close"):
            if match.group(group) is not None:
                return Span(*match.span(group)), ""
        start, end = match.span("fix")
        return Span(start + 1, end), ""


def _aligned(text: str, offset: int) -> bool:
    """Whether the word at ``offset`` starts a column: on the line above or below, a word starts
    at the same column after two spaces or more."""
    start = text.rfind("\n", 0, offset) + 1
    column = offset - start
    end = text.find("\n", offset)
    above = _line_at(text, text.rfind("\n", 0, start - 1) + 1) if start else ""
    below = _line_at(text, end + 1) if end >= 0 else ""
    return any(line[column - 2 : column] == "  " and line[column : column + 1].strip() for line in (above, below))


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]
