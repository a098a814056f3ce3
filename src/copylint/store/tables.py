"""A compact, precomputed form of the large read-only data copylint builds from installed packages
(the lexicon, the bigram counts, the public suffix list), so that a run on one article does not
spend its time parsing word lists.

The first run builds each table and writes it, pickled, to ``$COPYLINT_DATA_CACHE`` (default:
the user's cache folder, ``~/.cache/copylint``); later runs load that file. The pickle's
out-of-band buffers (the tables' number arrays, see :mod:`copylint.language.spelling.table`) follow it in
the file, aligned, and a load maps the file into memory and hands them to the unpickler as views
of it: nothing is copied, a run touches only the pages it reads, and worker processes share them
(reading and copying the tables instead was a large share of a run on one article). The file name
holds a hash of copylint's version and code and of the versions of the packages the data comes
from, so an upgrade (or an edit in a development checkout) rebuilds it. Writes go to a temporary
file renamed into place, so concurrent runs are safe; if the folder cannot be written, the data
is simply built in memory. Writing a table removes that table's files from other versions that
no run has loaded for :data:`STALE_DAYS` days, keeping at most :data:`KEEP_OTHER_VERSIONS`: two
installs of different versions that share the folder (a project's environment and pre-commit's,
say) keep their own tables instead of rebuilding them on every alternate run.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import re
import struct
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, TypeVar

from copylint._version import __version__
from copylint.store.environment import code_digest, package_version
from copylint.store.files import cache_folder, mark_used, remove_other_versions, replace_atomically

T = TypeVar("T")


def _versions(packages: Sequence[str]) -> str:
    return ";".join([f"copylint={__version__}", *(f"{package}={package_version(package)}" for package in packages)])


FORMAT = 7
"""Bumped whenever the shape of a cached table changes."""


def cached(name: str, packages: Sequence[str], build: Callable[[], T]) -> T:
    """The table ``name`` from the cache folder, building (and storing) it when missing."""
    digest = hashlib.sha256(f"{FORMAT};{_versions(packages)};{code_digest()}".encode()).hexdigest()[:16]
    path = os.path.join(cache_folder(), f"{name}-{digest}.pickle")
    try:
        with open(path, "rb") as handle:
            value: T = _read(handle)
            modified = os.fstat(handle.fileno()).st_mtime
        mark_used(path, modified)
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError, struct.error):
        pass
    value = build()
    try:
        replace_atomically(path, lambda handle: _write(value, handle))
    except OSError:
        return value  # a read-only home: build in memory every time
    _remove_stale(name, path)
    return value


_MAGIC = b"copylint"
_HEADER = struct.Struct("<8sQQ")
"""Magic, the pickle's length, the number of out-of-band buffers; then each buffer's offset and
length (:data:`_EXTENT`), the pickle, and the buffers, each starting at a multiple of
:data:`_ALIGN` bytes."""
_EXTENT = struct.Struct("<QQ")
_ALIGN = 64


def _write(value: object, handle: BinaryIO) -> None:
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    raws = [buffer.raw() for buffer in buffers]
    position = _HEADER.size + _EXTENT.size * len(raws) + len(data)
    extents = []
    for raw in raws:
        position += -position % _ALIGN
        extents.append((position, raw.nbytes))
        position += raw.nbytes
    handle.write(_HEADER.pack(_MAGIC, len(data), len(raws)))
    handle.writelines(_EXTENT.pack(*extent) for extent in extents)
    handle.write(data)
    for (offset, _), raw in zip(extents, raws, strict=True):
        handle.write(b"\0" * (offset - handle.tell()))
        handle.write(raw)


def _read(handle: BinaryIO) -> Any:
    """Unpickle a file :func:`_write` wrote, its buffers as views of the file mapped in memory
    (the mapping lives as long as they do; files are replaced, never rewritten, so it stays valid).
    Where the file cannot be mapped (an empty file, a file system without ``mmap``), it is read."""
    try:
        view = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):
        view = memoryview(handle.read())
    magic, length, count = _HEADER.unpack_from(view)
    if magic != _MAGIC:
        raise ValueError("not a copylint data file")
    extents = [_EXTENT.unpack_from(view, _HEADER.size + _EXTENT.size * index) for index in range(count)]
    start = _HEADER.size + _EXTENT.size * count
    if max([start + length, *(offset + size for offset, size in extents)]) > len(view):
        raise ValueError("a truncated data file")
    buffers = [view[offset : offset + size] for offset, size in extents]
    return pickle.loads(view[start : start + length], buffers=buffers)  # noqa: S301 - our own cache file


def _remove_stale(name: str, current: str) -> None:
    """Delete this table's files from other versions, so upgrades and edits do not pile them up."""
    remove_other_versions(current, re.compile(rf"{re.escape(name)}-[0-9a-f]{{16}}\.pickle"))
