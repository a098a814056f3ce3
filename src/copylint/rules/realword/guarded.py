"""The base of the guarded context rules: a rule is its patterns (see
:mod:`copylint.language.context`); each match is a warning with an unsafe fix and a message that
says why."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain
from typing import ClassVar

from copylint.core.finding import Finding, Severity
from copylint.core.quotes import quotation_index
from copylint.core.rule import Rule, RuleContext
from copylint.core.tokens import Tokens
from copylint.language.context import ContextMatch, ContextPattern, matches
from copylint.language.spelling.suggest import match_case
from copylint.language.wordclass import load_word_classes


class ContextRule(Rule):
    """A rule made of guarded context patterns."""

    patterns: ClassVar[Sequence[ContextPattern]] = ()
    in_quotations: ClassVar[bool] = True
    """False for slips that speech makes on purpose ("he don't"): quoted words are left alone."""
    default_severity = Severity.WARNING
    fixable = True

    @classmethod
    def more_matches(cls, tokens: Tokens) -> Iterator[ContextMatch]:
        """Matches found otherwise than by the patterns (a word the patterns matched is not
        reported twice)."""
        return iter(())

    @classmethod
    def all_matches(cls, tokens: Tokens) -> Iterator[ContextMatch]:
        """The patterns' matches, then the others."""
        return chain(matches(tokens, cls.patterns, load_word_classes()), cls.more_matches(tokens))

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        words = ctx.tokens.words
        seen: set[int] = set()
        for match in self.all_matches(ctx.tokens):
            if match.index in seen:
                continue
            seen.add(match.index)
            wrong = words[match.index]
            if "-" in (ctx.view.text[wrong.start - 1 : wrong.start], ctx.view.text[wrong.end : wrong.end + 1]):
                continue  # part of a compound ("a lose-lose deal", "the extend-opaque branch")
            if not self.in_quotations and quotation_index(ctx).inside(wrong.start):
                continue
            right = match_case(wrong.text, match.replacement)
            yield ctx.replacement(wrong.span, right, f"{match.reason}: “{right}”, not “{wrong.text}”.")
