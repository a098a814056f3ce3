"""``--format text``: ``path:line:col: severity rule message``, the suggestion, and the source line
with the span underlined. Colour only when asked (the CLI decides: a terminal and no ``NO_COLOR``).
"""

from __future__ import annotations

import click

from copylint.core.finding import Applicability, Finding, RunResult, Severity
from copylint.core.source import SourceLines
from copylint.reporters import Reporter
from copylint.reporters.display import plural, printable

_SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_EXCERPT_WIDTH = 100
_INVISIBLE = {"\t": "→", "\u00a0": "⍽", "\u200b": "␣", "\u00ad": "‐", "\ufeff": "␣"}


class TextReporter(Reporter):
    name = "text"
    description = "Human-readable lines with the source excerpt underlined (the default)."

    def report(self, run: RunResult) -> None:
        for result in run.files:
            if result.document is None:
                continue
            for finding in result.findings:
                self._finding(result.path, result.document, finding)
        if not self.quiet:
            self._summary(run)

    def _style(self, text: str, **styles: object) -> str:
        return click.style(text, **styles) if self.color else text  # type: ignore[arg-type]

    def _finding(self, path: str, document: SourceLines, finding: Finding) -> None:
        start = document.position(finding.span.start)
        severity = self._style(finding.severity.value, fg=_SEVERITY_COLOURS[finding.severity], bold=True)
        location = self._style(f"{printable(path)}:{start.line}:{start.column}:", bold=True)
        rule = self._style(finding.rule, dim=True)
        self.stream.write(f"{location} {severity} {rule} {finding.message}\n")
        if self.quiet:
            return
        self._excerpt(document, finding, start.line, start.column)
        if finding.suggestions:
            shown = ", ".join(_quote(suggestion) for suggestion in finding.suggestions[:5])
            label = "suggestion"
            if finding.fix is not None:
                label = (
                    "fix"
                    if finding.fix.applicability is Applicability.SAFE
                    else f"fix ({finding.fix.applicability.value})"
                )
            self.stream.write(f"    = {label}: {self._style(shown, fg='green')}\n")

    def _excerpt(self, document: SourceLines, finding: Finding, line: int, column: int) -> None:
        source_line = document.line_text(line)
        end = document.position(finding.span.end)
        end_column = end.column if end.line == line else len(source_line) + 1
        width = max(end_column - column, 1)
        left = max(0, min(column - 1 - 30, len(source_line) - _EXCERPT_WIDTH))
        right = min(len(source_line), left + max(_EXCERPT_WIDTH, width + 40))
        prefix = "…" if left > 0 else ""
        shown = prefix + _visible(source_line[left:right]) + ("…" if right < len(source_line) else "")
        gutter = f"{line:>5} | "
        self.stream.write(f"{gutter}{shown}\n")
        pad = " " * (len(prefix) + column - 1 - left)
        carets = self._style("^" * min(width, right - (column - 1) + 1), fg="red", bold=True)
        self.stream.write(f"{' ' * (len(gutter) - 2)}| {pad}{carets}\n")

    def _summary(self, run: RunResult) -> None:
        findings = [finding for result in run.files for finding in result.findings]
        checked = plural(len(run.checked), "file")
        if findings:
            by_severity = ", ".join(
                plural(count, severity.value)
                for severity in reversed(Severity)
                if (count := sum(1 for finding in findings if finding.severity is severity))
            )
            text = f"Found {plural(len(findings), 'finding')} ({by_severity}) in {checked}."
        else:
            text = f"No findings in {checked}."
        if run.errors:
            text += f" {plural(len(run.errors), 'file')} could not be checked."
        self.stream.write(self._style(text, bold=True) + "\n")


def _quote(suggestion: str) -> str:
    return "(delete)" if suggestion == "" else f"“{_visible(suggestion)}”"


def _visible(text: str) -> str:
    return "".join(_INVISIBLE.get(char, char) for char in text)
