"""The compact table answers exactly as the dict it was built from, before and after promotion."""

from __future__ import annotations

import pickle

from copylint.spelling import table
from copylint.spelling.table import CompactTable, StringTable

SOURCE = {"of the": 5.0, "in a": 3.5, "a b": 1.0, "zeta": 9.0, "é ü": 2.0, "": 0.5}
PROBES = [*SOURCE, "of", "of thf", "zz", "a", "in  a", "Of the"]


def test_lookups_equal_the_dict_before_and_after_promotion(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(table, "PROMOTE_AFTER", 3 * len(PROBES))
    compact = pickle.loads(pickle.dumps(CompactTable(SOURCE)))
    for _ in range(6):  # crosses the promotion point
        for probe in PROBES:
            assert compact.get(probe) == SOURCE.get(probe)
            assert (probe in compact) == (probe in SOURCE)
    assert compact._dict is not None
    assert sorted(compact) == sorted(SOURCE) and len(compact) == len(SOURCE)
    assert compact.smallest == 0.5
    again = pickle.loads(pickle.dumps(compact))  # a promoted table pickles back to the flat form
    assert again._dict is None and {key: again[key] for key in SOURCE} == SOURCE


def test_an_empty_table() -> None:
    empty = CompactTable({})
    assert empty.get("x") is None and len(empty) == 0 and list(empty) == []


def test_a_large_table_with_colliding_slots_finds_every_key_and_no_other() -> None:
    # 3,000 keys in 8,192 slots: linear probing runs are exercised; near-misses must not match
    source = {f"{word}{index}": float(index) for index, word in enumerate(["a", "é", "ab c", "x"] * 750)}
    compact = pickle.loads(pickle.dumps(CompactTable(source)))
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


def test_a_string_table_answers_as_its_dict() -> None:
    source = {"fro": "for from", "teh": "the", "é": "ü", "": "empty key", "x": ""}
    strings = pickle.loads(pickle.dumps(StringTable(source)))
    for key, value in source.items():
        assert strings.get(key) == value and strings[key] == value and key in strings
    for missing in ["fr", "froo", "the", "\0"]:
        assert strings.get(missing) is None and missing not in strings
    assert sorted(strings) == sorted(source) and len(strings) == len(source)
    assert len(StringTable({})) == 0 and StringTable({}).get("a") is None
