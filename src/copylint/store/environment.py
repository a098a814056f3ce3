"""What is installed (copylint's plugin entry points and package versions), remembered between runs.

``importlib.metadata`` is slow to import (it brings in ``email``, ``zipfile`` and ``csv``): a
noticeable share of a run on one article, spent on answers that change only when something is
installed, upgraded or removed. The answers are kept in a small JSON file per interpreter in the
data cache folder, together with a digest of everything ``importlib.metadata`` would read
to find them: ``sys.path``, the ``*.dist-info`` and ``*.egg-info`` entries in each of its
folders (the only names its path finder looks at), and the size and modification time of each
one's ``METADATA``, ``PKG-INFO`` and ``entry_points.txt``. Installing, upgrading or removing a
distribution, or rewriting its entry points in place (a legacy ``setup.py develop``), changes the
digest, and the next run asks ``importlib.metadata`` again. Taking the digest is cheap: one
directory listing per ``sys.path`` folder and a few ``stat`` calls per distribution.

When an import hook other than Python's own path finder (or the ``importlib_metadata``
backport's, which reads the same folders) can also supply distributions, the digest cannot
see what it would find, so every run asks ``importlib.metadata`` directly.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib.machinery import PathFinder
from typing import Any

from copylint.store.files import cache_folder, mark_used, remove_other_versions, replace_atomically

ENTRY_POINT_GROUP = "copylint"
_METADATA_FOLDERS = (".dist-info", ".egg-info")
_METADATA_FILES = ("METADATA", "PKG-INFO", "entry_points.txt")
_FORMAT = 2
_SNAPSHOT_NAME = re.compile(r"installed-[0-9a-f]{16}\.json")
UNKNOWN_VERSION = "?"


@dataclass(frozen=True)
class PluginEntryPoint:
    """One ``copylint`` entry point: its name, its ``module:attribute`` and its distribution."""

    name: str
    value: str
    distribution: str
    version: str

    def load(self) -> Any:
        """Import the plugin, exactly as ``importlib.metadata.EntryPoint.load`` does."""
        from importlib.metadata import EntryPoint  # only for an installed plugin: keeps start-up short

        return EntryPoint(self.name, self.value, ENTRY_POINT_GROUP).load()


@dataclass
class Snapshot:
    """The answers for one digest; versions are added as they are asked for."""

    digest: str
    entry_points: tuple[PluginEntryPoint, ...]
    versions: dict[str, str] = field(default_factory=dict)

    def to_data(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "digest": self.digest,
            "entry_points": [[e.name, e.value, e.distribution, e.version] for e in self.entry_points],
            "versions": self.versions,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Snapshot:
        if data.get("format") != _FORMAT:
            raise ValueError("another format")
        entry_points = tuple(PluginEntryPoint(*map(str, item)) for item in data["entry_points"])
        versions = {str(name): str(version) for name, version in data["versions"].items()}
        return cls(str(data["digest"]), entry_points, versions)


def plugin_entry_points() -> tuple[PluginEntryPoint, ...]:
    """The installed ``copylint`` entry points, in ``importlib.metadata``'s order."""
    return _snapshot().entry_points


def package_version(package: str) -> str:
    """The installed version of ``package`` (:data:`UNKNOWN_VERSION` when it is not installed)."""
    snapshot = _snapshot()
    version = snapshot.versions.get(package)
    if version is None:
        version = snapshot.versions[package] = _version_from_metadata(package)
        _save(snapshot)
    return version


_memo: dict[str, Snapshot] = {}


def _snapshot() -> Snapshot:
    """The answers for the environment as it is now: remembered in this process, then on disk,
    else asked of ``importlib.metadata`` (and saved)."""
    digest = environment_digest()
    if digest is None:
        return Snapshot("", _entry_points_from_metadata())
    found = _memo.get(digest) or _load(digest)
    if found is None:
        found = Snapshot(digest, _entry_points_from_metadata())
        _save(found)
    _memo.clear()
    _memo[digest] = found
    return found


def environment_digest() -> str | None:
    """A digest of everything the path finder reads to find distributions; ``None`` when another
    import hook could supply distributions too."""
    if any(hasattr(finder, "find_distributions") and not _searches_sys_path(finder) for finder in sys.meta_path):
        return None
    digest = hashlib.sha256(f"{_FORMAT}\0{sys.executable}\0".encode())
    for entry in sys.path:
        folder = entry or os.getcwd()
        digest.update(f"\1{entry}\0".encode())
        try:
            names = os.listdir(folder)
        except OSError:  # missing, or a zip file: its own size and time stand for its contents
            digest.update(_stat_key(folder))
            continue
        if os.path.basename(folder).lower().endswith(".egg"):
            names = [name for name in names if name.lower() == "egg-info"]
        else:
            names = [name for name in names if name.lower().endswith(_METADATA_FOLDERS)]
        for name in sorted(names):
            path = os.path.join(folder, name)
            digest.update(f"\2{name}\0".encode() + _stat_key(path))
            for metadata_file in _METADATA_FILES:
                digest.update(_stat_key(os.path.join(path, metadata_file)))
    return digest.hexdigest()


def _searches_sys_path(finder: object) -> bool:
    """Python's path finder, or the ``importlib_metadata`` backport's (which some libraries
    install): both find distributions by reading the ``sys.path`` folders the digest covers."""
    kind = finder if isinstance(finder, type) else type(finder)
    return finder is PathFinder or (kind.__module__, kind.__qualname__) == ("importlib_metadata", "MetadataPathFinder")


def _stat_key(path: str) -> bytes:
    try:
        stat = os.stat(path)
    except OSError:
        return b"-;"
    return f"{stat.st_size}:{stat.st_mtime_ns};".encode()


def _snapshot_path() -> str:
    interpreter = hashlib.sha256(sys.executable.encode()).hexdigest()[:16]
    return os.path.join(cache_folder(), f"installed-{interpreter}.json")


def _load(digest: str) -> Snapshot | None:
    path = _snapshot_path()
    try:
        with open(path, encoding="utf-8") as handle:
            snapshot = Snapshot.from_data(json.load(handle))
            modified = os.fstat(handle.fileno()).st_mtime
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    mark_used(path, modified)
    return snapshot if snapshot.digest == digest else None


def _save(snapshot: Snapshot) -> None:
    if not snapshot.digest:
        return
    path = _snapshot_path()
    with contextlib.suppress(OSError):  # a folder that cannot be written only costs the next run time
        data = json.dumps(snapshot.to_data()).encode()
        replace_atomically(path, lambda handle: handle.write(data))
        remove_other_versions(path, _SNAPSHOT_NAME, keep=None)  # other interpreters', once unused


def _entry_points_from_metadata() -> tuple[PluginEntryPoint, ...]:
    import importlib.metadata  # only when no snapshot answers: keeps start-up short

    found = []
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        distribution = entry_point.dist
        name = distribution.name if distribution else UNKNOWN_VERSION
        version = distribution.version if distribution else UNKNOWN_VERSION
        found.append(PluginEntryPoint(entry_point.name, entry_point.value, name, version))
    return tuple(found)


def _version_from_metadata(package: str) -> str:
    import importlib.metadata  # only for a version the snapshot lacks: keeps start-up short

    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return UNKNOWN_VERSION


CODE_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
"""copylint's package folder: its code, and its shipped data in ``data/``."""


@cache
def code_digest() -> str:
    """copylint's own code and shipped data (names, sizes, modification times), computed once per
    process, so that a changed rule or list in a development checkout never serves stale results
    or tables under the same version number."""
    return files_digest([CODE_FOLDER])


def files_digest(folders: list[str]) -> str:
    """A digest of the names, sizes and modification times of the code and data files in ``folders``."""
    digest = hashlib.sha256()
    for folder in folders:
        for directory, _, files in sorted(os.walk(folder)):
            for name in sorted(files):
                if name.endswith((".py", ".yml", ".yaml", ".txt", ".tsv", ".gz")):
                    stat = os.stat(os.path.join(directory, name))
                    digest.update(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def plugin_versions() -> str:
    """Versions of every distribution that provides copylint plugins."""
    return ",".join(sorted(f"{entry.name}={entry.version}" for entry in plugin_entry_points()))


FINDINGS_DEPEND_ON = (
    "markdown-it-py",
    "pyspellchecker",
    "symspellpy",
    "wordfreq",
    "publicsuffixlist",
    "jellyfish",
    "rapidfuzz",
)
"""Libraries whose upgrade can change findings (the parser, the word lists, the distances)."""


@cache
def environment_key() -> str:
    """Plugin versions, the versions of the libraries findings depend on, and copylint's code
    digest, computed once per process."""
    libraries = ",".join(f"{name}={package_version(name)}" for name in FINDINGS_DEPEND_ON)
    return f"{plugin_versions()}|{libraries}|{code_digest()}"
