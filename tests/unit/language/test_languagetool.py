"""The LanguageTool backend.

LanguageTool cannot be downloaded on these machines, so these tests start a small HTTP server on
127.0.0.1 that answers ``/v2/check`` the way LanguageTool's documented HTTP API does (a JSON
object with ``matches``, each with ``offset`` and ``length`` in UTF-16 code units, ``message``,
``replacements`` and ``rule`` with its id and category). One test talks to a real LanguageTool
server when ``COPYLINT_LT_SERVER`` names one, and is skipped otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import languagetool_stub, run_json
from copylint.core.engine import lint_document
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.language.languagetool import check, utf16_to_code_points
from copylint.project.plugins import load_plugins
from copylint.rules.languagetool import LanguageToolSettings

PLUGINS = load_plugins(entry_points=False)


def fake_matches(text: str) -> list[dict[str, object]]:
    """Flag every "teh" and every "irregardless", with offsets in UTF-16 units like Java's."""
    matches = []
    for word, rule, category, fix in (("teh", "MORFOLOGIK_RULE_EN_US", "TYPOS", "the"),
                                       ("irregardless", "IRREGARDLESS", "GRAMMAR", "regardless")):  # fmt: skip
        start = text.find(word)
        while start >= 0:
            utf16_offset = len(text[:start].encode("utf-16-le")) // 2
            matches.append({
                "message": f"Possible error: {word}",
                "offset": utf16_offset,
                "length": len(word),
                "replacements": [{"value": fix}],
                "rule": {"id": rule, "category": {"id": category, "name": category.title()}},
            })  # fmt: skip
            start = text.find(word, start + 1)
    return matches


@pytest.fixture
def server() -> Iterator[str]:
    with languagetool_stub(fake_matches) as url:
        yield url


def lint(text: str, name: str, server_url: str | None) -> list[tuple[str, str, str]]:
    rules = (PLUGINS.rules["languagetool.check"], PLUGINS.rules["spelling.typo"])
    document = Document(name, text)
    result = lint_document(
        document, PLUGINS.format_for(name), LintSettings(rules=rules, family=(LanguageToolSettings(server_url),))
    )
    assert result.error is None, result.error
    return [(f.rule, f.category.value, document.text[f.span.start : f.span.end]) for f in result.findings]


def test_utf16_offsets_become_code_points() -> None:
    table = utf16_to_code_points("a👍b")
    assert table == [0, 1, 1, 2, 3]


def test_matches_map_back_to_the_source_across_emoji_and_markup(server: str) -> None:
    text = "# Title 👍\n\nWe 👍👍 saw *teh* [link](https://x.org) and irregardless of it.\n"
    findings = lint(text, "a.md", server)
    assert ("languagetool.check", "grammar", "irregardless") in findings
    # "teh" is also copylint's own typo finding on the same span: LanguageTool's copy is dropped
    assert [f for f in findings if f[2] == "teh"] == [("spelling.typo", "typo", "teh")]


def test_languagetool_is_off_unless_configured() -> None:
    assert [f for f in lint("irregardless of teh\n", "a.txt", None) if f[0] == "languagetool.check"] == []


def test_configured_server_and_a_clear_error_when_it_is_down(server: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("We left, irregardless.\n", encoding="utf-8")
    (tmp_path / ".copylint.toml").write_text(
        f'languagetool = "{server}"\nselect = ["languagetool"]\n', encoding="utf-8"
    )
    code, payload = run_json("a.txt", cwd=tmp_path)
    assert [(f["rule"], f["column"], f["suggestions"]) for f in payload["findings"]] == [
        ("languagetool.check", 10, ["regardless"])
    ]
    assert "[LanguageTool IRREGARDLESS]" in payload["findings"][0]["message"]
    (tmp_path / ".copylint.toml").write_text('languagetool = "http://127.0.0.1:9"\nselect = ["languagetool"]\n')
    from conftest import run_cli

    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert "cannot reach LanguageTool at http://127.0.0.1:9/v2/check" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not os.environ.get("COPYLINT_LT_SERVER"), reason="set COPYLINT_LT_SERVER to a LanguageTool server")
def test_a_real_languagetool_server() -> None:
    matches = check(os.environ["COPYLINT_LT_SERVER"], "This is is a test 👍 with a error.")
    assert any(match.rule_id for match in matches)
