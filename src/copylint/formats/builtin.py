"""Registers the built-in document formats through copylint's own hook.

Markdown, MDX and HTML are registered by name and suffixes, and their modules (the Markdown walker,
``html.parser``) are imported with the first document that needs them: a run on plain text, such
as a pre-commit hook on one ``.txt`` article, does not pay for importing them.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from copylint.core.prose import DirectiveSyntax, DocumentFormat, FormatTraits, ProseView
from copylint.core.rule import FamilySettings
from copylint.core.source import Document
from copylint.formats.plaintext import PlainTextFormat
from copylint.formats.templates import TemplateSettings
from copylint.hookspecs import hookimpl


class FormatOnFirstUse:
    """A document format whose class is imported, and instantiated once, with its first document."""

    def __init__(
        self, name: str, suffixes: tuple[str, ...], traits: FormatTraits, module: str, class_name: str
    ) -> None:
        self.name = name
        self.suffixes = suffixes
        self.traits = traits
        self._where = (module, class_name)
        self._format: Any = None

    def build_view(self, document: Document, settings: FamilySettings | None = None) -> ProseView:
        if self._format is None:
            module, class_name = self._where
            self._format = getattr(importlib.import_module(module), class_name)()
        if settings is None:
            return self._format.build_view(document)  # type: ignore[no-any-return]
        return self._format.build_view(document, settings)  # type: ignore[no-any-return]


MARKUP_TRAITS = FormatTraits(directives=DirectiveSyntax.COMMENTS, collapses_whitespace=True, settings=TemplateSettings)
"""Markdown's: directives in HTML comments, runs of spaces render as one, and template tags are read."""
HTML_TRAITS = FormatTraits(
    directives=DirectiveSyntax.COMMENTS, collapses_whitespace=True, tags_share_lines=True, settings=TemplateSettings
)

MARKDOWN = (
    "markdown", (".md", ".markdown", ".mdown", ".mkd"), MARKUP_TRAITS, "copylint.formats.markdown", "MarkdownFormat"
)  # fmt: skip
MDX_TRAITS = FormatTraits(directives=DirectiveSyntax.COMMENTS, collapses_whitespace=True)
"""MDX's: as Markdown's, but ``{{`` and ``{%`` open JSX expressions, not template tags."""
MDX = ("mdx", (".mdx",), MDX_TRAITS, "copylint.formats.mdx", "MdxFormat")
HTML = ("html", (".html", ".htm", ".xhtml"), HTML_TRAITS, "copylint.formats.html", "HtmlFormat")
"""What the lazily imported formats declare: a test checks it against the classes' own."""


@hookimpl
def copylint_register_formats() -> Sequence[DocumentFormat]:
    return (PlainTextFormat(), FormatOnFirstUse(*MARKDOWN), FormatOnFirstUse(*MDX), FormatOnFirstUse(*HTML))
