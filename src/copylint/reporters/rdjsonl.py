"""``--format rdjsonl``: reviewdog's diagnostic JSON lines, with suggestions reviewdog can post
as suggested changes. reviewdog counts columns in UTF-8 bytes.

A suggested change is one click from being committed, so only warnings and errors carry one by
default: an ``info`` finding is a hint to weigh, not a change to accept. ``COPYLINT_RDJSONL_SUGGEST``
names the lowest severity whose findings carry suggestions (``info`` for all, ``error`` for errors
only)."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from copylint.core.finding import Finding, RunResult, Severity
from copylint.core.source import SourceLines, Span
from copylint.reporters import Reporter

_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SUGGEST_VARIABLE = "COPYLINT_RDJSONL_SUGGEST"
"""The environment variable naming the lowest severity whose findings carry suggested changes."""


def byte_position(document: SourceLines, offset: int) -> dict[str, int]:
    """1-based line and 1-based column in UTF-8 bytes."""
    position = document.position(offset)
    line_start = document.line_starts[position.line - 1]
    return {"line": position.line, "column": len(document.slice(line_start, offset).encode("utf-8")) + 1}


def byte_range(document: SourceLines, span: Span) -> dict[str, Any]:
    return {"start": byte_position(document, span.start), "end": byte_position(document, span.end)}


class RdjsonlReporter(Reporter):
    name = "rdjsonl"
    description = (
        "reviewdog diagnostics, one JSON object a line (columns in UTF-8 bytes); warnings and errors carry "
        f"suggested changes ({SUGGEST_VARIABLE}=info for every finding)."
    )

    def report(self, run: RunResult) -> None:
        lowest = suggestion_level()
        for result in run.files:
            document = result.document
            if document is None:
                continue
            for finding in result.findings:
                diagnostic: dict[str, Any] = {
                    "message": finding.message,
                    "location": {"path": result.path, "range": byte_range(document, finding.span)},
                    "severity": _SEVERITIES[finding.severity.value],
                    "source": {"name": "copylint"},
                    "code": {"value": finding.rule},
                }
                suggestions = _suggestions(document, finding) if finding.severity.rank >= lowest.rank else []
                if suggestions:
                    diagnostic["suggestions"] = suggestions
                self.stream.write(json.dumps(diagnostic, ensure_ascii=False) + "\n")


def _suggestions(document: SourceLines, finding: Finding) -> list[dict[str, Any]]:
    """The finding's fix as reviewdog suggestions, else its first suggestion in place of its span."""
    if finding.fix is not None:
        return [{"range": byte_range(document, edit.span), "text": edit.replacement} for edit in finding.fix.edits]
    if finding.suggestions:
        return [{"range": byte_range(document, finding.span), "text": finding.suggestions[0]}]
    return []


def suggestion_level() -> Severity:
    """The lowest severity whose findings carry suggestions: ``$COPYLINT_RDJSONL_SUGGEST``, else
    ``warning`` (with a note on standard error for a value that names no severity)."""
    value = os.environ.get(SUGGEST_VARIABLE, "").strip().lower()
    if not value:
        return Severity.WARNING
    try:
        return Severity(value)
    except ValueError:
        choices = ", ".join(severity.value for severity in Severity)
        sys.stderr.write(f"copylint: note: {SUGGEST_VARIABLE}={value!r} is not one of {choices}; using warning\n")
        return Severity.WARNING
