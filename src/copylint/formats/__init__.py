"""Document formats: each turns a :class:`~copylint.source.Document` into a prose view."""

from __future__ import annotations

from typing import Protocol

from copylint.prose import ProseView
from copylint.source import Document


class DocumentFormat(Protocol):
    """A markup language copylint can read. Registered through ``copylint_register_formats``."""

    name: str
    """A short stable name, e.g. ``markdown``."""
    suffixes: tuple[str, ...]
    """Lower-case file name suffixes with the dot, e.g. ``(".md",)``."""

    def build_view(self, document: Document) -> ProseView:
        """Extract the prose of ``document`` with its map back to the source."""
        ...
