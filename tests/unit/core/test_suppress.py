"""Inline suppression: each form silences what it names, and an unused one is reported."""

from __future__ import annotations

from copylint.core.engine import lint_document
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
RULES = tuple(PLUGINS.rules[rule] for rule in ("repetition.word", "spelling.typo", "meta.unused-suppression"))


def lint(name: str, text: str) -> list[tuple[str, str]]:
    document = Document(name, text)
    result = lint_document(document, PLUGINS.format_for(name), LintSettings(rules=RULES))
    return [(f.rule, document.text[f.span.start : f.span.end]) for f in result.findings]


def test_without_directives_everything_is_reported() -> None:
    assert lint("a.md", "The the orginal.\n") == [("repetition.word", "The the"), ("spelling.typo", "orginal")]


def test_disable_and_enable_a_region_for_one_rule() -> None:
    text = "<!-- copylint-disable repetition -->\nthe the orginal\n<!-- copylint-enable -->\n\nthe the end\n"
    assert lint("a.md", text) == [("spelling.typo", "orginal"), ("repetition.word", "the the")]


def test_disable_without_rules_silences_everything_until_the_end() -> None:
    assert lint("a.md", "the the\n\n<!-- copylint-disable -->\n\nthe the orginal\n") == [("repetition.word", "the the")]


def test_disable_next_line() -> None:
    text = "<!-- copylint-disable-next-line spelling.typo -->\nthe orginal and the the\n\norginal again\n"
    assert lint("a.md", text) == [("repetition.word", "the the"), ("spelling.typo", "orginal")]


def test_disable_file() -> None:
    assert lint("a.html", "<!-- copylint-disable-file -->\n<p>The the orginal.</p>\n") == []


def test_mdx_comments_hold_directives() -> None:
    text = "{/* copylint-disable-next-line spelling */}\nthe orginal and the the\n\n{/*copylint-disable*/}\nthe the"
    assert lint("a.mdx", text) == [("repetition.word", "the the")]


def test_plain_text_forms() -> None:
    assert lint("a.txt", "copylint: ignore\nthe the orginal\nthe the\n") == [("repetition.word", "the the")]
    text = "copylint-disable-next-line spelling\nthe the orginal\n"
    assert lint("a.txt", text) == [("repetition.word", "the the")]


def test_a_directive_that_silences_nothing_is_reported() -> None:
    text = "<!-- copylint-disable-next-line spelling -->\nAll fine here.\n"
    assert lint("a.md", text) == [("meta.unused-suppression", "<!-- copylint-disable-next-line spelling -->")]
    # a directive for a rule that did not run is not called unused
    assert lint("a.md", "<!-- copylint-disable-next-line spam -->\nAll fine here.\n") == []
