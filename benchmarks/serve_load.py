#!/usr/bin/env python3
"""Load on ``copylint serve`` over loopback: concurrent clients posting whole articles.

    python benchmarks/serve_load.py [--clients 50] [--seconds 60] [--words 1000] [--max-in-flight 8]

It starts ``copylint serve --port 0`` (from an empty folder, so no configuration applies), then
``--clients`` clients each post an article of ``--words`` words to ``/v2/check`` as
LanguageTool clients do (form-encoded ``text``, ``language=en-US``), one request after another,
for ``--seconds``. The article is the golden plain-text article (``fixtures/anora.txt``) repeated
to length. It reports requests answered (200) and refused (503) per second, the median and
99th-percentile latency of each, the server's peak memory (``VmHWM``) and any request lost: an
error, a time-out or another status. Refusals are the in-flight cap at work, not losses.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def article(words: int) -> str:
    source = (ROOT / "fixtures" / "anora.txt").read_text(encoding="utf-8").split()
    return " ".join(source[index % len(source)] for index in range(words))


def start(folder: Path, max_in_flight: int) -> tuple[subprocess.Popen[bytes], str, Path]:
    log = folder / "serve.log"
    command = [sys.executable, "-m", "copylint", "serve", "--port", "0", "--max-in-flight", str(max_in_flight)]
    with log.open("w") as stderr:
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=stderr)
    deadline = time.monotonic() + 120
    while not (found := re.search(r"listening on (http://127\.0\.0\.1:\d+)/v2/", log.read_text())):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"copylint serve did not start:\n{log.read_text()}")
        time.sleep(0.1)
    return process, found.group(1), log


async def client(url: str, text: str, until: float, outcomes: list[tuple[str, float]]) -> None:
    async with httpx.AsyncClient(timeout=60) as http:
        while time.monotonic() < until:
            began = time.perf_counter()
            try:
                response = await http.post(f"{url}/v2/check", data={"text": text, "language": "en-US"})
                kind = {200: "answered", 503: "refused"}.get(response.status_code, f"status {response.status_code}")
                if kind == "refused":
                    await asyncio.sleep(0.05)  # as a client backs off before trying again
            except httpx.HTTPError as exc:
                kind = f"lost ({type(exc).__name__})"
            outcomes.append((kind, time.perf_counter() - began))


def peak_memory_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--max-in-flight", type=int, default=8)
    options = parser.parse_args()
    text = article(options.words)
    with tempfile.TemporaryDirectory() as folder:
        process, url, _ = start(Path(folder), options.max_in_flight)
        try:
            outcomes: list[tuple[str, float]] = []

            async def everyone() -> None:
                until = time.monotonic() + options.seconds
                await asyncio.gather(*(client(url, text, until, outcomes) for _ in range(options.clients)))

            began = time.monotonic()
            asyncio.run(everyone())
            elapsed = time.monotonic() - began
            memory = peak_memory_mb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=10)
    counts = Counter(kind for kind, _ in outcomes)
    print(f"{options.clients} clients, {options.words}-word article, {elapsed:.1f} s, cap {options.max_in_flight}")
    for kind in sorted(counts):
        latencies = sorted(seconds for each, seconds in outcomes if each == kind)
        p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
        print(
            f"  {kind:<10} {counts[kind]:>6} requests  {counts[kind] / elapsed:7.1f}/s  "
            f"median {statistics.median(latencies) * 1000:7.0f} ms  p99 {p99 * 1000:7.0f} ms"
        )
    lost = sum(count for kind, count in counts.items() if kind not in ("answered", "refused"))
    print(f"  server peak memory {memory:.0f} MB; lost {lost}")


if __name__ == "__main__":
    main()
