"""``--format sarif``: SARIF 2.1.0, with the rules, every result's region (columns counted in
Unicode code points, said explicitly with ``columnKind``) and fixes for fixable findings."""

from __future__ import annotations

import json
from typing import Any

from copylint._version import __version__
from copylint.core.finding import Finding, RunResult
from copylint.core.fingerprint import fingerprints
from copylint.core.source import SourceLines, Span
from copylint.reporters import Reporter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _region(document: SourceLines, span: Span) -> dict[str, int]:
    start = document.position(span.start)
    end = document.position(span.end)
    return {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column}


def _uri(path: str) -> str:
    return path.replace("\\", "/").removeprefix("./")


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning and others)."

    def report(self, run: RunResult) -> None:
        rule_ids = sorted({f.rule for r in run.files for f in r.findings} | set(self.rules))
        rules = [self._rule(rule_id) for rule_id in rule_ids]
        index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
        results = [
            self._result(result.path, result.document, finding, digest, index)
            for result, finding, digest in fingerprints(run.files)
            if result.document is not None
        ]
        notifications = [
            {"level": "error", "message": {"text": result.error}, "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}
            ]}
            for result in run.errors
        ]  # fmt: skip
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "copylint",
                            "version": __version__,
                            "informationUri": "https://pypi.org/project/copylint/",
                            "rules": rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                    "invocations": [
                        {"executionSuccessful": not run.errors, "toolExecutionNotifications": notifications}
                    ],
                }
            ],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")

    def _rule(self, rule_id: str) -> dict[str, Any]:
        rule = self.rules.get(rule_id)
        if rule is None:
            return {"id": rule_id, "name": rule_id}
        return {
            "id": rule_id,
            "name": "".join(part.title() for part in rule_id.replace(".", "-").split("-")),
            "shortDescription": {"text": rule.summary()},
            "fullDescription": {"text": rule.documentation()},
            "help": {"text": rule.documentation()},
            "defaultConfiguration": {"level": _LEVELS[rule.default_severity.value]},
            "properties": {"category": rule.category.value, "fixable": rule.fixable},
        }

    def _result(
        self, path: str, document: SourceLines, finding: Finding, digest: str, index: dict[str, int]
    ) -> dict[str, Any]:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": _LEVELS[finding.severity.value],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(path)},
                        "region": _region(document, finding.span),
                    }
                }
            ],
            "partialFingerprints": {"copylint/v1": digest},
        }
        if finding.fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": finding.fix.title or "Apply the suggested fix"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(path)},
                            "replacements": [
                                {
                                    "deletedRegion": _region(document, edit.span),
                                    "insertedContent": {"text": edit.replacement},
                                }
                                for edit in finding.fix.edits
                            ],
                        }
                    ],
                }
            ]
        return result
