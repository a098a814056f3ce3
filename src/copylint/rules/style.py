"""Dash style: em dashes spaced in one place and closed up in another.

Complexity: one pass over the prose, O(characters).
"""

from __future__ import annotations

from collections.abc import Iterator

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """The spans a left-to-right pattern search would return: each after the previous one's end."""
    kept: list[Span] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _spaced(text: str) -> list[Span]:
    """Each " — " between two non-space characters (what ``(?<=\\S) — (?=\\S)`` finds)."""
    return [
        Span(at, at + 3)
        for at in _occurrences(text, " — ")
        if at > 0 and not text[at - 1].isspace() and at + 3 < len(text) and not text[at + 3].isspace()
    ]


def _closed(text: str) -> list[Span]:
    """Each "—" between two characters that are neither space nor a dash."""
    return [
        Span(at, at + 1)
        for at in _occurrences(text, "—")
        if at > 0 and _joins(text[at - 1]) and at + 1 < len(text) and _joins(text[at + 1])
    ]


def _joins(char: str) -> bool:
    return char != "—" and not char.isspace()


def _occurrences(text: str, needle: str) -> list[int]:
    """Every start of ``needle`` in ``text``, overlapping ones included (found by ``str.find``, in
    C, rather than by a pattern that tests a lookbehind at every character)."""
    found: list[int] = []
    at = text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


class DashSpacing(Rule):
    """Em dashes used both spaced ("word — word") and closed ("word—word") in one document.

    What it does: counts both forms and reports each dash of the less common form, suggesting
    the more common one. When both are equally common, nothing is reported.

    Why: house styles pick one (AP spaces em dashes, Chicago closes them); a document that uses
    both looks unedited.

    Fix safety: unsafe; the fix rewrites the dash in the majority form.
    """

    id = "style.dash-spacing"
    category = Category.STYLE
    default_severity = Severity.INFO
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        if "—" not in text:
            return
        spaced = _non_overlapping(_spaced(text))
        closed = _closed(text)
        if not spaced or not closed or len(spaced) == len(closed):
            return
        minority, replacement, form = (
            (spaced, "—", "closed") if len(spaced) < len(closed) else (closed, " — ", "spaced")
        )
        for span in minority:
            yield ctx.finding(
                span,
                f"Em dash style: this document mostly uses {form} em dashes "
                f"({len(spaced)} spaced, {len(closed)} closed).",
                suggestions=(replacement,),
                edits=(ProseEdit(span, replacement),),
                applicability=Applicability.UNSAFE,
                fix_title=f"Use a {form} em dash",
            )
