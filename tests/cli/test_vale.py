"""Vale compatibility against a real published style and its own test suite: every scenario of
Vale's Microsoft style (``tests/fixtures/vale/Microsoft``) run through copylint from inside its
fixture folder, comparing file, line, column and rule with the output Vale gives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import MICROSOFT, run_cli

STYLE = MICROSOFT
SCENARIOS = re.findall(
    r'^\s+When I test "(\w+)"\n\s+Then the output should contain exactly:\n\s+"""\n(.*?)\n\s+"""',
    (STYLE / "features" / "rules.feature").read_text(encoding="utf-8"),
    re.MULTILINE | re.DOTALL,
)


def copylint_output(folder: Path) -> list[str]:
    result = run_cli("check", "--format", "json", "--select", "vale", "--fail-level", "error", "test.md", cwd=folder)
    assert result.exit_code in (0, 1), result.stderr
    payload = json.loads(result.stdout)
    names = {rule["id"]: rule for rule in json.loads(run_cli("rules", "--format", "json").stdout)}
    assert names is not None
    return sorted(f"test.md:{f['line']}:{f['column']}:{vale_name(f['rule'])}" for f in payload["findings"])


def vale_name(rule_id: str) -> str:
    """vale.microsoft.heading-acronyms -> Microsoft.HeadingAcronyms (the style's files are CamelCase)."""
    style, _, rule = rule_id.removeprefix("vale.").partition(".")
    files = {re.sub(r"[^a-z0-9]", "", path.stem.lower()): path.stem for path in (STYLE / "Microsoft").glob("*.yml")}
    return f"Microsoft.{files[rule.replace('-', '')]}"


def test_the_suite_is_all_there() -> None:
    assert len(SCENARIOS) == 18


@pytest.mark.parametrize(("name", "expected"), SCENARIOS, ids=[name for name, _ in SCENARIOS])
def test_vale_scenario(name: str, expected: str) -> None:
    wanted = sorted(":".join(line.strip().split(":")[:4]) for line in expected.strip().splitlines())
    assert copylint_output(STYLE / "fixtures" / name) == wanted


def test_config_names_a_vale_ini_and_unsupported_kinds_are_listed(tmp_path: Path) -> None:
    styles = tmp_path / "styles" / "House"
    styles.mkdir(parents=True)
    (styles / "Avoid.yml").write_text(
        "extends: existence\nmessage: \"Don't use '%s'.\"\nlevel: error\nignorecase: true\ntokens:\n  - utilize\n",
        encoding="utf-8",
    )
    (styles / "Grammar.yml").write_text("extends: sequence\nmessage: x\ntokens: []\n", encoding="utf-8")
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "Base"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("Kubernetes\n", encoding="utf-8")
    (tmp_path / "vale.ini").write_text(
        "StylesPath = styles\nVocab = Base\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8"
    )
    (tmp_path / ".copylint.toml").write_text('vale = "vale.ini"\nselect = ["vale"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("We utilize Kubernetes.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "a.md", cwd=tmp_path)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["column"], f["message"]) for f in findings] == [
        ("vale.house.avoid", 4, "Don't use 'utilize'.")
    ]
    assert "Vale rule House.Grammar skipped: needs part-of-speech tagging" in result.stderr


def test_an_unknown_style_and_a_file_type_copylint_does_not_read_get_a_notice(tmp_path: Path) -> None:
    styles = tmp_path / "styles" / "House"
    styles.mkdir(parents=True)
    (styles / "Avoid.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n", encoding="utf-8"
    )
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\n[*.md]\nBasedOnStyles = Vale, House, Hose\n"
        "[*.rst]\nHouse.Avoid = NO\n[*.{md,adoc}]\nMinAlertLevel = suggestion\n",
        encoding="utf-8",
    )
    (tmp_path / "a.md").write_text("We utilize it.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--select", "vale", "a.md", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["vale.house.avoid"]  # [*.rst] is not merged
    notes = [line.removeprefix("copylint: note: ") for line in result.stderr.splitlines()]
    assert notes == [
        ".vale.ini [*.rst]: copylint does not read .rst files, so the section is not used",
        ".vale.ini [*.{md,adoc}]: copylint does not read .adoc files (the section still applies to its other files)",
        "BasedOnStyles: Vale's built-in style 'Vale' is not run "
        "(copylint's spelling and repetition rules, and the Vocab lists, stand in for it)",
        f"BasedOnStyles: no style 'Hose' in {tmp_path / 'styles'}, so it is not run; did you mean 'House'?",
    ]
