"""``--format gitlab``: GitLab Code Quality JSON, with fingerprints that are unique per occurrence
and stable when lines move."""

from __future__ import annotations

import json

from copylint.core.finding import RunResult
from copylint.core.fingerprint import fingerprints
from copylint.reporters import Reporter

_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


class GitlabReporter(Reporter):
    name = "gitlab"
    description = "GitLab Code Quality report (merge request widget)."

    def report(self, run: RunResult) -> None:
        issues = []
        for result, finding, digest in fingerprints(run.files):
            assert result.document is not None
            start = result.document.position(finding.span.start)
            end = result.document.position(finding.span.end)
            issues.append(
                {
                    "description": f"{finding.rule}: {finding.message}",
                    "check_name": finding.rule,
                    "fingerprint": digest,
                    "severity": _SEVERITIES[finding.severity.value],
                    "location": {"path": result.path, "lines": {"begin": start.line, "end": end.line}},
                }
            )
        json.dump(issues, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
