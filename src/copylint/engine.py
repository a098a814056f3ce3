"""Lint one document: build its prose view, tokenise once, run the rules, sort the findings.

The engine is a pure function of the document and its settings, so that runs can be split across
processes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from copylint.finding import FileResult, Finding, Severity
from copylint.formats import DocumentFormat
from copylint.links.data import SpamSettings
from copylint.rule import Rule, RuleContext
from copylint.source import Document
from copylint.spelling.vocabulary import Vocabulary
from copylint.tokens import Tokens


@dataclass(frozen=True)
class LintSettings:
    """The rules to run (already selected), per-rule severity overrides, and shared word lists."""

    rules: Sequence[type[Rule]]
    severities: Mapping[str, Severity] = field(default_factory=dict)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    spam: SpamSettings = field(default_factory=SpamSettings)


def lint_document(document: Document, document_format: DocumentFormat, settings: LintSettings) -> FileResult:
    """All findings for ``document``, sorted by position. A crashing rule is reported, not raised."""
    try:
        view = document_format.build_view(document)
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
        except Exception as exc:  # noqa: BLE001 - a broken rule must not lose the other findings
            errors.append(f"{document.path}: rule '{rule.id}' crashed ({type(exc).__name__}: {exc})")
    findings.sort(key=Finding.sort_key)
    return FileResult(
        path=document.path,
        document=document,
        findings=tuple(findings),
        error="; ".join(errors) or None,
    )
