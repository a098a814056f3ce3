"""Lint one document: build its prose view, tokenise once, run the rules, sort the findings.

The engine is a pure function of the document and its settings, so that runs can be split across
processes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from copylint.errors import CopylintError
from copylint.finding import FileResult, Finding, Severity
from copylint.formats import DocumentFormat
from copylint.links.data import SpamSettings
from copylint.rule import Rule, RuleContext
from copylint.source import Document
from copylint.spelling.vocabulary import Vocabulary, WordList
from copylint.suppress import find_suppressions, is_suppressed
from copylint.tokens import Tokens

UNUSED_SUPPRESSION = "meta.unused-suppression"


@dataclass(frozen=True)
class LintSettings:
    """The rules to run (already selected), per-rule severity overrides, and shared word lists."""

    rules: Sequence[type[Rule]]
    severities: Mapping[str, Severity] = field(default_factory=dict)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    spam: SpamSettings = field(default_factory=SpamSettings)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    languagetool: str | None = None
    """A LanguageTool server URL, or "local"; ``None`` keeps the LanguageTool backend off."""

    @cached_property
    def fingerprint(self) -> str:
        """A digest of what in these settings changes findings (the rules and their definitions,
        severities, options, word lists ...): part of the result cache's key, computed once."""

        def words(word_list: WordList) -> list[object]:
            return [
                sorted(word_list.literals_exact),
                sorted(word_list.literals_folded),
                [p.pattern for p in word_list.patterns],
            ]

        described = repr(
            (
                [(rule.id, rule.definition()) for rule in self.rules],
                sorted((k, v.value) for k, v in self.severities.items()),
                sorted((k, sorted(v.items())) for k, v in self.rule_options.items()),
                words(self.vocabulary.accept),
                words(self.vocabulary.reject),
                sorted(self.spam.trusted),
                sorted(self.spam.blocked),
                self.languagetool,
            )
        )
        return hashlib.sha256(described.encode()).hexdigest()


def lint_document(document: Document, document_format: DocumentFormat, settings: LintSettings) -> FileResult:
    """All findings for ``document``, sorted by position. A crashing rule is reported, not raised."""
    try:
        view = document_format.build_view(document)
    except CopylintError as exc:  # input the format refuses, with its reason
        return FileResult(path=document.path, document=document, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser bug must cost one file, not the run
        return FileResult(
            path=document.path,
            document=document,
            error=f"{document.path}: could not be read as {document_format.name} ({type(exc).__name__}: {exc})",
        )
    tokens = Tokens(view)
    memo: dict[str, Any] = {}
    findings: list[Finding] = []
    errors: list[str] = []
    for rule in settings.rules:
        severity = settings.severities.get(rule.id, rule.default_severity)
        context = RuleContext(rule, document, view, tokens, severity, settings, memo)
        try:
            findings.extend(rule().check(context))
        except CopylintError as exc:  # a rule that cannot work here (a backend is down): say why
            errors.append(f"{document.path}: {rule.id}: {exc}")
        except Exception as exc:  # noqa: BLE001 - a broken rule must not lose the other findings
            errors.append(
                f"{document.path}: rule '{rule.id}' (from {rule.__module__}) crashed ({type(exc).__name__}: {exc})"
            )
    findings = _apply_suppressions(document, _without_echoes(findings), settings)
    findings.sort(key=Finding.sort_key)
    return FileResult(
        path=document.path,
        document=document,
        findings=tuple(findings),
        error="; ".join(errors) or None,
    )


def _apply_suppressions(document: Document, findings: list[Finding], settings: LintSettings) -> list[Finding]:
    """Drop suppressed findings; report directives that silenced nothing (``meta.unused-suppression``)."""
    suppressions = find_suppressions(document)
    if not suppressions:
        return findings
    kept = [f for f in findings if not is_suppressed(suppressions, f.rule, f.span.start)]
    meta = next((rule for rule in settings.rules if rule.id == UNUSED_SUPPRESSION), None)
    if meta is None:
        return kept
    selected = [rule.id for rule in settings.rules]
    for suppression in suppressions:
        if suppression.used:
            continue
        if suppression.rules and not any(
            rule_id == rule or rule_id.startswith(rule.rstrip(".") + ".")
            for rule in suppression.rules
            for rule_id in selected
        ):
            continue  # it silences rules that did not run
        kept.append(
            Finding(
                rule=UNUSED_SUPPRESSION,
                category=meta.category,
                severity=settings.severities.get(UNUSED_SUPPRESSION, meta.default_severity),
                span=suppression.directive,
                message="This suppression comment silences nothing; remove it.",
                suggestions=("",),
            )
        )
    return kept


def _without_echoes(findings: list[Finding]) -> list[Finding]:
    """Drop a LanguageTool finding on exactly the span of one of copylint's own findings."""
    own = {(f.span.start, f.span.end) for f in findings if not f.rule.startswith("languagetool.")}
    return [f for f in findings if not (f.rule.startswith("languagetool.") and (f.span.start, f.span.end) in own)]
