"""Hidden links: what hides an element (its own attributes or an enclosing element's inline
style), in HTML documents and in the inline HTML of Markdown paragraphs."""

from __future__ import annotations

import pytest

from copylint.core.prose import Link
from copylint.core.source import Document
from copylint.formats.hiding import Visibility
from copylint.formats.html import HtmlFormat
from copylint.formats.markdown import MarkdownFormat


@pytest.mark.parametrize(
    "attributes",
    [
        {"hidden": ""},
        {"style": "display: none"},
        {"style": "visibility:hidden"},
        {"style": "opacity:0"},
        {"style": "font-size:0px"},
        {"style": "width:0;height:0"},
        {"style": "height:1px; overflow:hidden"},
        {"style": "max-height:0;overflow:hidden"},
        {"style": "position:absolute; left:-9999px"},
        {"style": "margin-left:-3000px"},
        {"style": "color:#fff;background:#FFFFFF"},
        {"style": "color:rgb(0, 0, 0); background-color: black"},
    ],
)
def test_what_hides_an_element(attributes: dict[str, str]) -> None:
    assert Visibility().child(attributes).hidden


@pytest.mark.parametrize(
    "attributes",
    [
        {},
        {"style": "height:0; padding-bottom:56.25%"},  # the responsive-embed wrapper shows its content
        {"style": "width:100px;height:0.5em"},
        {"style": "opacity:0.5; font-size:0.9em"},
        {"style": "left:-10px"},
        {"style": "color:#fff;background:#000"},
        {"style": "background:#fff"},
        {"aria-hidden": "true"},
    ],
)
def test_what_does_not_hide_an_element(attributes: dict[str, str]) -> None:
    assert not Visibility().child(attributes).hidden


def test_colour_and_background_come_from_different_ancestors() -> None:
    page = Visibility().child({"style": "background-color:#f0f0f0"})
    assert not page.child({"style": "color:#333"}).hidden
    assert page.child({"style": "color:#F0F0F0"}).hidden
    # a box with its own background in between draws the text where it shows again
    assert not page.child({"style": "background:#000"}).child({"style": "color:#f0f0f0"}).hidden


def _links(document: Document, markdown: bool) -> list[Link]:
    view = (MarkdownFormat() if markdown else HtmlFormat()).build_view(document)
    return list(view.links)


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div style="background:#fff"><p style="color:white">{}</p></div>',
        '<div style="width:1px;height:1px;overflow:hidden"><span>{}</span></div>',
        '<section style="position:absolute;top:-2000px"><p>{}</p></section>',
    ],
)
def test_html_links_hidden_by_an_ancestor(wrapper: str) -> None:
    text = "<p>Visible.</p>" + wrapper.format('<a href="https://example.net/">x</a>')
    links = _links(Document("a.html", text), markdown=False)
    assert [link.hidden for link in links] == [True]


def test_markdown_inline_html_links_are_links_and_know_their_hidden_ancestors() -> None:
    text = (
        'Read <a href="https://example.org/guide" rel="nofollow">the guide</a> first.\n\n'
        '<span style="visibility:hidden"><a href="https://example.net/">hidden words</a></span>\n'
    )
    document = Document("a.md", text)
    view = MarkdownFormat().build_view(document)
    links = list(view.links)
    assert [(link.url, link.hidden, link.kind) for link in links] == [
        ("https://example.org/guide", False, "html"),
        ("https://example.net/", True, "html"),
    ]
    first, second = links
    assert first.text is not None and view.text[first.text.start : first.text.end] == "the guide"
    assert first.rel == ("nofollow",)
    markup = '<a href="https://example.org/guide" rel="nofollow">the guide</a>'
    assert text[first.source.start : first.source.end] == markup
    assert second.text is not None and view.text[second.text.start : second.text.end] == "hidden words"


def test_an_unclosed_inline_link_ends_with_its_paragraph() -> None:
    text = 'Some <a href="https://example.org/">words\n\nNext paragraph.\n'
    view = MarkdownFormat().build_view(Document("a.md", text))
    (link,) = view.links
    assert link.text is not None and view.text[link.text.start : link.text.end] == "words"
