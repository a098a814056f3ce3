"""Lint on a Dask cluster (``copylint[dask]``): the same per-document engine, mapped over workers.

The client reads each file, answers from the result cache when it can, and sends the rest to
the cluster as decoded documents with the file's settings and format, each shipped once per run
(Dask scatters them; cloudpickle carries rule classes built from packs). Workers need copylint
installed, not the files or the configuration. Results come back in the order of the paths,
with only a bounded number of documents in flight.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from copylint.core.engine import lint_document
from copylint.core.errors import CopylintError
from copylint.core.finding import FileResult, Finding
from copylint.core.prose import DocumentFormat
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.project.plugins import PluginSet
from copylint.run.pipeline import cache_lookup, read_document, slim
from copylint.run.results import ResultCache

if TYPE_CHECKING:
    from distributed import Client

IN_FLIGHT_PER_WORKER = 8
LOCAL = "local"


def connect(scheduler: str) -> Client:
    """A client for ``scheduler``: ``tcp://host:port``, or ``local`` / ``local:N`` for N local workers.

    Connecting gives up after Dask's ``distributed.comm.timeouts.connect`` (30 s unless set, e.g.
    ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s``).
    """
    try:
        from distributed import Client, LocalCluster  # optional: copylint[dask]
    except ImportError as exc:
        raise CopylintError("--scheduler needs Dask: pip install 'copylint[dask]'") from exc
    name, _, count = scheduler.partition(":")
    try:
        if name == LOCAL:
            if count and not count.isdigit():
                raise CopylintError(f"--scheduler {scheduler}: expected 'local' or 'local:N' with N workers")
            cluster = LocalCluster(
                n_workers=int(count) if count else None,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            return Client(cluster)
        return Client(scheduler)
    except (OSError, TimeoutError, ValueError) as exc:
        raise CopylintError(f"--scheduler {scheduler}: cannot connect ({exc})") from exc


def close(client: Client) -> None:
    """Disconnect, and stop the cluster too when :func:`connect` started it locally."""
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()


def lint_on_cluster(
    client: Client,
    paths: Iterable[str],
    plugins: PluginSet,
    settings_for: Callable[[str], LintSettings],
    cache: ResultCache | None = None,
) -> Iterator[FileResult]:
    """Lint ``paths`` on the cluster behind ``client``, yielding one result per path, in order."""
    # by the ids of a settings object and a format; each entry keeps its pair alive, so ids stay unique
    shipped: dict[tuple[int, int], tuple[object, Any]] = {}
    window = max(1, IN_FLIGHT_PER_WORKER * sum(client.nthreads().values()))
    pending: collections.deque[tuple[FileResult, Any, str]] = collections.deque()

    def collect(entry: tuple[FileResult, Any, str]) -> FileResult:
        result, future, key = entry
        if future is None:
            return result
        try:
            findings, error = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker costs this file, not the run
            return FileResult(result.path, result.document, (), f"{result.path}: failed on the cluster ({exc!r})")
        if cache is not None and error is None:
            cache.put(key, findings)
        return slim(FileResult(result.path, result.document, findings, error))

    for path in paths:
        read = read_document(path)
        if isinstance(read, FileResult):
            pending.append((read, None, ""))
        else:
            document, data = read  # the bytes key the cache; workers get the decoded document
            settings = settings_for(path)
            document_format = plugins.format_for(path)
            key, cached = cache_lookup(cache, document, data, settings, document_format.name)
            if cached is not None:
                pending.append((cached, None, ""))
            else:
                ids = (id(settings), id(document_format))
                if ids not in shipped:
                    pair = (settings, document_format)
                    shipped[ids] = (pair, client.scatter(pair, broadcast=True, hash=False))
                future = client.submit(lint_on_worker, document, shipped[ids][1], pure=False)
                pending.append((FileResult(path, document), future, key))
        while len(pending) > window or (pending and pending[0][1] is None):
            yield collect(pending.popleft())
    while pending:
        yield collect(pending.popleft())


def lint_on_worker(
    document: Document, shipped: tuple[LintSettings, DocumentFormat]
) -> tuple[tuple[Finding, ...], str | None]:
    """The task each worker runs: lint one document."""
    settings, document_format = shipped
    result = lint_document(document, document_format, settings)
    return result.findings, result.error
