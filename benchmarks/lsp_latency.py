#!/usr/bin/env python3
"""How soon an editor sees diagnostics after a change: ``copylint lsp`` driven by pygls's client.

    python benchmarks/lsp_latency.py [--document ARTICLE.md] [--shared ../shared] [--changes 30]

It starts ``copylint lsp`` as an editor does (a subprocess on standard input and output), opens a
Markdown article of about 2,000 words (by default the first of the clean corpus with 1,900 to
2,300 words), waits for its first diagnostics (the session and word tables load then, reported
apart), then types: each change inserts a word at a different place, as an incremental edit,
and the time from sending it to receiving the diagnostics for that version is measured. The
figures include the server's debounce (``DEBOUNCE_SECONDS``), as an editor's user waits for it.
Needs the ``lsp`` extra.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient


def pick_article(shared: Path) -> Path:
    for path in sorted((shared / "corpora" / "clean").rglob("*.md")):
        if 1900 <= len(path.read_text(encoding="utf-8").split()) <= 2300:
            return path
    raise SystemExit(f"no article of about 2,000 words under {shared}/corpora/clean; give --document")


async def measure(document: Path, changes: int) -> None:
    client = LanguageClient("lsp-latency", "1")
    arrived: dict[int, float] = {}
    published = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        arrived[params.version or 0] = time.perf_counter()
        published.set()

    await client.start_io(sys.executable, "-m", "copylint", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    text = document.read_text(encoding="utf-8")
    uri = document.resolve().as_uri()
    started = time.perf_counter()
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    while 1 not in arrived:
        await published.wait()
        published.clear()
    print(f"{document.name}: {len(text.split())} words; first diagnostics {1000 * (arrived[1] - started):.0f} ms")
    lines = text.splitlines()
    waits = []
    for version in range(2, changes + 2):
        line = (version * 7) % len(lines)
        position = types.Position(line=line, character=0)
        change = types.TextDocumentContentChangePartial(range=types.Range(start=position, end=position), text="Also ")
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]
            )
        )
        while version not in arrived:
            await published.wait()
            published.clear()
        waits.append(1000 * (arrived[version] - sent))
        await asyncio.sleep(0.05)
    waits.sort()
    print(
        f"change to diagnostics over {changes} changes: median {statistics.median(waits):.0f} ms, "
        f"95th percentile {waits[int(0.95 * (len(waits) - 1))]:.0f} ms, max {waits[-1]:.0f} ms"
    )
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--document", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--changes", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(measure(args.document or pick_article(args.shared), args.changes))


if __name__ == "__main__":
    main()
