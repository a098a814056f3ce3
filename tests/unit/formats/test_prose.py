"""Prose extraction: what each format keeps, skips, and how every character maps to the source."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, golden_articles
from copylint.core.prose import PLACEHOLDER, ProseView, Scope
from copylint.core.source import Document, Span, decode
from copylint.formats.html import HtmlFormat
from copylint.formats.markdown import MarkdownFormat
from copylint.formats.plaintext import PlainTextFormat

ARTICLE = """---
title: "A title that is not prose"
tags: [one, two]
---
# The *Big* Story ##

Intro with a [link to *docs*](https://example.com/docs "Docs title") and `inline code` and
an escaped \\* star, an &amp; entity and <span class="x">inline html</span>.
Hard break here\\
and {{< figure src="x.png" >}} a shortcode, {% include note.html %} a tag, {{ page.date }}.

> Quoted text
> continues *here*.

- first item
  - nested item with ![alt words](img.png)
    - deeper item

| Column one | Column two |
|------------|------------|
| cell `x`   | other cell |

```python
code = "never prose"
```

    indented code is not prose

<!-- a comment -->

[ref]: https://example.com/ref

Autolink <https://auto.example.com> ends.
"""


def verbatim_segments_match(view: ProseView, document: Document) -> None:
    for segment in view.segments:
        if segment.verbatim:
            assert (
                document.text[segment.source_start : segment.source_end]
                == view.text[segment.prose_start : segment.prose_end]
            ), segment
    # segments tile the prose text exactly, in order
    position = 0
    for segment in view.segments:
        assert segment.prose_start == position
        position = segment.prose_end
    assert position == len(view.text)


def source_of(view: ProseView, document: Document, word: str) -> str:
    start = view.text.index(word)
    span = view.to_source(Span(start, start + len(word)))
    return document.text[span.start : span.end]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_markdown_keeps_prose_and_skips_markup(newline: str) -> None:
    document = Document("a.md", ARTICLE.replace("\n", newline))
    view = MarkdownFormat().build_view(document)
    verbatim_segments_match(view, document)
    text = view.text
    for kept in (
        "The Big Story",
        "Intro with a link to docs and",
        "escaped * star",
        "an & entity",
        "inline html.",
        "Quoted text\ncontinues here.",
        "first item",
        "nested item with alt words",
        "deeper item",
        "Column one",
        "other cell",
        "Autolink",
        "a shortcode",
        "a tag",
    ):
        assert kept in text, kept
    for skipped in (
        "title that is not prose",
        "https://example.com",
        "Docs title",
        "inline code",
        "never prose",
        "indented code",
        "a comment",
        "span",
        "figure",
        "include",
        "page.date",
        "ref]",
        "auto.example.com",
        "##",
    ):
        assert skipped not in text, skipped
    assert PLACEHOLDER in text  # inline code and autolinks leave a placeholder
    for word in ("Intro", "docs", "continues", "deeper", "other", "ends"):
        assert source_of(view, document, word) == word
    assert view.front_matter is not None and document.text[: view.front_matter.end].rstrip().endswith("---")


def test_markdown_scopes() -> None:
    document = Document("a.md", ARTICLE)
    view = MarkdownFormat().build_view(document)
    assert view.scope_at(view.text.index("Big")) is Scope.HEADING
    assert view.scope_at(view.text.index("link to")) is Scope.LINK_TEXT
    assert view.scope_at(view.text.index("Intro")) is Scope.PARAGRAPH
    assert view.scope_at(view.text.index("Quoted")) is Scope.BLOCKQUOTE
    assert view.scope_at(view.text.index("deeper")) is Scope.LIST_ITEM
    assert view.scope_at(view.text.index("alt words")) is Scope.ALT_TEXT
    assert view.scope_at(view.text.index("other cell")) is Scope.TABLE_CELL


def test_markdown_links_and_images_are_recorded_with_source_spans() -> None:
    document = Document("a.md", ARTICLE)
    view = MarkdownFormat().build_view(document)
    by_url = {link.url: link for link in view.links}
    link = by_url["https://example.com/docs"]
    assert (
        document.text[link.source.start : link.source.end] == '[link to *docs*](https://example.com/docs "Docs title")'
    )
    assert link.text is not None and view.text[link.text.start : link.text.end] == "link to docs"
    assert link.title == "Docs title"
    image = by_url["img.png"]
    assert image.kind == "image" and document.text[image.source.start : image.source.end] == "![alt words](img.png)"
    autolink = by_url["https://auto.example.com"]
    assert document.text[autolink.source.start : autolink.source.end] == "<https://auto.example.com>"


def test_escapes_and_entities_map_to_their_whole_source() -> None:
    document = Document("a.md", "A \\* and &amp; end\n")
    view = MarkdownFormat().build_view(document)
    assert view.text == "A * and & end"
    assert source_of(view, document, "*") == "\\*"
    assert source_of(view, document, "&") == "&amp;"
    assert not view.is_verbatim(Span(2, 3), document)
    assert view.is_verbatim(Span(4, 7), document)


def test_blocks_never_run_into_each_other() -> None:
    document = Document("a.md", "# Heading\nParagraph one.\n\n| a | b |\n|---|---|\n| c | d |\n")
    view = MarkdownFormat().build_view(document)
    blocks = [view.text[block.start : block.end] for block in view.blocks]
    assert blocks == ["Heading", "Paragraph one.", "a", "b", "c", "d"]


def test_html_keeps_text_and_alt_text_and_skips_code_and_other_attributes() -> None:
    source = (
        "<html><head><title>Page title</title><style>p{}</style><script>var x = 'no';</script></head>\n"
        '<body><h1>Heading &amp; more</h1>\n<p>Some <b>bold</b> text with an <img src=i.png alt="alt text"> '
        'and <a href="https://example.com" rel="nofollow sponsored" title="link title">a link</a>.</p>\n'
        "<pre>pre text</pre><code>code text</code><!-- comment -->\n"
        "<p>Type <kbd>Ctrl</kbd>, <tt>tele type</tt>, <var>count</var> or <samp>output</samp>.</p>\n"
        '<div style="display: none"><a href="https://hidden.example">hidden</a></div>\n'
        '<p hidden><a href="https://also.hidden">x</a></p></body></html>\n'
    )
    document = Document("a.html", source)
    view = HtmlFormat().build_view(document)
    verbatim_segments_match(view, document)
    for kept in ("Page title", "Heading & more", "Some bold text with an", "alt text", "a link"):
        assert kept in view.text, kept
    code = ("var x", "p{}", "pre text", "code text", "Ctrl", "tele", "count", "output")
    for skipped in (*code, "comment", "https://", "link title"):
        assert skipped not in view.text, skipped
    assert source_of(view, document, "&") == "&amp;"
    assert view.scope_at(view.text.index("Heading")) is Scope.HEADING
    assert view.scope_at(view.text.index("alt text")) is Scope.ALT_TEXT
    links = {link.url: link for link in view.links}
    assert links["https://example.com"].rel == ("nofollow", "sponsored")
    assert not links["https://example.com"].hidden
    assert links["https://hidden.example"].hidden
    assert links["https://also.hidden"].hidden
    link = links["https://example.com"]
    assert document.text[link.source.start : link.source.end].startswith("<a href=")
    assert document.text[link.source.start : link.source.end].endswith("</a>")


def test_markdown_html_block_is_read_as_html() -> None:
    document = Document("a.md", "Text before.\n\n<div>\n<p>Inside <b>html</b> block</p>\n</div>\n\nAfter.\n")
    view = MarkdownFormat().build_view(document)
    verbatim_segments_match(view, document)
    assert "Inside html block" in view.text
    assert source_of(view, document, "block") == "block"


def test_plain_text_is_verbatim_with_blank_lines_as_block_breaks() -> None:
    document = Document("a.txt", "First para\nline two.\r\n\r\nSecond para.\n")
    view = PlainTextFormat().build_view(document)
    verbatim_segments_match(view, document)
    assert [view.text[b.start : b.end] for b in view.blocks] == ["First para\nline two.", "Second para.\n"]


@pytest.mark.parametrize("name", [p.relative_to(FIXTURES).as_posix() for p in golden_articles()])
def test_every_fixture_maps_verbatim(name: str) -> None:
    path = FIXTURES / name
    document = decode(str(path), path.read_bytes())
    document_format = {".md": MarkdownFormat(), ".html": HtmlFormat(), ".txt": PlainTextFormat()}[path.suffix]
    view = document_format.build_view(document)
    verbatim_segments_match(view, document)
    assert view.text.strip()


def test_html_blocks_are_listed_once_each() -> None:
    document = Document("a.html", "<div><p>One.</p></div><h2>Two</h2><p>Three <br> four.</p>")
    view = HtmlFormat().build_view(document)
    assert [view.text[b.start : b.end] for b in view.blocks] == ["One.", "Two", "Three \n four."]
    assert not view.text.endswith("\n\n")
