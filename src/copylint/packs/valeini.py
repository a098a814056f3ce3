"""Vale's ``.vale.ini``: its global keys, then ``[glob]`` sections of keys for the files each glob
matches (``[*.md]``, ``[*.{md,txt}]``, ``[docs/**/*.html]``).

copylint merges the sections that can apply to a file type it reads. A section for file types it
does not read (``[*.rst]``, ``[*.adoc]``) is left out with a one-line notice, rather than merged
into the settings of Markdown files or dropped without a word.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass

from copylint.core.errors import CopylintError

_BRACES = re.compile(r"\{([^{}]*)\}")
_GLOB = frozenset("*?[")
_SPECIAL_SECTIONS = frozenset({"formats", "asciidoctor"})
"""Sections that are not globs: Vale's format associations and AsciiDoc attributes."""


@dataclass(frozen=True)
class ValeIni:
    """A ``.vale.ini`` as copylint applies it."""

    path: str
    keys: dict[str, str]
    """The global keys (``StylesPath``, ``MinAlertLevel``, ``Vocab`` ...)."""
    sections: dict[str, str]
    """The keys of every section that can apply to a file copylint reads, later sections winning."""
    notices: tuple[str, ...] = ()
    """One line for each section, or part of one, for file types copylint does not read."""


def read_ini(path: str, suffixes: Collection[str] | None = None) -> ValeIni:
    """Read the ``.vale.ini`` at ``path``; ``suffixes`` are the file suffixes copylint reads
    (``.md`` ...), or ``None`` to take every section as applying."""
    keys: dict[str, str] = {}
    sections: dict[str, str] = {}
    notices: list[str] = []
    current: dict[str, str] | None = keys
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError as exc:
        raise CopylintError(f"{path}: cannot read ({exc.strerror or exc})") from None
    name = os.path.basename(path)
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            pattern = line[1:-1].strip()
            current = None
            if pattern.lower() in _SPECIAL_SECTIONS:
                continue
            targets = section_suffixes(pattern)
            unread = sorted({t for t in targets if t is not None and suffixes is not None and t not in suffixes})
            if len(unread) < len(targets):
                current = sections
            if unread:
                used = (
                    " (the section still applies to its other files)"
                    if current is not None
                    else ", so the section is not used"
                )
                notices.append(f"{name} [{pattern}]: copylint does not read {', '.join(unread)} files{used}")
            continue
        key, sep, value = line.partition("=")
        if sep and current is not None:
            current[key.strip()] = value.strip()
    return ValeIni(path, keys, sections, tuple(notices))


def section_suffixes(pattern: str) -> list[str | None]:
    """The file suffix each alternative of a section's glob names (``.md``), ``None`` for one that
    names any file (``*``, ``docs/*``, ``*.m*``); a file with no suffix counts as any."""
    alternatives = [pattern]
    expanded: list[str] = []
    while alternatives:
        alternative = alternatives.pop()
        braces = _BRACES.search(alternative)
        if braces is None:
            expanded.append(alternative)
            continue
        head, tail = alternative[: braces.start()], alternative[braces.end() :]
        alternatives.extend(head + option.strip() + tail for option in braces.group(1).split(","))
    found: list[str | None] = []
    for alternative in reversed(expanded):
        suffix = os.path.splitext(alternative.rsplit("/", 1)[-1])[1].lower()
        found.append(None if not suffix or _GLOB & set(suffix) else suffix)
    return found
