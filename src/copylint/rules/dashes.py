"""Dash style: em dashes spaced in one place and closed up in another.

Complexity: one pass over the prose, O(characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copylint.finding import Applicability, Category, Finding, Severity
from copylint.rule import PlannedEdit, Rule, RuleContext
from copylint.source import Span

_SPACED = re.compile(r"(?<=\S) — (?=\S)")
_CLOSED = re.compile(r"(?<=[^\s—])—(?=[^\s—])")


class DashSpacing(Rule):
    """Em dashes used both spaced ("word — word") and closed ("word—word") in one document.

    What it does: counts both forms and reports each dash of the less common form, suggesting
    the more common one. When both are equally common, nothing is reported.

    Why: house styles pick one (AP spaces em dashes, Chicago closes them); a document that uses
    both looks unedited.

    Fix safety: unsafe; the fix rewrites the dash in the majority form.
    """

    id = "style.dash-spacing"
    category = Category.STYLE
    default_severity = Severity.INFO
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        spaced = list(_SPACED.finditer(text))
        closed = list(_CLOSED.finditer(text))
        if not spaced or not closed or len(spaced) == len(closed):
            return
        minority, replacement, form = (
            (spaced, "—", "closed") if len(spaced) < len(closed) else (closed, " — ", "spaced")
        )
        for match in minority:
            span = Span(*match.span())
            yield ctx.finding(
                span,
                f"Em dash style: this document mostly uses {form} em dashes "
                f"({len(spaced)} spaced, {len(closed)} closed).",
                suggestions=(replacement,),
                edits=(PlannedEdit(span, replacement),),
                applicability=Applicability.UNSAFE,
                fix_title=f"Use a {form} em dash",
            )
