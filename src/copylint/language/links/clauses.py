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
    edit = balanced(document, source)
    start, end = edit.span.start, edit.span.end
    if not edit.replacement:
        line_start, line_end = document.rfind("\n", 0, start) + 1, _line_end(document, end)
        if not document[line_start:start].strip() and not document[end:line_end].strip():
            return (Edit(Span(line_start, line_end), ""),)  # the line held nothing else: it goes
    while end < len(document) and document[end] in " \t":
        end += 1
    if end == edit.span.end:
        while start > 0 and document[start - 1] in " \t":
            start -= 1
    return (Edit(Span(start, end), edit.replacement),)


def clause_removal(document: str, source: Span, capitalise: bool) -> tuple[Edit, ...]:
    """The edit that deletes the clause at ``source``; when it opened its sentence, the letter
    that now opens it becomes a capital."""
    edit = balanced(document, source)
    end = edit.span.end
    word = document[end : end + _WORD].split(maxsplit=1)[0] if document[end : end + _WORD].strip() else ""
    address = "/" in word or "." in word.rstrip(".,;:!?")
    if capitalise and not edit.replacement and word[:1].islower() and not address:
        return (Edit(Span(edit.span.start, end + 1), document[end].upper()),)
    return (edit,)


_WORD = 100


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>")
_OPENING_BEFORE = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>\s*\Z")
_CLOSING_AFTER = re.compile(r"\s*</([A-Za-z][A-Za-z0-9-]*)\s*>")
_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"})
_WRAPPERS = frozenset(
    "a aside b big blockquote center dd div dt em font i label li mark p s small span strong sub sup u".split()
)
"""Elements that may go with the text they wrap (not table cells, sections or the body)."""
_REACH = 400


def balanced(document: str, source: Span) -> Edit:
    """The edit that deletes ``source`` without breaking the markup around it: an element it
    opens or closes only in part is taken whole when its other tag is next to the span, an
    element that only wraps the span goes with it ("<p><a …>…</a></p>"), and the tags still
    unmatched stay (the text between them goes). Markdown emphasis the span holds only one
    delimiter of ("**name** — spam") takes in the other one when it is next to the span."""
    start, end = _emphasis_whole(document, source.start, source.end)
    if "<" not in document[max(0, start - 1) : end + 1]:
        return Edit(Span(start, end), "")
    while True:
        opened, closed = _unmatched(document, start, end)
        before = _OPENING_BEFORE.search(document, max(0, start - _REACH), start)
        after = _CLOSING_AFTER.match(document, end)
        if closed and before and before.group(1).lower() == closed[0][1]:
            start = before.start()
        elif opened and after and after.group(1).lower() == opened[-1][1]:
            end = after.end()
        elif not opened and not closed and before and after and before.group(1).lower() == after.group(1).lower():
            if before.group(1).lower() not in _WRAPPERS:
                break
            start, end = before.start(), after.end()
        else:
            break
    opened, closed = _unmatched(document, start, end)
    kept = sorted(closed + opened)
    return Edit(Span(start, end), "".join(document[tag[0] : tag[2]] for tag in kept))


_EMPHASIS = re.compile(r"(?<![\w*_~])(?:\*{1,3}|_{1,3}|~~)(?![*_~])|(?<![*_~])(?:\*{1,3}|_{1,3}|~~)(?![\w*_~])")


def _emphasis_whole(document: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved over a Markdown emphasis delimiter next to them whose partner
    is the only one of its kind inside (``**`` … ``**``; ``_`` inside a word is no delimiter)."""
    runs: dict[str, int] = {}
    for found in _EMPHASIS.finditer(document, start, end):
        runs[found.group()] = runs.get(found.group(), 0) + 1
    for run, count in runs.items():
        if count % 2 == 0:
            continue
        if document[max(0, start - len(run)) : start] == run:
            start -= len(run)
        elif document[end : end + len(run)] == run:
            end += len(run)
    return start, end


def _unmatched(document: str, start: int, end: int) -> tuple[list[tuple[int, str, int]], list[tuple[int, str, int]]]:
    """The tags in ``document[start:end]`` left unmatched inside it: the ones it opens without
    closing, and the ones it closes without opening (each as start, name, end)."""
    opened: list[tuple[int, str, int]] = []
    closed: list[tuple[int, str, int]] = []
    for tag in _TAG.finditer(document, start, end):
        name = tag.group(2).lower()
        if name in _VOID or tag.group().endswith("/>"):
            continue
        if not tag.group(1):
            opened.append((tag.start(), name, tag.end()))
            continue
        match = next((index for index in range(len(opened) - 1, -1, -1) if opened[index][1] == name), None)
        if match is None:
            closed.append((tag.start(), name, tag.end()))
        else:
            del opened[match:]
    return opened, closed


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
