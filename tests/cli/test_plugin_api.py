"""A plugin written against the public API only (``tests/fixtures/plugins/house``): its rule, its
document format and its family's configuration key work exactly as copylint's own."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import copylint
from conftest import PLUGINS, run_cli, run_json, run_process


@pytest.fixture
def house_plugin(monkeypatch: pytest.MonkeyPatch) -> Path:
    path = PLUGINS / "house"
    monkeypatch.syspath_prepend(str(path))
    return path


def test_a_public_api_plugin_gets_its_format_walked_and_its_setting_read(house_plugin: Path, tmp_path: Path) -> None:
    (tmp_path / ".copylint.toml").write_text('banned-words = ["utilise"]\n', encoding="utf-8")
    (tmp_path / "a.note").write_text("% utilise, in a comment\nWe utilise tools.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Nothing banned here.\n", encoding="utf-8")
    code, report = run_json("--no-cache", ".", cwd=tmp_path)
    assert code == 1
    found = [(f["path"], f["line"], f["column"], f["rule"]) for f in report["findings"]]
    assert found == [("./a.note", 2, 4, "house.banned-word")]
    assert report["summary"]["files_checked"] == 2
    described = json.loads(run_cli("config", cwd=tmp_path).stdout)
    assert described["banned-words"] == ["utilise"]
    assert "*.note" in described["include"]


def test_a_family_key_is_checked_like_copylints_own(house_plugin: Path, tmp_path: Path) -> None:
    (tmp_path / ".copylint.toml").write_text('banned-words = "utilise"\nbanned-word = ["x"]\n', encoding="utf-8")
    result = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert "banned-word: unknown key; did you mean 'banned-words'?" in result.stderr


def test_a_folder_walk_lints_every_registered_suffix(tmp_path: Path) -> None:
    for name in ("a.mkd", "b.xhtml", "c.md", "d.text", "e.rst"):
        (tmp_path / name).write_text("The the cat sat.\n", encoding="utf-8")
    _, report = run_json("--no-cache", "--select", "repetition.word", str(tmp_path))
    assert sorted(Path(f["path"]).name for f in report["findings"]) == ["a.mkd", "b.xhtml", "c.md", "d.text"]


def test_a_check_leaves_git_status_clean_of_its_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPYLINT_CACHE_DIR")  # the default folder, in the repository

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=tmp_path, capture_output=True, text=True, check=True).stdout

    git("init", "-q")
    (tmp_path / "a.md").write_text("A clean sentence, and a a slip.\n", encoding="utf-8")
    git("add", "a.md")
    git("-c", "user.email=t@example.invalid", "-c", "user.name=T", "commit", "-qm", "article")
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.exit_code == 1
    assert (tmp_path / ".copylint_cache").is_dir()
    assert git("status", "--porcelain") == ""


@pytest.mark.parametrize("old", sorted(copylint.MOVED_MODULES))
def test_a_module_path_of_copylint_0_1_still_imports_with_a_warning(old: str) -> None:
    new = copylint.MOVED_MODULES[old]
    sys.modules.pop(old, None)  # an earlier test may have imported it; the new module stays loaded
    with pytest.warns(DeprecationWarning, match=f"{old} is now {new}"):
        module = importlib.import_module(old)
    assert module is importlib.import_module(new)


def test_a_plugin_written_for_copylint_0_1_still_runs(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("A boom here, and a a slip.\n", encoding="utf-8")
    process = run_process("check", "--no-cache", "-q", str(tmp_path / "a.md"), extra_paths=(PLUGINS / "raising",))
    assert "rule 'raising.boom' (from copylint_raising) crashed" in process.stderr
    assert "repetition.word" in process.stdout
