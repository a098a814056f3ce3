"""Findings as LSP data: diagnostics, code actions from their fixes and suggestions, and hovers."""

from __future__ import annotations

import os
from collections.abc import Iterable

from lsprotocol import types

from copylint.core.finding import Applicability, Category, Edit, Finding, Severity
from copylint.lsp.positions import to_range
from copylint.lsp.projects import Linted

SOURCE = "copylint"
ACCEPT_WORD = "copylint.acceptWord"
"""The command that adds a word to the project's accept list: arguments, the document URI and the word."""
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def diagnostics(linted: Linted, encoding: str) -> list[types.Diagnostic]:
    """One diagnostic a finding: the rule id as ``code``, its category in ``data``."""
    return [
        types.Diagnostic(
            range=to_range(linted.document, finding.span, encoding),
            message=finding.message,
            severity=_SEVERITY[finding.severity],
            code=finding.rule,
            source=SOURCE,
            data={"category": finding.category.value},
        )
        for finding in linted.findings
    ]


def _overlaps(a: types.Range, b: types.Range) -> bool:
    """Whether the ranges share a character, or touch where one of them is empty (a cursor)."""
    a_start, a_end = (a.start.line, a.start.character), (a.end.line, a.end.character)
    b_start, b_end = (b.start.line, b.start.character), (b.end.line, b.end.character)
    return a_start <= b_end and b_start <= a_end


def findings_at(linted: Linted, where: types.Range, encoding: str) -> list[Finding]:
    return [f for f in linted.findings if _overlaps(to_range(linted.document, f.span, encoding), where)]


def _edit(uri: str, version: int | None, linted: Linted, edits: Iterable[Edit], encoding: str) -> types.WorkspaceEdit:
    text_edits: list[types.TextEdit | types.AnnotatedTextEdit | types.SnippetTextEdit] = [
        types.TextEdit(range=to_range(linted.document, edit.span, encoding), new_text=edit.replacement)
        for edit in edits
    ]
    identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=identifier, edits=text_edits)])


def code_actions(
    uri: str, version: int | None, linted: Linted, where: types.Range, encoding: str, accept_list: str | None = None
) -> list[types.CodeAction]:
    """Quick fixes for the findings in ``where`` (the fix, then each suggestion it does not already
    make, then, for an unknown word, adding it to ``accept_list``), and one action that applies
    every safe fix in the file."""
    actions: list[types.CodeAction] = []
    text = linted.document.text
    for finding in findings_at(linted, where, encoding):
        diagnostic = diagnostics(Linted(linted.document, (finding,)), encoding)
        made: set[str] = set()
        fix = finding.fix
        if fix is not None and fix.applicability is not Applicability.DISPLAY_ONLY:
            made.add(fix.apply_within(text, finding.span))
            actions.append(
                types.CodeAction(
                    title=fix.title or f"Fix {finding.rule}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diagnostic,
                    is_preferred=fix.applicability is Applicability.SAFE,
                    edit=_edit(uri, version, linted, fix.edits, encoding),
                )
            )
        for suggestion in finding.suggestions:
            if suggestion in made:
                continue
            made.add(suggestion)
            actions.append(
                types.CodeAction(
                    title=f"Replace with “{suggestion}”",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diagnostic,
                    edit=_edit(uri, version, linted, [Edit(finding.span, suggestion)], encoding),
                )
            )
        if accept_list is not None and finding.category is Category.TYPO:
            word = text[finding.span.start : finding.span.end]
            title = f"Add “{word}” to {os.path.basename(accept_list)}"
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diagnostic,
                    command=types.Command(title=title, command=ACCEPT_WORD, arguments=[uri, word]),
                )
            )
    safe = safe_edits(linted.findings)
    if safe:
        actions.append(
            types.CodeAction(
                title="Fix all safe copylint fixes in this file",
                kind=types.CodeActionKind.SourceFixAll,
                edit=_edit(uri, version, linted, safe, encoding),
            )
        )
    return actions


def safe_edits(findings: Iterable[Finding]) -> list[Edit]:
    """The edits of every safe fix, in order, leaving out a fix that overlaps one taken before it
    (as one pass of ``copylint fix`` does)."""
    edits: list[Edit] = []
    position = 0
    fixes = [f.fix for f in findings if f.fix is not None and f.fix.applicability is Applicability.SAFE]
    for fix in sorted(fixes, key=lambda fix: (fix.span.start, fix.span.end)):
        if fix.span.start >= position:
            edits.extend(fix.edits)
            position = fix.span.end
    return edits


def hover(linted: Linted, where: types.Position, encoding: str) -> types.Hover | None:
    """The message and rule documentation of each finding under ``where``."""
    found = findings_at(linted, types.Range(start=where, end=where), encoding)
    if not found:
        return None
    rules = linted.session.plugins.rules if linted.session is not None else {}
    parts = []
    for finding in found:
        rule = rules.get(finding.rule)
        documentation = rule.documentation() if rule is not None else ""
        heading = f"**{finding.rule}** ({finding.category.value}, {finding.severity.value}): {finding.message}"
        parts.append(f"{heading}\n\n{documentation}".rstrip())
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))
