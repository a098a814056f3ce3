"""Registers the built-in reporters through copylint's own hook."""

from __future__ import annotations

from collections.abc import Sequence

from copylint.hookspecs import hookimpl
from copylint.reporters import Reporter
from copylint.reporters.github import GithubReporter
from copylint.reporters.gitlab import GitlabReporter
from copylint.reporters.json_format import JsonReporter
from copylint.reporters.rdjsonl import RdjsonlReporter
from copylint.reporters.sarif import SarifReporter
from copylint.reporters.text import TextReporter


@hookimpl
def copylint_register_reporters() -> Sequence[type[Reporter]]:
    return (TextReporter, JsonReporter, GithubReporter, SarifReporter, RdjsonlReporter, GitlabReporter)
