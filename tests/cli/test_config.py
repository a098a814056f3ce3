"""Configuration: every key changes the result; mistakes are clear errors; the CLI wins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli, run_json

ARTICLE = (
    "We recieve the the report about the orginal plan.\n\n"
    "The committee approved the budget for next year after a long debate. Other business followed.\n"
    "The committee approved the budget for next year after a long debate.\n\n"
    "Download free movies online at example-films.click today.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def configure(project: Path, body: str, name: str = ".copylint.toml") -> None:
    (project / name).write_text(body, encoding="utf-8")


def rules_in(project: Path, *args: str) -> list[str]:
    code, payload = run_json(*args, "docs", cwd=project)
    assert code in (0, 1)
    return [f["rule"] for f in payload["findings"]]


def test_no_config_runs_every_rule(project: Path) -> None:
    assert {"spelling.typo", "repetition.word", "repetition.sentence", "spam.link"} <= set(rules_in(project))


def test_select_ignore_and_extend_select(project: Path) -> None:
    configure(project, 'select = ["spelling"]\n')
    assert set(rules_in(project)) == {"spelling.typo"}
    configure(project, 'select = ["spelling"]\nextend-select = ["spam"]\n')
    assert set(rules_in(project)) == {"spelling.typo", "spam.link"}
    configure(project, 'ignore = ["spelling", "spam"]\n')
    assert not {"spelling.typo", "spam.link"} & set(rules_in(project))


def test_command_line_wins(project: Path) -> None:
    configure(project, 'select = ["repetition.sentence"]\nfail-level = "error"\n')
    assert set(rules_in(project, "--select", "repetition.word")) == {"repetition.word"}
    # the configured fail level (error) lets warnings pass; the flag brings it back
    assert run_cli("check", "docs", cwd=project).exit_code == 0
    assert run_cli("check", "--fail-level", "warning", "docs", cwd=project).exit_code == 1


def test_severity_and_pyproject_table(project: Path) -> None:
    configure(
        project,
        '[tool.copylint]\nselect = ["spelling"]\n[tool.copylint.severity]\n"spelling.typo" = "error"\n',
        name="pyproject.toml",
    )
    _, payload = run_json("docs", cwd=project)
    assert {f["severity"] for f in payload["findings"]} == {"error"}


def test_rule_options(project: Path) -> None:
    configure(project, 'select = ["repetition.sentence"]\n')
    assert rules_in(project) == ["repetition.sentence"]
    configure(project, 'select = ["repetition.sentence"]\n["repetition.sentence"]\nmin-words = 20\n')
    assert rules_in(project) == []
    configure(project, 'select = ["spam"]\n["spam.link"]\nthreshold = 10\n')
    assert rules_in(project) == []


def test_spelling_thresholds_and_word_packs(project: Path) -> None:
    (project / "docs" / "b.md").write_text("The allowlisting of senders is done with asciidoc files.\n")
    configure(project, 'select = ["spelling"]\n')
    code, payload = run_json("docs/a.md", cwd=project)
    assert [f["severity"] for f in payload["findings"]] == ["error", "warning"]  # recieve, orginal
    configure(project, 'select = ["spelling"]\n["spelling.typo"]\nmax-cost = 0\nslip-cost = 0\n')  # an int
    code, payload = run_json("docs/a.md", cwd=project)
    assert [f["severity"] for f in payload["findings"]] == ["error", "info"]
    # the software pack knows "allowlisting" and "asciidoc"; without it, they are unknown words
    configure(project, 'select = ["spelling"]\nword-packs = []\n')
    assert len(run_json("docs/b.md", cwd=project)[1]["findings"]) == 2
    configure(project, 'select = ["spelling"]\nword-packs = ["companies"]\n')
    assert len(run_json("docs/b.md", cwd=project)[1]["findings"]) == 2
    configure(project, 'select = ["spelling"]\n')
    assert run_json("docs/b.md", cwd=project)[1]["findings"] == []


def test_include_exclude_and_force_exclude(project: Path) -> None:
    (project / "docs" / "b.txt").write_text("the the\n", encoding="utf-8")
    configure(project, 'include = ["*.txt"]\nselect = ["repetition.word"]\n')
    _, payload = run_json("docs", cwd=project)
    assert {Path(f["path"]).name for f in payload["findings"]} == {"b.txt"}
    configure(project, 'exclude = ["b.txt"]\nselect = ["repetition.word"]\n')
    _, payload = run_json("docs", cwd=project)
    assert {Path(f["path"]).name for f in payload["findings"]} == {"a.md"}
    configure(project, 'exclude = ["b.txt"]\nforce-exclude = true\nselect = ["repetition.word"]\n')
    _, payload = run_json("docs/b.txt", cwd=project)
    assert payload["findings"] == []


def test_vocabulary_files_relative_to_the_config(project: Path) -> None:
    (project / "accept.txt").write_text("orginal\n", encoding="utf-8")
    (project / "reject.txt").write_text("budget\n", encoding="utf-8")
    configure(project, 'select = ["spelling"]\naccept = ["accept.txt"]\nreject = ["reject.txt"]\n')
    _, payload = run_json("docs", cwd=project)
    words = sorted((f["rule"], f["message"].split("“")[1].split("”")[0]) for f in payload["findings"])
    assert words == [("spelling.rejected", "budget"), ("spelling.rejected", "budget"), ("spelling.typo", "recieve")]


def test_spam_lists(project: Path) -> None:
    configure(project, 'select = ["spam"]\n')
    assert rules_in(project) == ["spam.link"]
    configure(project, 'select = ["spam"]\nspam-trusted = ["example-films.click"]\n')
    assert rules_in(project) == []
    (project / "trusted.txt").write_text("# partners\nexample-films.click\n", encoding="utf-8")
    configure(project, 'select = ["spam"]\nspam-trusted-lists = ["trusted.txt"]\n')
    assert rules_in(project) == []
    (project / "docs" / "a.md").write_text("See our partner at partner-site.com for more.\n", encoding="utf-8")
    (project / "blocked.txt").write_text("partner-site.com\n", encoding="utf-8")
    configure(project, 'select = ["spam"]\nspam-blocked-lists = ["blocked.txt"]\n["spam.link"]\nthreshold = 2\n')
    assert rules_in(project) == ["spam.link"]


def test_overrides_by_path(project: Path) -> None:
    (project / "docs" / "legacy").mkdir()
    (project / "docs" / "legacy" / "old.md").write_text("the the\n", encoding="utf-8")
    configure(
        project,
        'select = ["repetition.word"]\n[[overrides]]\nfiles = ["docs/legacy/*"]\nignore = ["repetition.word"]\n'
        '[[overrides]]\nfiles = ["a.md"]\nseverity = { "repetition.word" = "info" }\n',
    )
    _, payload = run_json("docs", cwd=project)
    assert [(Path(f["path"]).name, f["severity"]) for f in payload["findings"]] == [("a.md", "info")]


def test_language_and_config_found_from_a_parent_folder(project: Path) -> None:
    configure(project, 'language = "en"\nselect = ["repetition.word"]\n')
    code, payload = run_json("a.md", cwd=project / "docs")
    assert [f["rule"] for f in payload["findings"]] == ["repetition.word"]
    configure(project, 'language = "fr"\n')
    result = run_cli("check", "docs", cwd=project)
    assert result.exit_code == 2 and "language: unsupported language 'fr'" in result.stderr


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('selcet = ["spelling"]\n', "selcet: unknown key; did you mean 'select'?"),
        ('select = ["speling"]\n', "select: unknown rule or prefix 'speling'; did you mean 'spelling'?"),
        ('fail-level = "fatal"\n', "fail-level: expected one of error, warning, info, got 'fatal'"),
        ("include = 3\n", "include: expected a list of strings, got 3"),
        ('force-exclude = "yes"\n', "force-exclude: expected true or false"),
        (
            '["repetition.sentence"]\nmin-word = 3\n',
            "repetition.sentence.min-word: unknown option; did you mean 'min-words'?",
        ),
        ('["repetition.sentence"]\nmin-words = "3"\n', "repetition.sentence.min-words: expected int"),
        ('["spelling.typo"]\nmax-cost = "high"\n', "spelling.typo.max-cost: expected float, got 'high'"),
        ('word-packs = ["sofware"]\n', "word-packs: unknown word pack 'sofware' (known: software, companies, names)"),
        ('[[overrides]]\nfile = ["*.md"]\n', "overrides[0].file: unknown key; did you mean 'files'?"),
        ('[severity]\n"spelling.typ" = "info"\n', "severity: unknown rule or prefix 'spelling.typ'"),
        ("select = [\n", "invalid TOML"),
        (
            '[format-suffixes]\n".njk" = "htm"\n',
            "format-suffixes.\".njk\": unknown format 'htm' (known: html, markdown, mdx, text); did you mean 'html'?",
        ),
        ('[format-suffixes]\n"njk" = "html"\n', 'format-suffixes."njk": expected a file name suffix with its dot'),
        ('format-suffixes = [".njk"]\n', "format-suffixes: expected a table of suffixes and formats"),
    ],
)
def test_mistakes_name_the_file_and_key(project: Path, body: str, message: str) -> None:
    configure(project, body)
    result = run_cli("check", "docs", cwd=project)
    assert result.exit_code == 2
    assert ".copylint.toml" in result.stderr and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_config_command_prints_effective_settings(project: Path) -> None:
    configure(project, 'select = ["spelling", "spam"]\n["spam.link"]\nthreshold = 4\n')
    result = run_cli("config", "docs/a.md", cwd=project)
    assert result.exit_code == 0
    settings = json.loads(result.stdout)
    assert settings["config-file"].endswith(".copylint.toml")
    assert settings["rules"] == ["spam.link", "spelling.rejected", "spelling.typo", "spelling.variety"]
    assert settings["rule-options"]["spam.link"] == {"threshold": 4}
    assert settings["rule-options"]["spelling.typo"]["max-cost"] == 1.6  # defaults shown too
    assert settings["fail-level"] == "warning"


def test_max_file_size_from_the_config_and_the_command_line(tmp_path: Path) -> None:
    (tmp_path / ".copylint.toml").write_text("max-file-size = 0.00001\n", encoding="utf-8")  # 10 bytes
    article = tmp_path / "a.md"
    article.write_text("The the end of a line.\n", encoding="utf-8")
    refused = run_cli("check", str(article), cwd=tmp_path)
    assert refused.exit_code == 2
    assert f"copylint: error: {article}: 23 bytes is over the 10 bytes limit" in refused.stderr
    assert run_cli("check", "--max-file-size", "0", str(article), cwd=tmp_path).exit_code == 1
    described = json.loads(run_cli("config", str(article), cwd=tmp_path).stdout)
    assert described["max-file-size"] == 0.00001


def test_format_suffixes_map_a_suffix_to_a_format(tmp_path: Path) -> None:
    (tmp_path / "page.njk").write_text('<p class="recieve">Teh cat sat.</p>\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("# Title\n", encoding="utf-8")

    def typos(*args: str) -> tuple[list[tuple[str, int]], str]:
        result = run_cli("check", "--no-cache", "--format", "json", *args, ".", cwd=tmp_path)
        findings = json.loads(result.stdout)["findings"]
        return [(f["path"], f["column"]) for f in findings if f["rule"] == "spelling.typo"], result.stderr

    # without a mapping, an included suffix no format claims is plain text (the attribute is
    # read as prose), with a one-line note
    found, stderr = typos("--include", "*.njk")
    assert found == [("./page.njk", 11)]
    assert "copylint: note: 1 file ending in .njk read as plain text: no format claims the suffix" in stderr
    assert "format-suffixes" in stderr
    # mapped to HTML: the tag is markup, the text is prose, a folder walk includes the suffix
    configure(tmp_path, '[format-suffixes]\n".NJK" = "html"\n".txt" = "markdown"\n')
    found, stderr = typos()
    assert found == [("./page.njk", 20)]
    assert "note" not in stderr
    described = json.loads(run_cli("config", ".", cwd=tmp_path).stdout)
    assert described["format-suffixes"][".njk"] == "html"
    assert described["format-suffixes"][".mdx"] == "mdx"
    assert described["format-suffixes"][".txt"] == "markdown"
    assert "*.njk" in described["include"]
    # a suffix no format claims is still plain text, though .txt is now read as Markdown
    (tmp_path / "notes.rst").write_text("``recieve`` here\n", encoding="utf-8")  # Markdown would skip the code
    found, stderr = typos("--include", "*.rst")
    assert ("./notes.rst", 3) in found and "1 file ending in .rst read as plain text" in stderr


def test_the_cache_knows_the_format_a_suffix_was_read_as(tmp_path: Path) -> None:
    (tmp_path / "page.njk").write_text('<p class="recieve">Teh cat sat.</p>\n', encoding="utf-8")
    cache = str(tmp_path / "cache")

    def typo_columns() -> list[int]:
        result = run_cli("check", "--format", "json", "--cache-dir", cache, "--include", "*.njk", ".", cwd=tmp_path)
        return [f["column"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "spelling.typo"]

    assert typo_columns() == [11]
    configure(tmp_path, '[format-suffixes]\n".njk" = "html"\n')
    assert typo_columns() == [20]  # not the cached plain-text result
