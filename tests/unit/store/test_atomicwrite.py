"""Atomic replacement: the old file or the new one, never half of one, and no leftovers."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

from copylint.store.files import replace_atomically


def test_replaces_the_file_and_creates_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "file.bin"
    replace_atomically(str(target), lambda handle: handle.write(b"first"))
    replace_atomically(str(target), lambda handle: handle.write(b"second"), mode=0o640)
    assert target.read_bytes() == b"second"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [path.name for path in target.parent.iterdir()] == ["file.bin"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "file.bin"
    target.write_bytes(b"old")

    def half_then_fail(handle: BinaryIO) -> None:
        handle.write(b"half of the new")
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError, match="disk gone"):
        replace_atomically(str(target), half_then_fail)
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["file.bin"]
