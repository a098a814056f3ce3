"""The precomputed data cache: built once, loaded afterwards, and stale versions removed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from copylint.datacache import cached


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
