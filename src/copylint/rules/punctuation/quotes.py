"""Double quotation marks paired through a document.

Complexity: one scan over the quotation marks of the prose, O(characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copylint.core.finding import Applicability, Category, Finding, Severity
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span

_DOUBLE_QUOTES = re.compile(r"[“”\"]")


class Quotes(Rule):
    """Unbalanced or doubled double quotation marks: “escape?”” or a quotation never closed.

    What it does: pairs opening and closing double quotation marks through the document, curly
    (“ ”) or straight ("). A doubled mark (””) is reported with a fix; an opening mark never
    closed, or a closing mark with nothing open, is reported without one.

    Why: a reader cannot tell where an unclosed quotation ends; a doubled mark is a slip left by
    editing or by smart-quote conversion.

    A quotation may run over several paragraphs, with or without the convention of reopening
    each paragraph with “. Inch and second marks after a number (20" wide) are not quotation
    marks, and single quotes are left alone because ’ is also the apostrophe.

    Example: "He asked “escape?”” and left." becomes "He asked “escape?” and left.".

    Fix safety: safe for a doubled mark (delete one); none otherwise.
    """

    id = "punctuation.quotes"
    category = Category.PUNCTUATION
    default_severity = Severity.WARNING
    fixable = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        view = ctx.view
        open_at: int | None = None
        previous_end = -2
        for match in _DOUBLE_QUOTES.finditer(text):
            offset, mark = match.start(), match.group()
            if offset == previous_end and mark == text[offset - 1] and mark in "“”":
                yield ctx.finding(
                    Span(offset - 1, offset + 1),
                    f"Doubled quotation mark “{mark}{mark}”.",
                    edits=(ProseEdit(Span(offset, offset + 1), ""),),
                    applicability=Applicability.SAFE,
                    fix_title="Delete the extra mark",
                )
                previous_end = -2
                continue
            previous_end = offset + 1
            if mark == '"' and offset > 0 and text[offset - 1].isdigit():
                continue  # inches or seconds
            opening = mark == "“" or (mark == '"' and open_at is None)
            if not opening:
                if open_at is None:
                    yield ctx.finding(Span(offset, offset + 1), f"{mark} closes a quotation that was never opened.")
                open_at = None
                continue
            if open_at is not None:
                same_block = view.block_index(open_at) == view.block_index(offset)
                reopened = not same_block and view.starts_block(offset)
                if not reopened:
                    yield ctx.finding(Span(open_at, open_at + 1), f"{text[open_at]} is not closed before the next one.")
            open_at = offset
        if open_at is not None:
            yield ctx.finding(Span(open_at, open_at + 1), f"{text[open_at]} is never closed.")
