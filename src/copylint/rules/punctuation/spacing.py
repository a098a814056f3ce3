"""Spacing around punctuation: a space before a mark, none after one, or one too many.

Complexity: each rule is one regular-expression pass over the prose, O(characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copylint.core.finding import Category, Finding, Severity
from copylint.core.rule import RuleContext
from copylint.core.source import Span
from copylint.rules.punctuation.marks import PatternRule, starting_with


class SpaceBeforePunctuation(PatternRule):
    """A space before a comma, period, colon, semicolon, question or exclamation mark: "word ,".

    What it does: reports spaces or tabs between text and one of these marks when the mark
    ends there (a space, a closing quotation mark or bracket, or the end of the text follows).

    Why: English sets these marks against the word before them; a space there is a typing or
    paste slip, and lets the mark wrap alone onto the next line.

    Stays quiet before an ellipsis, a number (" .5"), a file name or domain (" .com"), an
    emoticon (" :)"), and at the start of a line.

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

    def accept(self, text: str, match: re.Match[str]) -> bool:
        mark = match.group("mark")
        following = text[match.end() : match.end() + 2]
        if mark == ":" and following[:1] in ")(-Pp":
            return False  # an emoticon
        return not (mark == "." and text[match.end() : match.end() + 1] == ".")

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        return Span(*match.span("fix")), ""


class MissingSpaceAfter(PatternRule):
    """No space after a sentence or clause: "the end.Then", "This,is", “said,”said.

    What it does: reports a period, question or exclamation mark between a lower-case word and a
    capitalised one, a comma between two words, and a closing quotation mark run into a word.

    Why: words or sentences run together read as one; the slip is easy to make when editing and
    easy to miss when reading.

    Stays quiet on "e.g.", "U.S.", "3.5", "example.com", file names, "Node.js", numbers
    ("1,000"), and in URLs.

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

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        return Span(match.end(), match.end()), " "

    def verbatim_context(self) -> tuple[int, int]:
        return 1, 1


class SpacingInside(PatternRule):
    """Space just inside brackets, or two spaces between words: "( text )", "the  end".

    What it does: reports spaces just after "(" or "[", spaces just before ")" or "]" when a
    parenthesis was opened earlier on the same line, and exactly two spaces (or a space and a
    no-break space) between two words.

    Why: the extra space is a slip that shows in print and in monospaced text, and a search for
    the phrase misses it.

    Runs of three or more spaces are left alone (column alignment), as are two spaces after a
    sentence. In Markdown and HTML, which collapse spaces when rendered, a double space is
    reported at info. A checkbox ("[ ]") and an emoticon (":( ") stay quiet.

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

    def accept(self, text: str, match: re.Match[str]) -> bool:
        if match.group("open") is not None:
            bracket = text[match.start() - 1]
            if text[match.end() : match.end() + 1] == "]" or text[max(match.start() - 2, 0)] in ":;-":
                return False  # a checkbox "[ ]", or an emoticon ":( "
            return bracket in "(["
        if match.group("close") is not None:
            before = text[match.start() - 1]
            return before not in "(:;-" and text.rfind("(", 0, match.start()) > text.rfind("\n", 0, match.start())
        return True

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        for group in ("open", "close"):
            if match.group(group) is not None:
                return Span(*match.span(group)), ""
        start, end = match.span("fix")
        return Span(start + 1, end), ""
