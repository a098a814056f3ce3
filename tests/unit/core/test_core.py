"""Fixes, selection and the plugin manager."""

from __future__ import annotations

import pytest

from copylint.core.errors import UsageError
from copylint.core.finding import Applicability, Edit, Fix
from copylint.core.fixer import apply_fixes
from copylint.core.selection import RuleSelection, split_selectors, validate_selectors
from copylint.core.source import Span
from copylint.project.plugins import load_plugins


def test_fix_rejects_unsorted_or_overlapping_edits() -> None:
    with pytest.raises(ValueError):
        Fix((Edit(Span(5, 6), ""), Edit(Span(1, 2), "")), Applicability.SAFE)
    with pytest.raises(ValueError):
        Fix((Edit(Span(1, 4), ""), Edit(Span(3, 6), "")), Applicability.SAFE)
    with pytest.raises(ValueError):
        Fix((), Applicability.SAFE)


def test_apply_fixes_skips_overlaps_and_touches_nothing_else() -> None:
    text = "abc def ghi"
    first = Fix((Edit(Span(0, 3), "ABC"),), Applicability.SAFE)
    overlapping = Fix((Edit(Span(2, 5), "X"),), Applicability.SAFE)
    last = Fix((Edit(Span(8, 11), ""),), Applicability.SAFE)
    fixed, applied = apply_fixes(text, [last, overlapping, first])
    assert (fixed, applied) == ("ABC def ", 2)


def test_selection_longest_prefix_wins_and_ties_go_to_ignore() -> None:
    selection = RuleSelection(select=("repetition",), ignore=("repetition.word",))
    assert not selection.enabled("repetition.word")
    assert selection.enabled("repetition.phrase")
    selection = RuleSelection(select=("repetition.word",), ignore=("repetition",))
    assert selection.enabled("repetition.word")
    assert not selection.enabled("repetition.phrase")
    assert not RuleSelection(select=("typo",)).enabled("repetition.word")
    assert not RuleSelection(select=("repetition",), ignore=("repetition",)).enabled("repetition.word")
    assert not RuleSelection(select=("rep",)).enabled("repetition.word")


def test_selection_validation_suggests_a_known_rule() -> None:
    with pytest.raises(UsageError, match="did you mean 'repetition.word'"):
        validate_selectors("--select", ("repetition.wrd",), ["repetition.word"])
    validate_selectors("--select", ("repetition", "ALL"), ["repetition.word"])


def test_split_selectors() -> None:
    assert split_selectors(["a,b", " c ", ""]) == ("a", "b", "c")


def test_builtins_register_through_hooks() -> None:
    plugins = load_plugins(entry_points=False)
    assert "repetition.word" in plugins.rules
    assert {".md", ".html", ".htm", ".txt"} <= set(plugins.formats)
    assert {"text", "json"} <= set(plugins.reporters)
    assert plugins.errors == ()
    assert plugins.format_for("notes.rst").name == "text"
    assert plugins.format_for("A.MD").name == "markdown"


def test_entry_point_plugin_is_loaded(example_plugin: object) -> None:
    plugins = load_plugins()
    assert "example.no-lorem" in plugins.rules


def test_broken_plugin_is_reported_by_name_and_skipped(monkeypatch: pytest.MonkeyPatch, example_plugin: object) -> None:
    from conftest import PLUGINS

    monkeypatch.syspath_prepend(str(PLUGINS / "broken"))
    plugins = load_plugins()
    assert any("plugin 'broken' failed to load" in error for error in plugins.errors)
    assert "example.no-lorem" in plugins.rules
    assert "repetition.word" in plugins.rules


def test_spam_settings_trust_and_block_domains(tmp_path: object) -> None:
    from copylint.core.engine import lint_document
    from copylint.core.rule import LintSettings
    from copylint.core.source import Document
    from copylint.language.links.data import SpamSettings
    from copylint.rules.spam import SpamConfig

    plugins = load_plugins(entry_points=False)
    rules = (plugins.rules["spam.link"],)
    spam = Document("a.txt", "Watch free movies online at myflixer-to.click today.")
    plain = Document(
        "b.txt", "Our partner site is partner-films.example and we like it. Watch free movies online there."
    )
    default = lint_document(spam, plugins.format_for("a.txt"), LintSettings(rules=rules))
    assert len(default.findings) == 1
    trusted = LintSettings(rules=rules, family=(SpamConfig(SpamSettings(trusted=frozenset({"myflixer-to.click"}))),))
    assert lint_document(spam, plugins.format_for("a.txt"), trusted).findings == ()
    blocked = LintSettings(
        rules=rules, family=(SpamConfig(SpamSettings(blocked=frozenset({"partner-films.example"}))),)
    )
    text = Document("c.txt", "Download free movies online at sub.evil-films.com now.")
    blocking = LintSettings(rules=rules, family=(SpamConfig(SpamSettings(blocked=frozenset({"evil-films.com"}))),))
    [finding] = lint_document(text, plugins.format_for("c.txt"), blocking).findings
    assert "evil-films.com is on the project's blocklist" in finding.message
    assert lint_document(plain, plugins.format_for("b.txt"), blocked).findings == ()
