"""Lint an editor's in-memory text with the settings ``copylint check`` would use for that file.

The configuration is found from the document's folder upward, exactly as the command line finds
it from the current folder; one session is kept per configuration file (or per folder without
one) and all are dropped when a configuration file changes.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass

from copylint.core.engine import lint_document
from copylint.core.errors import CopylintError
from copylint.core.finding import Finding
from copylint.core.source import Document
from copylint.project.config import find_vale_ini, locate_config
from copylint.project.plugins import PluginSet, load_plugins
from copylint.project.resolver import CommandLine
from copylint.project.session import Session, open_session
from copylint.store.files import replace_atomically


@dataclass(frozen=True)
class Linted:
    """One linted version of a document: its findings, the session that produced them, and a
    problem to tell the user about (a configuration error, a crashing rule, a skipped file)."""

    document: Document
    findings: tuple[Finding, ...] = ()
    session: Session | None = None
    problem: str | None = None


class Projects:
    """The sessions of the projects the open documents belong to."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plugins: PluginSet | None = None
        self._sessions: dict[str, Session] = {}
        self.notes: list[str] = []
        """What loading plugins and configurations had to say, for the server to log."""

    def reload(self) -> None:
        """Forget every session: a configuration file changed."""
        with self._lock:
            self._sessions.clear()

    def session_for(self, path: str) -> Session:
        """The session for a file at ``path``; raises :class:`CopylintError` for a bad configuration."""
        folder = os.path.dirname(os.path.abspath(path))
        found = locate_config(folder)
        key = found[0] if found is not None else find_vale_ini(folder) or folder
        with self._lock:
            session = self._sessions.get(key)
            if session is None:
                if self._plugins is None:
                    self._plugins = load_plugins()
                    self.notes.extend(self._plugins.errors)
                session = open_session(self._plugins, CommandLine(), start=folder)
                self.notes.extend(session.notes)
                self._sessions[key] = session
        return session

    def accept_list(self, path: str) -> str | None:
        """The first accept list the configuration for ``path`` names, if any (an absolute path)."""
        try:
            lists = self.session_for(path).config.family_values.get("accept", ())
        except CopylintError:
            return None
        return lists[0] if isinstance(lists, tuple) and lists else None

    def lint(self, path: str, text: str) -> Linted:
        """``text`` linted as the file at ``path``, as ``copylint check`` would lint it."""
        document = Document(path=path, text=text)
        try:
            session = self.session_for(path)
        except CopylintError as exc:
            return Linted(document, problem=str(exc))
        file_filter = session.resolver.file_filter()
        config = session.config
        if config.path is not None and file_filter.excluded(os.path.relpath(os.path.abspath(path), config.root)):
            return Linted(document, session=session)
        limit = file_filter.max_file_mb
        if limit and len(text.encode("utf-8", "surrogatepass")) > limit * 1_000_000:
            problem = f"{path}: over the max-file-size limit of {limit:g} MB; not linted"
            return Linted(document, session=session, problem=problem)
        result = lint_document(document, session.plugins.format_for(path), session.resolver.settings_for(path))
        return Linted(document, result.findings, session, result.error)


def add_to_list(list_path: str, word: str) -> None:
    """Append ``word`` on a line of its own to the word list at ``list_path``, keeping what is there
    (and its line endings), written atomically. A word with a character patterns use is escaped,
    so that the entry matches just that word."""
    try:
        with open(list_path, encoding="utf-8", newline="") as handle:
            existing = handle.read()
    except FileNotFoundError:
        existing = ""
    newline = "\r\n" if "\r\n" in existing else "\n"
    if existing and not existing.endswith("\n"):
        existing += newline
    data = (existing + re.escape(word) + newline).encode("utf-8")
    replace_atomically(list_path, lambda handle: handle.write(data))
