"""Lint one request's text in memory with the rules of the folder the server was started in.

The configuration is read once, at start-up, as ``copylint check`` reads it; a request chooses
among the configured rules (``enabledRules``, ``disabledRules``, ``enabledOnly``) and how much to
show (``level``) but never names a file, so the server reads none on a request's behalf.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from copylint.core.engine import lint_document
from copylint.core.finding import Finding, Severity
from copylint.core.rule import LintSettings
from copylint.core.selection import matches
from copylint.core.source import Document
from copylint.project.plugins import load_plugins
from copylint.project.resolver import CommandLine
from copylint.project.session import open_session

REQUEST_PATH = "request.txt"
"""The name a request's text is linted under: plain text, matched by per-path overrides as such."""


@dataclass(frozen=True, slots=True)
class Choice:
    """What one request asks for. ``picky`` (LanguageTool's ``level=picky``) adds the ``info``
    findings, which copylint keeps for what it is unsure of; the default level shows warnings and
    errors only."""

    enabled: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    enabled_only: bool = False
    picky: bool = False


class Checker:
    """The session opened at start-up, and a lint of one text at a time. Requests are linted one
    after another (a lock): the rules share lazily built tables, and Python runs one thread of
    rule code at a time anyway."""

    def __init__(self, config_path: str | None = None) -> None:
        session = open_session(load_plugins(), CommandLine(), config_path)
        self.notes = session.notes
        self.rules = session.plugins.rules
        self._settings = session.resolver.settings_for(REQUEST_PATH)
        self._format = session.plugins.format_for(REQUEST_PATH)
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Lint a short text once, so the word tables are loaded before the first request's clock runs."""
        self.check("A short text to load the the tables with.", Choice(picky=True))

    def check(self, text: str, choice: Choice) -> Sequence[Finding]:
        """The findings for ``text`` that ``choice`` asks for, sorted by position."""
        settings = self._chosen(choice)
        with self._lock:
            result = lint_document(Document(REQUEST_PATH, text), self._format, settings)
        least = Severity.INFO if choice.picky else Severity.WARNING
        return [finding for finding in result.findings if finding.severity.rank >= least.rank]

    def _chosen(self, choice: Choice) -> LintSettings:
        if not (choice.enabled or choice.disabled):
            return self._settings
        base = tuple(self._settings.rules)
        if choice.enabled_only:
            base = tuple(rule for rule in self.rules.values() if _named(choice.enabled, rule.id))
        elif choice.enabled:
            base += tuple(rule for rule in self.rules.values() if rule not in base and _named(choice.enabled, rule.id))
        rules = tuple(rule for rule in base if not _named(choice.disabled, rule.id))
        return dataclasses.replace(self._settings, rules=rules)


def _named(selectors: Sequence[str], rule_id: str) -> bool:
    return any(matches(selector, rule_id) for selector in selectors)
