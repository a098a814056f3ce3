"""``--format rdjsonl``: reviewdog's diagnostic JSON lines, with suggestions reviewdog can post
as suggested changes. reviewdog counts columns in UTF-8 bytes."""

from __future__ import annotations

import json
from typing import Any

from copylint.core.finding import RunResult
from copylint.core.source import SourceLines, Span
from copylint.reporters import Reporter

_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def byte_position(document: SourceLines, offset: int) -> dict[str, int]:
    """1-based line and 1-based column in UTF-8 bytes."""
    position = document.position(offset)
    line_start = document.line_starts[position.line - 1]
    return {"line": position.line, "column": len(document.slice(line_start, offset).encode("utf-8")) + 1}


def byte_range(document: SourceLines, span: Span) -> dict[str, Any]:
    return {"start": byte_position(document, span.start), "end": byte_position(document, span.end)}


class RdjsonlReporter(Reporter):
    name = "rdjsonl"
    description = "reviewdog diagnostics, one JSON object a line (columns in UTF-8 bytes)."

    def report(self, run: RunResult) -> None:
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
                if finding.fix is not None:
                    diagnostic["suggestions"] = [
                        {"range": byte_range(document, edit.span), "text": edit.replacement}
                        for edit in finding.fix.edits
                    ]
                elif finding.suggestions:
                    diagnostic["suggestions"] = [
                        {"range": byte_range(document, finding.span), "text": finding.suggestions[0]}
                    ]
                self.stream.write(json.dumps(diagnostic, ensure_ascii=False) + "\n")
