"""Read-only string-keyed tables that load almost at once (the number table becomes a dict when
used a lot).

Loading a pickled dict of 242,000 bigram counts, and one of the lexicon's 250,000 word counts,
would take most of the time copylint spends on one short article: it creates an object per entry.
These tables are a few flat objects instead (the keys joined in one string, their offsets, the
values, and an open-addressing hash index keyed by CRC-32, which is the same in every process),
which unpickle at memory speed; a look-up hashes the key and compares one or two slices. From
pickle protocol 5 the number arrays travel as out-of-band buffers, which
:mod:`copylint.store.tables` maps from its file instead of copying: they load in no time and
worker processes share their pages. After ``PROMOTE_AFTER`` look-ups, a long run has shown it
will make many more, and a :class:`CompactTable` builds a real dict once for hash-speed look-ups.
"""

from __future__ import annotations

import array
import pickle
import zlib
from collections.abc import ItemsView, Iterator, Mapping
from typing import Any, Literal, SupportsIndex, TypeAlias

Integers: TypeAlias = "array.array[int] | memoryview[int]"
Floats: TypeAlias = "array.array[float] | memoryview[float]"
"""Flat runs of numbers: arrays when built, read-only views of the cache file when loaded."""

PROMOTE_AFTER = 20_000
SEPARATOR = "\0"
_EMPTY = -1


class _Joined:
    """Strings joined by NUL in one string, with their offsets: the i-th without a list of objects."""

    __slots__ = ("blob", "offsets")
    offsets: Integers

    def __init__(self, items: list[str]) -> None:
        if any(SEPARATOR in item for item in items):
            raise ValueError("keys and values must not contain NUL")
        self.blob = SEPARATOR.join(items)
        self.offsets = array.array("q", _offsets_of(items))

    @classmethod
    def restore(cls, state: tuple[str, Any]) -> _Joined:
        joined = cls.__new__(cls)
        joined.blob, joined.offsets = state[0], _integers(state[1], "q")
        return joined

    def state(self, protocol: SupportsIndex) -> tuple[str, Any]:
        return self.blob, _pickled(self.offsets, protocol)

    def __getitem__(self, index: int) -> str:
        return self.blob[self.offsets[index] : self.offsets[index + 1] - 1]

    def __len__(self) -> int:
        return max(len(self.offsets) - 1, 0)

    def all(self) -> list[str]:
        return self.blob.split(SEPARATOR) if len(self) else []


class _FlatKeys:
    """Keys joined in one string, found through a hash index of their positions; a subclass
    stores the values and answers ``get`` (``[]`` and ``in`` follow from it)."""

    _slots: Integers

    def __init__(self, keys: list[str]) -> None:
        self._joined = _Joined(keys)
        self._slots = _hash_index(keys)

    def _key_state(self, protocol: SupportsIndex) -> tuple[tuple[str, Any], Any]:
        return self._joined.state(protocol), _pickled(self._slots, protocol)

    def _set_key_state(self, joined: tuple[str, Any], slots: Any) -> None:
        self._joined = _Joined.restore(joined)
        self._slots = _integers(slots, "i")

    def _find(self, key: str) -> int:
        """The key's index, or -1."""
        slots = self._slots
        if not slots:
            return _EMPTY
        mask = len(slots) - 1
        slot = zlib.crc32(key.encode("utf-8", "surrogatepass")) & mask
        joined = self._joined
        while (index := slots[slot]) != _EMPTY:
            if joined[index] == key:
                return index
            slot = (slot + 1) & mask
        return _EMPTY

    def get(self, key: str, default: Any = None) -> Any:
        raise NotImplementedError

    def __getitem__(self, key: str) -> Any:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None


class CompactTable(_FlatKeys, Mapping[str, float]):
    """A string-to-number table, found through the hash index until promoted to a dict."""

    _values: Floats

    def __init__(self, table: Mapping[str, float]) -> None:
        keys = sorted(table)
        super().__init__(keys)
        self._values = array.array("d", (table[key] for key in keys))
        self.smallest = min(self._values, default=1.0)
        self._dict: dict[str, float] | None = None
        self._lookups = 0

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        if self._dict is not None:  # pickled after promotion: back to the flat form
            return CompactTable(self._dict).__reduce_ex__(protocol)
        return _restored, (CompactTable, (*self._key_state(protocol), _pickled(self._values, protocol), self.smallest))

    def __setstate__(self, state: tuple[tuple[str, Any], Any, Any, float]) -> None:
        joined, slots, values, self.smallest = state
        self._set_key_state(joined, slots)
        self._values = _floats(values)
        self._dict = None
        self._lookups = 0

    def _promote(self) -> None:
        """Become a dict, and let the flat form go (the dict holds the same data). ``get`` then
        is the dict's own method, with no Python frame in between."""
        self._dict = dict(zip(self._joined.all(), self._values, strict=True))
        self._set_key_state(("", b""), b"")
        self._values = array.array("d")
        self.get = self._dict.get  # type: ignore[method-assign,assignment]

    def get(self, key: str, default: float | None = None) -> float | None:  # type: ignore[override]
        self._lookups += 1
        if self._lookups > PROMOTE_AFTER:
            self._promote()
            return self.get(key, default)
        index = self._find(key)
        return default if index == _EMPTY else self._values[index]

    def __len__(self) -> int:
        return len(self._dict) if self._dict is not None else len(self._values)

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict if self._dict is not None else self._joined.all())

    def items(self) -> ItemsView[str, float]:
        if self._dict is None:
            self._promote()  # walking every item is a long run's work
        assert self._dict is not None
        return self._dict.items()


class StringTable(_FlatKeys, Mapping[str, str]):
    """A string-to-string table (no NUL in keys or values); never promoted."""

    def __init__(self, table: Mapping[str, str]) -> None:
        keys = sorted(table)
        super().__init__(keys)
        self._values = _Joined([table[key] for key in keys])

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        return _restored, (StringTable, (*self._key_state(protocol), self._values.state(protocol)))

    def __setstate__(self, state: tuple[tuple[str, Any], Any, tuple[str, Any]]) -> None:
        joined, slots, values = state
        self._set_key_state(joined, slots)
        self._values = _Joined.restore(values)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        index = self._find(key)
        return default if index == _EMPTY else self._values[index]

    def __len__(self) -> int:
        return len(self._joined)

    def __iter__(self) -> Iterator[str]:
        return iter(self._joined.all())


def _pickled(numbers: Integers | Floats, protocol: SupportsIndex) -> Any:
    """Numbers for pickling: out of band from protocol 5 (a :class:`pickle.PickleBuffer`, which
    the data cache stores apart and maps back), else their bytes."""
    return pickle.PickleBuffer(numbers) if int(protocol) >= 5 else bytes(memoryview(numbers).cast("B"))


def _integers(buffer: Any, typecode: Literal["q", "i"]) -> memoryview[int]:
    """A read-only view of the ``typecode`` integers in ``buffer`` (no copy): indexing it is as
    fast as indexing an array."""
    return memoryview(buffer).cast("B").cast(typecode).toreadonly()


def _floats(buffer: Any) -> memoryview[float]:
    """A read-only view of the doubles in ``buffer`` (no copy)."""
    return memoryview(buffer).cast("B").cast("d").toreadonly()


def _restored(kind: type[_FlatKeys], state: tuple[Any, ...]) -> _FlatKeys:
    table = kind.__new__(kind)
    table.__setstate__(state)  # type: ignore[attr-defined]
    return table


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
