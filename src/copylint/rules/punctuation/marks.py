"""Punctuation marks found by pattern: stray slashes, doubled marks, spacing around punctuation.

Complexity: each rule is one regular-expression pass over the prose, O(characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.prose import ProseView
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span


def starting_with(first: str, pattern: str) -> re.Pattern[str]:
    """``pattern``, every match of which starts with one of the characters ``first``, compiled so
    that the engine tests those characters before anything else: a pattern that opens with a
    lookbehind is otherwise tried in full at every position (six times slower on prose)."""
    return re.compile(f"(?=[{re.escape(first)}])(?:{pattern})")


class PatternRule(Rule):
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
            if ctx.tokens.in_url(match.start()) or not self.accept(ctx.view, match):
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

    def accept(self, view: ProseView, match: re.Match[str]) -> bool:
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


class StraySlash(PatternRule):
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

    def accept(self, view: ProseView, match: re.Match[str]) -> bool:
        text = view.text
        # "read / write" offers alternatives; "the / real" cannot: a slash never follows these
        before = re.search(r"[^\W\d_]+$", text[max(0, match.start() - 20) : match.start()])
        return before is not None and before.group().casefold() in _NOT_BEFORE_SLASH


class DoubledPunctuation(PatternRule):
    """The same punctuation mark typed twice: ",,", ";;", "::", "..".

    What it does: reports a comma, semicolon or colon typed twice before a space or the end of
    the text, and exactly two periods after a word, before a space, a closing mark, the end of
    the text or a capitalised word.

    Why: a doubled mark is a keyboard or editing slip, and reads as one.

    Stays quiet on an ellipsis ("...", "....", "?.."), on mixed marks such as "?!", on ",,"
    run into a word (a low opening quotation mark, ,,like this''), and on two periods that are
    not a sentence's end: a parent folder ("../docs", "cd .."), a range ("1..10", "a..z") or a
    rest pattern ("{ id, .. }").

    Example: "the end.. Then" becomes "the end. Then"; "first,, second" becomes "first, second".

    Fix safety: safe; the fix deletes the extra mark.
    """

    id = "punctuation.doubled"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True
    pattern = starting_with(
        ",;:.",
        r"(?<![.,;:])(?P<mark>[,;:])(?P<fix>(?P=mark))(?![,;:])(?=\s|$)"
        r"|(?<=[\w)\]%\ufffc])(?<!_)\.(?P<dot>\.)(?=[\s\"”’')\]]|$|[A-Z][a-z])",
    )
    needs = (",,", ";;", "::", "..")
    message = "Doubled punctuation “{text}”."

    def edit(self, match: re.Match[str]) -> tuple[Span, str]:
        group = "fix" if match.group("fix") else "dot"
        return Span(*match.span(group)), ""


class SpacedAbbreviation(PatternRule):
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
