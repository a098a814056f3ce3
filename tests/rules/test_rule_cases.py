"""Data-driven rule cases from ``tests/rules/cases/*.toml``: what must fire, what must stay quiet, and
what the fix produces.

A file names its ``rule`` and lists ``[[case]]`` tables. A case gives the ``text`` (and its
``format``: text, markdown or html) and what to expect: ``fires`` (the source text of each
finding), ``count``, ``reasons`` (strings each found in some message), ``suggest`` (each finding's
first suggestion), ``severity``, ``categories``, ``no_fix``, and ``fixed`` (the text after every
fix). What a case needs to run:

- ``with``: other rules to run beside the case's rule (a suppression they use, a finding a
  deferring rule gives way to); only the case's rule's findings are checked.
- ``settings``: rule-family settings by configuration key (``reject = ["reject.txt"]``), read as
  the configuration reads them; paths are relative to a folder holding the case's ``files``.
- ``files``: file name to content, written to that folder (word lists).
- ``languagetool``: what a stub LanguageTool server on 127.0.0.1 answers (each entry flags every
  occurrence of ``flag`` with its ``rule``, ``category``, ``message`` and ``replacements``); the
  ``languagetool`` setting names that server for the case.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conftest import RULE_CASES, languagetool_stub
from copylint.core.engine import lint_document
from copylint.core.finding import Finding
from copylint.core.fixer import apply_fixes
from copylint.core.rule import FamilySettings, KeyKind, LintSettings, Rule
from copylint.core.source import Document
from copylint.project.plugins import load_plugins

SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}
PLUGINS = load_plugins(entry_points=False)


def load_cases() -> list[Any]:
    cases = []
    for path in sorted(RULE_CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data["case"]):
            cases.append(pytest.param(data["rule"], case, id=f"{path.stem}[{index}]"))
    return cases


@pytest.mark.parametrize(("rule_id", "case"), load_cases())
def test_rule_case(rule_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    for name, content in case.get("files", {}).items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    rules = (PLUGINS.rules[rule_id], *(PLUGINS.rules[other] for other in case.get("with", [])))
    values = dict(case.get("settings", {}))
    with _languagetool_stub(case.get("languagetool")) as server:
        if server:
            values["languagetool"] = server
        settings = LintSettings(rules=rules, family=family_settings(rules, values, tmp_path))
        document = Document("case" + SUFFIX[case.get("format", "text")], case["text"])
        findings = _lint(document, settings, rule_id)
        _check(case, document, findings)
        if "fixed" in case:
            fixed, applied = apply_fixes(document.text, [f.fix for f in findings if f.fix])
            assert applied == len(findings)
            # a fixed document has none of the fixed findings left
            assert _lint(Document(document.path, fixed), settings, rule_id) == []
            assert fixed == case["fixed"]


def _lint(document: Document, settings: LintSettings, rule_id: str) -> list[Finding]:
    result = lint_document(document, PLUGINS.format_for(document.path), settings)
    assert result.error is None, result.error
    return [finding for finding in result.findings if finding.rule == rule_id]


def _check(case: Mapping[str, Any], document: Document, findings: Sequence[Finding]) -> None:
    found = [document.text[f.span.start : f.span.end] for f in findings]
    messages = [f.message for f in findings]
    if "fires" in case:
        assert found == case["fires"], messages
    if "count" in case:
        assert len(found) == case["count"], messages
    for reason in case.get("reasons", []):
        assert any(reason in message for message in messages), (reason, messages)
    if "suggest" in case:
        assert [f.suggestions[0] if f.suggestions else None for f in findings] == case["suggest"]
    if "severity" in case:
        assert [f.severity.value for f in findings] == case["severity"]
    if "categories" in case:
        assert [f.category.value for f in findings] == case["categories"]
    if case.get("no_fix"):
        assert all(f.fix is None and not f.suggestions for f in findings)
    if "fixed" in case:
        # the suggestion, applied to the finding's own span, gives the same text as the fix
        for finding in findings:
            assert finding.suggestions
            assert finding.fix is not None
            if finding.span.start <= finding.fix.span.start and finding.fix.span.end <= finding.span.end:
                assert finding.fix.apply_within(document.text, finding.span) == finding.suggestions[0]


def family_settings(rules: Sequence[type[Rule]], values: Mapping[str, Any], folder: Path) -> tuple[FamilySettings, ...]:
    """The settings of the rules' families from ``values`` by configuration key, shaped as the
    configuration shapes them (a list of strings; paths resolved against ``folder``)."""
    kinds = dict.fromkeys(rule.family_settings for rule in rules if rule.family_settings is not None)
    built: list[FamilySettings] = []
    unused = set(values)
    for kind in kinds:
        shaped: dict[str, tuple[str, ...] | str] = {}
        for key, declared in kind.keys.items():
            if key not in values:
                continue
            unused.discard(key)
            value = values[key]
            if declared.kind is KeyKind.TEXT:
                shaped[key] = value
            else:
                items = (value,) if isinstance(value, str) else tuple(value)
                shaped[key] = tuple(str(folder / item) for item in items) if declared.kind is KeyKind.PATHS else items
        built.append(kind.from_values(shaped))
    assert not unused, f"no rule of the case reads the settings {sorted(unused)}"
    return tuple(built)


@contextmanager
def _languagetool_stub(answers: list[dict[str, Any]] | None) -> Iterator[str | None]:
    """A stub LanguageTool server on 127.0.0.1 flagging what ``answers`` name (none: no server)."""
    if answers is None:
        yield None
        return

    def matches_for(text: str) -> list[dict[str, Any]]:
        return [
            {
                "offset": len(text[:start].encode("utf-16-le")) // 2,
                "length": len(answer["flag"].encode("utf-16-le")) // 2,
                "message": answer.get("message", "Possible error."),
                "replacements": [{"value": value} for value in answer.get("replacements", [])],
                "rule": {"id": answer["rule"], "category": {"id": answer.get("category", "GRAMMAR")}},
            }
            for answer in answers
            for start in _occurrences(text, answer["flag"])
        ]

    with languagetool_stub(matches_for) as url:
        yield url


def _occurrences(text: str, needle: str) -> Iterator[int]:
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)
