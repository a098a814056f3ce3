"""Output formats. Each reporter is its own module, registered through ``copylint_register_reporters``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, TextIO

if TYPE_CHECKING:
    from copylint.core.finding import RunResult
    from copylint.core.rule import Rule


class Reporter:
    """Writes a whole run's results to ``stream``. Subclasses set ``name`` and ``description``."""

    name: ClassVar[str]
    description: ClassVar[str] = ""

    def __init__(
        self,
        stream: TextIO,
        *,
        color: bool = False,
        quiet: bool = False,
        rules: Mapping[str, type[Rule]] | None = None,
    ) -> None:
        self.stream = stream
        self.color = color
        self.quiet = quiet
        self.rules = rules or {}

    def report(self, run: RunResult) -> None:
        raise NotImplementedError
