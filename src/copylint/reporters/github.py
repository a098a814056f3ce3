"""``--format github``: GitHub Actions workflow commands, one annotation per finding, plus a
Markdown summary table in ``$GITHUB_STEP_SUMMARY`` (GitHub shows only the first annotations of a
step)."""

from __future__ import annotations

import os

from copylint.core.finding import RunResult
from copylint.reporters import Reporter

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations (::error file=...::message) and a step summary."

    def report(self, run: RunResult) -> None:
        rows: list[str] = []
        for result in run.files:
            if result.document is None:
                self.stream.write(f"::error file={escape_property(result.path)}::{escape_data(result.error or '')}\n")
                continue
            for finding in result.findings:
                start = result.document.position(finding.span.start)
                end = result.document.position(finding.span.end)
                properties = [f"file={escape_property(result.path)}", f"line={start.line}", f"endLine={end.line}"]
                if start.line == end.line:
                    properties += [f"col={start.column}", f"endColumn={end.column}"]
                properties.append(f"title={escape_property(finding.rule)}")
                message = finding.message
                if finding.suggestions:
                    message += f" Suggestion: {finding.suggestions[0]!r}"
                level = _LEVELS[finding.severity.value]
                self.stream.write(f"::{level} {','.join(properties)}::{escape_data(message)}\n")
                rows.append(
                    f"| {result.path}:{start.line}:{start.column} | {finding.severity.value} | `{finding.rule}` | "
                    + finding.message.replace("|", "\\|").replace("\n", " ")
                    + " |"
                )
        self._summary(run, rows)

    def _summary(self, run: RunResult, rows: list[str]) -> None:
        path = os.environ.get("GITHUB_STEP_SUMMARY")
        if not path:
            return
        counts = run.summary()["by_severity"]
        lines = [
            "## copylint",
            "",
            f"{len(rows)} findings in {len(run.checked)} files ({counts}).",
            "",
        ]
        if rows:
            lines += ["| where | severity | rule | message |", "|---|---|---|---|", *rows]
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
