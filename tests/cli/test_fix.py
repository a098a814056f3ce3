"""``copylint fix``: in place, atomic, byte-exact outside the spans, idempotent, and careful."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli, run_json
from copylint.core.errors import InputError
from copylint.run.fixing import write_atomically


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_fix_unsafe_repairs_every_fixable_must_catch_defect_of_the_seed(tmp_path: Path) -> None:
    article = write(tmp_path / "anora.txt", (FIXTURES / "anora.txt").read_bytes())
    before = article.read_bytes()
    diff = run_cli("fix", "--unsafe-fixes", "--diff", str(article))
    assert diff.exit_code == 1
    assert article.read_bytes() == before  # --diff writes nothing
    assert "-Watch Free Movies on\u00a0MyFlixer-to.click" in diff.stdout
    assert "+Little is known about the realism and authenticity" in diff.stdout
    result = run_cli("fix", "--unsafe-fixes", str(article))
    assert result.exit_code == 1
    text = article.read_text(encoding="utf-8")
    for gone in (
        "orginal",
        "conluding",
        "systams",
        "culminative",
        "realism and realism",
        "sell a a fantasy",
        "the / real",
        "escape?””",
        "MyFlixer",
        "Vanya’s relatives. Vanya’s relatives.",
        "fining",
    ):
        assert gone not in text, gone
    for kept in (
        "original",
        "concluding",
        "systems",
        "cumulative",
        "sell a fantasy",
        "the real performers",
        "escape?”",
        "Vanya’s relatives. Following",
        "finding the universal",
        "each and every",
    ):
        assert kept in text, kept
    assert not text.endswith("\n\n")
    # the diff showed exactly what was written
    assert run_cli("fix", "--unsafe-fixes", "--diff", str(article)).stdout == ""
    second = run_cli("fix", "--unsafe-fixes", str(article))
    assert second.exit_code == 0 and article.read_text(encoding="utf-8") == text
    _, payload = run_json(str(article))
    assert [f for f in payload["findings"] if f["severity"] != "info"] == []


def test_safe_fixes_only_by_default(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", "We recieve the the report.\n")
    assert run_cli("fix", str(article)).exit_code == 1
    assert article.read_text() == "We receive the the report.\n"  # the doubled word's fix is unsafe
    assert run_cli("fix", str(article)).exit_code == 0


def test_fix_keeps_bom_crlf_and_text_outside_the_spans_byte_for_byte(tmp_path: Path) -> None:
    original = "\ufeffCafe\u0301 nai\u0308ve \u2014 recieve it.\r\nSecond line stays.\r\n"
    article = write(tmp_path / "a.txt", original.encode("utf-8"))
    assert run_cli("fix", str(article)).exit_code == 1
    data = article.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data == original.replace("recieve", "receive").encode("utf-8")
    assert data.count(b"\r\n") == 2


def test_fix_keeps_permissions(tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", "We recieve it.\n")
    article.chmod(0o640)
    run_cli("fix", str(article))
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert article.read_text() == "We receive it.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left behind


def test_read_only_file_is_reported_not_clobbered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # these machines run as root, which may write anywhere: simulate the missing permission
    article = write(tmp_path / "a.md", "We recieve it.\n")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK and real_access(path, mode))
    result = run_cli("fix", str(article))
    assert result.exit_code == 2 and "a.md: not writable; fixes not applied" in result.stderr
    assert article.read_text() == "We recieve it.\n"


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", "edited meanwhile\n")
    with pytest.raises(InputError, match="changed on disk"):
        write_atomically(str(article), b"what we read\n", b"our fix\n")
    assert article.read_text() == "edited meanwhile\n"


def test_check_fix_applies_then_reports_what_is_left(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", "We recieve the the report.\n")
    result = run_cli("check", "--fix", "--no-color", str(article))
    assert article.read_text() == "We receive the the report.\n"
    assert "repetition.word" in result.stdout and "spelling.typo" not in result.stdout
    assert result.exit_code == 1


def test_interactive_choose_skip_and_edit(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", "The orginal and the systams, and the the end.\n")
    result = run_cli_with_input(["fix", "--interactive", str(article)], "1\ne\nsystems!\ns\n")
    assert result.exit_code == 1
    assert article.read_text() == "The original and the systems!, and the the end.\n"


def run_cli_with_input(args: list[str], text: str):  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from copylint.cli.commands import cli

    return CliRunner().invoke(cli, args, input=text, catch_exceptions=False)
