"""Style consistency: a document that writes the same mark two ways (em dashes spaced and closed,
straight and curly quotation marks).

Complexity: one pass over the prose per rule, O(characters).
"""

from __future__ import annotations

import re
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

    Example: in a document with three closed dashes ("one—two") and one spaced ("seven —
    eight"), the spaced one is reported and the fix makes it "seven—eight".

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


class MixedQuoteStyle(Rule):
    """A document that mixes straight (") and curly (“ ”) double quotation marks.

    What it does: counts the straight double quotation marks (not inch or second marks after a
    digit) and the curly ones in the document's prose. When both styles occur, it reports once,
    at the first mark of the less common style (of the curly ones on a tie), with both counts.

    Why: an edited document uses one style; a mix usually means text pasted from elsewhere, or a
    smart-quote setting that changed halfway through.

    Example: a document with "no" and "never" in straight marks and “yes” in curly ones is
    reported once, at the “ of “yes”, as mixing 4 straight and 2 curly marks.

    Fix safety: no fix; which style to keep is the house style's choice.
    """

    id = "style.quote-style"
    category = Category.STYLE
    default_severity = Severity.INFO

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        straight = [m.start() for m in re.finditer('"', text) if not (m.start() and text[m.start() - 1].isdigit())]
        curly = [m.start() for m in re.finditer("[“”]", text)]
        if not straight or not curly:
            return
        minority, name = (straight, "straight") if len(straight) < len(curly) else (curly, "curly")
        yield ctx.finding(
            Span(minority[0], minority[0] + 1),
            f"This document mixes {len(straight)} straight and {len(curly)} curly quotation marks; "
            f"this {name} one is in the minority.",
        )
