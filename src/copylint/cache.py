"""The result cache: findings per file, keyed by a hash of the file's bytes, the effective
settings, copylint's version and the plugins' versions (never by modification time, which CI
checkouts reset). Entries live under ``.copylint_cache/`` as small JSON files written atomically,
so two runs can share the folder; entries unused for ``STALE_DAYS`` are pruned. JSON, not pickle:
the folder sits in the repository being checked, and a crafted pickle there would run code.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import time
from dataclasses import dataclass
from functools import cache

from copylint import __version__
from copylint.atomicwrite import replace_atomically
from copylint.finding import Finding
from copylint.installed import package_version, plugin_entry_points

STALE_DAYS = 30
DEFAULT_FOLDER = ".copylint_cache"


def code_fingerprint() -> str:
    """copylint's own files and its bundled rule packs and lists (names, sizes, modification
    times), so that a changed rule or list in a development checkout never serves stale results
    or data under the same version number."""
    return files_fingerprint(code_folders())


def code_folders() -> list[str]:
    """copylint's package folder, and the folder of ``copylint.bundled`` when it lies elsewhere
    (the repository's ``rules/`` in a development checkout)."""
    package = os.path.dirname(os.path.abspath(__file__))
    bundled = os.path.dirname(os.path.abspath(importlib.import_module("copylint.bundled").__file__ or ""))
    return [package] if bundled.startswith(package + os.sep) else [package, bundled]


def files_fingerprint(folders: list[str]) -> str:
    """A digest of the names, sizes and modification times of the code and data files in ``folders``."""
    digest = hashlib.sha256()
    for folder in folders:
        for directory, _, files in sorted(os.walk(folder)):
            for name in sorted(files):
                if name.endswith((".py", ".yml", ".yaml", ".txt", ".tsv")):
                    stat = os.stat(os.path.join(directory, name))
                    digest.update(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def plugin_versions() -> str:
    """Versions of every distribution that provides copylint plugins."""
    return ",".join(sorted(f"{entry.name}={entry.version}" for entry in plugin_entry_points()))


@dataclass
class ResultCache:
    folder: str
    settings_key: str

    def key(self, data: bytes, path_settings: str) -> str:
        digest = hashlib.sha256()
        for part in (__version__, environment_key(), self.settings_key, path_settings):
            digest.update(part.encode())
            digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], f"{key}.json")

    def get(self, key: str) -> tuple[Finding, ...] | None:
        path = self._path(key)
        try:
            with open(path, encoding="utf-8") as handle:
                findings = tuple(Finding.from_data(item) for item in json.load(handle))
            os.utime(path)
        except (OSError, ValueError, TypeError):  # a missing, damaged or foreign entry is a miss
            return None
        return findings

    def put(self, key: str, findings: tuple[Finding, ...]) -> None:
        path = self._path(key)
        data = json.dumps([finding.to_data() for finding in findings], ensure_ascii=False).encode()
        try:
            replace_atomically(path, lambda handle: handle.write(data))
        except OSError:
            pass  # a cache that cannot be written is only slower

    def prune(self) -> int:
        """Delete entries unused for ``STALE_DAYS``; returns how many went."""
        limit = time.time() - STALE_DAYS * 86400
        removed = 0
        for directory, _, files in os.walk(self.folder):
            for name in files:
                path = os.path.join(directory, name)
                try:
                    if os.stat(path).st_mtime < limit:
                        os.unlink(path)
                        removed += 1
                except OSError:
                    continue
        return removed


FINDINGS_DEPEND_ON = ("markdown-it-py", "pyspellchecker", "symspellpy", "publicsuffixlist", "jellyfish", "rapidfuzz")
"""Libraries whose upgrade can change findings (the parser, the word lists, the distances)."""


@cache
def environment_key() -> str:
    """Plugin versions, the versions of the libraries findings depend on, and copylint's code
    fingerprint, computed once per process."""
    libraries = ",".join(f"{name}={package_version(name)}" for name in FINDINGS_DEPEND_ON)
    return f"{plugin_versions()}|{libraries}|{code_fingerprint()}"
