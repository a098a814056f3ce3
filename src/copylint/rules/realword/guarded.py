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

    def more_matches(self, ctx: RuleContext) -> Iterator[ContextMatch]:
        """Matches found otherwise than by the patterns (a word the patterns matched is not
        reported twice)."""
        return iter(())

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        words = ctx.tokens.words
        seen: set[int] = set()
        for match in chain(matches(ctx.tokens, self.patterns, load_word_classes()), self.more_matches(ctx)):
            if match.index in seen:
                continue
            seen.add(match.index)
            wrong = words[match.index]
            if not self.in_quotations and quotation_index(ctx).inside(wrong.start):
                continue
            right = match_case(wrong.text, match.replacement)
            yield ctx.replacement(wrong.span, right, f"{match.reason}: “{right}”, not “{wrong.text}”.")
