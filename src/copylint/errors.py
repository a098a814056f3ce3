"""The one exception family copylint raises for user-facing problems."""

from __future__ import annotations


class CopylintError(Exception):
    """A problem the user can fix; its message names the file, key or plugin at fault."""


class InputError(CopylintError):
    """A file could not be read or decoded."""


class UsageError(CopylintError):
    """A command-line option or selector is wrong."""


class PluginError(CopylintError):
    """A plugin failed to load or registered something invalid."""
