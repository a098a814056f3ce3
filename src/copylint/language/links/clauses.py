"""What a spam finding's fix removes: the spam links' sentence (or its whole paragraph or list
item), or, when the sentence also holds a legitimate link, only the spam links' clause, so that
the fix never touches the legitimate link.

A sentence holds clauses joined by commas, semicolons, colons, dashes and "and", "or", "but"; the
spam links' clause runs from the separator before them (or the sentence's start) to the separator
after them (or the sentence's end, less its closing punctuation), never past a legitimate link.
Clause offsets are prose offsets; the edits are source edits.
"""

from __future__ import annotations

import re

from copylint.core.finding import Edit
from copylint.core.prose import ProseView
from copylint.core.source import Span

SEPARATOR = re.compile(
    r"\s*(?:[,;:]|\s[-\u2013\u2014]\s|[\u2013\u2014])\s*(?:(?:and|or|but|plus)\s+)?|\s+(?:and|or|but|plus)\s+",
    re.IGNORECASE,
)
_CLOSING = " \t\n.!?\u2026\"'\u201d\u2019)]"


def spam_clause(text: str, sentence: Span, spam: Span, before: int | None, after: int | None) -> Span:
    """The prose to remove for the spam words at ``spam`` in ``sentence``, where the nearest
    legitimate link before them ends at ``before`` and the nearest one after starts at ``after``
    (``None`` when there is none): the whole sentence when there is no legitimate link in it."""
    if before is None and after is None:
        return sentence
    if before is None:
        start = sentence.start
    else:
        separators = list(SEPARATOR.finditer(text, before, max(before, spam.start)))
        start = separators[-1].start() if separators else before
    if after is None:
        end = sentence.end
        while end > spam.end and text[end - 1] in _CLOSING:
            end -= 1
        return Span(start, max(end, spam.end))
    separator = SEPARATOR.search(text, spam.end, max(spam.end, after))
    if separator is None:
        return Span(start, after if before is None else spam.end)
    # with a legitimate link on either side, the separator before the spam stays out of the way
    # of the one after: only one of them goes
    return Span(start, separator.end() if before is None else separator.start())


def within(span: Span, region: Span) -> Span | None:
    """``span`` clipped to ``region`` (``None`` when they do not meet)."""
    start, end = max(span.start, region.start), min(span.end, region.end)
    return Span(start, end) if start < end else None


def sentence_removal(
    document: str, view: ProseView, span: Span, markup: Span | None, whole_lines: bool
) -> tuple[Edit, ...]:
    """Source edits that delete the prose ``span`` (a sentence) with the links' ``markup``, or
    its whole lines (a paragraph, a list item) when it fills its block and ``whole_lines`` allows
    (not in HTML, where tags share lines)."""
    source = view.to_source(span)
    if markup is not None:
        source = Span(min(source.start, markup.start), max(source.end, markup.end))
    if whole_lines and fills_block(view, span):
        line_start = document.rfind("\n", 0, source.start) + 1
        if not document[line_start : source.start].strip(" \t>-*+#0123456789."):
            return (_delete_lines(document, line_start, _line_end(document, source.end)),)
    end = source.end
    while end < len(document) and document[end] in " \t":
        end += 1
    start = source.start
    if end == source.end:
        while start > 0 and document[start - 1] in " \t":
            start -= 1
    return (Edit(Span(start, end), ""),)


def clause_removal(document: str, source: Span, capitalise: bool) -> tuple[Edit, ...]:
    """The edit that deletes the clause at ``source``; when it opened its sentence, the letter
    that now opens it becomes a capital."""
    if capitalise and source.end < len(document) and document[source.end].islower():
        return (Edit(Span(source.start, source.end + 1), document[source.end].upper()),)
    return (Edit(source, ""),)


def fills_block(view: ProseView, span: Span) -> bool:
    """Whether the prose ``span`` is all there is of its block (less surrounding space)."""
    blocks = view.blocks
    index = view.block_index(span.start)
    if index < 0 or not blocks[index].start <= span.start < blocks[index].end:
        return False
    block, prose = blocks[index], view.text
    if block.end - block.start > 2 * (span.end - span.start) + 200:
        return False  # far longer than the span: no need to compare the texts
    return prose[block.start : block.end].strip() == prose[span.start : span.end].strip()


def _line_end(text: str, offset: int) -> int:
    """The offset just after the line break that ends the line holding ``offset``."""
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _delete_lines(text: str, start: int, end: int) -> Edit:
    """Delete whole lines and the blank lines after them (or before them, at the end of the text)."""
    while end < len(text) and not text[end : _line_end(text, end)].strip():
        end = _line_end(text, end)
    if end >= len(text):
        while start > 0:
            previous = text.rfind("\n", 0, start - 1) + 1
            if text[previous:start].strip():
                break
            start = previous
    return Edit(Span(start, end), "")
