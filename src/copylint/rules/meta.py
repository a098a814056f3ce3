"""Meta rules: findings about copylint's own directives in a document.

Complexity: O(directives × rules); the engine finds the directives in one pass over the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from copylint.core.finding import Category, Finding, Severity
from copylint.core.rule import Rule, RuleContext
from copylint.core.selection import matches


class UnusedSuppression(Rule):
    """A suppression comment that silences nothing.

    What it does: reports a ``copylint-disable`` (or ``copylint: ignore``) directive when no
    finding fell under it. It runs after the other rules, and only reports a directive when a
    rule it names was selected (a directive for rules that did not run may still be needed).

    Why: stale directives pile up after the text they excused is fixed, and then silence the next
    real error on that line.

    Example: ``<!-- copylint-disable-next-line spelling -->`` above a line with no misspelling.

    Fix safety: the suggestion deletes the directive; there is no automatic fix.
    """

    id = "meta.unused-suppression"
    category = Category.STYLE
    default_severity = Severity.INFO
    runs_after_suppression = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        selected = [rule.id for rule in ctx.settings.rules]
        for suppression in ctx.suppressions:
            if suppression.used:
                continue
            if suppression.rules and not any(
                matches(rule, rule_id) for rule in suppression.rules for rule_id in selected
            ):
                continue  # it silences rules that did not run
            yield ctx.source_finding(
                suppression.directive, "This suppression comment silences nothing; remove it.", ("",)
            )
