"""Words, sentences and URLs of a prose view, computed once per document and shared by all rules.

All offsets are prose offsets. Words inside URLs, e-mail addresses and bare domains are left out of
:attr:`Tokens.words`, so that spelling and repetition rules never see them.
"""

from __future__ import annotations

import array
import bisect
import itertools
import operator
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from copylint.core.domains import has_known_suffix
from copylint.core.prose import ProseView
from copylint.core.source import Span

_MARK = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Runs of letters or digits and combining marks; written as runs of each class (not one character
# at a time) so that the engine loops in C. The quantifiers are possessive: the two classes are
# disjoint and nothing after a run can match what it gave back, so backtracking could never find
# another word, and not trying it makes the cutting faster.
_LETTERS = rf"(?:[^\W_]++|[{_MARK}]++)++"
WORD_PATTERN = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*+")
_WORD_SPLIT = re.compile(f"({WORD_PATTERN.pattern})")

URL_PATTERN = re.compile(
    r"(?P<url>\b(?:https?|hxxps?|ftp)://[^\s<>\"'`\ufffc]+|\bwww\.[^\s<>\"'`\ufffc]+)"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<domain>\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b(?![.@-]\w)(?:/[^\s<>\"'`]*)?)",
    re.IGNORECASE,
)
# Bare names ending in a file extension that is also a country TLD are files, not domains.
_FILE_SUFFIXES = (".md", ".py", ".sh", ".rs", ".pl", ".so", ".do", ".ps", ".mk", ".am")
_TRAILING = ".,;:!?'\"”’»)]}>*"
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘«(\[]*[A-Z0-9À-ÖØ-Þ]")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st vs etc e.g i.e no nos vol fig figs inc ltd co corp jan feb mar apr
    jun jul aug sep sept oct nov dec gen col lt sgt capt gov sen rep rev hon mt ft approx dept est
    u.s u.k a.m p.m""".split()
)


class Word(NamedTuple):
    """A run of letters and digits, with apostrophes inside (``don't``, ``Baker’s``).

    A named tuple rather than a dataclass: a document has one per word, and tuples are the
    cheapest immutable records to create.
    """

    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


_TEXT = operator.itemgetter(2)
"""A word's text, read in C (``map(_TEXT, words)``)."""


@dataclass(frozen=True, slots=True)
class UrlToken:
    """A URL, e-mail address or bare domain in the prose; ``kind`` is ``url``, ``email`` or ``domain``."""

    start: int
    end: int
    text: str
    kind: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


_URL_MARK = re.compile(r"[.@:](?=\S)")
_NON_SPACE_RUN = re.compile(r"\S*")


def _url_matches(text: str) -> Iterator[re.Match[str]]:
    """``URL_PATTERN``'s matches in ``text``, searched only in the runs of non-space characters
    that hold a ".", "@" or ":" followed by a non-space character (every URL, address and domain
    has one, and no space; a sentence's closing full stop does not make a run worth searching).

    The same matches as searching the whole text, several times faster: the pattern's domain
    branch is otherwise tried at every word boundary.
    """
    reversed_text = text[::-1]
    length = len(text)
    scanned = 0
    for mark in _URL_MARK.finditer(text):
        at = mark.start()
        if at < scanned:
            continue
        run_start = at - len(_NON_SPACE_RUN.match(reversed_text, length - at).group())  # type: ignore[union-attr]
        run_end = _NON_SPACE_RUN.match(text, at).end()  # type: ignore[union-attr]
        yield from URL_PATTERN.finditer(text, run_start, run_end)
        scanned = run_end


class Tokens:
    """Lazily computed tokens of one prose view; each is computed at most once."""

    def __init__(self, view: ProseView) -> None:
        self.view = view

    @cached_property
    def urls(self) -> tuple[UrlToken, ...]:
        found: list[UrlToken] = []
        text = self.view.text
        for match in _url_matches(text):
            kind = match.lastgroup or "url"
            start, end = match.span()
            if kind != "email":
                end = _trim_url(text, start, end)
            if kind == "domain" and not _is_domain(text[start:end]):
                continue
            found.append(UrlToken(start, end, text[start:end], kind))
        return tuple(found)

    @cached_property
    def words(self) -> tuple[Word, ...]:
        return self._words_and_starts[0]

    @cached_property
    def _word_starts(self) -> list[int]:
        return self._words_and_starts[1]

    @cached_property
    def _words_and_starts(self) -> tuple[tuple[Word, ...], list[int]]:
        """The words outside URLs and their starts, cut together once."""
        words, starts = _cut_words(self.view.text)
        if self.urls:
            # drop the words that start inside a URL: URLs are few, so cut index ranges out
            kept: list[Word] = []
            kept_starts: list[int] = []
            taken = 0
            for url in self.urls:
                low = bisect.bisect_left(starts, url.start, taken)
                high = bisect.bisect_left(starts, url.end, low)
                kept.extend(words[taken:low])
                kept_starts.extend(starts[taken:low])
                taken = high
            kept.extend(words[taken:])
            kept_starts.extend(starts[taken:])
            words, starts = kept, kept_starts
        return tuple(words), starts

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentence spans, never crossing a block boundary, leading and trailing space trimmed."""
        text = self.view.text
        spans: list[Span] = []
        for block in self.view.blocks:
            start = block.start
            for match in _SENTENCE_END.finditer(text, block.start, block.end):
                if not _NEXT_STARTS_SENTENCE.match(text, match.end(), block.end):
                    continue
                if _is_abbreviation(text, block.start, match.start()):
                    continue
                _append_trimmed(spans, text, start, match.end())
                start = match.end()
            _append_trimmed(spans, text, start, block.end)
        return tuple(spans)

    def starts_sentence(self, word: Word) -> bool:
        """Whether ``word`` is the first word of its sentence (quotes and brackets may precede it)."""
        index = bisect.bisect_right(self._sentence_starts, word.start) - 1
        if index < 0:
            return True
        sentence = self.sentences[index]
        before = bisect.bisect_left(self._word_starts, word.start) - 1
        if before >= 0 and self.words[before].start >= sentence.start:
            return False  # an earlier word of the same sentence (cheap, and the common case)
        return not any(char.isalnum() for char in self.view.text[sentence.start : word.start])

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def in_url(self, offset: int) -> bool:
        """Whether prose ``offset`` lies inside a URL, e-mail address or bare domain."""
        index = bisect.bisect_right(self._url_starts, offset) - 1
        return index >= 0 and offset < self.urls[index].end

    @cached_property
    def _url_starts(self) -> list[int]:
        return [url.start for url in self.urls]

    def words_in(self, span: Span) -> tuple[Word, ...]:
        """The words that lie inside ``span``."""
        return self.words[self.inside(span)]

    def inside(self, span: Span) -> slice:
        """The indices of the words that lie inside ``span``: those starting in it, less the last
        if it runs past its end (words never overlap, so no other can)."""
        indices = self.index_range(span)
        stop = indices.stop
        if stop > indices.start and self.words[stop - 1].end > span.end:
            stop -= 1
        return slice(indices.start, stop)

    def index_range(self, span: Span) -> slice:
        """The indices of the words that start inside ``span``."""
        starts = self._word_starts
        low = bisect.bisect_left(starts, span.start)
        return slice(low, bisect.bisect_left(starts, span.end, low))

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """Each word's text, index for index with :attr:`words`."""
        return tuple(map(_TEXT, self.words))

    @cached_property
    def folded(self) -> tuple[str, ...]:
        """Each word's text, case-folded, index for index with :attr:`words`."""
        folded = {text: text.casefold() for text in self.forms}
        return tuple(map(folded.__getitem__, self.texts))

    @cached_property
    def folded_forms(self) -> frozenset[str]:
        """The distinct folded forms: whether a form occurs at all, in one look-up."""
        return frozenset(self.folded)

    def indices_of(self, folded_forms: tuple[str, ...]) -> list[int]:
        """The indices of the words whose folded form is one of ``folded_forms``, in order."""
        positions = self._positions
        found = [positions[form] for form in folded_forms if form in positions]
        if len(found) == 1:
            return list(found[0])
        return sorted(itertools.chain.from_iterable(found))

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        """Each folded form's word indices, in order: one pass over the words serves every rule
        that looks for words by form."""
        positions: defaultdict[str, list[int]] = defaultdict(list)
        for index, form in enumerate(self.folded):
            positions[form].append(index)
        return dict(positions)

    @cached_property
    def forms(self) -> frozenset[str]:
        """The distinct texts of the words: rules decide once per form, not once per word."""
        return frozenset(self.texts)

    @cached_property
    def next_same(self) -> array.array[int]:
        """For each word, how many words ahead the same folded word comes next (a large number
        when it never does): repetition rules look only where a word recurs nearby. O(words)."""
        folded = self.folded
        never = len(folded) + 1
        ahead = array.array("q", bytes(8 * len(folded)))
        last_seen: dict[str, int] = {}
        for index in range(len(folded) - 1, -1, -1):
            word = folded[index]
            ahead[index] = last_seen.get(word, index + never) - index
            last_seen[word] = index
        return ahead

    def recurring_within(self, distance: int) -> Iterator[int]:
        """Indices of the words whose folded form comes again within ``distance`` words."""
        return (index for index, ahead in enumerate(self.next_same) if ahead <= distance)


_CHUNK = 1 << 20
"""Characters cut into words at a time: the cutting's working lists grow with the chunk, not the
file (a large file of short words would otherwise hold many times its size in them at once)."""
_SPACE = re.compile(r"\s")


def _cut_words(text: str) -> tuple[list[Word], list[int]]:
    """The words of ``text`` and their starts.

    Each chunk is split on the word pattern (the text between words, then a word, and so on), so
    that offsets are running sums of lengths: no match object and no Python frame per word.
    Chunks end at white space, which no word contains, so the words are those of the whole text.
    """
    words: list[Word] = []
    starts: list[int] = []
    offset, length = 0, len(text)
    while offset < length:
        stop = length
        if offset + _CHUNK < length:
            space = _SPACE.search(text, offset + _CHUNK)
            stop = space.start() if space else length
        parts = _WORD_SPLIT.split(text[offset:stop])
        # offsets: [offset, start 1, end 1, start 2, end 2, ..., offset after the chunk's tail]
        offsets = list(itertools.accumulate(map(len, parts), initial=offset))
        texts = map(sys.intern, parts[1::2])  # prose repeats its words: one string per distinct form
        chunk_starts = offsets[1:-1:2]
        words += map(tuple.__new__, itertools.repeat(Word), zip(chunk_starts, offsets[2::2], texts, strict=True))
        starts += chunk_starts
        offset = stop
    return words, starts


def _is_domain(candidate: str) -> bool:
    """A bare name is a domain when its top-level domain is real (public suffix list), written in
    lower case, and not a file extension ("README.md")."""
    host = candidate.split("/", 1)[0]
    tld = host.rsplit(".", 1)[-1]
    if not tld.islower() or host.lower().endswith(_FILE_SUFFIXES):
        return False
    return has_known_suffix(host.lower())


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation that ends the sentence rather than the URL (keep balanced ``)``)."""
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def _is_abbreviation(text: str, block_start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > block_start and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper())


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end))
