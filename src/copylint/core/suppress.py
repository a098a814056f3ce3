"""Inline suppression: directives in the document that silence findings, as a mask over source
offsets.

In formats with comments (Markdown, HTML): ``<!-- copylint-disable RULE... -->`` …
``<!-- copylint-enable [RULE...] -->``, ``<!-- copylint-disable-next-line [RULE...] -->`` and
``<!-- copylint-disable-file [RULE...] -->``; in MDX, whose comments are expressions, the same
directives in ``{/* … */}``. In line-based formats (plain text):
``copylint: ignore`` or ``copylint-disable-next-line [RULE...]`` on a line of its own silences the
next line. Rules are ids or prefixes; none means every rule.

Complexity: one regular-expression pass to find the directives, then O(findings × directives).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from copylint.core.prose import DirectiveSyntax
from copylint.core.selection import matches
from copylint.core.source import Document, Span

_COMMENT = re.compile(
    r"(?:<!--|\{/\*)\s*copylint-(?P<kind>disable-next-line|disable-file|disable|enable)\b(?P<rules>[^>]*?)\s*(?:-->|\*/\})"
)
_LINE = re.compile(
    r"^[ \t]*(?:copylint:[ \t]*ignore|copylint-(?P<kind>disable-next-line))(?P<rules>[^\n]*?)[ \t]*\r?$",
    re.MULTILINE,
)


@dataclass
class Suppression:
    """One directive: where it is, what it silences, and whether it silenced anything."""

    directive: Span
    scope: Span
    rules: tuple[str, ...]
    used: bool = field(default=False)

    def covers(self, rule_id: str, offset: int) -> bool:
        if not self.scope.start <= offset < max(self.scope.end, self.scope.start + 1):
            return False
        return not self.rules or any(matches(rule, rule_id) for rule in self.rules)


def _rules(text: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,]+", text.strip()) if part)


def _next_line(text: str, offset: int) -> Span:
    start = text.find("\n", offset)
    if start < 0:
        return Span(len(text), len(text))
    start += 1
    end = text.find("\n", start)
    return Span(start, len(text) if end < 0 else end)


def find_suppressions(document: Document, syntax: DirectiveSyntax) -> list[Suppression]:
    """The directives in ``document``, written as its format writes them."""
    text = document.text
    found: list[Suppression] = []
    if syntax is DirectiveSyntax.LINES:
        for match in _LINE.finditer(text):
            found.append(Suppression(Span(*match.span()), _next_line(text, match.end()), _rules(match.group("rules"))))
        return found
    open_blocks: list[tuple[Span, tuple[str, ...]]] = []
    for match in _COMMENT.finditer(text):
        kind, rules, directive = match.group("kind"), _rules(match.group("rules")), Span(*match.span())
        if kind == "disable-file":
            found.append(Suppression(directive, Span(0, len(text)), rules))
        elif kind == "disable-next-line":
            found.append(Suppression(directive, _next_line(text, match.end()), rules))
        elif kind == "disable":
            open_blocks.append((directive, rules))
        else:
            still_open = []
            for opened, opened_rules in open_blocks:
                if not rules or set(opened_rules) & set(rules) or not opened_rules:
                    found.append(Suppression(opened, Span(opened.end, directive.start), opened_rules))
                else:
                    still_open.append((opened, opened_rules))
            open_blocks = still_open
    for opened, opened_rules in open_blocks:
        found.append(Suppression(opened, Span(opened.end, len(text)), opened_rules))
    return found


def is_suppressed(suppressions: Sequence[Suppression], rule_id: str, offset: int) -> bool:
    """Whether a directive silences ``rule_id`` at ``offset`` (a directive's own text is never linted)."""
    hit = False
    for suppression in suppressions:
        if suppression.directive.start <= offset < suppression.directive.end:
            return True
        if suppression.covers(rule_id, offset):
            suppression.used = True
            hit = True
    return hit
