"""The compact table answers exactly as the dict it was built from, before and after promotion."""

from __future__ import annotations

import copy
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from copylint.language.spelling import table
from copylint.language.spelling.table import CompactTable, StringTable
from copylint.store import tables as datacache

SOURCE = {"of the": 5.0, "in a": 3.5, "a b": 1.0, "zeta": 9.0, "é ü": 2.0, "": 0.5}
PROBES = [*SOURCE, "of", "of thf", "zz", "a", "in  a", "Of the"]


def _mapped(value: Any) -> Any:
    """Written and read back as the data cache does: the arrays as views of the mapped file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table"
        with path.open("wb") as handle:
            datacache._write(value, handle)
        with path.open("rb") as handle:
            return datacache._read(handle)  # the mapping outlives the file's name


ROUND_TRIPS: list[Callable[[Any], Any]] = [
    lambda value: pickle.loads(pickle.dumps(value, protocol=2)),
    lambda value: pickle.loads(pickle.dumps(value, protocol=4)),
    lambda value: pickle.loads(pickle.dumps(value, protocol=5)),  # buffers in band
    copy.deepcopy,
    _mapped,
]


@pytest.mark.parametrize("round_trip", ROUND_TRIPS)
def test_lookups_equal_the_dict_before_and_after_promotion(monkeypatch, round_trip) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(table, "PROMOTE_AFTER", 3 * len(PROBES))
    compact = round_trip(CompactTable(SOURCE))
    for _ in range(6):  # crosses the promotion point
        for probe in PROBES:
            assert compact.get(probe) == SOURCE.get(probe)
            assert (probe in compact) == (probe in SOURCE)
    assert compact._dict is not None
    assert sorted(compact) == sorted(SOURCE) and len(compact) == len(SOURCE)
    assert compact.smallest == 0.5
    again = round_trip(compact)  # a promoted table pickles back to the flat form
    assert again._dict is None and {key: again[key] for key in SOURCE} == SOURCE


def test_an_empty_table() -> None:
    empty = CompactTable({})
    assert empty.get("x") is None and len(empty) == 0 and list(empty) == []


@pytest.mark.parametrize("round_trip", ROUND_TRIPS)
def test_a_large_table_with_colliding_slots_finds_every_key_and_no_other(round_trip) -> None:  # type: ignore[no-untyped-def]
    # 3,000 keys in 8,192 slots: linear probing runs are exercised; near-misses must not match
    source = {f"{word}{index}": float(index) for index, word in enumerate(["a", "é", "ab c", "x"] * 750)}
    compact = round_trip(CompactTable(source))
    for key, value in source.items():
        assert compact.get(key) == value
        assert compact.get(key + "x") is None and compact.get(key[:-1] + "\0") is None
    assert compact._dict is None


def test_keys_and_items_agree_with_the_dict(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(table, "PROMOTE_AFTER", 10**9)
    compact = CompactTable(SOURCE)
    assert {"of the", "nope", "zeta"} & compact.keys() == {"of the", "zeta"}
    assert dict(compact.items()) == SOURCE  # walking the items promotes the table
    assert compact._dict is not None
    assert {"of the", "nope"} & compact.keys() == {"of the"}


@pytest.mark.parametrize("round_trip", ROUND_TRIPS)
def test_a_string_table_answers_as_its_dict(round_trip) -> None:  # type: ignore[no-untyped-def]
    source = {"fro": "for from", "teh": "the", "é": "ü", "": "empty key", "x": ""}
    strings = round_trip(StringTable(source))
    for key, value in source.items():
        assert strings.get(key) == value and strings[key] == value and key in strings
    for missing in ["fr", "froo", "the", "\0"]:
        assert strings.get(missing) is None and missing not in strings
    assert sorted(strings) == sorted(source) and len(strings) == len(source)
    assert len(StringTable({})) == 0 and StringTable({}).get("a") is None


def test_the_data_cache_maps_the_arrays_instead_of_copying_them() -> None:
    loaded = _mapped(CompactTable(SOURCE))
    assert isinstance(loaded._values, memoryview) and loaded._values.readonly
    assert type(loaded._values.obj).__name__ == "mmap"  # a view of the file, not a copy of it
