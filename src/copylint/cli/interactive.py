"""``copylint fix --interactive``: walk through each finding and let the user choose, like
``codespell -i``: a suggestion by number, skip, edit (type the replacement) or quit."""

from __future__ import annotations

from collections.abc import Iterable

import click

from copylint.core.finding import Applicability, Edit, Finding, Fix
from copylint.core.fixer import apply_fixes
from copylint.core.source import Document, Span


def review_document(document: Document, findings: Iterable[Finding]) -> str:
    """The document's text with the replacements the user chose (prompts on the terminal)."""
    text = document.text
    chosen: list[tuple[Span, str]] = []
    taken_until = -1
    for finding in sorted(findings, key=lambda f: (f.span.start, f.span.end)):
        if finding.span.start < taken_until:
            continue
        position = document.position(finding.span.start)
        original = text[finding.span.start : finding.span.end]
        click.echo(f"\n{document.path}:{position.line}:{position.column}: {finding.rule} {finding.message}")
        click.echo(f"    {document.line_text(position.line).strip()}")
        for number, suggestion in enumerate(finding.suggestions[:9], start=1):
            click.echo(f"  {number}) {suggestion if suggestion else '(delete)'}")
        answer = (
            click.prompt("  choose a number, [s]kip, [e]dit or [q]uit", default="s", show_default=False).strip().lower()
        )
        if answer == "q":
            break
        if answer == "e":
            replacement = click.prompt("  replace with", default=original)
        elif answer.isdigit() and 1 <= int(answer) <= len(finding.suggestions[:9]):
            replacement = finding.suggestions[int(answer) - 1]
        else:
            continue
        chosen.append((finding.span, replacement))
        taken_until = finding.span.end
    fixes = [Fix((Edit(span, replacement),), Applicability.UNSAFE, "chosen") for span, replacement in chosen]
    return apply_fixes(text, fixes)[0]
