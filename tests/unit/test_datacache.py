"""The precomputed data cache: built once, loaded afterwards, and stale versions removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.datacache import cached


def test_a_table_is_built_once_and_replaces_other_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYLINT_DATA_CACHE", str(tmp_path))
    stale = tmp_path / "words-0123456789abcdef.pickle"
    other_table = tmp_path / "wordsmore-0123456789abcdef.pickle"
    unrelated = tmp_path / "words-notes.txt"
    for path in (stale, other_table, unrelated):
        path.write_bytes(b"x")
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
