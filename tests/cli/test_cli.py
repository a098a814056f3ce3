"""The command line: exit codes, errors, file selection, formats, rules and explain."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from conftest import FIXTURES, PLUGINS, ROOT, SPAM_LINKS, run_cli, run_json, run_process, write
from copylint import Reporter, __version__
from copylint.project.plugins import load_plugins


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path / "good.md", "# Fine\n\nNothing wrong here.\n")
    write(tmp_path / "bad.md", "# Title\n\nWhat it is is wrong, and the the rest.\n")
    write(tmp_path / "sub" / "page.html", "<p>An an html page.</p>")
    write(tmp_path / "sub" / "notes.txt", "plain plain text\n")
    write(tmp_path / "sub" / "ignored.rst", "rst rst is not included by default\n")
    write(tmp_path / ".hidden" / "secret.md", "hidden hidden\n")
    write(tmp_path / "drafts" / "draft.md", "draft draft\n")
    return tmp_path


def paths_of(payload: dict) -> set[str]:
    return {Path(f["path"]).name for f in payload["findings"]}


def test_exit_0_when_clean_and_1_with_findings(tree: Path) -> None:
    assert run_cli("check", str(tree / "good.md")).exit_code == 0
    result = run_cli("check", "--no-color", str(tree / "bad.md"))
    assert result.exit_code == 1
    assert "bad.md:3:9: error" not in result.stdout  # "what it is is" is grammatical
    assert "bad.md:3:26: error repetition.word Doubled word: “the the”." in result.stdout
    assert "    = fix (unsafe): “the”" in result.stdout
    assert "Found 1 finding (1 error) in 1 file." in result.stdout


def test_directories_are_walked_with_default_includes_skipping_hidden_folders(tree: Path) -> None:
    code, payload = run_json(str(tree))
    assert code == 1
    assert paths_of(payload) == {"bad.md", "page.html", "notes.txt", "draft.md"}
    assert payload["summary"]["files_checked"] == 5


def test_include_and_exclude_globs(tree: Path) -> None:
    _, payload = run_json("--include", "*.rst", str(tree))
    assert paths_of(payload) == {"ignored.rst"}
    _, payload = run_json("--exclude", "drafts", "--exclude", "sub/*.txt", str(tree))
    assert paths_of(payload) == {"bad.md", "page.html"}


def test_explicit_files_are_linted_unless_force_exclude(tree: Path) -> None:
    rst = str(tree / "sub" / "ignored.rst")
    _, payload = run_json(rst)
    assert paths_of(payload) == {"ignored.rst"}
    code, payload = run_json("--force-exclude", rst)
    assert code == 0 and payload["findings"] == [] and payload["summary"]["files_checked"] == 0
    _, payload = run_json("--force-exclude", "--exclude", "draft*", str(tree / "drafts" / "draft.md"))
    assert payload["findings"] == []


def test_missing_path_is_an_error_but_other_files_are_still_checked(tree: Path) -> None:
    result = run_cli("check", "--format", "json", str(tree / "nope.md"), str(tree / "bad.md"))
    assert result.exit_code == 2
    assert "nope.md: no such file or directory" in result.stderr
    payload = json.loads(result.stdout)
    assert paths_of(payload) == {"bad.md"}
    assert payload["summary"]["files_with_errors"][0]["path"].endswith("nope.md")


def test_undecodable_and_binary_files_get_one_error_line_each(tree: Path) -> None:
    write(tree / "latin1.md", "caf\xe9 caf\xe9\n".encode("latin-1"))
    write(tree / "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = run_cli("check", "--format", "json", str(tree))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("copylint: error:")]
    assert len(errors) == 2
    assert any("latin1.md: not valid UTF-8" in line for line in errors)
    assert any("image.md: looks like a binary file" in line for line in errors)
    payload = json.loads(result.stdout)
    assert "bad.md" in paths_of(payload)  # findings in the other files are still reported
    assert len(payload["summary"]["files_with_errors"]) == 2


def test_select_ignore_and_fail_level(tree: Path) -> None:
    bad = str(tree / "bad.md")
    assert run_cli("check", "--ignore", "repetition", bad).exit_code == 0
    assert run_cli("check", "--select", "repetition.word", bad).exit_code == 1
    assert run_cli("check", "--select", "repetition", "--ignore", "repetition.word", bad).exit_code == 0
    assert run_cli("check", "--exit-zero", bad).exit_code == 0
    assert run_cli("check", "--fail-level", "error", bad).exit_code == 1
    result = run_cli("check", "--select", "repetiton", bad)
    assert result.exit_code == 2
    assert "unknown rule or prefix 'repetiton'; did you mean 'repetition'?" in result.stderr


def test_unknown_format_is_a_usage_error_that_lists_every_format(tree: Path) -> None:
    result = run_cli("check", "--format", "jsn", str(tree))
    assert result.exit_code == 2
    assert "unknown --format 'jsn' (did you mean 'json'?); choose from:" in result.stderr
    assert lists_every_reporter(result.stderr, load_plugins().reporters)


def lists_every_reporter(output: str, reporters: Mapping[str, type[Reporter]]) -> bool:
    """Whether ``output`` names every reporter, each followed by its description (however wrapped)."""
    flat = "".join(output.split())
    return all("".join((name, *reporter.description.split())) in flat for name, reporter in reporters.items())


def test_check_help_lists_every_registered_format_with_its_description() -> None:
    reporters = load_plugins().reporters
    assert {"text", "json", "github", "sarif", "rdjsonl", "gitlab"} <= set(reporters)
    assert all(reporter.description for reporter in reporters.values())
    result = run_cli("check", "--help")
    assert result.exit_code == 0
    listing = result.stdout.split("Output formats (--format):", 1)[1]
    assert lists_every_reporter(listing, reporters)
    assert listing.index("text") < listing.index("json") < listing.index("gitlab")  # registration order


TSV_PLUGIN = """
from copylint import Reporter, hookimpl

class TsvReporter(Reporter):
    name = "tsv"
    description = "One tab-separated line a finding: path, offset, rule."

    def report(self, run):
        for result in run.files:
            for finding in result.findings:
                self.stream.write(f"{result.path}\\t{finding.span.start}\\t{finding.rule}\\n")

@hookimpl
def copylint_register_reporters():
    return (TsvReporter,)
"""


def test_a_plugins_output_format_is_listed_in_help_and_errors_and_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = tmp_path / "plugin"
    write(plugin / "copylint_tsv.py", TSV_PLUGIN)
    write(
        plugin / "copylint_tsv-0.1.0.dist-info" / "METADATA",
        "Metadata-Version: 2.1\nName: copylint-tsv\nVersion: 0.1.0\n",
    )
    write(plugin / "copylint_tsv-0.1.0.dist-info" / "entry_points.txt", "[copylint]\ntsv = copylint_tsv\n")
    monkeypatch.syspath_prepend(str(plugin))
    described = "Onetab-separatedlineafinding:path,offset,rule."
    assert "tsv" + described in "".join(run_cli("check", "--help").stdout.split())
    assert "tsv" + described in "".join(run_cli("check", "--format", "tvs", ".").stderr.split())
    article = write(tmp_path / "a.md", "The the end.\n")
    result = run_cli("check", "--format", "tsv", str(article))
    assert result.exit_code == 1 and result.stdout == f"{article}\t0\trepetition.word\n"


def test_bad_option_is_a_usage_error_without_traceback() -> None:
    result = run_cli("check", "--fail-level", "fatal", ".")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_quiet_prints_only_finding_lines(tree: Path) -> None:
    result = run_cli("check", "--quiet", str(tree / "bad.md"))
    assert result.stdout.count("\n") == 1 and "repetition.word" in result.stdout


def test_json_contract(tree: Path) -> None:
    _, payload = run_json(str(tree / "bad.md"), str(tree / "sub"))
    assert payload["version"] == 1
    keys = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "category",
        "severity",
        "message",
        "suggestions",
    }
    for finding in payload["findings"]:
        assert keys <= set(finding)
        assert finding["category"] in {
            "typo",
            "real-word",
            "repetition",
            "punctuation",
            "invisible",
            "spam",
            "grammar",
            "style",
        }
        assert finding["severity"] in {"error", "warning", "info"}
    order = [(f["path"], f["line"], f["column"]) for f in payload["findings"]]
    assert order == sorted(order)
    summary = payload["summary"]
    assert summary["findings"] == len(payload["findings"]) == 3
    assert summary["by_severity"] == {"error": 3, "warning": 0, "info": 0}
    assert summary["by_category"] == {"repetition": 3}
    assert summary["files_checked"] == 3 and summary["files_with_errors"] == []


def test_json_positions_point_at_the_text_they_name() -> None:
    _, payload = run_json(str(FIXTURES), "--exclude", SPAM_LINKS.name)
    assert {f["rule"] for f in payload["findings"]} >= {"repetition.word", "spelling.typo", "repetition.fragment"}
    for finding in payload["findings"]:
        lines = Path(finding["path"]).read_text(encoding="utf-8-sig").split("\n")
        start = sum(len(line) + 1 for line in lines[: finding["line"] - 1]) + finding["column"] - 1
        end = sum(len(line) + 1 for line in lines[: finding["end_line"] - 1]) + finding["end_column"] - 1
        named = "\n".join(lines)[start:end]
        assert named, finding
        if finding["rule"] == "repetition.word":
            words = named.split()
            assert len(words) == 2 and words[0].lower() == words[1].lower(), finding
        elif finding["rule"].startswith(("spelling.", "real-word.")):
            assert f"“{named}”" in finding["message"], finding
        elif finding["rule"] in ("repetition.phrase", "repetition.fragment"):
            quoted = finding["message"].split("“", 1)[1].rsplit("”", 1)[0]
            flat = " ".join(named.split())
            assert flat == quoted or flat.count(quoted) == 2, finding


def test_rules_and_explain() -> None:
    result = run_cli("rules")
    assert result.exit_code == 0
    assert "repetition.word" in result.stdout and "repetition" in result.stdout and "yes" in result.stdout
    rows = json.loads(run_cli("rules", "--format", "json").stdout)
    by_id = {row["id"]: row for row in rows}
    expected = {"id": "repetition.word", "category": "repetition", "severity": "error", "fixable": True}
    assert expected.items() <= by_id["repetition.word"].items()
    assert {"spelling.typo", "spelling.rejected", "real-word.context"} <= set(by_id)
    explained = run_cli("explain", "repetition.word")
    assert explained.exit_code == 0 and "Fix safety" in explained.stdout
    unknown = run_cli("explain", "repetition.wrd")
    assert unknown.exit_code == 2 and "did you mean 'repetition.word'" in unknown.stderr


def test_rules_and_explain_know_the_rules_of_the_projects_packs(tmp_path: Path) -> None:
    (tmp_path / "house.yml").write_text((ROOT / "docs" / "examples" / "house.yml").read_text(encoding="utf-8"))
    (tmp_path / ".copylint.toml").write_text('packs = ["house.yml"]\n', encoding="utf-8")
    listed = {row["id"] for row in json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)}
    assert {"house.email", "repetition.word"} <= listed
    explained = run_cli("explain", "house.email", cwd=tmp_path)
    assert explained.exit_code == 0 and "From the rule pack 'house'" in explained.stdout
    assert run_cli("explain", "house.email").exit_code == 2  # elsewhere, no such rule


def test_version_and_help() -> None:
    assert __version__ in run_cli("--version").stdout
    assert "Exit status" in run_cli("check", "--help").stdout


def test_python_dash_m_and_plugins_in_a_real_process(tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", "Lorem ipsum dolor. The the end.\n")
    process = run_process(
        "check", "--format", "json", "--select", "example,repetition", str(article), extra_paths=(PLUGINS / "example",)
    )
    assert process.returncode == 1, process.stderr
    rules = [f["rule"] for f in json.loads(process.stdout)["findings"]]
    assert rules == ["example.no-lorem", "repetition.word"]
    listed = run_process("rules", extra_paths=(PLUGINS / "example",))
    assert "example.no-lorem" in listed.stdout


def test_broken_plugin_warns_by_name_and_the_run_goes_on(tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", "The the end.\n")
    process = run_process("check", str(article), extra_paths=(PLUGINS / "broken",))
    assert process.returncode == 1
    assert "copylint: warning: plugin 'broken' failed to load (ImportError" in process.stderr
    assert "Traceback" not in process.stderr
    assert "repetition.word" in process.stdout


def test_fail_level_counts_only_findings_at_or_above_it(tmp_path: Path, example_plugin: Path) -> None:
    article = str(write(tmp_path / "a.md", "Lorem ipsum, nothing else.\n"))  # one warning from the plugin
    assert run_cli("check", article).exit_code == 1
    assert run_cli("check", "--fail-level", "warning", article).exit_code == 1
    assert run_cli("check", "--fail-level", "error", article).exit_code == 0
    assert run_cli("check", "--fail-level", "info", article).exit_code == 1


def test_columns_are_exact_after_bom_crlf_tabs_emoji_and_combining_marks(tmp_path: Path) -> None:
    text = "# Ti\u0301tle 👍\r\n\r\nNai\u0308ve\t👍👍 “quote” *and* the the end.\r\n"
    article = write(tmp_path / "a.md", b"\xef\xbb\xbf" + text.encode("utf-8"))
    _, payload = run_json(str(article))
    [finding] = payload["findings"]
    line = text.split("\r\n")[2]
    column = line.index("the the") + 1
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (
        3,
        column,
        3,
        column + 7,
    )


def test_accept_and_reject_word_lists(tmp_path: Path) -> None:
    article = str(write(tmp_path / "a.md", "We utilize kubectlx and Frobnicatr daily.\n"))
    _, payload = run_json("--select", "spelling", article)
    assert sorted(f["message"].split("“")[1].split("”")[0] for f in payload["findings"]) == ["kubectlx"]
    accept = write(tmp_path / "accept.txt", "# project words\nkubectl[a-z]?\n")
    reject = write(tmp_path / "reject.txt", "utilize\n")
    _, payload = run_json("--select", "spelling", "--accept", str(accept), "--reject", str(reject), article)
    assert [(f["rule"], f["line"], f["column"]) for f in payload["findings"]] == [("spelling.rejected", 1, 4)]
    missing = run_cli("check", "--accept", str(tmp_path / "nope.txt"), article)
    assert missing.exit_code == 2 and "nope.txt: cannot read word list" in missing.stderr
    bad = write(tmp_path / "bad.txt", "kube(\n")
    broken = run_cli("check", "--accept", str(bad), article)
    assert broken.exit_code == 2 and "bad.txt:1: invalid pattern" in broken.stderr
