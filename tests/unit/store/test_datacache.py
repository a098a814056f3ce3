"""The precomputed data cache: built once, loaded afterwards, and stale versions removed."""

from __future__ import annotations

import importlib
import os
import time
from pathlib import Path

import pytest

from copylint.language.spelling.table import CompactTable
from copylint.store import tables as datacache
from copylint.store.environment import CODE_FOLDER, files_digest
from copylint.store.tables import cached


def age(path: Path, days: float) -> None:
    then = time.time() - days * 24 * 60 * 60
    os.utime(path, (then, then))


def test_a_table_is_built_once_and_replaces_other_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYLINT_DATA_CACHE", str(tmp_path))
    stale = tmp_path / "words-0123456789abcdef.pickle"
    other_table = tmp_path / "wordsmore-0123456789abcdef.pickle"
    unrelated = tmp_path / "words-notes.txt"
    for path in (stale, other_table, unrelated):
        path.write_bytes(b"x")
        age(path, 30)
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"word": 3}

    assert cached("words", [], build) == {"word": 3}
    assert cached("words", [], build) == {"word": 3}
    assert len(builds) == 1
    assert not stale.exists()
    assert other_table.exists() and unrelated.exists()
    assert len(list(tmp_path.glob("words-*.pickle"))) == 1


def test_an_unwritable_folder_builds_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("COPYLINT_DATA_CACHE", str(blocked / "cache"))
    assert cached("words", [], lambda: [1, 2]) == [1, 2]


def test_another_install_in_use_keeps_its_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two versions sharing the folder must not delete each other's tables on every run."""
    monkeypatch.setenv("COPYLINT_DATA_CACHE", str(tmp_path))
    recent = tmp_path / "words-0123456789abcdef.pickle"
    recent.write_bytes(b"x")
    age(recent, 2)
    cached("words", [], lambda: {"word": 3})
    assert recent.exists()


def test_loading_a_table_marks_it_in_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYLINT_DATA_CACHE", str(tmp_path))
    cached("words", [], lambda: {"word": 3})
    (table,) = tmp_path.glob("words-*.pickle")
    age(table, 6)
    assert cached("words", [], lambda: {"rebuilt": 1}) == {"word": 3}
    assert table.stat().st_mtime > time.time() - 60


def test_at_most_two_other_versions_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A development checkout is a new version at every edit: its tables must not pile up."""
    monkeypatch.setenv("COPYLINT_DATA_CACHE", str(tmp_path))
    others = [tmp_path / f"words-{index:016x}.pickle" for index in range(4)]
    for days, path in enumerate(others):
        path.write_bytes(b"x")
        age(path, days / 10)
    cached("words", [], lambda: {"word": 3})
    assert [path.exists() for path in others] == [True, True, False, False]


@pytest.mark.parametrize("damage", ["truncate", "garble", "empty"])
def test_a_damaged_table_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    monkeypatch.setenv("COPYLINT_DATA_CACHE", str(tmp_path))
    table = CompactTable({"word": 3.0, "other": 1.0})
    cached("words", [], lambda: table)
    (path,) = tmp_path.glob("words-*.pickle")
    data = path.read_bytes()
    damaged = {"truncate": data[: len(data) - 20], "garble": b"nonsense" + data[8:], "empty": b""}[damage]
    path.write_bytes(damaged)
    rebuilt = cached("words", [], lambda: CompactTable({"rebuilt": 1.0}))
    assert rebuilt.get("rebuilt") == 1.0 and rebuilt.get("word") is None


def test_the_code_digest_covers_the_bundled_packs_and_lists(tmp_path: Path) -> None:
    """The data cache keeps the parsed bundled packs and spam lists under this digest, so an edit
    to copylint/data/ in a development checkout must change it."""
    package = Path(CODE_FOLDER)
    assert package == Path(importlib.import_module("copylint").__file__ or "").parent
    shipped = [path for path in (package / "data").rglob("*") if path.suffix in (".yml", ".txt", ".tsv")]
    assert {path.parent.name for path in shipped} >= {"packs", "spam", "spelling"}
    (tmp_path / "pack.yml").write_text("pack: a\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not code\n", encoding="utf-8")
    before = files_digest([str(tmp_path)])
    (tmp_path / "notes.md").write_text("still not code\n", encoding="utf-8")
    assert files_digest([str(tmp_path)]) == before
    (tmp_path / "pack.yml").write_text("pack: b\n", encoding="utf-8")
    age(tmp_path / "pack.yml", 1)
    assert files_digest([str(tmp_path)]) != before


def test_a_file_system_without_mmap_still_serves_the_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYLINT_DATA_CACHE", str(tmp_path))
    cached("words", [], lambda: CompactTable({"word": 3.0}))

    def no_mmap(*_: object, **__: object) -> None:
        raise OSError("mmap is not supported here")

    monkeypatch.setattr(datacache.mmap, "mmap", no_mmap)
    loaded = cached("words", [], lambda: CompactTable({"rebuilt": 1.0}))
    assert loaded.get("word") == 3.0 and loaded.get("rebuilt") is None
