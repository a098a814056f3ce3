"""``--format json``: one object, ``{"version": 1, "findings": [...], "summary": {...}}``.

This is a public contract (see the README): fields are only ever added, never renamed.
"""

from __future__ import annotations

import json
from typing import Any

from copylint.core.finding import Finding, RunResult
from copylint.core.source import SourceLines
from copylint.reporters import Reporter

SCHEMA_VERSION = 1


def finding_record(path: str, document: SourceLines, finding: Finding) -> dict[str, Any]:
    """A finding as the JSON contract describes it: 1-based lines, code-point columns, end exclusive."""
    start = document.position(finding.span.start)
    end = document.position(finding.span.end)
    record: dict[str, Any] = {
        "path": path,
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "message": finding.message,
        "suggestions": list(finding.suggestions),
    }
    if finding.fix is not None:
        record["fix"] = {
            "applicability": finding.fix.applicability.value,
            "title": finding.fix.title,
            "edits": [
                {
                    "line": document.position(edit.span.start).line,
                    "column": document.position(edit.span.start).column,
                    "end_line": document.position(edit.span.end).line,
                    "end_column": document.position(edit.span.end).column,
                    "replacement": edit.replacement,
                }
                for edit in finding.fix.edits
            ],
        }
    return record


class JsonReporter(Reporter):
    name = "json"
    description = "One JSON object with every finding and a summary (the stable machine contract)."

    def report(self, run: RunResult) -> None:
        findings = [
            finding_record(result.path, result.document, finding)
            for result in run.files
            if result.document is not None
            for finding in result.findings
        ]
        findings.sort(key=lambda record: (record["path"], record["line"], record["column"]))
        payload = {"version": SCHEMA_VERSION, "findings": findings, "summary": run.summary()}
        json.dump(payload, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
