"""Markup written inside prose is not prose: TeX math and commands, emoji shortcodes, attribute lists,
obfuscated e-mail addresses, code-like HTML elements and attribute values stay out of the prose view,
while the look-alikes that are prose (money, times, braces, "jane at agency dot gov") stay in."""

from __future__ import annotations

import re

import pytest
from test_prose import verbatim_segments_match

from copylint.core.engine import lint_document
from copylint.core.prose import PLACEHOLDER, ProseView, Scope
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.formats.markdown import MarkdownFormat
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)


def markdown(text: str) -> ProseView:
    document = Document("a.md", text)
    view = MarkdownFormat().build_view(document)
    verbatim_segments_match(view, document)
    return view


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        # emoji and icon shortcodes: a reader sees a picture
        ("We shipped it :tada: and got a :+1:.", f"We shipped it {PLACEHOLDER} and got a {PLACEHOLDER}."),
        ("Star us :octicons-heart-16: today", f"Star us {PLACEHOLDER} today"),
        ("Two :tada::white_check_mark: in a row", f"Two {PLACEHOLDER}{PLACEHOLDER} in a row"),
        # attribute lists and heading ids: a reader sees nothing
        ("# Settings {#settings-restructuredtext}", "Settings "),
        ("Setext heading {#setext-id .wide}\n===", "Setext heading "),
        ('Open [the guide](https://example.gov){: target="_blank"} now.', "Open the guide now."),
        ("[Subscribe](#){ .md-button }", "Subscribe"),
        ('Read ![a chart](c.png){width="50%"} here', "Read a chart here"),
        ("Thanks to Jane for the photos {.font-alt-xs}", "Thanks to Jane for the photos "),
        ("{: .lead}\nA paragraph with a block attribute list.", "A paragraph with a block attribute list."),
        # TeX math and commands: a reader sees a formula
        ("Inline $x_i + \\qquad y$ math.", f"Inline {PLACEHOLDER} math."),
        ("Stars $a*b*c$ stay math.", f"Stars {PLACEHOLDER} stay math."),
        ("Before.\n\n$$\n\\sum_i x_i\n$$\n\nAfter.", f"Before.\n\n{PLACEHOLDER}\n\nAfter."),
        # MyST's equation label after the closing "$$" belongs to the formula
        ("Before.\n\n$$\ne = mc^2\n$$ (eqn:best)\n\nAfter.", f"Before.\n\n{PLACEHOLDER}\n\nAfter."),
        ("Paren \\(x^2\\) and bracket \\[ E = mc^2 \\] here", f"Paren {PLACEHOLDER} and bracket {PLACEHOLDER} here"),
        ("Spacing \\qquad and \\alpha in prose", f"Spacing {PLACEHOLDER} and {PLACEHOLDER} in prose"),
        ("![before \\qquad after](x.png)", f"before {PLACEHOLDER} after"),
        # obfuscated e-mail addresses
        ("Write to jane.doe(at)agency(dot)gov today.", f"Write to {PLACEHOLDER} today."),
        ("Or jane [at] agency [dot] gov, please", f"Or {PLACEHOLDER}, please"),
        # inline HTML that holds code, keys, output or variables
        (
            "Use <code>make all</code>, <tt>tele type</tt>, <kbd>Ctrl</kbd>, <samp>ok</samp> or <var>n</var>.",
            f"Use {PLACEHOLDER}, {PLACEHOLDER}, {PLACEHOLDER}, {PLACEHOLDER} or {PLACEHOLDER}.",
        ),
        ("A <code>nested <code>x</code> tail</code> end", f"A {PLACEHOLDER} end"),
        ("Press <kbd>Ctrl\nAlt</kbd> and go", f"Press {PLACEHOLDER} and go"),
        ("An unclosed <kbd>rest of\nthe paragraph\n\nNext one.", f"An unclosed {PLACEHOLDER}\n\nNext one."),
    ],
)
def test_markdown_leaves_markup_inside_prose_out(source: str, prose: str) -> None:
    assert markdown(source).text == prose


@pytest.mark.parametrize(
    "source",
    [
        "It costs $5 and $10, or $5-$10 a month.",
        "From “$200 and under” to “$2,000+.”",
        "Note: see 10:30 and 10:30:00 today, or a 3:2:1 ratio.",
        "The set {a, b} and the values {.5, .7} stay.",
        "A {.class} in the middle of a sentence stays.",
        "Write to jane at agency dot gov.",
        "The bracketed \\[O\\]ver and \\[sic\\] stay.",
        "Keep <b>bold</b> and <em>stressed</em> words.",
    ],
)
def test_markdown_keeps_prose_that_looks_like_markup(source: str) -> None:
    view = markdown(source)
    assert PLACEHOLDER not in view.text
    assert view.text == re.sub(r"\\|</?(?:b|em)>", "", source)  # escapes and tags are markup


def test_code_spans_come_before_math() -> None:
    assert markdown("`$HOME` costs $5 and `$PATH` too").text == f"{PLACEHOLDER} costs $5 and {PLACEHOLDER} too"


def test_markdown_heading_keeps_its_scope_without_its_id() -> None:
    view = markdown("## Install it {#install .section}\n\nBody.")
    assert view.text.startswith("Install it")
    assert view.scope_at(0) is Scope.HEADING


def test_markdown_html_blocks_skip_the_same_elements() -> None:
    view = markdown('<div>\n<p>Type <tt>ls</tt> in a <span title="hover wording">shell</span></p>\n</div>\n')
    assert "ls" not in view.text and "hover" not in view.text
    assert "Type" in view.text and "shell" in view.text


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("a.txt", "Write to jane.doe(at)agency(dot)gov or jane at agency dot gov.\n"),
        ("a.html", "<p>Write to jane.doe(at)agency(dot)gov or jane at agency dot gov.</p>\n"),
        ("a.md", "Write to jane.doe(at)agency(dot)gov or jane at agency dot gov.\n"),
    ],
)
def test_obfuscated_addresses_are_not_prose_in_any_format(name: str, source: str) -> None:
    document = Document(name, source)
    view = PLUGINS.format_for(name).build_view(document)
    verbatim_segments_match(view, document)
    assert view.text.strip() == f"Write to {PLACEHOLDER} or jane at agency dot gov."


MARKED_UP = """\
# Settings {#settings-restructuredtext}

We shipped it :tada: and :octicons-heart-16: to recieve praise.

Inline $x_i + \\qquad y$ and \\(\\alpha\\) then recieve it.

Mail jane.doe(at)agency(dot)gov to recieve one, or <tt>tada</tt> <var>qquad</var> recieve.

Open [the guide](https://example.gov){: target="_blank"} to recieve it.
"""


def test_spelling_reads_only_the_prose_and_columns_stay_exact() -> None:
    document = Document("a.md", MARKED_UP)
    settings = LintSettings(rules=(PLUGINS.rules["spelling.typo"],))
    result = lint_document(document, PLUGINS.format_for("a.md"), settings)
    assert result.error is None
    lines = MARKED_UP.splitlines()
    found = []
    for finding in result.findings:
        position = document.position(finding.span.start)
        found.append(document.text[finding.span.start : finding.span.end])
        assert lines[position.line - 1][position.column - 1 :].startswith("recieve")
    assert found == ["recieve"] * 5
