"""Punctuation: stray slashes, doubled marks, spacing around punctuation, quotes and brackets.

Complexity: each rule is one regular-expression pass or one scan over the prose, O(characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span


def starting_with(first: str, pattern: str) -> re.Pattern[str]:
    """``pattern``, every match of which starts with one of the characters ``first``, compiled so
    that the engine tests those characters before anything else: a pattern that opens with a
    lookbehind is otherwise tried in full at every position (six times slower on prose)."""
    return re.compile(f"(?=[{re.escape(first)}])(?:{pattern})")


class _PatternRule(Rule):
    """A rule whose every match of ``pattern`` in the prose is a finding (subclasses refine)."""

    pattern: re.Pattern[str]
    message: str
    applicability = Applicability.SAFE
    needs: tuple[str, ...] = ()
    """Strings one of which every match contains (empty: no such list): a text with none of them
    is passed over after a few substring searches, without running the pattern."""

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        if self.needs and not any(needed in text for needed in self.needs):
            return
        before, after = self.verbatim_context()
        for match in self.pattern.finditer(text):
            if ctx.tokens.in_url(match.start()) or not self.accept(text, match):
                continue
            context = Span(max(match.start() - before, 0), min(match.end() + after, len(text)))
            if not ctx.view.is_verbatim(context, ctx.document):
                continue  # markup was removed here: "me.<br>When" is not "me.When"
            span, replacement = self.edit(match)
            yield ctx.finding(
                Span(*match.span()),
                self.message.format(text=match.group()),
                edits=(ProseEdit(span, replacement),),
                applicability=self.applicability,
                fix_title=f"Replace with “{replacement}”" if replacement else "Delete",
            )

    def accept(self, text: str, match: re.Match[str]) -> bool:
        return True

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        return Span(*match.span("fix")), ""

    def verbatim_context(self) -> tuple[int, int]:
        """How many characters either side of a match must be verbatim source text."""
        return 0, 0


_NOT_BEFORE_SLASH = frozenset(
    "the a an of to with from by for at in on into onto than as is are was were be been my your our their its"
    " his".split()
)


class StraySlash(_PatternRule):
    """A slash or backslash standing alone between spaces: "with the / real performers".

    What it does: reports " / " and " \\ " between words.

    Why: a leftover from editing ("and / or" choices, a pasted path) that a reader trips over.

    Only after a word that cannot stand before an alternative (the, a, of, with ...): "read /
    write" and "flows / patterns" offer choices and stay quiet, as do "and/or", dates, fractions
    and paths (no spaces), numbers either side ("1 / 2"), and URLs.

    Example: "with the / real performers" becomes "with the real performers".

    Fix safety: safe; the fix deletes the slash and one space.
    """

    id = "punctuation.stray-slash"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True
    pattern = starting_with(" ", r"(?<=[^\W\d_]) (?P<fix>[/\\] )(?=[^\W\d_])")
    needs = (" / ", " \\ ")
    message = "Stray “{text}” between words."

    def accept(self, text: str, match: re.Match[str]) -> bool:
        # "read / write" offers alternatives; "the / real" cannot: a slash never follows these
        before = re.search(r"[^\W\d_]+$", text[max(0, match.start() - 20) : match.start()])
        return before is not None and before.group().casefold() in _NOT_BEFORE_SLASH


class DoubledPunctuation(_PatternRule):
    """The same punctuation mark typed twice: ",,", ";;", "::", "..".

    What it does: reports a comma, semicolon or colon typed twice before a space or the end of
    the text, and exactly two periods.

    Why: a doubled mark is a keyboard or editing slip, and reads as one.

    Stays quiet on an ellipsis ("...", "....", "?.."), on mixed marks such as "?!", and on ",,"
    run into a word (a low opening quotation mark, ,,like this'').

    Example: "the end.. Then" becomes "the end. Then"; "first,, second" becomes "first, second".

    Fix safety: safe; the fix deletes the extra mark.
    """

    id = "punctuation.doubled"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True
    pattern = starting_with(
        ",;:.", r"(?<![.,;:])(?P<mark>[,;:])(?P<fix>(?P=mark))(?![,;:])(?=\s|$)|(?<![.?!])\.(?P<dot>\.)(?![.])"
    )
    needs = (",,", ";;", "::", "..")
    message = "Doubled punctuation “{text}”."

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        group = "fix" if match.group("fix") else "dot"
        return Span(*match.span(group)), ""


class SpaceBeforePunctuation(_PatternRule):
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


class MissingSpaceAfter(_PatternRule):
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


class SpacingInside(_PatternRule):
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


_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {value: key for key, value in _OPENERS.items()}
_BRACKET = re.compile(r"[()\[\]{}]")
_ENUMERATION = re.compile(r"(?:^|[\s(])(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[a-z]?$")


class UnbalancedBrackets(Rule):
    """A bracket without its partner in the same paragraph: "(This is a test." or "[a (test} b".

    What it does: pairs round, square and curly brackets within each paragraph, and reports a
    closing bracket that does not match the one opened before it, a closing bracket with none
    open, and an opening bracket still open at the end of its paragraph.

    Why: a bracket left open or closed twice usually means a cut or a paste went wrong, and the
    reader cannot tell where the aside ends.

    Stays quiet on emoticons (":)", ":-("), enumerations ("1)", "a)", "iv)") and in URLs.

    Example: in "(This is a test." the "(" is reported as never closed.

    Fix safety: no fix; where the partner belongs is the author's call.
    """

    id = "punctuation.brackets"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        for block in ctx.view.blocks:
            stack: list[int] = []
            for match in _BRACKET.finditer(text, block.start, block.end):
                offset = match.start()
                char = text[offset]
                if ctx.tokens.in_url(offset) or _emoticon(text, offset):
                    continue
                if char in _OPENERS:
                    stack.append(offset)
                    continue
                if stack and text[stack[-1]] == _CLOSERS[char]:
                    stack.pop()
                    continue
                if stack:
                    opener = stack.pop()
                    yield ctx.finding(
                        Span(offset, offset + 1),
                        f"“{char}” does not match the “{text[opener]}” opened before it.",
                    )
                    continue
                if char == ")" and _ENUMERATION.search(text, block.start, offset):
                    continue
                yield ctx.finding(Span(offset, offset + 1), f"Closing “{char}” without an opening one.")
            for opener in stack:
                yield ctx.finding(Span(opener, opener + 1), f"“{text[opener]}” is never closed.")


def _emoticon(text: str, offset: int) -> bool:
    before = text[max(offset - 2, 0) : offset]
    return before.endswith((":", ";", ":-", ";-", "8-", "=")) and text[offset] in "()[]"


_DOUBLE_QUOTES = re.compile(r"[“”\"]")


class Quotes(Rule):
    """Unbalanced or doubled double quotation marks: “escape?”” or a quotation never closed.

    What it does: pairs opening and closing double quotation marks through the document, curly
    (“ ”) or straight ("). A doubled mark (””) is reported with a fix; an opening mark never
    closed, or a closing mark with nothing open, is reported without one.

    Why: a reader cannot tell where an unclosed quotation ends; a doubled mark is a slip left by
    editing or by smart-quote conversion.

    A quotation may run over several paragraphs, with or without the convention of reopening
    each paragraph with “. Inch and second marks after a number (20" wide) are not quotation
    marks, and single quotes are left alone because ’ is also the apostrophe.

    Example: "He asked “escape?”” and left." becomes "He asked “escape?” and left.".

    Fix safety: safe for a doubled mark (delete one); none otherwise.
    """

    id = "punctuation.quotes"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        view = ctx.view
        open_at: int | None = None
        previous_end = -2
        for match in _DOUBLE_QUOTES.finditer(text):
            offset, mark = match.start(), match.group()
            if offset == previous_end and mark == text[offset - 1] and mark in "“”":
                yield ctx.finding(
                    Span(offset - 1, offset + 1),
                    f"Doubled quotation mark “{mark}{mark}”.",
                    edits=(ProseEdit(Span(offset, offset + 1), ""),),
                    applicability=Applicability.SAFE,
                    fix_title="Delete the extra mark",
                )
                previous_end = -2
                continue
            previous_end = offset + 1
            if mark == '"' and offset > 0 and text[offset - 1].isdigit():
                continue  # inches or seconds
            opening = mark == "“" or (mark == '"' and open_at is None)
            if not opening:
                if open_at is None:
                    yield ctx.finding(Span(offset, offset + 1), f"{mark} closes a quotation that was never opened.")
                open_at = None
                continue
            if open_at is not None:
                same_block = view.block_index(open_at) == view.block_index(offset)
                reopened = not same_block and view.starts_block(offset)
                if not reopened:
                    yield ctx.finding(Span(open_at, open_at + 1), f"{text[open_at]} is not closed before the next one.")
            open_at = offset
        if open_at is not None:
            yield ctx.finding(Span(open_at, open_at + 1), f"{text[open_at]} is never closed.")


class SpacedAbbreviation(_PatternRule):
    """A space inside a unit that is written closed: "e. g.", "i. e.", "$ 100", "o' clock".

    What it does: reports the space in "e. g." and "i. e." (either letter in either case) and in
    "o' clock", and a space between a currency sign ($, €, £, ¥) and the number after it.

    Why: these units are written closed; the space looks like a slip, and a line break can split
    the unit there.

    Example: "costs $ 100" becomes "costs $100"; "e. g. this" becomes "e.g. this".

    Fix safety: safe; the fix deletes the space.
    """

    id = "punctuation.spaced-abbreviation"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True
    pattern = starting_with(
        "eEiIoO$€£¥",
        r"\b(?:[eE]\.(?P<eg> )[gG]\.|[iI]\.(?P<ie> )[eE]\.|[oO]'(?P<clock> )clock\b)|[$€£¥](?P<money> )(?=\d)",
    )
    needs = (". g.", ". G.", ". e.", ". E.", "' clock", "$ ", "€ ", "£ ", "¥ ")
    message = "“{text}” is written without the space."

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        for group in ("eg", "ie", "clock", "money"):
            if match.group(group) is not None:
                return Span(*match.span(group)), ""
        raise AssertionError("unreachable")
