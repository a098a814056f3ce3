"""Source documents: decoded text, line starts, and offset to line/column conversion."""

from __future__ import annotations

import array
import bisect
from dataclasses import dataclass, field

from copylint.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
_BINARY_SAMPLE = 8192


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of code-point offsets into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column; columns count code points."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded file. ``text`` excludes the byte-order mark, which ``bom`` records."""

    path: str
    text: str
    bom: bool = False
    line_starts: array.array[int] = field(init=False, repr=False, compare=False)
    """The offset where each line starts: a packed array, 8 bytes a line rather than 36 in a tuple."""

    def __post_init__(self) -> None:
        starts = array.array("q", [0])
        append = starts.append
        find = self.text.find
        index = find("\n")
        while index != -1:
            append(index + 1)
            index = find("\n", index + 1)
        object.__setattr__(self, "line_starts", starts)

    @property
    def suffix(self) -> str:
        dot = self.path.rfind(".")
        slash = max(self.path.rfind("/"), self.path.rfind("\\"))
        return self.path[dot:].lower() if dot > slash else ""

    def position(self, offset: int) -> Position:
        """The line and column (both 1-based, code points) of ``offset``."""
        line_index = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line_index + 1, offset - self.line_starts[line_index] + 1)

    def utf16_column(self, offset: int) -> int:
        """The 1-based column of ``offset`` counted in UTF-16 code units (as SARIF and LSP want)."""
        line_start = self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]
        prefix = self.text[line_start:offset]
        return 1 + len(prefix) + sum(1 for char in prefix if ord(char) > 0xFFFF)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


def decode(path: str, data: bytes) -> Document:
    """Decode ``data`` as UTF-8 (a BOM is allowed) or raise :class:`InputError` naming ``path``."""
    bom = data.startswith(UTF8_BOM)
    if bom:
        data = data[len(UTF8_BOM) :]
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise InputError(f"{path}: looks like a binary file (it contains NUL bytes); skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}); convert it to UTF-8 first"
        ) from None
    return Document(path=path, text=text, bom=bom)


def read_source(path: str) -> tuple[Document, bytes]:
    """Read and decode ``path``, or raise :class:`InputError` naming it."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode(path, data), data
