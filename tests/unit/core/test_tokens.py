"""Words, sentences and URLs are found once and exclude each other sensibly."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from copylint.core.source import Document
from copylint.core.tokens import URL_PATTERN, Tokens, _url_matches
from copylint.formats.markdown import MarkdownFormat
from copylint.formats.plaintext import PlainTextFormat
from copylint.language.links.candidates import _OBFUSCATED, obfuscated_matches


def tokens(text: str, name: str = "a.txt") -> Tokens:
    document = Document(name, text)
    view = (MarkdownFormat() if name.endswith(".md") else PlainTextFormat()).build_view(document)
    return Tokens(view)


def test_words_keep_apostrophes_and_combining_marks() -> None:
    found = [w.text for w in tokens("Baker’s don't nai\u0308ve socio-tragic 3.5").words]
    assert found == ["Baker’s", "don't", "nai\u0308ve", "socio", "tragic", "3", "5"]


def test_urls_emails_and_domains_are_recognised_and_hidden_from_words() -> None:
    t = tokens("See https://example.com/a_b?x=1, mail ed@news.example.org or visit MyFlixer-to.click now. Not file.md.")
    kinds = [(u.text, u.kind) for u in t.urls]
    assert kinds == [
        ("https://example.com/a_b?x=1", "url"),
        ("ed@news.example.org", "email"),
        ("MyFlixer-to.click", "domain"),
    ]
    words = [w.text for w in t.words]
    assert "example" not in words and "MyFlixer" not in words and "ed" not in words
    assert words[:2] == ["See", "mail"] and "file" in words


def test_url_keeps_balanced_parentheses_and_drops_trailing_punctuation() -> None:
    t = tokens("Read (https://en.wikipedia.org/wiki/Foo_(bar)). Then https://x.org/a.")
    assert [u.text for u in t.urls] == ["https://en.wikipedia.org/wiki/Foo_(bar)", "https://x.org/a"]


def test_sentences_split_on_end_punctuation_but_not_abbreviations() -> None:
    t = tokens("Dr. Smith arrived at 3.5 p.m. on time. “Why?” she asked. E.g. this one. Last one")
    text = t.view.text
    assert [text[s.start : s.end] for s in t.sentences] == [
        "Dr. Smith arrived at 3.5 p.m. on time.",
        "“Why?” she asked.",
        "E.g. this one.",
        "Last one",
    ]


def test_sentences_never_cross_blocks() -> None:
    t = tokens("# Heading without stop\n\nFirst sentence. Second\n", "a.md")
    text = t.view.text
    assert [text[s.start : s.end] for s in t.sentences] == ["Heading without stop", "First sentence.", "Second"]


def test_words_in_span() -> None:
    t = tokens("one two three four")
    from copylint.core.source import Span

    assert [w.text for w in t.words_in(Span(4, 13))] == ["two", "three"]


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="ab.@:/-_ \n\u00a0wxhtpsmo1é’", max_size=60)
    | st.sampled_from(
        ["see http://a.io/x.", "mail a@b.co:", "www.ab.com/p", "x.ab", "http://localhost/x", "ftp://h"]
    ).map(lambda u: f"go {u} now")
)
def test_url_search_by_runs_finds_what_a_whole_text_search_finds(text: str) -> None:
    whole = [(m.span(), m.lastgroup) for m in URL_PATTERN.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in _url_matches(text)] == whole


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="ab.-[](){} \n\txhpdotcmDOT1é", max_size=60)
    | st.sampled_from(["ex [.] com", "ex(dot)click", "a dot to", "hxxps://x.y/z", "ab . io", "x{.}co dot org"]).map(
        lambda u: f"go {u} now"
    )
)
def test_obfuscated_link_search_near_marks_finds_what_a_whole_text_search_finds(text: str) -> None:
    whole = [m.span() for m in _OBFUSCATED.finditer(text)]
    assert [m.span() for m in obfuscated_matches(text)] == whole


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "A", "an", "An", "the", "banana", "x"]), max_size=40))
def test_indices_of_finds_every_word_with_one_of_the_forms(chosen: list[str]) -> None:
    found = tokens(" ".join(chosen))
    expected = [index for index, form in enumerate(found.folded) if form in ("a", "an")]
    assert found.indices_of(("a", "an")) == expected
    assert found.indices_of(()) == [] and found.indices_of(("zebra",)) == []


def test_words_are_cut_with_their_exact_offsets() -> None:
    text = "¿Qué? e\u0301te’s\tx_y — l'été, 42nd.\n\u0301z"
    found = tokens(text).words
    assert [(w.text, text[w.start : w.end]) for w in found] == [(w.text, w.text) for w in found]
    assert [w.text for w in found] == ["Qué", "e\u0301te’s", "x", "y", "l'été", "42nd", "\u0301z"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["ab", " ", "c’d", "\n", "\u2003", "é", "x'", "e\u0301", "_", "42"]), max_size=60),
    st.integers(min_value=1, max_value=9),
)
def test_words_cut_in_chunks_are_the_words_of_the_whole_text(pieces: list[str], chunk: int) -> None:
    from copylint.core import tokens as module

    text = "".join(pieces)
    expected = [(m.start(), m.end(), m.group()) for m in module.WORD_PATTERN.finditer(text)]
    saved = module._CHUNK
    module._CHUNK = chunk  # chunks end at the first white space after this many characters
    try:
        words, starts = module._cut_words(text)
    finally:
        module._CHUNK = saved
    assert [tuple(word) for word in words] == expected
    assert starts == [start for start, _, _ in expected]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab’'\u0301\u20d0_ 9é-", max_size=40))
def test_possessive_word_pattern_finds_what_backtracking_would(text: str) -> None:
    from copylint.core import tokens as module

    backtracking = re.compile(module.WORD_PATTERN.pattern.replace("++", "+").replace("*+", "*"))
    assert "++" in module.WORD_PATTERN.pattern  # the pattern under test is the possessive one
    found = [match.span() for match in module.WORD_PATTERN.finditer(text)]
    assert found == [match.span() for match in backtracking.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab ’.", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_the_words_inside_a_span_are_those_wholly_within_it(text: str, first: int, second: int) -> None:
    from copylint.core.source import Span

    found = tokens(text)
    low, high = sorted((min(first, len(text)), min(second, len(text))))
    span = Span(low, high)
    expected = [word for word in found.words if low <= word.start and word.end <= high]
    assert list(found.words[found.inside(span)]) == expected
    assert list(found.words_in(span)) == expected
