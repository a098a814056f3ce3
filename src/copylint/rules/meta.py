"""Meta rules: findings about copylint's own directives in a document.

Complexity: O(directives); the engine finds the directives in one pass over the comments.
"""

from __future__ import annotations

from collections.abc import Iterator

from copylint.finding import Category, Finding, Severity
from copylint.rule import Rule, RuleContext


class UnusedSuppression(Rule):
    """A suppression comment that silences nothing.

    What it does: reports a ``copylint-disable`` (or ``copylint: ignore``) directive when no
    finding fell under it, so stale directives do not pile up after the text they excused is
    fixed. The engine reports it after the other rules have run; it only appears when the rules
    the directive names were selected.

    Fix safety: no automatic fix; delete the comment.
    """

    id = "meta.unused-suppression"
    category = Category.STYLE
    default_severity = Severity.INFO

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        return iter(())
