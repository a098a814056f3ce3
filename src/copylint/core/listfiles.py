"""Reading the plain list files users point copylint at (word lists, domain lists)."""

from __future__ import annotations

from copylint.core.errors import CopylintError


def read_list_file(path: str, what: str) -> list[str]:
    """The file's lines; a missing, unreadable or undecodable file is an error naming it."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read().splitlines()
    except OSError as exc:
        raise CopylintError(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise CopylintError(f"{path}: {what} is not valid UTF-8") from None
