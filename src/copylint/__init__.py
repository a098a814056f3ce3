"""copylint: an editorial linter and copy-editor for Markdown, HTML and plain text."""

__version__ = "0.1.0"
