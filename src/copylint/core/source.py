"""Source documents: decoded text, line starts, and offset to line/column conversion."""

from __future__ import annotations

import array
import bisect
import codecs
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from copylint.core.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
_BINARY_SAMPLE = 8192
# Byte-order marks that name their encoding (UTF-32 first: its little-endian mark starts like UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (UTF8_BOM, "utf-8"),
)


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


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column; columns count code points."""

    line: int
    column: int


class _Lines:
    """Line and column arithmetic over ``line_starts`` and the text of single lines (``_line``)."""

    __slots__ = ()
    line_starts: array.array[int]

    def _line(self, index: int) -> str:
        """The text of 0-based line ``index``, with its line ending."""
        raise NotImplementedError

    def _line_index(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> Position:
        """The line and column (both 1-based, code points) of ``offset``."""
        line_index = self._line_index(offset)
        return Position(line_index + 1, offset - self.line_starts[line_index] + 1)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line ending."""
        return self._line(line - 1).rstrip("\n").rstrip("\r")

    def slice(self, start: int, end: int) -> str:
        """The text from offset ``start`` to ``end``."""
        first, last = self._line_index(start), self._line_index(end)
        text = "".join(self._line(index) for index in range(first, last + 1))
        base = self.line_starts[first]
        return text[start - base : end - base]

    def lines_around(self, start: int, end: int) -> tuple[int, int]:
        """The offsets where the lines holding ``start`` and ``end`` begin and end (without "\\n")."""
        last = self._line_index(end)
        return self.line_starts[self._line_index(start)], self.line_starts[last] + len(self._line(last).rstrip("\n"))


@dataclass(frozen=True, slots=True)
class Document(_Lines):
    """One decoded file. ``text`` excludes the byte-order mark, which ``bom`` records; ``encoding``
    is how the file is written back (UTF-8, or the UTF-16/32 its byte-order mark names)."""

    path: str
    text: str
    bom: bool = False
    encoding: str = "utf-8"
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

    def _line(self, index: int) -> str:
        starts = self.line_starts
        return self.text[starts[index] : starts[index + 1] if index + 1 < len(starts) else len(self.text)]

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def excerpts(self, spans: Iterable[Span]) -> Excerpts:
        """What reporting needs of this document once linted: the lines that ``spans`` touch."""
        lines: dict[int, str] = {}
        for span in spans:
            for index in range(self._line_index(span.start), self._line_index(span.end) + 1):
                if index not in lines:
                    lines[index] = self._line(index)
        return Excerpts(self.path, self.line_starts, lines)


@dataclass(frozen=True, slots=True)
class Excerpts(_Lines):
    """A linted document reduced to what its report needs: line starts and the lines its findings
    touch. A run keeps these, not whole texts, so its memory follows the largest file, not the tree."""

    path: str
    line_starts: array.array[int] = field(repr=False)
    lines: Mapping[int, str] = field(repr=False)

    def _line(self, index: int) -> str:
        return self.lines[index]


SourceLines = Document | Excerpts
"""What a file result holds for reporting: the whole document, or its excerpts."""


def decode(path: str, data: bytes) -> Document:
    """Decode ``data`` as UTF-8, or as the UTF-16/32 a byte-order mark names; raise
    :class:`InputError` naming ``path`` for anything else."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return Document(path=path, text=data[len(mark) :].decode(encoding), bom=True, encoding=encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{path}: its byte-order mark says {encoding.upper()}, but the text is not valid "
                    f"{encoding.upper()} (at byte {exc.start + len(mark)}); convert it to UTF-8 first"
                ) from None
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        if _looks_like_bomless_utf16(sample):
            raise InputError(f"{path}: looks like UTF-16 without a byte-order mark; convert it to UTF-8 first")
        raise InputError(f"{path}: looks like a binary file (it contains NUL bytes); skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}); convert it to UTF-8 first"
        ) from None
    return Document(path=path, text=text)


def encode(document: Document, text: str) -> bytes:
    """``text`` as ``document``'s file holds it: the same encoding, with its byte-order mark if it had one."""
    mark = next((bom for bom, encoding in _BOMS if encoding == document.encoding), b"") if document.bom else b""
    return mark + text.encode(document.encoding)


def _looks_like_bomless_utf16(sample: bytes) -> bool:
    """Text in UTF-16 (Latin script) has a NUL in nearly every other byte and almost none between."""
    pairs = len(sample) // 2
    if pairs < 8:
        return False
    shares = sorted((sample[0::2].count(0) / pairs, sample[1::2].count(0) / pairs))
    return shares[1] >= 0.7 and shares[0] <= 0.1


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


def suffix_of(path: str) -> str:
    """The lower-case suffix of the file name in ``path``, with its dot ("" when it has none):
    ``"notes.v2/Draft.MD"`` gives ``".md"``. Formats are chosen, and cached results keyed, by it."""
    dot = path.rfind(".")
    return path[dot:].lower() if dot > max(path.rfind("/"), path.rfind("\\")) else ""
