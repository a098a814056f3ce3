"""``copylint.run.api.lint_paths``: a whole run from Python, checked against ``copylint check`` on
the same files with the same options (the JSON reporter's output must be the same to the byte)."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from conftest import copy_golden, run_cli
from copylint.core.errors import CopylintError
from copylint.core.finding import RunResult
from copylint.project.plugins import load_plugins
from copylint.reporters.json_format import JsonReporter
from copylint.run.api import lint_paths


def as_json(result: RunResult) -> str:
    stream = io.StringIO()
    JsonReporter(stream, color=False, quiet=False, rules=load_plugins().rules).report(result)
    return stream.getvalue()


def check_json(*args: str) -> str:
    result = run_cli("check", "--format", "json", "--no-cache", *args)  # in the folder in_fixtures moved to
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The current folder is a copy of the golden articles (the spam-link benchmark's are left out)."""
    fixtures = copy_golden(tmp_path / "fixtures")
    monkeypatch.chdir(fixtures)
    return fixtures


def test_the_fixtures_give_the_findings_check_prints(in_fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a clean run issues no warning
        result = lint_paths()
    assert capsys.readouterr() == ("", "")  # and prints nothing
    assert as_json(result) == check_json()
    articles = {
        path.relative_to(in_fixtures) for path in in_fixtures.rglob("*") if path.suffix in {".md", ".html", ".txt"}
    }
    assert {Path(r.path) for r in result.files} == articles
    assert len(articles) > 8 and sum(len(r.findings) for r in result.files) > 20


def test_select_and_ignore_act_as_the_options_do(in_fixtures: Path) -> None:
    result = lint_paths(["anora.txt", "anora.md"], select=["repetition", "spelling"], ignore="spelling.typo")
    assert as_json(result) == check_json(
        "--select", "repetition,spelling", "--ignore", "spelling.typo", "anora.txt", "anora.md"
    )
    rules = {finding.rule for r in result.files for finding in r.findings}
    assert "repetition.word" in rules
    assert all(rule.startswith(("repetition.", "spelling.")) and rule != "spelling.typo" for rule in rules)


def test_one_path_and_one_selector_need_no_list(in_fixtures: Path) -> None:
    one = lint_paths(Path("anora.txt"), select="repetition.word")
    assert as_json(one) == as_json(lint_paths(["anora.txt"], select=["repetition.word"]))
    assert [f.rule for r in one.files for f in r.findings] == ["repetition.word"]


def test_a_configuration_file_is_read_as_with_config(in_fixtures: Path, tmp_path: Path) -> None:
    config = tmp_path / "house.toml"
    config.write_text('select = ["repetition", "punctuation"]\n\n[severity]\n"repetition.word" = "info"\n')
    result = lint_paths("anora.txt", config=config)
    assert as_json(result) == check_json("--config", str(config), "anora.txt")
    severities = {f.rule: f.severity.value for r in result.files for f in r.findings}
    assert severities["repetition.word"] == "info"
    assert all(rule.startswith(("repetition.", "punctuation.")) for rule in severities)


def test_parallel_and_cached_runs_give_the_serial_result(in_fixtures: Path, tmp_path: Path) -> None:
    serial = as_json(lint_paths())
    cache = tmp_path / "cache"
    assert as_json(lint_paths(jobs=2, cache_dir=cache)) == serial  # more files than a small run: forked
    assert any(cache.rglob("*.json"))
    assert as_json(lint_paths(cache_dir=cache)) == serial  # answered from the cache


def test_a_wrong_selection_or_configuration_raises(in_fixtures: Path, tmp_path: Path) -> None:
    with pytest.raises(CopylintError, match="did you mean 'repetition.word'"):
        lint_paths("anora.txt", select="repetition.wrod")
    with pytest.raises(CopylintError, match="cannot read"):
        lint_paths("anora.txt", config=tmp_path / "missing.toml")
    with pytest.raises(ValueError, match="jobs"):
        lint_paths("anora.txt", jobs=0)


def test_a_missing_file_is_an_error_in_the_result_and_the_rest_is_linted(in_fixtures: Path) -> None:
    result = lint_paths(["missing.md", "anora.txt"], select="repetition.word")
    assert [(r.path, r.error) for r in result.errors] == [("missing.md", "missing.md: no such file or directory")]
    assert [f.rule for r in result.files if r.path == "anora.txt" for f in r.findings] == ["repetition.word"]


def test_copylint_exports_it_without_importing_the_runner() -> None:
    code = (
        "import sys, copylint\n"
        "print('copylint.run.api' in sys.modules)\n"
        "from copylint import lint_paths\n"
        "from copylint.run import api\n"
        "print(lint_paths is api.lint_paths)\n"
    )
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert process.stdout.split() == ["False", "True"]
