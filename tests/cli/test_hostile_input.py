"""Broken and hostile input: each case has one stated outcome, and none ends in a traceback.

The outcome is either findings (the file is read and checked) or one error line on standard
error naming the file, with exit status 2 at the end of a run that still checks the other files.
Large inputs are generated here, never committed.
"""

from __future__ import annotations

import builtins
import codecs
import importlib
import json
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import copylint.run.runner as runner
from conftest import PLUGINS, run_cli, run_process
from copylint.project.discovery import Discovered
from copylint.project.plugins import load_plugins

MB = 1_000_000


def check(*args: str) -> tuple[int, dict[str, Any], list[str]]:
    """Run ``copylint check --format json ARGS`` in-process: exit code, payload, error lines."""
    result = run_cli("check", "--format", "json", "--no-cache", *args)
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("copylint: error:")]
    return result.exit_code, json.loads(result.stdout), errors


def rules_at(payload: dict[str, Any], name: str) -> list[str]:
    return [f["rule"] for f in payload["findings"] if f["path"].endswith(name)]


GOOD = "The the end.\n"  # one finding (repetition.word), so every run also shows the good file survives


def with_good_file(tmp_path: Path) -> Path:
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    return good


# ---- encodings and bytes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "looks like a binary file"),
        ("broken.md", b"caf\xc3 au lait\n", "not valid UTF-8 (byte 0xc3 at line 1)"),
        ("latin1.md", "na\u00efve caf\u00e9\n".encode("latin-1"), "not valid UTF-8 (byte 0xef at line 1)"),
        ("utf16.md", "Plain prose, no mark.\n".encode("utf-16-le"), "looks like UTF-16 without a byte-order mark"),
        ("nul.md", b"text\x00more text\n", "looks like a binary file"),
    ],
)
def test_undecodable_bytes_get_one_error_line_and_the_run_goes_on(
    tmp_path: Path, name: str, data: bytes, error: str
) -> None:
    (tmp_path / name).write_bytes(data)
    with_good_file(tmp_path)
    code, payload, errors = check(str(tmp_path))
    assert code == 2
    assert errors == [f"copylint: error: {tmp_path / name}: {error}" + errors[0].split(error, 1)[1]]
    assert rules_at(payload, "good.md") == ["repetition.word"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_byte_order_mark_is_obeyed_when_checking_and_fixing(tmp_path: Path, encoding: str) -> None:
    mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE}
    article = tmp_path / "wide.md"
    article.write_bytes(mark[encoding] + "Caf\u00e9 \u2014 the the end.\r\nSecond line.\r\n".encode(encoding))
    code, payload, errors = check(str(article))
    assert code == 1 and errors == []
    assert [(f["rule"], f["line"], f["column"]) for f in payload["findings"]] == [("repetition.word", 1, 8)]
    assert run_cli("fix", "--unsafe-fixes", str(article)).exit_code == 1  # 1: a file was changed
    assert article.read_bytes() == mark[encoding] + "Caf\u00e9 \u2014 the end.\r\nSecond line.\r\n".encode(encoding)


def test_empty_and_blank_files_are_checked_and_clean(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \n\t\n \r\n")
    (tmp_path / "bom-only.txt").write_bytes(codecs.BOM_UTF8)
    code, payload, errors = check(str(tmp_path))
    assert (code, errors, payload["findings"]) == (0, [], [])
    assert payload["summary"]["files_checked"] == 3


def test_a_nul_after_the_binary_sniff_is_reported_as_an_invisible_character(tmp_path: Path) -> None:
    article = tmp_path / "late-nul.txt"
    article.write_bytes(b"word " * 2000 + b"x\x00y\n")
    code, payload, _ = check(str(article))
    assert code == 1
    assert [(f["rule"], f["column"]) for f in payload["findings"]] == [("invisible.character", 10002)]


# ---- size and shape --------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # 50 MB on one line
        handle.write(b"wordy " * (50 * MB // 6))
    with_good_file(tmp_path)
    code, payload, errors = check(str(tmp_path))
    assert code == 2
    assert errors == [
        f"copylint: error: {huge}: 50 MB is over the 10 MB limit; raise it with --max-file-size (0: no limit)"
    ]
    assert rules_at(payload, "good.md") == ["repetition.word"]


@pytest.mark.slow
def test_a_long_single_line_is_checked_in_linear_time(tmp_path: Path) -> None:
    """5 MB with no line break and thousands of defects: every one reported at its column (the
    quotation checks once scanned their whole block per candidate: minutes, O(n^2))."""
    sentence = "A “quoted” stray / slash, a a doubled word, and (a bracket) here. "
    line = tmp_path / "line.txt"
    copies = 5 * MB // len(sentence)
    line.write_text(sentence * copies, encoding="utf-8")
    code, payload, _ = check("--max-file-size", "0", "--select", "repetition.word,punctuation", str(line))
    assert code == 1
    doubled = [f for f in payload["findings"] if f["rule"] == "repetition.word"]
    assert len(doubled) == copies
    assert doubled[-1]["column"] == (copies - 1) * len(sentence) + sentence.index("a a") + 1


@pytest.mark.slow
def test_ten_megabytes_of_one_word_is_a_deliberate_repetition_not_millions_of_findings(tmp_path: Path) -> None:
    article = tmp_path / "the.txt"
    article.write_text("the " * (10 * MB // 4), encoding="utf-8")
    code, payload, errors = check(str(article))
    assert (code, errors, payload["findings"]) == (0, [], [])


def test_deeply_nested_html_is_checked(tmp_path: Path) -> None:
    article = tmp_path / "deep.html"
    article.write_text("<div>" * 100_000 + "Deep text with the the slip." + "</div>" * 100_000, encoding="utf-8")
    code, payload, _ = check(str(article))
    assert code == 1 and [f["rule"] for f in payload["findings"]] == ["repetition.word"]


@pytest.mark.parametrize(
    "body",
    [
        "".join("  " * level + "- item\n" for level in range(3000)),
        "> " * 3000 + "quoted\n",
    ],
    ids=["lists", "blockquotes"],
)
def test_markdown_nested_thousands_deep_is_an_error_not_a_silent_loss(tmp_path: Path, body: str) -> None:
    article = tmp_path / "nested.md"
    article.write_text(body + "\nThe the end.\n", encoding="utf-8")
    with_good_file(tmp_path)
    code, payload, errors = check(str(tmp_path))
    assert code == 2 and len(errors) == 1
    assert errors[0].startswith(f"copylint: error: {article}: lists or quotes nested about 100 levels deep (line ")
    assert rules_at(payload, "nested.md") == [] and rules_at(payload, "good.md") == ["repetition.word"]


def test_nesting_a_real_document_uses_is_checked(tmp_path: Path) -> None:
    article = tmp_path / "nested.md"
    article.write_text("".join("  " * level + "- item\n" for level in range(12)) + "> " * 12 + "the the\n")
    code, payload, _ = check(str(article))
    assert code == 1 and rules_at(payload, "nested.md") == ["repetition.word"]


@pytest.mark.parametrize(
    ("name", "text", "rules"),
    [
        (
            "unclosed.html",
            "<p>Open <b>bold <i>italic <a href='https://x.example/'>the the\n<div><span>",
            ["repetition.word"],
        ),
        ("fence.md", "Intro the the.\n\n```python\nnever closed\nteh teh\n", ["repetition.word"]),
        # html.parser reads an unclosed comment's content as text: both slips are reported
        ("comment.html", "<p>Before a a</p><!-- never closed <p>the the</p>", ["repetition.word", "repetition.word"]),
        (
            "link.md",
            "See [the the link](https://x.example/ never closed\n",
            ["repetition.word", "punctuation.brackets"],
        ),
    ],
)
def test_unclosed_markup_still_gives_the_prose_before_it(
    tmp_path: Path, name: str, text: str, rules: list[str]
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, payload, errors = check(str(tmp_path / name))
    assert errors == [] and [f["rule"] for f in payload["findings"]] == rules


def test_a_huge_table_is_checked_cell_by_cell(tmp_path: Path) -> None:
    rows = "".join(f"| cell {i} | the the {i} |\n" for i in range(20_000))
    (tmp_path / "table.md").write_text("| a | b |\n|---|---|\n" + rows, encoding="utf-8")
    code, payload, _ = check(str(tmp_path / "table.md"))
    assert code == 1
    assert [f["line"] for f in payload["findings"]] == list(range(3, 20_003))


@pytest.mark.slow
def test_a_hundred_thousand_links_in_one_paragraph(tmp_path: Path) -> None:
    """One call-to-action search per link over its whole sentence was O(n^2): 404 s for 10,000."""
    links = " ".join(f"[page {i}](https://example.com/page/{i})" for i in range(100_000))
    (tmp_path / "links.md").write_text(links + " Watch free movies at [here](https://myflix-er.click/).\n")
    code, payload, _ = check(str(tmp_path / "links.md"))
    assert code == 1
    assert [f["rule"] for f in payload["findings"]] == ["spam.link"]


# ---- the file system -------------------------------------------------------------------------


def test_a_folder_named_like_an_article_is_walked_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "chapter.md"
    folder.mkdir()
    (folder / "inner.md").write_text(GOOD, encoding="utf-8")
    for target in (tmp_path, folder):
        code, payload, errors = check(str(target))
        assert (code, errors) == (1, [])
        assert [f["path"] for f in payload["findings"]] == [str(folder / "inner.md")]


def test_broken_symlinks_and_symlink_loops_are_errors_and_folder_loops_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "dangling.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "loop-a.md").symlink_to(tmp_path / "loop-b.md")
    (tmp_path / "loop-b.md").symlink_to(tmp_path / "loop-a.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    with_good_file(tmp_path)
    code, payload, errors = check(str(tmp_path))
    assert code == 2
    assert sorted(errors) == [
        f"copylint: error: {tmp_path / 'dangling.md'}: cannot read (No such file or directory)",
        f"copylint: error: {tmp_path / 'loop-a.md'}: cannot read (Too many levels of symbolic links)",
        f"copylint: error: {tmp_path / 'loop-b.md'}: cannot read (Too many levels of symbolic links)",
    ]
    assert [f["path"] for f in payload["findings"]] == [str(tmp_path / "good.md")]


def test_an_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    if os.access(secret, os.R_OK):  # running as root: permissions do not stop reads, so refuse here
        real_open = builtins.open

        def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            if str(file) == str(secret):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
    with_good_file(tmp_path)
    try:
        code, payload, errors = check(str(tmp_path))
    finally:
        secret.chmod(0o644)
    assert code == 2
    assert errors == [f"copylint: error: {secret}: cannot read (Permission denied)"]
    assert [f["path"] for f in payload["findings"]] == [str(tmp_path / "good.md")]


def test_a_file_deleted_during_the_run_is_an_error_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doomed = tmp_path / "doomed.md"
    doomed.write_text(GOOD, encoding="utf-8")
    with_good_file(tmp_path)
    real_discover = runner.discover

    def discover_then_delete(*args: Any, **kwargs: Any) -> Iterator[Discovered]:
        for found in real_discover(*args, **kwargs):
            yield found
            if found.path == str(doomed):
                doomed.unlink()  # gone between being found and being read

    monkeypatch.setattr(runner, "discover", discover_then_delete)
    code, payload, errors = check("--jobs", "1", str(tmp_path))
    assert code == 2
    assert errors == [f"copylint: error: {doomed}: cannot read (No such file or directory)"]
    assert [f["path"] for f in payload["findings"]] == [str(tmp_path / "good.md")]


@pytest.mark.parametrize("name", ["with space.md", "naïve café.md", "new\nline.md", "tab\there.md", "日本語.md"])
def test_odd_path_names_are_reported_exactly(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    code, payload, errors = check(str(tmp_path))
    assert (code, errors) == (1, [])
    assert [f["path"] for f in payload["findings"]] == [str(tmp_path / name)]
    text = run_cli("check", "--no-cache", "-q", str(tmp_path)).stdout
    assert text.count("\n") == 1, "a path with a line break must not break the one-line-per-finding output"


# ---- configuration and rule packs ------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("select = 5", "select: expected a list of strings"),
        ('max-file-size = "big"', "max-file-size: expected a number of megabytes"),
        ("force-exclude = 1", "force-exclude: expected true or false"),
        ('severity = ["error"]', "severity"),
        ("[overrides]\nfiles = 3", "overrides"),
        ("select = [", "invalid TOML"),
    ],
)
def test_a_config_with_wrong_types_is_one_error_naming_the_key(tmp_path: Path, toml: str, message: str) -> None:
    config = tmp_path / ".copylint.toml"
    config.write_text(toml + "\n", encoding="utf-8")
    with_good_file(tmp_path)
    result = run_cli("check", "--config", str(config), str(tmp_path))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"copylint: error: {config}") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_rule_pack_with_a_catastrophic_pattern_is_refused_before_it_runs(tmp_path: Path) -> None:
    pack = tmp_path / "slow.yaml"
    pack.write_text(
        "pack: slow\nrules:\n  - name: stutter\n    kind: existence\n    message: Stutter.\n"
        '    tokens: ["(a+)+b"]\n    examples: {fire: ["aab"], quiet: ["c"]}\n',
        encoding="utf-8",
    )
    config = tmp_path / ".copylint.toml"
    config.write_text(f'packs = ["{pack.name}"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("a" * 40 + "!\n", encoding="utf-8")  # would take hours to match
    result = run_cli("check", "--config", str(config), str(tmp_path / "a.md"))
    assert result.exit_code == 2
    assert "could run for ever" in result.stderr and str(pack) in result.stderr


# ---- plugins ---------------------------------------------------------------------------------


def test_a_rule_that_raises_is_named_with_its_plugin_and_file_and_other_findings_survive(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("A boom, and the the end.\n", encoding="utf-8")
    calm = tmp_path / "b.md"
    calm.write_text("Calm, and the the end.\n", encoding="utf-8")
    process = run_process("check", "--format", "json", "--no-cache", str(tmp_path), extra_paths=(PLUGINS / "raising",))
    assert process.returncode == 2
    assert "Traceback" not in process.stderr
    assert process.stderr.splitlines() == [
        f"copylint: error: {article}: rule 'raising.boom' (from copylint_raising) crashed "
        "(RuntimeError: the plugin fell over)"
    ]
    found = [(Path(f["path"]).name, f["rule"]) for f in json.loads(process.stdout)["findings"]]
    assert found == [("a.md", "repetition.word"), ("b.md", "repetition.word")]


@pytest.mark.slow
def test_every_rule_stays_linear_on_one_huge_paragraph(tmp_path: Path) -> None:
    """2 MB without a blank line or a sentence end that most rules would split on, mixing what each
    rule family looks for (quotes, brackets, dashes, a/an, URLs, slips, invisible characters,
    repeated phrases and fragments). A rule that rescanned its paragraph per candidate would take
    many minutes here; linear rules take seconds."""
    pieces = [
        "a a", "the realism and realism", "“open quote", "close” quote", '"straight', "(bracket", "bracket)",
        "[square", "well known fact", "an apple", "a apple", "an hour", "teh", "recieve", "orginal", "fining the",
        "https://example.com/x_(y)", "example dot com", "—", " – ", "no, no", "on the on the", "\u00a0", "\u200b",
        "stray / slash", "word ,comma", "Watch free movies", "mid-sentence, and", "e.g. this", "U.S. policy",
    ]  # fmt: skip
    generator = random.Random(7)
    words = []
    size = 0
    while size < 2 * MB:
        piece = generator.choice(pieces)
        words.append(piece)
        size += len(piece) + 1
    article = tmp_path / "paragraph.md"
    article.write_text(" ".join(words) + "\n", encoding="utf-8")
    code, payload, errors = check("--max-file-size", "0", str(article))
    assert (code, errors) == (1, [])
    rules = {f["rule"] for f in payload["findings"]}
    assert {"repetition.word", "spelling.typo", "articles.a-an", "invisible.character"} <= rules


def test_every_rule_family_states_its_complexity() -> None:
    modules = {rule.__module__ for rule in load_plugins(entry_points=False).rules.values()}
    undocumented = [
        name for name in sorted(modules) if "Complexity:" not in (importlib.import_module(name).__doc__ or "")
    ]
    assert undocumented == []
