"""Site syntax of Python-Markdown, MkDocs Material, pymdownx, Docusaurus, VitePress, Starlight and
MyST: its markup stays out of the prose view, the prose it holds (titles, bodies, footnote text)
stays in and is read as Markdown, and offsets still map each word back to its source."""

from __future__ import annotations

import pytest
from test_prose import verbatim_segments_match

from copylint.core.prose import PLACEHOLDER, ProseView, Scope
from copylint.core.source import Document, Span
from copylint.formats.markdown import MarkdownFormat


def markdown(text: str) -> ProseView:
    document = Document("a.md", text)
    view = MarkdownFormat().build_view(document)
    verbatim_segments_match(view, document)
    return view


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        # Python-Markdown admonitions and pymdownx.details: the keyword is markup, the title and
        # the indented body are prose (the body is no indented code block)
        ('!!! warning "Mind the gap"\n    The body is prose.\n', "Mind the gap\n\nThe body is prose."),
        ("!!! note\n\n    After a blank line.\n\n    Two paragraphs.\n", "After a blank line.\n\nTwo paragraphs."),
        ('??? tip "Folded"\n    Hidden at first.\n\nAfter it.', "Folded\n\nHidden at first.\n\nAfter it."),
        ('???+ danger inline end "Open"\n    Shown.\n', "Open\n\nShown."),
        ("!!! note\n    Body.\n\n        an indented code block inside\n", "Body."),
        # content tabs
        ('=== "Tab one"\n\n    First body.\n\n=== "Tab two"\n    Second body.\n',
         "Tab one\n\nFirst body.\n\nTab two\n\nSecond body."),
        # Docusaurus, VitePress and Starlight asides
        (":::tip\nAside text.\n:::\n\nAfter.", "Aside text.\n\nAfter."),
        (":::note[Aside title]\nMore text.\n:::", "Aside title\n\nMore text."),
        ("::: warning Careful now\nText.\n:::", "Careful now\n\nText."),
        ("::::info\nOuter.\n:::tip\nInner.\n:::\nStill outer.\n::::\nAfter.",
         "Outer.\n\nInner.\n\nStill outer.\n\nAfter."),
        ("::: {.callout-note}\nA Pandoc div.\n:::", "A Pandoc div."),
        # pymdownx.blocks and mkdocstrings
        ("/// details | Title here\n    type: warning\n\nBody.\n\n///\n", "Title here\n\nBody."),
        ("//// tab | Python 3.10+\n\n```Python\nx = 1\n```\n\n////\n", "Python 3.10+"),
        ("::: typer.Typer\n    options:\n        members:\n            - callback\n\nAfter.", "After."),
        # footnotes
        ("A footnote[^2] and another[^note].", "A footnote and another."),
        ("Text.\n\n[^note]: The footnote text\n    continued here.\n\nAfter.",
         "Text.\n\nThe footnote text\ncontinued here.\n\nAfter."),
        # abbreviations and MyST targets render nothing
        ("HTML is fine.\n\n*[HTML]: Hyper Text Markup Language\n", "HTML is fine."),
        ("(my-target)=\n# Heading\n", "Heading"),
        # MyST directives and roles
        ("```{note}\nA note body.\n```", "A note body."),
        ("```{versionadded} 1.2\nThe body.\n```\n\nAfter it.\n\n```{tip}\nTwo.\n```", "The body.\n\nAfter it.\n\nTwo."),
        ("/// tip\n\nBody.\n\n///\n\nAfter it.", "Body.\n\nAfter it."),
        ("```{admonition} Its title\n:class: tip\nThe body.\n```", "Its title\n\nThe body."),
        ("```{code-block} python\nx = 1\n```\n\nAfter.", "After."),
        ("```{versionadded} 1.2\nThe body.\n```", "The body."),
        (":::{note}\n:class: tip\nColon body.\n:::", "Colon body."),
        (":::{code-block}\nx = 1\n:::\nAfter.", "After."),
        (":::{unknown-directive}\nRead as prose.\n:::", "Read as prose."),
        ("See {ref}`target` and {doc}`Title <page>`.", f"See {PLACEHOLDER} and {PLACEHOLDER}."),
        ('{lineno-start=1 emphasize-lines="2,3"}\n```python\na = 1\n```\n\nAfter.', "After."),
        ('{attribution="Hamlet act 4"}\n> We know what we are.', "We know what we are."),
        # FastAPI's and markdown-include's include lines; ESM imports that Docusaurus allows in .md
        ("Look:\n\n{* docs_src/app.py hl[3:4] *}\n\n{!./docs/part.md!}\n\nAfter.", "Look:\n\nAfter."),
        ("import Tabs from '@theme/Tabs';\nimport { A, B } from \"../x\"\n\nText.", "Text."),
        # LaTeX environments, and math in image titles
        ("\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}\n\nAfter.", "After."),
        ('![A chart](c.png "Plot of $\\alpha$")', "A chart"),
    ],
)  # fmt: skip
def test_site_markup_is_not_prose(source: str, prose: str) -> None:
    assert markdown(source).text == prose


@pytest.mark.parametrize(
    "source",
    [
        "Note: the colon stays.",
        "It costs $5 and $10.",
        "Meet at 10:30:00 or later.",
        "The set {a, b} is small.",
        "The set {x=1} is small.",
        "import this module first.",
    ],
)
def test_look_alikes_stay_prose(source: str) -> None:
    assert markdown(source).text == source


@pytest.mark.parametrize(
    ("source", "word"),
    [
        ('!!! note "note"\n    Body.\n', "note"),
        ("::: tip tip\nBody.\n:::", "tip"),
        (":::note[note]\nBody.\n:::", "note"),
        ("/// tip | tip\n\nBody.\n\n///", "tip"),
        ('=== "Tab"\n    Body.\n', "Tab"),
    ],
)
def test_a_title_maps_to_its_own_place_not_the_keyword(source: str, word: str) -> None:
    view = markdown(source)
    start = view.text.index(word)
    span = view.to_source(Span(start, start + len(word)))
    assert span.start == source.rindex(word, 0, source.index("\n"))
    assert view.scope_at(start) is Scope.HEADING


def test_body_keeps_its_scope_and_offsets() -> None:
    source = "Intro.\n\n!!! warning\n    - Teh item\n\n    > Teh quote\n"
    view = markdown(source)
    first = view.text.index("Teh")
    second = view.text.index("Teh", first + 1)
    assert view.to_source(Span(first, first + 3)).start == source.index("Teh")
    assert view.to_source(Span(second, second + 3)).start == source.rindex("Teh")
    assert view.scope_at(first) is Scope.LIST_ITEM
    assert view.scope_at(second) is Scope.BLOCKQUOTE


@pytest.mark.parametrize("opener", [":::tip", "/// tip", "```{note}", "\\begin{align}"])
def test_openers_never_closed_are_lines_of_markup_not_a_nesting(opener: str) -> None:
    # thousands of them would otherwise nest past markdown-it's limit (an error for the file)
    view = markdown(f"{opener}\nText.\n\n" * 300)
    assert view.text.count("Text.") == 300


def test_fences_shown_in_code_pair_with_nothing() -> None:
    source = ":::note\nBefore.\n\n```md\n:::\n:::tip\n```\n\nAfter.\n:::\n\nOutside."
    assert markdown(source).text == "Before.\n\nAfter.\n\nOutside."


def test_unclosed_and_closed_containers_pair_up() -> None:
    source = ":::note\nOpen one.\n\n::::info\nOuter.\n:::tip\nInner.\n:::\n::::\nAfter."
    assert markdown(source).text == "Open one.\n\nOuter.\n\nInner.\n\nAfter."


@pytest.mark.parametrize(
    "source",
    [
        # kramdown sites close a <div markdown="1"> and open a fence on the next line: CommonMark
        # keeps both in one HTML block, and the fence's content must not become prose
        '<div class="example" markdown="1">\nShown.\n</div>\n```markdown\n| yumm | teh |\n```\n\nAfter.',
        "<details>\n<summary>Shown.</summary>\n</details>\n~~~~\nyumm teh\n~~~~\n\nAfter.",
        # a fence never closed inside the block runs to the block's end
        "<div>\nShown.\n</div>\n```\nyumm teh\n\nAfter.",
    ],
)
def test_a_fence_inside_an_html_block_is_code(source: str) -> None:
    view = markdown(source)
    assert "yumm" not in view.text and "teh" not in view.text
    assert "Shown." in view.text and "After." in view.text
