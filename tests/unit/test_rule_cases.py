"""Data-driven rule cases from ``tests/rule_cases/*.toml``: what must fire, what must stay quiet, and
what the fix produces."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from copylint.core.engine import lint_document
from copylint.core.fixer import apply_fixes
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.project.plugins import load_plugins

CASES = Path(__file__).resolve().parents[1] / "rule_cases"
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}
PLUGINS = load_plugins(entry_points=False)


def load_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data["case"]):
            cases.append(pytest.param(data["rule"], case, id=f"{path.stem}[{index}]"))
    return cases


@pytest.mark.parametrize(("rule_id", "case"), load_cases())
def test_rule_case(rule_id: str, case: dict[str, Any]) -> None:
    document = Document("case" + SUFFIX[case.get("format", "text")], case["text"])
    settings = LintSettings(rules=(PLUGINS.rules[rule_id],))
    result = lint_document(document, PLUGINS.format_for(document.path), settings)
    assert result.error is None
    found = [document.text[f.span.start : f.span.end] for f in result.findings]
    if "fires" in case:
        assert found == case["fires"]
    if "count" in case:
        assert len(found) == case["count"], [f.message for f in result.findings]
    for reason in case.get("reasons", []):
        assert any(reason in f.message for f in result.findings), (reason, [f.message for f in result.findings])
    if "suggest" in case:
        assert [f.suggestions[0] if f.suggestions else None for f in result.findings] == case["suggest"]
    if "severity" in case:
        assert [f.severity.value for f in result.findings] == case["severity"]
    if case.get("no_fix"):
        assert all(f.fix is None and not f.suggestions for f in result.findings)
    if "fixed" in case:
        fixed, applied = apply_fixes(document.text, [f.fix for f in result.findings if f.fix])
        assert applied == len(result.findings)
        # a fixed document has none of the fixed findings left
        again = lint_document(Document(document.path, fixed), PLUGINS.format_for(document.path), settings)
        assert again.findings == ()
        assert fixed == case["fixed"]
        # the suggestion, applied to the finding's own span, gives the same text as the fix
        for finding in result.findings:
            assert finding.suggestions
            assert finding.fix is not None
            if finding.span.start <= finding.fix.span.start and finding.fix.span.end <= finding.span.end:
                assert finding.fix.apply_within(document.text, finding.span) == finding.suggestions[0]
