"""Registers the built-in document formats through copylint's own hook.

Markdown and HTML are registered by name and suffixes, and their modules (the Markdown walker,
``html.parser``) are imported with the first document that needs them: a run on plain text, such
as a pre-commit hook on one ``.txt`` article, does not pay 5 ms for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from copylint.formats import DocumentFormat
from copylint.formats.plaintext import PlainTextFormat
from copylint.hookspecs import hookimpl
from copylint.prose import ProseView
from copylint.source import Document


class FormatOnFirstUse:
    """A document format whose class is imported, and instantiated once, with its first document."""

    def __init__(self, name: str, suffixes: tuple[str, ...], module: str, class_name: str) -> None:
        self.name = name
        self.suffixes = suffixes
        self._where = (module, class_name)
        self._format: DocumentFormat | None = None

    def build_view(self, document: Document) -> ProseView:
        if self._format is None:
            module, class_name = self._where
            self._format = getattr(importlib.import_module(module), class_name)()
        return self._format.build_view(document)


MARKDOWN = ("markdown", (".md", ".markdown", ".mdown", ".mkd"), "copylint.formats.markdown", "MarkdownFormat")
HTML = ("html", (".html", ".htm", ".xhtml"), "copylint.formats.html", "HtmlFormat")


@hookimpl
def copylint_register_formats() -> Sequence[DocumentFormat]:
    return (PlainTextFormat(), FormatOnFirstUse(*MARKDOWN), FormatOnFirstUse(*HTML))
