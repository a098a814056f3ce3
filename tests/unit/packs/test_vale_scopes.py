"""Vale styles as Vale runs them: every scope selector picks the blocks Vale's own linter would give
the rule (headings by level, table header and data cells, list items, quotations, alt text, plain
paragraphs and their sentences, the summary, the raw source, negations and combinations); a scope
Vale refuses skips the rule with Vale's reason; a pattern only the ``regex`` package compiles runs
there, still checked for run-away backtracking."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.core.engine import lint_document
from copylint.core.fixer import apply_fixes
from copylint.core.rule import LintSettings, Rule
from copylint.core.source import Document
from copylint.packs.spec import Engine
from copylint.packs.vale import ValeSetup, load_vale
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
ARTICLE = """# Heading words here

A plain paragraph here. A second sentence here.

- A list item here

> A quoted line here

| Header cell here | Other |
|---|---|
| Data cell here | x |

![Alt words here](pic.png)

`code here` and more words here.
"""
"""One of each block Vale names; ``\\w+ here`` matches once in each (twice in the paragraph)."""
HEADING, PARAGRAPH, ITEM, QUOTE, HEADER, CELL, ALT, LAST = (
    (1, "words here"), [(3, "paragraph here"), (3, "sentence here")], (5, "item here"), (7, "line here"),
    (9, "cell here"), (11, "cell here"), (13, "words here"), (15, "words here"),
)  # fmt: skip


def setup_of(tmp_path: Path, definition: str) -> ValeSetup:
    style = tmp_path / "styles" / "Test"
    style.mkdir(parents=True, exist_ok=True)
    (style / "Rule.yml").write_text(definition, encoding="utf-8")
    (tmp_path / "vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = Test\n", encoding="utf-8")
    return load_vale(str(tmp_path / "vale.ini"))


def only_rule(setup: ValeSetup) -> type[Rule]:
    assert list(setup.rules) == ["vale.test.rule"], setup.skipped
    return setup.rules["vale.test.rule"]


def found(rule: type[Rule], text: str, path: str = "a.md") -> list[tuple[int, str]]:
    """Each finding's line and text."""
    document = Document(path, text)
    result = lint_document(document, PLUGINS.format_for(path), LintSettings(rules=(rule,)))
    assert result.error is None, result.error
    return [(document.position(f.span.start).line, text[f.span.start : f.span.end]) for f in result.findings]


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("heading", [HEADING]),
        ("heading.h1", [HEADING]),
        ("heading.h2", []),
        ("paragraph", [*PARAGRAPH, LAST]),  # not the list item, the quotation or the cells
        ("sentence", [*PARAGRAPH, LAST]),  # nor the heading: Vale splits only plain paragraphs
        ("list", [ITEM]),
        ("blockquote", [QUOTE]),
        ("table.header", [HEADER]),
        ("table.cell", [CELL]),
        ("table", [HEADER, CELL]),
        ("alt", [ALT]),
        ("text", [HEADING, *PARAGRAPH, ITEM, QUOTE, HEADER, CELL, ALT, LAST]),
        ("~heading", [*PARAGRAPH, ITEM, QUOTE, HEADER, CELL, ALT, LAST]),
        ("~table", [HEADING, *PARAGRAPH, ITEM, QUOTE, ALT, LAST]),
        ("summary", [*PARAGRAPH, ITEM, QUOTE, LAST]),  # body text: no headings, cells or alt text
        ("raw", [HEADING, *PARAGRAPH, ITEM, QUOTE, HEADER, CELL, ALT, (15, "code here"), LAST]),
        ("[list, blockquote]", [ITEM, QUOTE]),
        ("text & ~blockquote & ~list", [HEADING, *PARAGRAPH, HEADER, CELL, ALT, LAST]),
    ],
)
def test_each_scope_picks_the_blocks_vale_gives_it(tmp_path: Path, scope: str, expected: list[tuple[int, str]]) -> None:
    rule = only_rule(setup_of(tmp_path, f"extends: existence\nmessage: '%s'\nscope: {scope}\ntokens: ['\\w+ here']\n"))
    assert found(rule, ARTICLE) == expected


def test_heading_levels_and_header_cells_are_read_from_the_markup(tmp_path: Path) -> None:
    text = (
        "Underlined words here\n---------------------\n\n### Third words here\n\n"
        "<table><tr><th>Head cell here</th></tr><tr><td>Body cell here</td></tr></table>\n\n"
        "<h4>Tagged words here</h4>\n\n> | Quoted head here |\n> |---|\n> | Quoted body here |\n"
    )
    for scope, expected in [
        ("heading.h2", [(1, "words here")]),
        ("heading.h3", [(4, "words here")]),
        ("heading.h4", [(8, "words here")]),
        ("table.header", [(6, "cell here"), (10, "head here")]),
        ("table.cell", [(6, "cell here"), (12, "body here")]),
    ]:
        definition = f"extends: existence\nmessage: '%s'\nscope: {scope}\ntokens: ['\\w+ here']\n"
        assert found(only_rule(setup_of(tmp_path, definition)), text) == expected, scope
    html = only_rule(setup_of(tmp_path, "extends: existence\nmessage: '%s'\nscope: heading.html\ntokens: [words]\n"))
    assert found(html, "<h2>Some words</h2><p>More words</p>", "a.html") == [(1, "words")]
    assert found(html, "# Some words\n", "a.md") == []  # heading.html: HTML files only


def test_a_sentence_rule_leaves_list_items_and_headings_alone(tmp_path: Path) -> None:
    rule = only_rule(
        setup_of(tmp_path, "extends: occurrence\nmessage: '%s words'\nscope: sentence\nmax: 3\ntoken: '\\b(\\w+)\\b'\n")
    )
    text = "# One two three four\n\nOne two three four.\n\n- One two three four\n"
    assert found(rule, text) == [(3, "One")]


def test_raw_reads_and_fixes_the_source_as_written(tmp_path: Path) -> None:
    rule = only_rule(
        setup_of(tmp_path, "extends: substitution\nmessage: \"Use '%s'\"\nscope: raw\nswap:\n  colour: color\n")
    )
    text = "A colour.\n\n```\ncolour = 1\n```\n"
    assert found(rule, text) == [(1, "colour"), (4, "colour")]
    document = Document("a.md", text)
    result = lint_document(document, PLUGINS.format_for("a.md"), LintSettings(rules=(rule,)))
    fixed, applied = apply_fixes(text, [finding.fix for finding in result.findings if finding.fix is not None])
    assert (fixed, applied) == ("A color.\n\n```\ncolor = 1\n```\n", 2)


@pytest.mark.parametrize(
    ("scope", "reason"),
    [
        ("code", "scope 'code' is no longer supported by Vale (match the markup with scope 'raw' instead)"),
        ("~link", "scope 'link' is no longer supported by Vale"),
        ("[heading, strong]", "scope 'strong' is no longer supported by Vale"),
        ("footnote", "'footnote' is not a scope Vale knows"),
    ],
)
def test_a_scope_vale_refuses_skips_the_rule_with_its_reason(tmp_path: Path, scope: str, reason: str) -> None:
    setup = setup_of(tmp_path, f"extends: existence\nmessage: '%s'\nscope: {scope}\ntokens: [here]\n")
    assert setup.rules == {} and reason in setup.skipped["Test.Rule"]


def test_patterns_re_refuses_run_on_the_regex_package(tmp_path: Path) -> None:
    """A look-behind of variable width (Vale's regexp2 takes it; Python's re does not)."""
    rule = only_rule(
        setup_of(tmp_path, "extends: existence\nmessage: '%s'\nnonword: true\ntokens: ['(?<=\\b(?:a|the)\\s+)\\d+']\n")
    )
    assert rule.spec.engine is Engine.REGEX  # type: ignore[attr-defined]
    assert found(rule, "Take the 12 or a  7, not 9.\n") == [(1, "12"), (1, "7")]
    named = only_rule(  # .NET's named groups, in Python's spelling: re runs them
        setup_of(tmp_path, "extends: existence\nmessage: '%s'\ntokens: ['(?<word>[A-Z]\\w+) \\k<word>']\n")
    )
    assert named.spec.engine is Engine.RE  # type: ignore[attr-defined]
    assert found(named, "Hello Hello there, hello hello.\n") == [(1, "Hello Hello")]
    unicode = only_rule(setup_of(tmp_path, "extends: existence\nmessage: '%s'\ntokens: ['\\p{Lu}\\p{Ll}+']\n"))
    assert unicode.spec.engine is Engine.REGEX  # type: ignore[attr-defined]
    assert found(unicode, "Über alles, and Élan.\n") == [(1, "Über"), (1, "Élan")]


def test_patterns_on_the_regex_package_are_still_checked_for_runaway_backtracking(tmp_path: Path) -> None:
    setup = setup_of(tmp_path, "extends: existence\nmessage: '%s'\ntokens: ['(?<=\\s|^)(\\p{Lu}+\\s?)*:']\n")
    assert setup.rules == {} and "could run for ever" in setup.skipped["Test.Rule"]


def test_a_list_key_given_one_value_is_a_list_of_one_not_of_its_characters(tmp_path: Path) -> None:
    rule = only_rule(
        setup_of(tmp_path, "extends: existence\nmessage: '%s'\ntokens: '\\b(\\w+)ly\\b'\nexceptions: only\n")
    )
    assert found(rule, "Only quickly, not only slowly or lo.\n") == [(1, "Only"), (1, "quickly"), (1, "slowly")]
