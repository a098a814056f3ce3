"""Integrations: GitHub annotations, SARIF (validated against the schema), reviewdog, GitLab,
--diff-base in a real git repository, and the baseline."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, SARIF_SCHEMA, run_cli
from copylint.core.engine import lint_document
from copylint.core.finding import Category, FileResult, Finding, Severity
from copylint.core.rule import LintSettings
from copylint.core.source import Document, Span
from copylint.project.plugins import load_plugins
from copylint.reporters.github import GithubReporter, escape_data, escape_property
from copylint.reporters.rdjsonl import RdjsonlReporter
from copylint.run.runner import RunResult

SCHEMA = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


def test_sarif_of_the_seed_article_validates_against_the_official_schema() -> None:
    result = run_cli("check", "--format", "sarif", str(FIXTURES / "anora.txt"))
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {"spelling.typo", "repetition.word", "spam.link"} <= ids
    doubled = next(r for r in run["results"] if r["ruleId"] == "repetition.word")
    assert doubled["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 37, "startColumn": 341, "endLine": 37, "endColumn": 344
    }  # fmt: skip
    replacement = doubled["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "" and replacement["deletedRegion"]["startColumn"] == 342


def test_github_escaping_of_messages_and_properties() -> None:
    assert escape_data("50% done:\r\nnext, then") == "50%25 done:%0D%0Anext, then"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    document = Document("dir/a,b:c.md", "one\ntwo the the\nthree")
    finding = Finding("x.rule", Category.STYLE, Severity.WARNING, Span(8, 15), "100% odd: line\nbreak")
    stream = io.StringIO()
    GithubReporter(stream).report(RunResult((FileResult(document.path, document, (finding,)),)))
    assert stream.getvalue() == (
        "::warning file=dir/a%2Cb%3Ac.md,line=2,endLine=2,col=5,endColumn=12,title=x.rule::100%25 odd: line%0Abreak\n"
    )


def test_github_omits_columns_across_lines_and_writes_a_step_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    article = tmp_path / "a.txt"
    article.write_text("It was the\nthe end.\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", str(article))
    assert result.stdout.startswith("::error file=") and "line=1,endLine=2,title=repetition.word" in result.stdout
    assert "col=" not in result.stdout
    assert "| where | severity | rule | message |" in summary.read_text(encoding="utf-8")


def test_github_step_summary_is_markdown_with_plurals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It once read "1 findings in 2 files ({'error': 1, 'warning': 0, 'info': 0})."."""
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    (tmp_path / "a.txt").write_text("It was the the end.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A clean line.\n", encoding="utf-8")
    run_cli("check", "--format", "github", "--select", "repetition.word", str(tmp_path))
    text = summary.read_text(encoding="utf-8")
    assert "1 finding in 2 files." in text and "{" not in text
    assert "| severity | findings |\n|---|--:|\n| error | 1 |\n| warning | 0 |\n| info | 0 |" in text
    (tmp_path / "a.txt").write_text("Clean now.\n", encoding="utf-8")
    summary.unlink()
    run_cli("check", "--format", "github", "--select", "repetition.word", str(tmp_path / "a.txt"))
    assert summary.read_text(encoding="utf-8") == "## copylint\n\nNo findings in 1 file.\n"


def test_rdjsonl_suggests_changes_for_warnings_and_errors_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    document = Document("a.md", "Its a hint; the the end.\n")
    hint = Finding("x.hint", Category.STYLE, Severity.INFO, Span(0, 3), "A hint.", suggestions=("It's",))
    error = Finding("x.error", Category.STYLE, Severity.ERROR, Span(12, 19), "Doubled.", suggestions=("the",))
    run = RunResult((FileResult(document.path, document, (hint, error)),))

    def suggested() -> dict[str, bool]:
        stream = io.StringIO()
        RdjsonlReporter(stream).report(run)
        return {(d := json.loads(line))["code"]["value"]: "suggestions" in d for line in stream.getvalue().splitlines()}

    assert suggested() == {"x.hint": False, "x.error": True}
    monkeypatch.setenv("COPYLINT_RDJSONL_SUGGEST", "info")
    assert suggested() == {"x.hint": True, "x.error": True}
    monkeypatch.setenv("COPYLINT_RDJSONL_SUGGEST", "error")
    assert suggested() == {"x.hint": False, "x.error": True}


def test_rdjsonl_ranges_count_utf8_bytes_and_carry_suggestions() -> None:
    plugins = load_plugins(entry_points=False)
    document = Document("a.md", "Naïve “quote” — the the end.\n")
    found = lint_document(document, plugins.format_for("a.md"), LintSettings(rules=(plugins.rules["repetition.word"],)))
    stream = io.StringIO()
    RdjsonlReporter(stream).report(RunResult((found,)))
    [line] = stream.getvalue().splitlines()
    diagnostic = json.loads(line)
    prefix = "Naïve “quote” — ".encode()
    assert diagnostic["location"]["range"]["start"] == {"line": 1, "column": len(prefix) + 1}
    assert diagnostic["location"]["range"]["end"] == {"line": 1, "column": len(prefix) + len(b"the the") + 1}
    assert diagnostic["suggestions"] == [
        {
            "range": {"start": {"line": 1, "column": len(prefix) + 4}, "end": {"line": 1, "column": len(prefix) + 8}},
            "text": "",
        }
    ]
    assert diagnostic["severity"] == "ERROR" and diagnostic["code"]["value"] == "repetition.word"


def test_gitlab_fingerprints_are_unique_and_survive_line_shifts(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("the the one.\n\nthe the two.\n", encoding="utf-8")
    first = json.loads(run_cli("check", "--format", "gitlab", "--select", "repetition", str(article)).stdout)
    assert len({issue["fingerprint"] for issue in first}) == 2
    article.write_text("New intro.\n\nthe the one.\n\nthe the two.\n", encoding="utf-8")
    second = json.loads(run_cli("check", "--format", "gitlab", "--select", "repetition", str(article)).stdout)
    assert [i["fingerprint"] for i in second] == [i["fingerprint"] for i in first]
    assert [i["location"]["lines"]["begin"] for i in second] == [3, 5]
    assert {i["severity"] for i in second} == {"major"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    git(tmp_path, "config", "user.name", "Test")
    (tmp_path / "old.md").write_text(
        "An old the the slip.\n\nA middle paragraph.\n\nAnother old a a slip.\n", encoding="utf-8"
    )
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def test_diff_base_reports_only_the_changed_paragraph(repo: Path) -> None:
    article = repo / "old.md"
    article.write_text(
        "An old the the slip.\n\nA middle paragraph, edited with an an error.\n\nAnother old a a slip.\n",
        encoding="utf-8",
    )
    git(repo, "commit", "-qam", "edit")
    result = run_cli("check", "--format", "json", "--select", "repetition", "--diff-base", "HEAD~1", "old.md", cwd=repo)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["message"]) for f in findings] == [(3, "Doubled word: “an an”.")]
    everything = run_cli("check", "--format", "json", "--select", "repetition", "old.md", cwd=repo)
    assert len(json.loads(everything.stdout)["findings"]) == 3
    bad = run_cli("check", "--diff-base", "no-such-rev", "old.md", cwd=repo)
    assert bad.exit_code == 2 and "git diff" in bad.stderr


def test_baseline_survives_edits_elsewhere(repo: Path) -> None:
    assert run_cli("baseline", "--select", "repetition", ".", cwd=repo).exit_code == 0
    baseline = json.loads((repo / ".copylint-baseline.json").read_text(encoding="utf-8"))
    assert len(baseline["findings"]) == 2
    article = repo / "old.md"
    article.write_text(
        "A new first paragraph.\n\nAn old the the slip.\n\nA middle paragraph.\n\nAnother old a a slip. New the the.\n",
        encoding="utf-8",
    )
    result = run_cli(
        "check", "--format", "json", "--select", "repetition", "--baseline", ".copylint-baseline.json", ".", cwd=repo
    )
    findings = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["column"]) for f in findings] == [(7, 27)]
    broken = repo / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    bad = run_cli("check", "--baseline", str(broken), ".", cwd=repo)
    assert bad.exit_code == 2 and "not a copylint baseline" in bad.stderr
