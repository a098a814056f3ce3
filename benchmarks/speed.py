#!/usr/bin/env python3
"""Speed side by side: copylint, codespell and proselint on the same prose.

    python benchmarks/speed.py [--shared ../shared] [--runs 3] [--big-mb 100] [--skip-big]

It builds a private virtual environment (``benchmarks/.tools``) and installs all three tools
into it as users get them: codespell and proselint from the package registry, copylint from this
checkout (``pip install``, a regular install, rebuilt on every benchmark run, with its bytecode
compiled at install as pip does for every package; a development checkout's editable install
and ``PYTHONDONTWRITEBYTECODE`` would otherwise charge copylint alone for compiling its sources
on every run). copylint's data tables are built once, in an untimed first run, into a folder of
the benchmark's own (the first-run time is reported). Then it times, with several runs and
medians:

- the clean corpus (``../shared/corpora/clean``, 518 files, about 7 MB): copylint cold cache with
  ``--jobs 1`` and default jobs, copylint warm cache, codespell, proselint;
- one article (the pre-commit case), copylint and codespell: the seed article (plain text) and
  a Markdown article of the clean corpus of about the same size (Markdown costs the parser's
  import, about 20 ms);
- a generated corpus of ``--big-mb`` megabytes in thousands of files (copies of the clean corpus,
  written to a temporary folder, never committed) and one tenth of it, for copylint (default jobs,
  no cache) and codespell, to show how time and memory grow.

Each row reports wall seconds (timed here to the millisecond), CPU seconds and peak memory (the
largest process, from ``/usr/bin/time``), MB/s and the ratio to copylint's default cold run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent


def tools_env() -> Path:
    """The benchmark's environment, with codespell, proselint and this checkout's copylint."""
    env = HERE / ".tools"
    pip = [str(env / "bin" / "pip"), "install", "--quiet"]
    if not (env / "bin" / "proselint").exists():
        venv.create(env, with_pip=True)
        subprocess.run([*pip, "codespell", "proselint"], check=True)
    if not (env / "bin" / "copylint").exists():
        subprocess.run([*pip, str(HERE.parent)], check=True)  # with its dependencies
    subprocess.run([*pip, "--force-reinstall", "--no-deps", str(HERE.parent)], check=True)  # the code as it is now
    return env


def measure(
    command: list[str], runs: int, cwd: Path | None = None, env: dict[str, str] | None = None
) -> dict[str, float]:
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        started = time.perf_counter()  # to the millisecond: /usr/bin/time's %e has 10 ms steps
        out = subprocess.run(
            ["/usr/bin/time", "-f", "%e %U %S %M", *command],
            cwd=cwd, env=env, capture_output=True, text=True,
        )  # fmt: skip
        walls.append(time.perf_counter() - started)
        _, user, system, peak = out.stderr.strip().splitlines()[-1].split()
        cpus.append(float(user) + float(system))
        peaks.append(int(peak) / 1024)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "peak": max(peaks)}


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def build_big(source: Path, target: Path, megabytes: float) -> None:
    files = [p for p in source.rglob("*") if p.suffix in (".md", ".txt", ".html")]
    copy = 0
    while size_mb(target) < megabytes if target.exists() else True:
        folder = target / f"copy-{copy:03}"
        folder.mkdir(parents=True)
        for path in files:
            shutil.copyfile(path, folder / path.name)
        copy += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(HERE.parent / ".." / "shared"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big-mb", type=float, default=100)
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args()
    clean = Path(args.shared) / "corpora" / "clean"
    article = Path(args.shared) / "seed" / "anora.txt"
    markdown_article = clean / "18f-blog" / "2014-09-08-the-encasement-strategy-on-legacy-systems-and-the.md"
    tools = tools_env()
    copylint = str(tools / "bin" / "copylint")
    codespell = str(tools / "bin" / "codespell")
    proselint = str(tools / "bin" / "proselint")
    scratch = Path(tempfile.mkdtemp(prefix="copylint-bench-"))
    env = {**os.environ, "COPYLINT_CACHE_DIR": str(scratch / "cache"), "COPYLINT_DATA_CACHE": str(scratch / "data")}
    rows: list[tuple[str, str, dict[str, float], float]] = []

    def row(label: str, corpus: Path, command: list[str], runs: int = args.runs, clear_cache: bool = False) -> None:
        if clear_cache:
            shutil.rmtree(scratch / "cache", ignore_errors=True)
        result = measure(command, runs, env=env)
        rows.append((label, corpus.name, result, size_mb(corpus)))
        print(f"{label:38} {result['wall']:8.3f}s wall {result['cpu']:8.2f}s cpu {result['peak']:7.0f} MB", flush=True)

    row("copylint, first run (builds its data)", article, [copylint, "check", "-q", "--no-cache", str(article)], runs=1)
    row("copylint --jobs 1 (cold)", clean, [copylint, "check", "-q", "--no-cache", "--jobs", "1", str(clean)])
    row("copylint (cold, default jobs)", clean, [copylint, "check", "-q", "--no-cache", str(clean)])
    measure([copylint, "check", "-q", str(clean)], 1, env=env)  # fill the cache
    row("copylint (warm cache)", clean, [copylint, "check", "-q", str(clean)])
    row("codespell", clean, [codespell, str(clean)])
    row("proselint", clean, [proselint, "check", str(clean)], runs=1)
    row("copylint, one article", article, [copylint, "check", "-q", "--no-cache", str(article)])
    row("codespell, one article", article, [codespell, str(article)])
    if markdown_article.exists():
        markdown_command = [copylint, "check", "-q", "--no-cache", str(markdown_article)]
        row("copylint, one Markdown article", markdown_article, markdown_command)
        row("codespell, one Markdown article", markdown_article, [codespell, str(markdown_article)])
    if not args.skip_big:
        big = scratch / "big"
        small = scratch / "tenth"
        build_big(clean, big, args.big_mb)
        build_big(clean, small, args.big_mb / 10)
        row(f"copylint, {size_mb(small):.0f} MB", small, [copylint, "check", "-q", "--no-cache", str(small)], runs=1)
        row(f"copylint, {size_mb(big):.0f} MB", big, [copylint, "check", "-q", "--no-cache", str(big)], runs=1)
        row(f"codespell, {size_mb(big):.0f} MB", big, [codespell, str(big)], runs=1)
    base = next(result["wall"] for label, _, result, _ in rows if label == "copylint (cold, default jobs)")
    print("\n| run | corpus | wall s | CPU s | peak MB | MB/s | × copylint |")
    print("|---|---|---|---|---|---|---|")
    for label, corpus, result, megabytes in rows:
        rate = megabytes / result["wall"] if result["wall"] else 0.0
        print(
            f"| {label} | {corpus} | {result['wall']:.3f} | {result['cpu']:.2f} | {result['peak']:.0f} | "
            f"{rate:.2f} | {result['wall'] / base:.2f} |"
        )
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
