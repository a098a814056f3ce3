"""LanguageTool's own checks, when a LanguageTool server is configured.

Complexity: one request per document; the server's work is its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.rule import FamilySettings, FamilyValues, KeyKind, ProseEdit, Rule, RuleContext, SettingKey
from copylint.core.source import Span


def _server_problem(value: Any) -> str | None:
    if isinstance(value, str) and (value == "local" or value.startswith(("http://", "https://"))):
        return None
    return f'expected a server URL or "local", got {value!r}'


@dataclass(frozen=True)
class LanguageToolSettings(FamilySettings):
    """``languagetool``: a LanguageTool server's URL, or "local"; unset keeps the backend off."""

    keys = {"languagetool": SettingKey(KeyKind.TEXT, _server_problem)}
    server: str | None = None

    @classmethod
    def from_values(cls, values: FamilyValues) -> LanguageToolSettings:
        server = values.get("languagetool")
        return cls(server if isinstance(server, str) else None)

    def identity(self) -> object:
        return self.server

    def describe(self) -> Mapping[str, Any]:
        return {"languagetool": self.server}


class LanguageToolCheck(Rule):
    """LanguageTool's grammar, style and spelling checks (only when a server is configured).

    What it does: sends the document's prose (markup removed) to the LanguageTool server named by
    the ``languagetool`` setting (a URL, or "local" to start one with language-tool-python and
    Java), and reports its matches at their exact source positions, mapped onto copylint's
    categories. LanguageTool's own rule id is kept in the message. A match on the same span as a
    copylint finding is dropped, so nothing is said twice.

    Why: LanguageTool knows thousands of grammar patterns that copylint does not.

    Off by default: without the setting the rule does nothing, and copylint never goes online.

    Example: with ``languagetool = "http://localhost:8081"``, a match LanguageTool reports on
    "irregardless" in the Markdown "**Irregardless** of the cost" is reported on that word in
    the source, its message ending with "[LanguageTool RULE_ID]", and LanguageTool's first
    replacement is the fix.

    Fix safety: unsafe; the first of LanguageTool's replacements.
    """

    id = "languagetool.check"
    category = Category.GRAMMAR
    default_severity = Severity.WARNING
    fixable = True
    family_settings = LanguageToolSettings
    defers_to_overlapping = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        server = ctx.setting(LanguageToolSettings).server
        if not server or not ctx.view.text.strip():
            return
        from copylint.language import languagetool  # urllib and the client only when the backend is on

        for match in languagetool.check(server, ctx.view.text):
            span = Span(match.start, max(match.end, match.start))
            edits = (ProseEdit(span, match.replacements[0]),) if match.replacements else ()
            finding = ctx.finding(
                span,
                f"{match.message} [LanguageTool {match.rule_id}]",
                suggestions=match.replacements,
                edits=edits,
                applicability=Applicability.UNSAFE,
                fix_title=f"Replace with “{match.replacements[0]}”" if match.replacements else "",
            )
            yield replace(finding, category=match.category)
