"""LanguageTool's own checks, when a LanguageTool server is configured.

Complexity: one request per document; the server's work is its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from copylint.finding import Applicability, Category, Finding, Severity
from copylint.rule import PlannedEdit, Rule, RuleContext
from copylint.source import Span


class LanguageToolCheck(Rule):
    """LanguageTool's grammar, style and spelling checks (only when a server is configured).

    What it does: sends the document's prose (markup removed) to the LanguageTool server named by
    the ``languagetool`` setting (a URL, or "local" to start one with language-tool-python and
    Java), and reports its matches at their exact source positions, mapped onto copylint's
    categories. LanguageTool's own rule id is kept in the message. A match on the same span as a
    copylint finding is dropped, so nothing is said twice.

    Why: LanguageTool knows thousands of grammar patterns that copylint does not.

    Off by default: without the setting the rule does nothing, and copylint never goes online.

    Fix safety: unsafe; the first of LanguageTool's replacements.
    """

    id = "languagetool.check"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        settings = ctx.settings
        if settings is None or not settings.languagetool or not ctx.view.text.strip():
            return
        from copylint import languagetool  # urllib and the client only when the backend is on

        for match in languagetool.check(settings.languagetool, ctx.view.text):
            span = Span(match.start, max(match.end, match.start))
            edits = (PlannedEdit(span, match.replacements[0]),) if match.replacements else ()
            finding = ctx.finding(
                span,
                f"{match.message} [LanguageTool {match.rule_id}]",
                suggestions=match.replacements,
                edits=edits,
                applicability=Applicability.UNSAFE,
                fix_title=f"Replace with “{match.replacements[0]}”" if match.replacements else "",
            )
            yield replace(finding, category=match.category)
