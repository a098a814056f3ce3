"""Lint one document: build its prose view, tokenise once, run the rules, sort the findings.

The engine is a pure function of the document, its format and its settings, so that runs can be
split across processes. It knows no rule by name: what a rule needs from it (the format's traits,
the suppression directives, giving way to another rule's finding) the rule declares.
"""

from __future__ import annotations

from typing import Any, Protocol, cast

from copylint.core.errors import CopylintError
from copylint.core.finding import FileResult, Finding
from copylint.core.prose import DocumentFormat, FormatTraits, ProseView, traits_of
from copylint.core.rule import FamilySettings, LintSettings, Rule, RuleContext
from copylint.core.source import Document
from copylint.core.suppress import Suppression, find_suppressions, is_suppressed
from copylint.core.tokens import Tokens


def lint_document(document: Document, document_format: DocumentFormat, settings: LintSettings) -> FileResult:
    """All findings for ``document``, sorted by position. A crashing rule is reported, not raised."""
    try:
        view = build_view(document_format, document, settings)
    except CopylintError as exc:  # input the format refuses, with its reason
        return FileResult(path=document.path, document=document, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser bug must cost one file, not the run
        return FileResult(
            path=document.path,
            document=document,
            error=f"{document.path}: could not be read as {document_format.name} ({type(exc).__name__}: {exc})",
        )
    run = _DocumentRun(document, view, traits_of(document_format), settings)
    findings = run.rules([rule for rule in settings.rules if not rule.runs_after_suppression])
    suppressions = find_suppressions(document, run.traits.directives)
    if suppressions:
        findings = [f for f in findings if not is_suppressed(suppressions, f.rule, f.span.start)]
    findings += run.rules([rule for rule in settings.rules if rule.runs_after_suppression], suppressions)
    findings.sort(key=Finding.sort_key)
    return FileResult(
        path=document.path,
        document=document,
        findings=tuple(findings),
        error="; ".join(run.errors) or None,
    )


class _ConfiguredFormat(Protocol):
    def build_view(self, document: Document, settings: FamilySettings) -> ProseView: ...


def build_view(document_format: DocumentFormat, document: Document, settings: LintSettings) -> ProseView:
    """``document``'s prose view, with the settings the format declares in its traits (if any)."""
    kind = traits_of(document_format).settings
    if kind is None:
        return document_format.build_view(document)
    return cast(_ConfiguredFormat, document_format).build_view(document, settings.setting(kind))


class _DocumentRun:
    """One document's view and tokens, shared by every rule, and the errors rules met."""

    def __init__(self, document: Document, view: ProseView, traits: FormatTraits, settings: LintSettings) -> None:
        self.document = document
        self.view = view
        self.traits = traits
        self.settings = settings
        self.tokens = Tokens(view)
        self.memo: dict[str, Any] = {}
        self.errors: list[str] = []

    def rules(self, rules: list[type[Rule]], suppressions: list[Suppression] | None = None) -> list[Finding]:
        findings: list[Finding] = []
        for rule in rules:
            severity = self.settings.severities.get(rule.id, rule.default_severity)
            context = RuleContext(
                rule, self.document, self.view, self.tokens, severity, self.settings, self.memo, self.traits,
                suppressions or (),
            )  # fmt: skip
            try:
                findings.extend(rule().check(context))
            except CopylintError as exc:  # a rule that cannot work here (a backend is down): say why
                self.errors.append(f"{self.document.path}: {rule.id}: {exc}")
            except Exception as exc:  # noqa: BLE001 - a broken rule must not lose the other findings
                where = f"{self.document.path}: rule '{rule.id}' (from {rule.__module__})"
                self.errors.append(f"{where} crashed ({type(exc).__name__}: {exc})")
        return _without_echoes(findings, {rule.id for rule in rules if rule.defers_to_overlapping})


def _without_echoes(findings: list[Finding], deferring: set[str]) -> list[Finding]:
    """Drop a finding of a rule that defers to others on exactly the span of another rule's finding."""
    if not deferring:
        return findings
    own = {(f.span.start, f.span.end) for f in findings if f.rule not in deferring}
    return [f for f in findings if not (f.rule in deferring and (f.span.start, f.span.end) in own)]
