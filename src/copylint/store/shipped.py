"""The data files copylint ships, in ``copylint/data/``: the one way any layer reads them.

``spelling/`` holds copylint's own word lists (modern words, known misspellings, confusable
pairs), ``spam/`` the spam and piracy lists, and ``packs/`` the bundled rule packs. Each folder
has a README or SOURCE note saying where its data comes from.
"""

from __future__ import annotations

import gzip
import importlib.resources
from importlib.resources.abc import Traversable


def data_file(name: str) -> Traversable:
    """The shipped file ``name``, a path under ``copylint/data/`` such as ``"spam/brands.txt"``."""
    return importlib.resources.files("copylint").joinpath("data", *name.split("/"))


def data_text(name: str) -> str:
    """The text of a shipped file (UTF-8; a ``.gz`` file is decompressed)."""
    raw = data_file(name).read_bytes()
    return (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")


def data_lines(name: str) -> list[str]:
    """The non-empty lines of a shipped file that are not ``#`` comments, stripped."""
    return [line.strip() for line in data_text(name).splitlines() if line.strip() and not line.startswith("#")]


def data_folder(name: str) -> list[Traversable]:
    """The files of a shipped folder, sorted by name."""
    return sorted(data_file(name).iterdir(), key=lambda entry: entry.name)
