"""Every shipped data file is in the installed package: a file the globs of
``[tool.setuptools.package-data]`` miss works from a checkout and is missing once installed."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "src" / "copylint"


def test_every_data_file_matches_a_package_data_glob() -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"][
        "copylint"
    ]
    shipped = [
        PurePosixPath(path.relative_to(PACKAGE).as_posix())
        for path in (PACKAGE / "data").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    assert shipped
    missing = [str(path) for path in shipped if not any(_matches(path, glob) for glob in globs)]
    assert missing == []


def _matches(path: PurePosixPath, glob: str) -> bool:
    """A glob as setuptools reads it: ``*`` never crosses a ``/``."""
    parts = glob.split("/")
    return len(parts) == len(path.parts) and all(map(fnmatchcase, path.parts, parts))
