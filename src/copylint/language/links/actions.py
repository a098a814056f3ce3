"""Calls to action in a sentence, each given to the one link it sells: a link in the same clause
(no comma, semicolon, dash or "and", "or", "but" between them) before one in another, one that
holds the call or follows it ("claim free spins at [this site]") before one that comes first,
and the nearest of those. A sentence that also links
an honest page ("read [the guide], or claim free spins at …") must not lend the call to that page.

Complexity: one search of at most ``CONTEXT`` characters either side of each link, and for each
call to action a look at the links within that reach of it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from copylint.core.source import Span
from copylint.language.links.clauses import SEPARATOR
from copylint.language.links.data import SpamData

CONTEXT = 300
"""Characters of the link's sentence looked at on either side of it for a call to action."""


@dataclass(frozen=True, slots=True)
class Action:
    """A call to action: its category, its words as written and its prose span."""

    category: str
    words: str
    span: Span


def around(text: str, sentence: Span, anchor: Span) -> Span:
    """The sentence, clipped to ``CONTEXT`` characters either side of the link: a call to action
    belongs next to its link, and a run-on "sentence" of megabytes must not be searched per link."""
    return Span(max(sentence.start, anchor.start - CONTEXT), min(sentence.end, anchor.end + CONTEXT))


def sentence_actions(text: str, sentence: Span, anchors: Sequence[Span], data: SpamData) -> list[Action | None]:
    """The call to action of each link (by its ``anchors``, the links of one sentence), or ``None``."""
    found: dict[tuple[int, int], Action] = {}
    for anchor in anchors:
        window = around(text, sentence, anchor)
        matched = data.call_to_action(text[window.start : window.end])
        if matched is not None:
            category, match = matched
            span = Span(window.start + match.start(), window.start + match.end())
            found.setdefault((span.start, span.end), Action(category, " ".join(match.group().split()), span))
    owned: list[Action | None] = [None] * len(anchors)
    if not found:
        return owned
    order = sorted(range(len(anchors)), key=lambda index: anchors[index].start)
    starts = [anchors[index].start for index in order]
    for action in found.values():
        # only the links within reach of the call: those whose window found it
        low = bisect.bisect_left(starts, action.span.start - CONTEXT - _LONGEST_ANCHOR)
        high = bisect.bisect_right(starts, action.span.end + CONTEXT)
        near = [index for index in order[low:high] if _reaches(anchors[index], action.span)]
        if near:
            nearest = min(near, key=lambda index: _distance(text, action.span, anchors[index]))
            owned[nearest] = owned[nearest] or action
    return owned


_LONGEST_ANCHOR = 2_000
"""How long link text may be and still reach back to a call to action before it."""


def _reaches(anchor: Span, action: Span) -> bool:
    return anchor.start - CONTEXT <= action.start and action.end <= anchor.end + CONTEXT


def _distance(text: str, action: Span, anchor: Span) -> tuple[bool, bool, int]:
    """How far the link is from the call to action: whether a clause boundary parts them, whether
    the link comes before the call (a call mostly comes first: "claim free spins at [this
    site]"), and the characters between them (none when they overlap)."""
    if anchor.start >= action.end:
        between = Span(action.end, anchor.start)
    elif anchor.end <= action.start:
        between = Span(anchor.end, action.start)
    else:
        return (False, False, 0)
    parted = SEPARATOR.search(text, between.start, between.end) is not None
    return (parted, anchor.end <= action.start, between.end - between.start)
