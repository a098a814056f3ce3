"""The result cache: findings per file, keyed by a hash of the file's bytes, the effective
settings, copylint's version and the plugins' versions (never by modification time, which CI
checkouts reset). Entries live under ``.copylint_cache/`` as small JSON files written atomically,
so two runs can share the folder; entries unused for ``STALE_DAYS`` are pruned. JSON, not pickle:
the folder sits in the repository being checked, and a crafted pickle there would run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field

from copylint._version import __version__
from copylint.core.finding import Finding
from copylint.store.environment import environment_key
from copylint.store.files import replace_atomically

STALE_DAYS = 30
DEFAULT_FOLDER = ".copylint_cache"


GITIGNORE = "# Created by copylint: its result cache, never to be committed.\n*\n"
"""Written at the top of the cache folder, as pytest and ruff do, so ``git status`` never shows it."""


@dataclass
class ResultCache:
    folder: str
    _ignored: bool = field(default=False, init=False, repr=False)

    def key(self, data: bytes, suffix: str, settings_digest: str) -> str:
        """The entry for a file's bytes read as ``suffix`` (the same bytes are Markdown in ``a.md``
        and plain text in ``a.txt``) under settings with ``settings_digest``."""
        digest = hashlib.sha256()
        for part in (__version__, environment_key(), suffix, settings_digest):
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
            self._ignore()
        except OSError:
            pass  # a cache that cannot be written is only slower

    def _ignore(self) -> None:
        """Put the folder's ``.gitignore`` in place, once per run."""
        if self._ignored:
            return
        self._ignored = True
        path = os.path.join(self.folder, ".gitignore")
        if not os.path.exists(path):
            replace_atomically(path, lambda handle: handle.write(GITIGNORE.encode()))

    def prune(self) -> int:
        """Delete entries unused for ``STALE_DAYS``; returns how many went."""
        limit = time.time() - STALE_DAYS * 86400
        removed = 0
        for directory, _, files in os.walk(self.folder):
            for name in files:
                if name == ".gitignore":
                    continue
                path = os.path.join(directory, name)
                try:
                    if os.stat(path).st_mtime < limit:
                        os.unlink(path)
                        removed += 1
                except OSError:
                    continue
        return removed
