"""``--format github``: GitHub Actions workflow commands, one annotation per finding, plus a
Markdown summary in ``$GITHUB_STEP_SUMMARY`` (GitHub shows only the first annotations of a step):
the counts, a table by severity and a table of every finding."""

from __future__ import annotations

import os
from collections import Counter

from copylint.core.finding import RunResult, Severity
from copylint.reporters import Reporter
from copylint.reporters.display import plural

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
                where = table_cell(f"{result.path}:{start.line}:{start.column}")
                rows.append(
                    f"| {where} | {finding.severity.value} | `{finding.rule}` | {table_cell(finding.message)} |"
                )
        self._summary(run, rows)

    def _summary(self, run: RunResult, rows: list[str]) -> None:
        path = os.environ.get("GITHUB_STEP_SUMMARY")
        if not path:
            return
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n".join(step_summary(run, rows)) + "\n")


def step_summary(run: RunResult, rows: list[str]) -> list[str]:
    """The step summary's Markdown lines: a sentence with the counts, a table of findings by
    severity, then one row per finding (``rows``)."""
    checked = plural(len(run.checked), "file")
    lines = ["## copylint", ""]
    if rows:
        lines.append(f"{plural(len(rows), 'finding')} in {checked}.")
    else:
        lines.append(f"No findings in {checked}.")
    if run.errors:
        lines[-1] += f" {plural(len(run.errors), 'file')} could not be checked."
    if rows:
        counts = Counter(finding.severity for result in run.files for finding in result.findings)
        lines += ["", "| severity | findings |", "|---|--:|"]
        lines += [f"| {severity.value} | {counts[severity]} |" for severity in reversed(Severity)]
        lines += ["", "| where | severity | rule | message |", "|---|---|---|---|", *rows]
    return lines


def table_cell(text: str) -> str:
    """``text`` as one cell of a Markdown table: on one line, its bars escaped."""
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")
