"""A third-party copylint plugin used by the tests: one rule, found through the entry point."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from copylint import Category, Finding, Rule, RuleContext, Severity, Span, hookimpl

_LOREM = re.compile(r"\blorem ipsum\b", re.IGNORECASE)


class NoLoremIpsum(Rule):
    """Placeholder text ("lorem ipsum") left in an article."""

    id = "example.no-lorem"
    category = Category.STYLE
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for match in _LOREM.finditer(ctx.view.text):
            yield ctx.finding(Span(*match.span()), "Placeholder text left in the article.")


@hookimpl
def copylint_register_rules() -> Sequence[type[Rule]]:
    return (NoLoremIpsum,)
