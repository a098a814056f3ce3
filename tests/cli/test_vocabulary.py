"""``copylint vocabulary``: a tree's unknown words, likely typos first, and the accept list a person
reviews, on small real trees (a product name in three files, newsroom jargon, typos, a word the
project's accept list already has, a file in Latin-1)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import run_cli, run_process, write
from copylint.cli.stylesheet import UnknownWord, accept_entries, collect_words
from copylint.core.finding import Category, FileResult, Finding, RunResult, Severity
from copylint.core.source import Document, Span
from copylint.language.spelling.vocabulary import read_word_lists

INTRO = """# Publishing a story

Brightspot stores every draft of a story. Editors recieve a note when the story changes,
and the nutgraf is checked before the story goes out.
"""
REVIEW = """# Reviewing an edit

Brightspot keeps the orginal text beside each edit, so that a reviewer can compare them.
A good nutgraf says why the story matters.
"""
ARCHIVE = """<h1>The archive</h1>
<p>Brightspot moved the archive in 2019. Every story was kept, and so were the tearsheets.</p>
"""
DRAFT = "# Draft\n\nA sentance nobody has edited yet.\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A project: three articles, a draft the configuration excludes, an accept list that already
    has "tearsheets", and a Latin-1 file that cannot be decoded."""
    write(tmp_path / "content" / "intro.md", INTRO)
    write(tmp_path / "content" / "review.md", REVIEW)
    write(tmp_path / "content" / "archive.html", ARCHIVE)
    write(tmp_path / "content" / "drafts" / "next.md", DRAFT)
    write(tmp_path / "content" / "notes.txt", "Caf\xe9 notes from the old system.\n".encode("latin-1"))
    write(tmp_path / "styles" / "accept.txt", "# newsroom words\ntearsheets?\n")
    write(tmp_path / ".copylint.toml", 'accept = ["styles/accept.txt"]\nexclude = ["drafts"]\n')
    return tmp_path


def vocabulary_json(*args: str, cwd: Path) -> tuple[int, dict]:
    result = run_cli("vocabulary", "--format", "json", *args, cwd=cwd)
    return result.exit_code, json.loads(result.stdout)


def test_the_table_lists_likely_typos_first_then_names_and_jargon_by_count(site: Path) -> None:
    result = run_cli("vocabulary", "content", cwd=site)
    assert result.exit_code == 2  # the Latin-1 file: one error line, and the other files are still read
    assert result.stderr.splitlines() == [
        "copylint: error: content/notes.txt: not valid UTF-8 (byte 0xe9 at line 1); convert it to UTF-8 first"
    ]
    assert result.stdout.splitlines() == [
        "WORD        COUNT  FILES  SEVERITY  SUGGESTION  FIRST",
        "recieve         1      1  error     receive     content/intro.md:3:51",
        "orginal         1      1  warning   original    content/review.md:3:22",
        "Brightspot      3      3  info      Brightest   content/archive.html:2:4",
        "nutgraf         2      2  info      -           content/intro.md:4:9",
        "",
        "4 unknown words (2 likely typos) in 3 of 3 files. 1 file could not be checked.",
    ]


def test_json_gives_every_field_per_word(site: Path) -> None:
    code, payload = vocabulary_json("content", cwd=site)
    assert code == 2
    assert payload["version"] == 1
    assert [(w["word"], w["count"], w["files"], w["severity"]) for w in payload["words"]] == [
        ("recieve", 1, 1, "error"),
        ("orginal", 1, 1, "warning"),
        ("Brightspot", 3, 3, "info"),
        ("nutgraf", 2, 2, "info"),
    ]
    brightspot = payload["words"][2]
    assert brightspot["first"] == {"path": "content/archive.html", "line": 2, "column": 4}
    assert brightspot["paths"] == ["content/archive.html", "content/intro.md", "content/review.md"]
    assert brightspot["spellings"] == {"Brightspot": 3}
    assert payload["words"][0]["suggestion"] == "receive" and payload["words"][3]["suggestion"] is None
    assert payload["summary"] == {
        "words": 4,
        "likely_typos": 2,
        "files_checked": 3,
        "files_with_errors": [
            {
                "path": "content/notes.txt",
                "message": "content/notes.txt: not valid UTF-8 (byte 0xe9 at line 1); convert it to UTF-8 first",
            }
        ],
    }


def test_the_files_and_word_lists_are_checks(site: Path) -> None:
    """The configuration's exclusions and accept list, --config, --accept and --exclude work as in 'check'."""
    (site / "content" / "notes.txt").unlink()
    _, payload = vocabulary_json("content", cwd=site)
    words = [word["word"] for word in payload["words"]]
    assert "tearsheets" not in words and "sentance" not in words  # accepted; in an excluded folder
    assert run_cli("check", "content", cwd=site).exit_code == 1
    other = write(site / "other.toml", "")
    _, payload = vocabulary_json("--config", str(other), "--exclude", "intro.md", "content", cwd=site)
    assert [word["word"] for word in payload["words"]] == ["sentance", "orginal", "Brightspot", "nutgraf", "tearsheets"]
    accept = write(site / "more.txt", "nutgraf\n")
    _, payload = vocabulary_json("--accept", str(accept), "content", cwd=site)
    assert [word["word"] for word in payload["words"]] == ["recieve", "orginal", "Brightspot"]


def test_min_count_keeps_the_words_reported_often_enough(site: Path) -> None:
    _, payload = vocabulary_json("--min-count", "2", "content", cwd=site)
    assert [word["word"] for word in payload["words"]] == ["Brightspot", "nutgraf"]
    assert run_cli("vocabulary", "--min-count", "0", "content", cwd=site).exit_code == 2


def test_a_clean_tree_and_a_cached_rerun(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "# Notes\n\nNothing here is spelled wrong.\n")
    first = run_cli("vocabulary", cwd=tmp_path)
    assert (first.exit_code, first.stdout) == (0, "No unknown words in 1 file.\n")
    write(tmp_path / "b.md", "The orginal plan.\n")
    runs = [run_cli("vocabulary", "--format", "json", cwd=tmp_path) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and '"orginal"' in runs[0].stdout


def test_write_makes_an_accept_list_of_the_info_words_for_review(site: Path) -> None:
    result = run_cli("vocabulary", "--write", "styles/new.txt", "content", cwd=site)
    assert result.exit_code == 2  # the Latin-1 file; the list is still written from the others
    assert "Wrote 2 words to styles/new.txt: review the list before you commit it." in result.stderr
    written = (site / "styles" / "new.txt").read_text(encoding="utf-8")
    comments = [line for line in written.splitlines() if line.startswith("#")]
    entries = [line for line in written.splitlines() if not line.startswith("#")]
    assert entries == ["Brightspot", "nutgraf"]  # sorted; the typos are left out
    assert any("Made by Copylint" in line and "from the 3 files under “content”" in line for line in comments)
    assert any("should review this list" in line for line in comments)
    accepted = read_word_lists([str(site / "styles" / "new.txt")])
    assert accepted.matches("Brightspot") and accepted.matches("Nutgraf") and not accepted.matches("brightspot")
    assert not accepted.matches("recieve")
    _, payload = vocabulary_json("--accept", "styles/new.txt", "content", cwd=site)
    assert [word["word"] for word in payload["words"]] == ["recieve", "orginal"]
    # the list itself is clean prose to 'check' once it is used as an accept list
    check = run_cli("check", "--accept", "styles/new.txt", "styles/new.txt", cwd=site)
    assert (check.exit_code, check.stdout) == (0, "No findings in 1 file.\n")


def test_a_word_seen_in_lower_case_is_written_in_lower_case(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "Nutgraf first. The nutgraf is short.\n")
    write(tmp_path / "b.md", "Nutgraf again.\n")
    _, payload = vocabulary_json(cwd=tmp_path)
    [word] = payload["words"]
    assert (word["word"], word["spellings"]) == ("Nutgraf", {"Nutgraf": 2, "nutgraf": 1})
    assert run_cli("vocabulary", "--write", "accept.txt", cwd=tmp_path).exit_code == 0
    lines = (tmp_path / "accept.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == ["nutgraf"]


def test_write_refuses_an_existing_file_unless_merge_or_force(site: Path) -> None:
    (site / "content" / "notes.txt").unlink()
    theirs = "# house words\r\nBrightspot\r\n# from the style guide\r\ncolour"
    target = write(site / "styles" / "house.txt", theirs.encode("utf-8"))
    os.chmod(target, 0o640)
    refused = run_cli("vocabulary", "--write", "styles/house.txt", "content", cwd=site)
    assert refused.exit_code == 2 and refused.stdout == ""  # refused before anything is read
    assert refused.stderr == (
        "copylint: error: styles/house.txt: already exists; add --merge to add the new words to it, "
        "or --force to replace it\n"
    )
    assert target.read_bytes() == theirs.encode("utf-8")

    merged = run_cli("vocabulary", "--write", "styles/house.txt", "--merge", "content", cwd=site)
    assert merged.exit_code == 0 and "Added 1 word to styles/house.txt" in merged.stderr
    text = target.read_bytes().decode("utf-8")
    assert text.startswith(theirs + "\r\n# Added by Copylint ")  # its lines, comments and line endings kept
    assert text.endswith("; to review:\r\nnutgraf\r\n")  # Brightspot was there already
    assert os.stat(target).st_mode & 0o777 == 0o640
    again = run_cli("vocabulary", "--write", "styles/house.txt", "--merge", "content", cwd=site)
    assert again.exit_code == 0 and "No new words for styles/house.txt; it is unchanged." in again.stderr
    assert target.read_bytes().decode("utf-8") == text

    forced = run_cli("vocabulary", "--write", "styles/house.txt", "--force", "content", cwd=site)
    assert forced.exit_code == 0
    entries = [line for line in target.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert entries == ["Brightspot", "nutgraf"]


def test_usage_errors_are_one_line(site: Path) -> None:
    for args, message in (
        (("--merge",), "copylint: error: --merge and --force go with --write FILE\n"),
        (("--write", "a.txt", "--merge", "--force"), "copylint: error: --merge and --force exclude each other"),
        (("--write", "styles"), "is a directory"),
        (("--write", "styles/accept.txt", "--merge", "--accept", "nope.txt"), "nope.txt: cannot read word list"),
    ):
        result = run_cli("vocabulary", *args, "content", cwd=site)
        assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr, args
    write(site / "styles" / "bad.txt", "kube(\n")
    broken = run_cli("vocabulary", "--write", "styles/bad.txt", "--merge", "content", cwd=site)
    assert broken.exit_code == 2 and "styles/bad.txt:1: invalid pattern" in broken.stderr


def test_the_rule_runs_only_where_the_project_runs_it(site: Path) -> None:
    """An override that ignores spelling keeps its files out; a configuration that turns the rule
    off, or down to info, gets a note saying what that does to the listing."""
    (site / "content" / "notes.txt").unlink()
    config = 'exclude = ["drafts"]\n[[overrides]]\nfiles = ["content/review.md"]\nignore = ["spelling"]\n'
    write(site / ".copylint.toml", config)
    _, payload = vocabulary_json("content", cwd=site)
    assert [(word["word"], word["count"]) for word in payload["words"]] == [
        ("recieve", 1),
        ("Brightspot", 2),
        ("nutgraf", 1),
        ("tearsheets", 1),
    ]
    write(site / ".copylint.toml", 'exclude = ["drafts"]\nignore = ["spelling"]\n')
    off = run_cli("vocabulary", "content", cwd=site)
    assert "copylint: note: the configuration turns spelling.typo off" in off.stderr
    assert (off.exit_code, off.stdout) == (0, "No unknown words in 3 files.\n")
    write(site / ".copylint.toml", '[severity]\n"spelling.typo" = "info"\n')
    down = run_cli("vocabulary", "content", cwd=site)
    assert "copylint: note: the configuration sets spelling.typo to info" in down.stderr


def test_help_and_a_real_process(site: Path) -> None:
    listed = run_cli("--help")
    assert "vocabulary  List the words spelling.typo does not know" in listed.stdout
    help_text = run_cli("vocabulary", "--help").stdout
    for option in ("--min-count N", "--write FILE", "--merge", "--force", "--accept FILE", "--exclude GLOB", "-j,"):
        assert option in help_text
    assert "Exit status" in help_text and "--select" not in help_text
    process = run_process("vocabulary", "--format", "json", "--no-cache", str(site / "content" / "review.md"))
    assert process.returncode == 0, process.stderr
    assert [word["word"] for word in json.loads(process.stdout)["words"]] == ["orginal", "Brightspot", "nutgraf"]


# --- gathering findings by word -------------------------------------------------------------------


def _finding(document: Document, word: str, severity: Severity, suggestion: str) -> Finding:
    start = document.text.index(word)
    return Finding("spelling.typo", Category.TYPO, severity, Span(start, start + len(word)), "", (suggestion,))


def test_a_word_is_as_severe_as_its_most_severe_finding() -> None:
    """One document's context can make a word a likely typo that is only info elsewhere: the
    word is then a likely typo, with that finding's suggestion, and stays out of the accept list."""
    first = Document("a.md", "The slugline names the story.\n")
    second = Document("b.md", "Slugline first, then the story.\n")
    run = RunResult(
        (
            FileResult("a.md", first, (_finding(first, "slugline", Severity.INFO, "skyline"),)),
            FileResult("b.md", second, (_finding(second, "Slugline", Severity.WARNING, "Skyline"),)),
        )
    )
    [word] = collect_words(run)
    assert (word.text, word.count, word.severity, word.suggestion) == ("slugline", 2, Severity.WARNING, "Skyline")
    assert word.first == ("a.md", 1, 5) and word.likely_typo
    assert accept_entries([word]) == []


def test_a_word_a_list_would_read_as_a_pattern_is_written_escaped() -> None:
    """Today's words are letters and apostrophes; should a rule report "C++" one day, the list must
    still accept exactly that word."""
    word = UnknownWord((("C++", 1),), 1, ("a.md",), ("a.md", 1, 1), Severity.INFO, None)
    [entry] = accept_entries([word])
    assert entry == r"C\+\+"
