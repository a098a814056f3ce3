"""A read-only string-to-number table that loads in a millisecond and becomes a dict when used a lot.

Loading a pickled dict of 242,000 bigram counts costs 65 ms, most of the time copylint spends on
one short article. This table is three flat objects instead (the sorted keys joined in one string,
their offsets and their values as packed arrays), which unpickle at memory speed; a look-up is a
binary search (a few microseconds). After ``PROMOTE_AFTER`` look-ups, a long run has shown it will
make many more, and the table builds a real dict once (about 40 ms) for hash-speed look-ups.
"""

from __future__ import annotations

import array
from collections.abc import Iterator, Mapping

PROMOTE_AFTER = 20_000
_SEPARATOR = "\0"


class CompactTable(Mapping[str, float]):
    """Sorted keys in one string, searched by bisection until promoted to a dict."""

    def __init__(self, table: Mapping[str, float]) -> None:
        keys = sorted(table)
        if any(_SEPARATOR in key for key in keys):
            raise ValueError("keys must not contain NUL")
        self._blob = _SEPARATOR.join(keys)
        self._offsets = array.array("q", _offsets_of(keys))
        self._values = array.array("d", (table[key] for key in keys))
        self.smallest = min(self._values, default=1.0)
        self._dict: dict[str, float] | None = None
        self._lookups = 0

    def __getstate__(self) -> tuple[str, bytes, bytes, float]:
        if self._dict is not None:  # pickled after promotion: back to the flat form
            keys = sorted(self._dict)
            return (
                _SEPARATOR.join(keys),
                array.array("q", _offsets_of(keys)).tobytes(),
                array.array("d", (self._dict[key] for key in keys)).tobytes(),
                self.smallest,
            )
        return self._blob, self._offsets.tobytes(), self._values.tobytes(), self.smallest

    def __setstate__(self, state: tuple[str, bytes, bytes, float]) -> None:
        self._blob, offsets, values, self.smallest = state
        self._offsets = array.array("q")
        self._offsets.frombytes(offsets)
        self._values = array.array("d")
        self._values.frombytes(values)
        self._dict = None
        self._lookups = 0

    def _promote(self) -> None:
        """Become a dict, and let the flat form go (the dict holds the same data)."""
        self._dict = dict(zip(self._blob.split(_SEPARATOR), self._values, strict=True)) if len(self) else {}
        self._blob, self._offsets, self._values = "", array.array("q"), array.array("d")

    def _key(self, index: int) -> str:
        return self._blob[self._offsets[index] : self._offsets[index + 1] - 1]

    def get(self, key: str, default: float | None = None) -> float | None:  # type: ignore[override]
        if self._dict is not None:
            return self._dict.get(key, default)
        self._lookups += 1
        if self._lookups > PROMOTE_AFTER:
            self._promote()
            return self.get(key, default)
        low, high = 0, len(self._values)
        while low < high:
            middle = (low + high) // 2
            if self._key(middle) < key:
                low = middle + 1
            else:
                high = middle
        if low < len(self._values) and self._key(low) == key:
            return self._values[low]
        return default

    def __getitem__(self, key: str) -> float:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self._dict) if self._dict is not None else len(self._values)

    def __iter__(self) -> Iterator[str]:
        if self._dict is not None:
            return iter(self._dict)
        return (self._key(index) for index in range(len(self._values)))


def _offsets_of(keys: list[str]) -> list[int]:
    """Where each key starts in the joined string, and one past the last key's separator."""
    offsets = [0]
    for key in keys:
        offsets.append(offsets[-1] + len(key) + 1)
    return offsets
