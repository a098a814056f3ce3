"""Registers the built-in document formats through copylint's own hook."""

from __future__ import annotations

from collections.abc import Sequence

from copylint.formats import DocumentFormat
from copylint.formats.html import HtmlFormat
from copylint.formats.markdown import MarkdownFormat
from copylint.formats.plaintext import PlainTextFormat
from copylint.hookspecs import hookimpl


@hookimpl
def copylint_register_formats() -> Sequence[DocumentFormat]:
    return (PlainTextFormat(), MarkdownFormat(), HtmlFormat())
