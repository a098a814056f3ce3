"""A read-only string-to-number table that loads in a millisecond and becomes a dict when used a lot.

Loading a pickled dict of 242,000 bigram counts costs 65 ms, and the lexicon's 250,000 word counts
40 ms: most of the time copylint spends on one short article. This table is four flat objects
instead (the keys joined in one string, their offsets, their values, and an open-addressing hash
index keyed by CRC-32, which is the same in every process), which unpickle at memory speed; a
look-up hashes the key and compares one or two slices (about a microsecond). After
``PROMOTE_AFTER`` look-ups, a long run has shown it will make many more, and the table builds a
real dict once (about 40 ms) for hash-speed look-ups.
"""

from __future__ import annotations

import array
import zlib
from collections.abc import ItemsView, Iterator, KeysView, Mapping

PROMOTE_AFTER = 20_000
_SEPARATOR = "\0"
_EMPTY = -1


class CompactTable(Mapping[str, float]):
    """Keys in one string, found through a hash index until promoted to a dict."""

    def __init__(self, table: Mapping[str, float]) -> None:
        keys = sorted(table)
        if any(_SEPARATOR in key for key in keys):
            raise ValueError("keys must not contain NUL")
        self._blob = _SEPARATOR.join(keys)
        self._offsets = array.array("q", _offsets_of(keys))
        self._values = array.array("d", (table[key] for key in keys))
        self._slots = _hash_index(keys)
        self.smallest = min(self._values, default=1.0)
        self._dict: dict[str, float] | None = None
        self._lookups = 0

    def __getstate__(self) -> tuple[str, bytes, bytes, bytes, float]:
        if self._dict is not None:  # pickled after promotion: back to the flat form
            return CompactTable(self._dict).__getstate__()
        return self._blob, self._offsets.tobytes(), self._values.tobytes(), self._slots.tobytes(), self.smallest

    def __setstate__(self, state: tuple[str, bytes, bytes, bytes, float]) -> None:
        self._blob, offsets, values, slots, self.smallest = state
        self._offsets = array.array("q")
        self._offsets.frombytes(offsets)
        self._values = array.array("d")
        self._values.frombytes(values)
        self._slots = array.array("i")
        self._slots.frombytes(slots)
        self._dict = None
        self._lookups = 0

    def _promote(self) -> None:
        """Become a dict, and let the flat form go (the dict holds the same data). ``get`` then
        is the dict's own method, with no Python frame in between."""
        self._dict = dict(zip(self._blob.split(_SEPARATOR), self._values, strict=True)) if len(self) else {}
        self._blob, self._offsets, self._values, self._slots = "", array.array("q"), array.array("d"), array.array("i")
        self.get = self._dict.get  # type: ignore[method-assign]

    def _key(self, index: int) -> str:
        return self._blob[self._offsets[index] : self._offsets[index + 1] - 1]

    def get(self, key: str, default: float | None = None) -> float | None:  # type: ignore[override]
        self._lookups += 1
        if self._lookups > PROMOTE_AFTER:
            self._promote()
            return self.get(key, default)
        slots = self._slots
        if not slots:
            return default
        mask = len(slots) - 1
        slot = zlib.crc32(key.encode("utf-8", "surrogatepass")) & mask
        while (index := slots[slot]) != _EMPTY:
            if self._key(index) == key:
                return self._values[index]
            slot = (slot + 1) & mask
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
        return iter(self._blob.split(_SEPARATOR) if self._values else ())

    def keys(self) -> KeysView[str]:
        """The dict's own view once promoted (set operations in C), else a view that looks up."""
        return self._dict.keys() if self._dict is not None else super().keys()

    def items(self) -> ItemsView[str, float]:
        if self._dict is None:
            self._promote()  # walking every item is a long run's work
        assert self._dict is not None
        return self._dict.items()


def _offsets_of(keys: list[str]) -> list[int]:
    """Where each key starts in the joined string, and one past the last key's separator."""
    offsets = [0]
    for key in keys:
        offsets.append(offsets[-1] + len(key) + 1)
    return offsets


def _hash_index(keys: list[str]) -> array.array[int]:
    """Open addressing with linear probing, at most half full: slot -> key index (or empty)."""
    if not keys:
        return array.array("i")
    size = 1 << (2 * len(keys) - 1).bit_length()
    slots = array.array("i", [_EMPTY]) * size
    mask = size - 1
    for index, key in enumerate(keys):
        slot = zlib.crc32(key.encode("utf-8", "surrogatepass")) & mask
        while slots[slot] != _EMPTY:
            slot = (slot + 1) & mask
        slots[slot] = index
    return slots
